#!/usr/bin/env bash
# Mutation testing per rule area with Stryker.NET (the version pinned in .config/dotnet-tools.json).
# Usage: eng/mutation.sh [area…]      areas: the names of eng/mutation/*.json (kernel sampling credit …); none = all
#        an area may name one folder inside it, e.g. kernel/Calendar: that area's configuration, mutating that folder
#        only, kept as mutation/kernel-calendar.json; the engine is measured per rule folder (engine/Rules/Referral,
#        with the engine's tests and that area's; engine/root for the files directly in the engine's folder)
# Each area's configuration is eng/mutation/<area>.json. The JSON report of each run is kept as
# mutation/<area>.json and mutation/README.md gets that area's row, its survivors and their reasons
# (eng/mutation/equivalent.tsv gives a reason to each survivor judged equivalent). Not part of .ci/run: a whole-library
# run takes over an hour on two cores; the unit suite checks only that the configurations are valid.
# MUTATION_TESTS='<dotnet test --filter expression>' runs those tests instead of the area's own (its configuration's
# test-case-filter); the filter is recorded with the run.
# On a machine shared with others, run it below their priority: `nice -n 5 eng/mutation.sh referral` (the niceness is
# recorded with the run, with the load at its start and end).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
# The calendar's tests cross-check it against the reference data beside the repository (../shared, as CI has it); in a
# clone or worktree without it they fail, and Stryker would go on with those tests left out and report a lower score.
[ -d "$root/../shared/reference/holiday-cn" ] || { echo "no ../shared/reference/holiday-cn beside $root: link the shared folder there first" >&2; exit 2; }
# Buildalyzer (inside Stryker) gives `dotnet --info` 10 s by default and then fails with "Could not find build
# environment"; on a loaded two-core machine that call takes longer, so allow two minutes.
export DOTNET_INFO_WAIT_TIME=${DOTNET_INFO_WAIT_TIME:-120000}
# Stryker credits a mutant to the tests running while it is hit; with xUnit's test classes side by side, a test of
# another class took the credit and the mutant ran only against it. The test project built with MutationRun=true runs
# its tests one at a time (tests/MarketRules.Tests/Properties/MutationRun.cs).
export MutationRun=true
if [ $# -eq 0 ]; then set -- $(ls eng/mutation/*.json | xargs -n1 basename | sed 's/\.json$//'); fi
version=$(python3 -c "import json;print(json.load(open('.config/dotnet-tools.json'))['tools']['dotnet-stryker']['version'])")
mkdir -p mutation
for area in "$@"; do
  base=${area%%/*}
  config="$root/eng/mutation/$base.json"
  [ -f "$config" ] || { echo "no configuration for area '$base' (eng/mutation/$base.json)" >&2; exit 2; }
  # The tests a run uses: the area's own (its configuration's test-case-filter: the area's test folder, the engine's
  # tests but the strict-door one, which mutates every rule's requests and is the engine's run's, and the citation
  # registry's), or MUTATION_TESTS when set. Not the whole suite: Stryker runs every test it
  # is given for each mutant it cannot attribute to tests (one in a static initializer: a citation, an error's text),
  # one fresh test process each, and the whole suite made a credit run last hours. Tests of other areas that would
  # kill a mutant are left out, so the score is a lower bound. Tests that start a database server (trait
  # Needs=PostgreSQL) are always left out: what they reproduce in SQL, the in-memory tests assert too.
  own=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['stryker-config'].get('test-case-filter',''))" "$config")
  # The engine has no filter of its own: its run is the engine's tests (the strict door's too), and a folder of one
  # area's JSON rule (engine/Rules/Referral) adds that area's tests, which decide through the rule.
  if [ "$base" = engine ] && [ -z "$own" ]; then
    own="FullyQualifiedName~MarketRules.Tests.Engine."
    case "$area" in
      engine/Rules/Calendar) own="$own|FullyQualifiedName~MarketRules.Tests.Kernel.PeriodCalculator|FullyQualifiedName~MarketRules.Tests.Kernel.StatutoryCalendar" ;;
      engine/Rules/*) own="$own|FullyQualifiedName~MarketRules.Tests.${area#engine/Rules/}." ;;
    esac
  fi
  filter=${MUTATION_TESTS:-$own}
  if [ -n "$filter" ]; then filter="($filter)&Needs!=PostgreSQL"; else filter="Needs!=PostgreSQL"; fi
  narrow=(--test-case-filter "$filter")
  if [ "$base" != "$area" ]; then
    folder=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['stryker-config']['mutate'][0].split('/**/')[0])" "$config")
    if [ "${area#*/}" = root ]; then
      # engine/root: the files directly in the area's folder, not its subfolders (the engine's core beside Rules/).
      narrow+=(--mutate "$folder/*.cs")
    else
      folder=$folder/${area#*/}
      [ -d "$root/${folder#\*\*/}" ] || { echo "no folder ${folder#\*\*/}" >&2; exit 2; }
      narrow+=(--mutate "$folder/**/*.cs")
    fi
    area=$(echo "$area" | tr '/A-Z' '-a-z')
  fi
  out=$(mktemp -d)
  load_start=$(cut -d' ' -f1-3 /proc/loadavg)
  started=$(date +%s)
  echo "== $area: $(date -u +%FT%TZ), load $load_start, nice $(nice)" >&2
  (cd tests/MarketRules.Tests && dotnet stryker --config-file "$config" ${narrow[@]+"${narrow[@]}"} --output "$out")
  report=$(find "$out" -name 'mutation-report.json' | head -n 1)
  [ -n "$report" ] || { echo "Stryker wrote no JSON report for $area" >&2; exit 1; }
  cp "$report" "mutation/$area.json"
  load="start $load_start, end $(cut -d' ' -f1-3 /proc/loadavg); nice $(nice); $(( ($(date +%s) - started) / 60 )) min"
  python3 eng/mutation/summary.py "$area" "$version" "$load" "tests/MarketRules.Tests where $filter"
  rm -rf "$out"
done
