#!/usr/bin/env bash
# Mutation testing per rule area with Stryker.NET (the version pinned in .config/dotnet-tools.json).
# Usage: eng/mutation.sh [area…]      areas: the names of eng/mutation/*.json (kernel sampling credit …); none = all
# Each area's configuration is eng/mutation/<area>.json. The JSON report of each run is kept as
# mutation/<area>.json and mutation/README.md gets that area's row, its survivors and their reasons
# (eng/mutation/equivalent.tsv gives a reason to each survivor judged equivalent). Not part of .ci/run: a whole-library
# run takes over an hour on two cores; the unit suite checks only that the configurations are valid.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
# Buildalyzer (inside Stryker) gives `dotnet --info` 10 s by default and then fails with "Could not find build
# environment"; on a loaded two-core machine that call takes longer, so allow two minutes.
export DOTNET_INFO_WAIT_TIME=${DOTNET_INFO_WAIT_TIME:-120000}
if [ $# -eq 0 ]; then set -- $(ls eng/mutation/*.json | xargs -n1 basename | sed 's/\.json$//'); fi
mkdir -p mutation
for area in "$@"; do
  config="$root/eng/mutation/$area.json"
  [ -f "$config" ] || { echo "no configuration for area '$area' (eng/mutation/$area.json)" >&2; exit 2; }
  out=$(mktemp -d)
  echo "== $area: $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  (cd tests/MarketRules.Tests && dotnet stryker --config-file "$config" --output "$out")
  report=$(find "$out" -name 'mutation-report.json' | head -n 1)
  [ -n "$report" ] || { echo "Stryker wrote no JSON report for $area" >&2; exit 1; }
  cp "$report" "mutation/$area.json"
  python3 eng/mutation/summary.py "$area" "$(python3 -c "import json;print(json.load(open('.config/dotnet-tools.json'))['tools']['dotnet-stryker']['version'])")" "$(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "$out"
done
