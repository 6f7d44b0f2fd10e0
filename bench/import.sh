#!/usr/bin/env bash
# bench/import.sh [patients] [infusions-per-patient] (issue 15): the registry import at scale, from the command line.
# Generates a small synthetic network (for its centres and catalogue) into a throw-away embedded database, writes a
# registry file of new patients (default 1,000 x 100 = 100,000 infusion rows, plus a patient and a plan row each),
# then runs `import --dry-run`, `import` and `import` again (which must change nothing) into centre NW01, printing
# each run's report (rows, what was stored, seconds, rows/s). Never part of ./mvnw verify; asserts nothing on time.
set -euo pipefail
cd "$(dirname "$0")/.."
PATIENTS="${1:-1000}"; PER="${2:-100}"
DATA="$(mktemp -d /tmp/hemonet-import.XXXXXX)"
trap 'rm -rf "$DATA"' EXIT
log() { echo "[import-bench $(date -u +%H:%M:%S)] $*" >&2; }

JAR="$(ls target/hemonet-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [[ -z "$JAR" ]] || [[ -n "$(find src pom.xml -newer "$JAR" -type f | head -1)" ]]; then
  log "building the jar"
  ./mvnw -q package -DskipTests
  JAR="$(ls target/hemonet-*.jar | grep -v original | head -1)"
fi
run() { HEMONET_DATA_DIR="$DATA" java -jar "$JAR" "$@"; }

log "generating a 300-patient network (centres, catalogue)"
run generate --patients 300 --years 1 --seed 1 > "$DATA/generate.log" 2>&1

FILE="$DATA/registry.csv"
python3 - "$FILE" "$PATIENTS" "$PER" <<'PY'
import sys, datetime
path, patients, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
start = datetime.date.today() - datetime.timedelta(days=3 * per + 10)
cols = ("record,patient_number,family_name,given_name,birth_date,sex,nhs_number,diagnosis,baseline_level_iu_dl,"
        "baseline_measured_on,weight_kg,date,residual_activity_percent,dilution,regimen,product,dose,dose_per_kg,"
        "schedule,schedule_interval,weekdays,dose_time,administered_at,batch_number,reason")
with open(path, "w") as f:
    f.write(cols + "\n")
    for p in range(patients):
        n = f"B-{p:06d}"
        f.write(f"PATIENT,{n},Bench,Pat{p},{1950 + p % 50}-0{1 + p % 9}-1{p % 9},MALE,,HEMOPHILIA_A,0.7,2001-01-01,72,,,,,,,,,,,,,,\n")
        f.write(f"PLAN,{n},,,,,,,,,,{start},,,PROPHYLAXIS,Octavia,2000,,EVERY_N_DAYS,3,,08:00,,,\n")
        for i in range(per):
            day = start + datetime.timedelta(days=3 * i)
            f.write(f"INFUSION,{n},,,,,,,,,,,,,,Octavia,2000,,,,,,{day}T08:00,OCT-{p % 40},PROPHYLAXIS\n")
PY
log "registry file: $(($(wc -l < "$FILE") - 1)) rows, $(du -h "$FILE" | cut -f1)"
for mode in "--dry-run" "" ""; do
  log "import ${mode:-(real)}"
  # shellcheck disable=SC2086
  run import --centre NW01 --file "$FILE" $mode 2>/dev/null | grep -E "^(Dry run|Import|line|Nothing)" | head -5
done
