#!/usr/bin/env bash
# bench/run.sh [--quick] (issue 14): generates a synthetic national network into a throw-away embedded database,
# starts the app on it and measures side by side in one run; writes target/bench/summary.json and the "Latest run"
# section of docs/benchmarks.md. Full: 8,000 patients x 10 years; --quick: 300 patients x 2 years.
# Never part of ./mvnw verify. Needs: JDK 17, python3, curl, the Maven cache (builds offline).
set -euo pipefail
cd "$(dirname "$0")/.."

PATIENTS=8000; YEARS=10; MODE=full; MIXED_PROBE=20; MIXED_HOLD=120; MIXED_START=10
if [[ "${1:-}" == "--quick" ]]; then PATIENTS=300; YEARS=2; MODE=quick; MIXED_PROBE=10; MIXED_HOLD=30; MIXED_START=10; fi
PORT="${BENCH_PORT:-18480}"
SECONDS_READ="${BENCH_READ_SECONDS:-20}"
SECONDS_INGEST="${BENCH_INGEST_SECONDS:-30}"
OUT=target/bench
mkdir -p "$OUT"
rm -f "$OUT"/phase-*.json
DATA="$(mktemp -d /tmp/hemonet-bench.XXXXXX)"
APP_PID=""
log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT

# --- the jar, built when missing or older than a source file
JAR="$(ls target/hemonet-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [[ -z "$JAR" ]] || [[ -n "$(find src pom.xml -newer "$JAR" -type f | head -1)" ]]; then
  log "building the jar"
  ./mvnw -q package -DskipTests
  JAR="$(ls target/hemonet-*.jar | grep -v original | head -1)"
fi
PG_JAR="$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)"
driver() { java -cp "$PG_JAR" bench/driver/LoadDriver.java "$@" base="http://localhost:$PORT" jdbc="$JDBC"; }
phase() { # file phase args... : one driver phase; a failure is recorded, not fatal
  local file="$1"; shift
  driver "$@" > "$OUT/$file" 2> "$OUT/$file.err" || echo "{\"error\": \"phase $1 failed, see $OUT/$file.err\"}" > "$OUT/$file"
  log "$1: $(head -c 600 "$OUT/$file")"
}

# --- generate
log "generate --patients $PATIENTS --years $YEARS --seed 1 into $DATA"
GEN_START=$(date +%s.%N)
HEMONET_DATA_DIR="$DATA" java -jar "$JAR" generate --patients "$PATIENTS" --years "$YEARS" --seed 1 \
  > "$OUT/generate.log" 2> "$OUT/generate.progress"
GEN_END=$(date +%s.%N)
grep -A40 "^Generated in" "$OUT/generate.log" | head -20 >&2

start_app() { # extra Spring arguments...
  local t0; t0=$(date +%s.%N)
  HEMONET_DATA_DIR="$DATA" java -Xmx512m -jar "$JAR" --server.port="$PORT" --hemonet.demo.enabled=false "$@" \
    > "$OUT/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    if curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then log "the app died; see $OUT/app.log"; exit 1; fi
    sleep 0.1
  done
  START_S=$(python3 -c "print(round($(date +%s.%N) - $t0, 2))")
  local port
  port=$(grep -o "Embedded PostgreSQL started on port [0-9]*" "$OUT/app.log" | tail -1 | awk '{print $NF}')
  JDBC="jdbc:postgresql://localhost:$port/hemonet"
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }
wait_warm() { # the centres compared's years read in the background after start (report.ComparisonWarmUp), then measure
  local t0; t0=$(date +%s.%N)
  for _ in $(seq 1 1800); do
    if grep -q "Centres compared ready\|Reading the centres compared's years in advance failed" "$OUT/app.log"; then break; fi
    sleep 0.5
  done
  WARM_S=$(python3 -c "print(round($(date +%s.%N) - $t0, 1))")
  log "centres compared warmed up ${WARM_S}s after start"
  echo "{\"warm_up_s\": $WARM_S}" > "$OUT/phase-warm.json"
}
peak_rss_mib() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$APP_PID/status"; }

# --- the app with auditing on: start time, every page, reads, dashboards, attention, ingest
start_app
log "started in ${START_S}s (existing data directory)"
echo "{\"start_s\": $START_S}" > "$OUT/phase-start.json"
wait_warm
phase phase-smoke.json smoke
phase phase-reads.json reads seconds="$SECONDS_READ" threads=8
phase phase-dashboards.json dashboards n=100
phase phase-firstviews.json firstviews n=20
phase phase-attention.json attention n=50
phase phase-ingest.json ingest seconds="$SECONDS_INGEST" clients=8 batch=500
phase phase-mixed.json mixed probe="$MIXED_PROBE" hold="$MIXED_HOLD" start="$MIXED_START" skip=8
RSS=$(peak_rss_mib)
echo "{\"rss_mib\": $RSS}" > "$OUT/phase-rss.json"
stop_app

# --- the same reads with auditing switched off (bench-only property, embedded database only)
start_app --hemonet.bench.audit-off=true --hemonet.report.warm-up=false
phase phase-reads-noaudit.json reads seconds="$SECONDS_READ" threads=8
stop_app

# --- PK: the existing JMH MAP benchmark, short settings (not offline: a fresh clone's Maven cache may lack the
# exec plugin and JMH, which the bench profile alone brings)
log "JMH mapEstimate"
./mvnw -B -ntp -q -Pbench -DskipTests compile exec:exec@jmh \
  -Djmh.args="-wi 3 -w 1 -i 5 -r 1 -f 1 -rf json -rff target/bench/jmh-result.json mapEstimate" \
  > "$OUT/jmh.log" 2>&1 || log "JMH failed; see $OUT/jmh.log"

python3 bench/summary.py "$MODE" "$PATIENTS" "$YEARS" "$(python3 -c "print(round($GEN_END - $GEN_START, 1))")"
log "wrote $OUT/summary.json and docs/benchmarks.md (Latest run)"
