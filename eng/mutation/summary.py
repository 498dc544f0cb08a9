#!/usr/bin/env python3
"""Writes mutation/README.md from the kept Stryker JSON reports (mutation/<area>.json).

Usage: summary.py [area version load]   — with arguments, first records that area's run in mutation/runs.tsv.
Score = (killed + timeout) / (killed + timeout + survived + no coverage); compile errors and ignored mutants are
counted apart, as Stryker counts them. A survivor's reason comes from eng/mutation/equivalent.tsv
(file<TAB>line<TAB>mutator<TAB>reason), matched on file suffix, line and mutator name.
"""
import csv, datetime, json, os, platform, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
out_dir = os.path.join(root, "mutation")
runs_path = os.path.join(out_dir, "runs.tsv")

def read_runs():
    if not os.path.exists(runs_path):
        return {}
    with open(runs_path, newline="", encoding="utf-8") as f:
        return {row[0]: row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")}

def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"

def memory_gib():
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            return round(int(f.readline().split()[1]) / 1024 / 1024)
    except (OSError, ValueError, IndexError):
        return "?"

runs = read_runs()
if len(sys.argv) in (4, 5):
    area, version, load = sys.argv[1:4]
    tests = sys.argv[4] if len(sys.argv) == 5 else "all of tests/MarketRules.Tests"
    machine = f"{os.cpu_count()} cores {cpu_model()}, {memory_gib()} GiB, {platform.machine()}"
    runs[area] = [area, datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), version, load, machine, tests]
    with open(runs_path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["# area", "date", "stryker", "load (1/5/15 min)", "machine", "tests"])
        for key in sorted(runs):
            w.writerow(runs[key])

reasons = []
eq_path = os.path.join(root, "eng", "mutation", "equivalent.tsv")
if os.path.exists(eq_path):
    with open(eq_path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                file, line_no, mutator, reason = line.rstrip("\n").split("\t", 3)
                reasons.append((file, int(line_no), mutator, reason))

def reason_for(path, line, mutator):
    for file, line_no, m, reason in reasons:
        if path.endswith(file) and line == line_no and m == mutator:
            return reason
    return None

def notes():
    # What a reader needs to judge the numbers (what was made honest, what is left out): eng/mutation/notes.md.
    path = os.path.join(root, "eng", "mutation", "notes.md")
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8") as f:
        return f.read().rstrip("\n") + "\n\n"

rows, sections = [], []
for area in sorted(runs):
    report_path = os.path.join(out_dir, area + ".json")
    if not os.path.exists(report_path):
        continue
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    counts, survivors = {}, []
    for path, file in sorted(report["files"].items()):
        # Relative to the checkout the run was made in (the report's project root is <checkout>/src/MarketRules): a run
        # made in another worktree or clone reads the same as one made here.
        rel = os.path.relpath(path, os.path.dirname(os.path.dirname(report.get("projectRoot", os.path.join(root, "src", "x"))))) if os.path.isabs(path) else path
        if all(m["status"] == "Ignored" for m in file["mutants"]):
            # Stryker mutates the whole project and ignores what the area's `mutate` pattern leaves out: not this area.
            continue
        for m in file["mutants"]:
            status = m["status"]
            counts[status] = counts.get(status, 0) + 1
            if status in ("Survived", "NoCoverage"):
                line = m["location"]["start"]["line"]
                survivors.append((rel, line, m["mutatorName"], status, m.get("replacement", ""), reason_for(rel, line, m["mutatorName"])))
    killed = counts.get("Killed", 0) + counts.get("Timeout", 0)
    alive = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
    explained = sum(1 for s in survivors if s[5])
    score = 100.0 * killed / (killed + alive) if killed + alive else 100.0
    _, date, version, load, machine = runs[area][:5]
    tests = runs[area][5] if len(runs[area]) > 5 else "all of tests/MarketRules.Tests"
    rows.append(f"| {area} | {killed + alive + counts.get('CompileError', 0) + counts.get('Ignored', 0)} | {counts.get('Killed', 0)} | "
                f"{counts.get('Timeout', 0)} | {counts.get('Survived', 0)} | {counts.get('NoCoverage', 0)} | {counts.get('CompileError', 0)} | "
                f"{counts.get('Ignored', 0)} | **{score:.1f} %** | {explained} | {date} | {version} | {load} | {machine} | {tests} |")
    lines = [f"### {area}", ""]
    if survivors:
        lines += ["| where | mutator | status | replacement | reason |", "|---|---|---|---|---|"]
        for rel, line, mutator, status, replacement, reason in survivors:
            repl = replacement.replace("|", "\\|").replace("\n", " ")
            if len(repl) > 60:
                repl = repl[:57] + "…"
            lines.append(f"| `{rel}:{line}` | {mutator} | {status} | `{repl}` | {reason or 'not yet explained: a test is missing'} |")
    else:
        lines.append("No survivors.")
    sections.append("\n".join(lines))

text = """# Mutation testing

Written by `eng/mutation.sh` (Stryker.NET, `perTest` coverage, the unit suite `tests/MarketRules.Tests`); do not edit by
hand — give a survivor judged equivalent its reason in `eng/mutation/equivalent.tsv` and re-run
`python3 eng/mutation/summary.py`. Score = (killed + timeout) / (killed + timeout + survived + no coverage); the goal is
≥ 85 % per area. The JSON report of each area is beside this file (`<area>.json`, open it in any Stryker report viewer).

| area | mutants | killed | timeout | survived | no coverage | compile errors | ignored | score | survivors explained | date | Stryker | load | machine | tests run |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
""" + "\n".join(rows) + "\n\n" + notes() + "## Survivors\n\n" + "\n\n".join(sections) + "\n"
with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8") as f:
    f.write(text)
print(f"mutation/README.md: {len(rows)} area(s)")
