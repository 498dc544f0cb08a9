#!/usr/bin/env bash
# Publishes the marketrules command with Native AOT: one native file that needs no .NET, the release artifact beside
# the .NET tool package. Fails on any trim or AOT warning. Needs clang and zlib1g-dev (Debian packages).
# Usage: bash eng/publish-aot-cli.sh [output-directory]   (default artifacts/marketrules-aot-linux-x64)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
output=${1:-artifacts/marketrules-aot-linux-x64}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet publish src/MarketRules.Cli -c Release -r linux-x64 -p:PublishAot=true -p:SelfContained=true -p:PublishReadyToRun=false -o "$output" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 0 ] || { echo "publish-aot-cli: the Native AOT publish failed" >&2; exit 1; }
if grep -E 'warning (IL|NETSDK)[0-9]+' "$log" >/dev/null; then
  grep -E 'warning (IL|NETSDK)[0-9]+' "$log" | sort -u >&2
  echo "publish-aot-cli: trim or AOT warnings (above)" >&2
  exit 1
fi
# The command is marketrules (the assembly cannot be named so: it would shadow the MarketRules library at load time).
mv "$output/MarketRules.Cli" "$output/marketrules"
"$output/marketrules" --version
