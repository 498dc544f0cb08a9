#!/usr/bin/env bash
# Brings a library's PublicAPI.Unshipped.txt in line with its code: adds the symbols RS0016 reports as undeclared
# and drops the ones RS0017 reports as gone. Review the diff: a removed line is a breaking change to decide on.
# Lines keep their order and new ones are appended, so the diff is what changed (the file is not in `sort` order, and
# re-sorting it made every run a 7,000-line diff that collided with every other branch).
# Usage: eng/update-public-api.sh [src/MarketRules]
set -euo pipefail
project_dir=${1:-src/MarketRules}
api="$project_dir/.PublicAPI/PublicAPI.Unshipped.txt"
log=$(mktemp)
dotnet build "$project_dir" -c Release -p:TreatWarningsAsErrors=false --no-incremental 2>&1 >"$log" || true
add=$(grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" "$log" | sort -u || true)
remove=$(grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared API)" "$log" | sort -u || true)
{
  echo '#nullable enable'
  { grep -v '^#nullable enable$' "$api" || true; if [ -n "$add" ]; then printf '%s\n' "$add"; fi; } \
    | grep -v '^$' | grep -vxF -f <(printf '%s\n' "$remove" | grep -v '^$' || echo '@@none@@') | awk '!seen[$0]++'
} > "$api.new"
mv "$api.new" "$api"
echo "public API: +$(printf '%s' "$add" | grep -c . || true) -$(printf '%s' "$remove" | grep -c . || true) in $api"
rm -f "$log"
