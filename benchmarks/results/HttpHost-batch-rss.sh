#!/usr/bin/env bash
# Starts the MarketRules server, posts a 15 MiB JSON-array batch, reports RSS before, peak and after.
set -euo pipefail
dll=/work/wt/hosting/src/MarketRules.Server/bin/Release/net10.0/MarketRules.Server.dll
dotnet "$dll" --urls http://127.0.0.1:5099 --MarketRules:Subsidies:Ledger memory > /tmp/bench/server.log 2>&1 &
pid=$!
for i in $(seq 1 100); do curl -sf http://127.0.0.1:5099/health/ready > /dev/null && break; sleep 0.3; done
curl -s -X POST http://127.0.0.1:5099/v1/rules/calendar.deadline/1/evaluate -H 'Content-Type: application/json' -d '{ "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": 15, "unit": "working-days" } }' > /dev/null
rss() { grep -E "^$1" /proc/$pid/status | awk '{print $2/1024 " MiB"}'; }
echo "after warm-up: RSS $(rss VmRSS), peak $(rss VmHWM)"
for round in 1 2 3; do
  /usr/bin/time -f "%e s" curl -s -X POST http://127.0.0.1:5099/v1/batch -H 'Content-Type: application/json' --data-binary @/tmp/bench/batch15.json -o /tmp/bench/out.json
  echo "round $round: answers $(stat -c %s /tmp/bench/out.json) bytes, ok=$(grep -o '"ok":true' /tmp/bench/out.json | wc -l); RSS $(rss VmRSS), peak $(rss VmHWM)"
done
sleep 5
echo "5 s later: RSS $(rss VmRSS), peak $(rss VmHWM)"
echo "$pid" > /tmp/bench/server.pid
