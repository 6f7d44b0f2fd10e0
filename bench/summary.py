#!/usr/bin/env python3
"""Assembles target/bench/summary.json from the phase files of bench/run.sh and rewrites the "Latest run" section of
docs/benchmarks.md (between its two bench:run.sh markers). Arguments: mode patients years generate_seconds."""
import json, os, platform, subprocess, sys, datetime, re

mode, patients, years, gen_s = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
out = "target/bench"


def load(name):
    try:
        with open(os.path.join(out, name)) as f:
            return json.load(f)
    except Exception as e:  # a phase that did not run
        return {"error": f"{name}: {e}"}


start, rss, smoke = load("phase-start.json"), load("phase-rss.json"), load("phase-smoke.json")
reads, noaudit = load("phase-reads.json"), load("phase-reads-noaudit.json")
ingest, dash, att = load("phase-ingest.json"), load("phase-dashboards.json"), load("phase-attention.json")
mixed = load("phase-mixed.json")
warm, first = load("phase-warm.json"), load("phase-firstviews.json")
jmh = None
try:
    for b in json.load(open(os.path.join(out, "jmh-result.json"))):
        if b["benchmark"].endswith(".mapEstimate"):
            jmh = b["primaryMetric"]["scorePercentiles"]["50.0"]
except Exception:
    pass

counts = {}
try:
    text = open(os.path.join(out, "generate.log")).read()
    for m in re.finditer(r"^\s+(\w+\.\w+)\s+([\d,]+)$", text, re.M):
        counts[m.group(1)] = int(m.group(2).replace(",", ""))
except Exception:
    pass


def get(d, key):
    return d.get(key) if isinstance(d, dict) else None


reasons = {}
summary = {}


def put(key, value, reason=None):
    summary[key] = value
    if value is None:
        reasons[key] = reason or "not measured"


put("start_s", get(start, "start_s"))
put("rss_mib", get(rss, "rss_mib"))
rps, rps_off = get(reads, "rps"), get(noaudit, "rps")
put("patient_read_rps", rps, get(reads, "error"))
put("patient_read_audit_ratio", round(rps / rps_off, 3) if rps and rps_off else None, "a read phase failed")
put("ingest_entries_per_s", get(ingest, "entries_per_s"), get(ingest, "error"))
put("ingest_ratio_vs_copy", get(ingest, "ratio_vs_copy"), get(ingest, "error"))
put("dashboard_p95_ms", get(dash, "worst_p95_ms"), get(dash, "error"))
naive = get(dash, "naive_value_sql")
value = get(dash, "/api/v1/reports/value")
put("dashboard_speedup_vs_naive",
    round(naive["p95_ms"] / value["p95_ms"], 3) if naive and value and value.get("p95_ms") else None,
    "dashboard phase failed")
match = get(dash, "value_matches_naive")
summary["dashboard_value_matches_naive"] = match.get("matches") if isinstance(match, dict) else None
put("annual_pdf_network_s", get(dash, "annual_pdf_network_s"), "dashboard phase failed")
put("attention_p95_ms", get(att, "p95_ms"), get(att, "error"))
# issue 18: the centres compared after the background reading of their years (report.ComparisonWarmUp)
put("centres_warm_up_s", get(warm, "warm_up_s"))
views = [v for k, v in first.items() if k.startswith("/api/")] if isinstance(first, dict) else []
put("centres_first_view_max_ms", round(max(v["first_ms"] for v in views), 1) if views else None,
    get(first, "error") or "firstviews phase failed")
put("centres_view_p95_max_ms", max(v["p95_ms"] for v in views) if views else None,
    get(first, "error") or "firstviews phase failed")
put("centres_change_shown_s", get(first, "change_shown_after_s"), get(first, "error"))
put("mixed_rps", get(mixed, "mixed_rps"),
    get(mixed, "error") or "no rate held: every probe failed (p99 >= 100 ms or an error); see phase-mixed.json")
put("pk_map_median_ms", jmh, "JMH did not run; see target/bench/jmh.log")
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                       text=True).stdout.strip()
cpu = ""
try:
    cpu = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")][0]
except Exception:
    pass
load1 = os.getloadavg()[0]
meta = {
    "mode": mode, "patients": patients, "years": years, "generate_s": gen_s, "rows": counts,
    "commit": commit + ("+dirty" if dirty else ""), "date": datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC"),
    "machine": f"{os.cpu_count()} CPU {cpu}, {platform.system()} {platform.release()}, load {load1:.1f} at the end",
    "java": subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0],
    "smoke_checked": get(smoke, "checked"), "smoke_failures": get(smoke, "failures"),
}
summary["null_reasons"] = reasons
summary["run"] = meta
summary["detail"] = {"reads": reads, "reads_audit_off": noaudit, "ingest": ingest, "dashboards": dash,
                     "attention": att, "mixed": mixed, "centres_first_views": first}
json.dump(summary, open(os.path.join(out, "summary.json"), "w"), indent=2)

goals = {
    "start_s": "≤ 10 s", "rss_mib": "≤ 1,024 MiB (issue: under the mixed load)", "patient_read_rps": "≥ 2,500",
    "patient_read_audit_ratio": "≥ 0.7", "ingest_entries_per_s": "≥ 20,000", "ingest_ratio_vs_copy": "≥ 0.25",
    "dashboard_p95_ms": "≤ 20 ms", "dashboard_speedup_vs_naive": "≥ 100×", "attention_p95_ms": "≤ 100 ms",
    "mixed_rps": "≥ 500", "pk_map_median_ms": "≤ 5 ms",
    "annual_pdf_network_s": "≤ 30 s (issue 18: the national annual report)",
    "centres_warm_up_s": "(issue 18: the centres compared's eleven years read in the background after start)",
    "centres_first_view_max_ms": "(issue 18: the slowest first view of the centres compared after the warm-up)",
    "centres_view_p95_max_ms": "≤ 20 ms (issue 18: every report endpoint)",
    "centres_change_shown_s": "seconds (issue 14: a new entry shows in the dashboard within seconds)",
    "dashboard_value_matches_naive": "true (the value report's network IU/mg total equals plain SQL over the raw rows)"}
lines = [f"Run {meta['date']}, commit {meta['commit']}, `bench/run.sh{' --quick' if mode == 'quick' else ''}` "
         f"({patients} patients × {years} years, generated in {gen_s} s including the JVM start). "
         f"Machine: {meta['machine']}; {meta['java']}. Every page/API checked: {meta['smoke_checked']}, "
         f"failures: {meta['smoke_failures']}.", "", "| key | value | goal |", "|---|---|---|"]
for k, g in goals.items():
    v = summary.get(k)
    lines.append(f"| `{k}` | {v if v is not None else 'null: ' + reasons.get(k, '')} | {g} |")
block = "\n".join(lines)
doc = "docs/benchmarks.md"
text = open(doc).read()
begin, end = "<!-- bench:run.sh begin -->", "<!-- bench:run.sh end -->"
if begin in text and end in text:
    text = text[:text.index(begin) + len(begin)] + "\n" + block + "\n" + text[text.index(end):]
else:
    text += f"\n## Latest run of bench/run.sh\n\n{begin}\n{block}\n{end}\n"
open(doc, "w").write(text)
print(json.dumps({k: v for k, v in summary.items() if k not in ("detail",)}, indent=2))
