#!/usr/bin/env bash
# bench/resilience.sh [--quick] [--rounds N] [--offline-entries N] (issue 14, Resilience; docs/operations.md).
# Crash, offline-burst and backup/restore checks of the diary sync on a throw-away PostgreSQL and the app's jar:
#  1. kill -9 of the app at random moments during a sync burst, N times (default 20; --quick 3), restarting it;
#  2. the same with the PostgreSQL server killed (postmaster and its processes, kill -9) and restarted;
#  3. an offline burst: 100,000 entries (--quick 10,000) from 200 phones with duplicates and retries;
#  4. pg_dump of the running system (with syncs going on) restored into an empty database: row counts of every
#     table and the audit chain of the restore (--hemonet.audit.verify-and-exit);
#  5. point-in-time recovery: WAL archived from the start, a base backup before the crash rounds, recovery to the
#     moment after the offline burst; the infusions of that moment, none later, and the audit chain verifies.
# After each of 1-3 the database is checked: every acknowledged (2xx) entry stored exactly once, no entry without its
# audit event (half-written), no duplicate. Writes target/bench/resilience.json; exits 1 when an invariant fails.
# Never part of ./mvnw verify; nothing asserts on time.
#
# PostgreSQL: the script runs its own server (Debian's, apt-get install postgresql; PG_BIN to choose another) in a
# throw-away directory on loopback and points the app at it with HEMONET_DB_URL, instead of the app's embedded server:
# a kill -9 of the app would orphan the embedded server (it is the app's child), and Debian 12's pg_dump (15) refuses
# to dump the embedded 17. The server runs as the postgres user when started as root.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=20; OFFLINE_ENTRIES=100000; MODE=full
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) ROUNDS=3; OFFLINE_ENTRIES=10000; MODE=quick ;;
    --rounds) ROUNDS="$2"; shift ;;
    --offline-entries) OFFLINE_ENTRIES="$2"; shift ;;
    *) echo "usage: bench/resilience.sh [--quick] [--rounds N] [--offline-entries N]" >&2; exit 2 ;;
  esac
  shift
done
PHONES="${RESILIENCE_PHONES:-200}"
APP_PORT="${RESILIENCE_APP_PORT:-18580}"
PG_PORT="${RESILIENCE_PG_PORT:-18590}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
OUT=target/bench
R="$OUT/resilience"
mkdir -p "$R"
rm -f "$R"/*.json "$R"/*.txt "$R"/*.err
DATA="$(mktemp -d /tmp/hemonet-resilience.XXXXXX)"
APP_PID=""; DRIVER_PID=""
log() { echo "[resilience $(date -u +%H:%M:%S)] $*" >&2; }

if [[ ! -x "$PG_BIN/pg_ctl" || ! -x "$PG_BIN/pg_dump" ]]; then
  echo "needs a PostgreSQL server and its pg_dump (apt-get install postgresql, or PG_BIN=<its bin directory>)" >&2
  exit 2
fi
AS_PG=()
if [[ "$(id -u)" == 0 ]]; then AS_PG=(runuser -u postgres --); chown postgres "$DATA"; fi
PGDATA="$DATA/pg"

pg_start() {
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$DATA/postgres.log" -w -t 120 \
    -o "-p $PG_PORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c timezone=UTC -c max_connections=100" \
    start >/dev/null
}
postmaster_pid() { head -1 "$PGDATA/postmaster.pid"; }

cleanup() {
  if [[ -n "$DRIVER_PID" ]] && kill -0 "$DRIVER_PID" 2>/dev/null; then kill "$DRIVER_PID" 2>/dev/null || true; fi
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  for d in "$PGDATA" "$DATA/pitr"; do
    if [[ -f "$d/postmaster.pid" ]]; then "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$d" -m immediate stop >/dev/null 2>&1 || true; fi
  done
  rm -rf "$DATA"
}
trap cleanup EXIT

# --- the jar (as bench/run.sh) and the driver (compiled with LoadDriver, whose client and helpers it reuses)
JAR="$(ls target/hemonet-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [[ -z "$JAR" ]] || [[ -n "$(find src pom.xml -newer "$JAR" -type f | head -1)" ]]; then
  log "building the jar"
  ./mvnw -q package -DskipTests
  JAR="$(ls target/hemonet-*.jar | grep -v original | head -1)"
fi
PG_JAR="$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)"
CLASSES="$OUT/resilience-classes"
mkdir -p "$CLASSES"
javac -nowarn -cp "$PG_JAR" -d "$CLASSES" bench/driver/LoadDriver.java bench/driver/ResilienceDriver.java 2>&1 | grep -v '^Note:' >&2 || true
JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/hemonet"
driver() { java -cp "$PG_JAR:$CLASSES" ResilienceDriver "$@" base="http://127.0.0.1:$APP_PORT" jdbc="$JDBC"; }

# --- PostgreSQL, the roles of the README's production set-up, the synthetic network
log "PostgreSQL ($PG_BIN) in $PGDATA on 127.0.0.1:$PG_PORT"
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C >/dev/null
"${AS_PG[@]}" mkdir "$DATA/wal"
cat >> "$PGDATA/postgresql.conf" <<CONF
# WAL archiving for the point-in-time recovery of step 5 (docs/operations.md)
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $DATA/wal/%f && cp %p $DATA/wal/%f'
archive_timeout = 60
CONF
pg_start
PSQL=("$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres)
"${PSQL[@]}" -c "create role hemonet_owner login password 'resilience-owner'" \
  -c "create role hemonet_app login password 'resilience-app'" -c "create database hemonet owner hemonet_owner"
export HEMONET_DB_URL="$JDBC" HEMONET_DB_OWNER=hemonet_owner HEMONET_DB_OWNER_PASSWORD=resilience-owner \
  HEMONET_DB_USER=hemonet_app HEMONET_DB_PASSWORD=resilience-app HEMONET_DATA_DIR="$DATA"
log "generate --patients 300 --years 1 --seed 1"
java -jar "$JAR" generate --patients 300 --years 1 --seed 1 > "$R/generate.log" 2>&1

start_app() {
  java -Xmx512m -jar "$JAR" --server.port="$APP_PORT" --server.address=127.0.0.1 --hemonet.demo.enabled=false \
    >> "$R/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1200); do
    if curl -sf "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then log "the app died; see $R/app.log"; exit 1; fi
    sleep 0.25
  done
  log "the app did not become healthy in 300 s"; exit 1
}
wait_healthy() { # after a database restart: the app's pool must recover by itself
  for _ in $(seq 1 1200); do
    if curl -sf "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  log "the app did not recover in 300 s"; exit 1
}
random_pause() { python3 -c "import random; print(round(random.uniform(${1}, ${2}), 2))"; }

start_app
log "app up (pid $APP_PID)"
"${AS_PG[@]}" "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres --pgdata="$DATA/base" --format=plain \
  --checkpoint=fast --wal-method=stream
log "base backup for the point-in-time recovery taken"

# --- 1 and 2: a sync burst across crashes. $1 = app | db
crash_rounds() {
  local what="$1" stop="$DATA/stop-$1" restarts=0
  driver burst clients=8 batch=50 stop="$stop" drain=180 max=3600 offset="$([[ $what == app ]] && echo 2 || echo 40)" \
    sent="$R/$what-sent.txt" acked="$R/$what-acked.txt" > "$R/$what-burst.json" 2> "$R/$what-burst.err" &
  DRIVER_PID=$!
  sleep 8 # the phones sign in and start
  for round in $(seq 1 "$ROUNDS"); do
    # a random moment of the burst (the phones need a few seconds to sign in again after an app restart)
    if [[ $what == app ]]; then sleep "$(random_pause 3 10)"; else sleep "$(random_pause 1 6)"; fi
    if [[ $what == app ]]; then
      kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
      start_app
    else
      local pm children
      pm="$(postmaster_pid)"; children="$(pgrep -P "$pm" | tr '\n' ' ' || true)"
      # the whole server at once (the postmaster alone would leave its backends holding the shared memory)
      kill -9 "$pm" $children 2>/dev/null || true
      while kill -0 "$pm" 2>/dev/null; do sleep 0.1; done
      sleep 0.5
      pg_start
      wait_healthy
    fi
    restarts=$((restarts + 1))
    log "$what killed and restarted ($round/$ROUNDS)"
  done
  sleep 3
  touch "$stop"
  wait "$DRIVER_PID" || log "the $what burst driver failed; see $R/$what-burst.err"
  DRIVER_PID=""
  driver check sent="$R/$what-sent.txt" acked="$R/$what-acked.txt" > "$R/$what-check.json"
  python3 - "$R/$what-check.json" "$R/$what-burst.json" "$what" "$restarts" <<'EOF'
import json, sys
check = json.load(open(sys.argv[1])); burst = json.load(open(sys.argv[2]))
check["restarts"] = int(sys.argv[4]); check["burst"] = burst
json.dump(check, open(sys.argv[1], "w"), indent=1)
EOF
  log "$what: $(head -c 700 "$R/$what-check.json" | tr -d '\n')"
}

crash_rounds app
crash_rounds db
driver verify > "$R/chain-after-crashes.json" 2>> "$R/verify.err" || echo '{"chain_ok": false}' > "$R/chain-after-crashes.json"
log "audit chain after the crashes: $(head -c 300 "$R/chain-after-crashes.json")"

# --- 3: offline burst
log "offline burst: $OFFLINE_ENTRIES entries from $PHONES phones"
OFFLINE_BATCH=$(( OFFLINE_ENTRIES / PHONES / 4 )); OFFLINE_BATCH=$(( OFFLINE_BATCH > 100 ? 100 : (OFFLINE_BATCH < 10 ? 10 : OFFLINE_BATCH) ))
driver offline phones="$PHONES" entries="$OFFLINE_ENTRIES" batch="$OFFLINE_BATCH" offset=80 max=1800 \
  sent="$R/offline-sent.txt" acked="$R/offline-acked.txt" > "$R/offline.json" 2> "$R/offline.err"
log "offline: $(head -c 600 "$R/offline.json")"
driver check sent="$R/offline-sent.txt" acked="$R/offline-acked.txt" > "$R/offline-check.json"
log "offline check: $(cat "$R/offline-check.json")"

# --- the target of the point-in-time recovery: now, with no sync running
PITR_AT="$("${PSQL[@]}" -At -d hemonet -c "select now()")"
PITR_INFUSIONS="$("${PSQL[@]}" -At -d hemonet -c "select count(*) from diary.infusion")"
sleep 2

# --- 4: backup of the running system (2 phones syncing meanwhile) and restore into an empty database
STOP="$DATA/stop-backup"
driver burst clients=2 batch=20 stop="$STOP" drain=60 max=600 offset=200 \
  sent="$R/backup-sent.txt" acked="$R/backup-acked.txt" > "$R/backup-burst.json" 2> "$R/backup-burst.err" &
DRIVER_PID=$!
sleep 8
driver backup superjdbc="jdbc:postgresql://127.0.0.1:$PG_PORT/hemonet" pgbin="$PG_BIN" port="$PG_PORT" \
  dump="$DATA/hemonet.dump" restore=hemonet_restore > "$R/backup.json" 2> "$R/backup.err" \
  || echo '{"restore_rows_match": false, "error": "see backup.err"}' > "$R/backup.json"
touch "$STOP"; wait "$DRIVER_PID" || true; DRIVER_PID=""
log "backup: $(head -c 600 "$R/backup.json")"
set +e
# with a web server on a free loopback port: --spring.main.web-application-type=none (docs/operations.md) does not
# start at this commit (the authorization server's configuration needs HttpSecurity)
HEMONET_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/hemonet_restore" java -jar "$JAR" \
  --hemonet.audit.verify-and-exit --server.port=0 --server.address=127.0.0.1 > "$R/restore-verify.log" 2>&1
CHAIN_RC=$?
set -e
log "audit chain of the restore: exit $CHAIN_RC; $(grep -i -A4 "^audit chain" "$R/restore-verify.log" | tr -s " " | tr "\n" " ")"

kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

# --- 5: point-in-time recovery of the base backup to PITR_AT with the archived WAL
INFUSIONS_AT_END="$("${PSQL[@]}" -At -d hemonet -c "select count(*) from diary.infusion")"
"${PSQL[@]}" -At -c "select pg_switch_wal()" >/dev/null
sleep 3
ARCHIVER="$("${PSQL[@]}" -At -c "select archived_count || ' archived, ' || failed_count || ' failed' from pg_stat_archiver")"
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null
"${AS_PG[@]}" cp -a "$DATA/base" "$DATA/pitr"
chmod 700 "$DATA/pitr"
cat >> "$DATA/pitr/postgresql.auto.conf" <<CONF
restore_command = 'cp $DATA/wal/%f %p'
recovery_target_time = '$PITR_AT'
recovery_target_action = 'promote'
CONF
"${AS_PG[@]}" touch "$DATA/pitr/recovery.signal"
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$DATA/pitr" -l "$DATA/postgres-pitr.log" -w -t 600 \
  -o "-p $PG_PORT -k $DATA -c listen_addresses=127.0.0.1 -c archive_mode=off" start >/dev/null
for _ in $(seq 1 600); do
  [[ "$("${PSQL[@]}" -At -c "select pg_is_in_recovery()" 2>/dev/null)" == f ]] && break
  sleep 0.5
done
cp "$DATA/postgres-pitr.log" "$R/postgres-pitr.log"
PITR_RECOVERED="$("${PSQL[@]}" -At -d hemonet -c "select count(*) from diary.infusion")"
set +e
java -jar "$JAR" --hemonet.audit.verify-and-exit --server.port=0 --server.address=127.0.0.1 > "$R/pitr-verify.log" 2>&1
PITR_CHAIN_RC=$?
set -e
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$DATA/pitr" -m fast stop >/dev/null
cat > "$R/pitr.json" <<JSON
{"pitr_target": "$PITR_AT", "pitr_infusions_at_target": $PITR_INFUSIONS, "pitr_infusions_at_end": $INFUSIONS_AT_END,
 "pitr_infusions_recovered": $PITR_RECOVERED, "pitr_archiver": "$ARCHIVER",
 "pitr_rows_match": $([[ "$PITR_RECOVERED" == "$PITR_INFUSIONS" ]] && echo true || echo false),
 "pitr_chain_ok": $([[ $PITR_CHAIN_RC == 0 ]] && echo true || echo false)}
JSON
log "point-in-time recovery: $(tr -d '\n' < "$R/pitr.json")"

python3 - "$R" "$OUT/resilience.json" "$MODE" "$ROUNDS" "$CHAIN_RC" "$(git rev-parse --short HEAD)" <<'EOF'
import json, sys, platform, os
d, out, mode, rounds, chain_rc, commit = sys.argv[1:7]
j = lambda n: json.load(open(os.path.join(d, n)))
app, db, off, offc, bak = j("app-check.json"), j("db-check.json"), j("offline.json"), j("offline-check.json"), j("backup.json")
chain = j("chain-after-crashes.json"); pitr = j("pitr.json")
r = {
  "mode": mode, "rounds": int(rounds), "commit": commit,
  "acknowledged": app["acknowledged"] + db["acknowledged"],
  "lost": app["lost"] + db["lost"] + offc["lost"],
  "duplicated": app["duplicated"] + db["duplicated"] + offc["duplicated"],
  "half_written": app["half_written"] + db["half_written"] + offc["half_written"],
  "stock_missing": app["stock_missing"] + db["stock_missing"] + offc["stock_missing"],
  "restarts": app["restarts"], "db_restarts": db["restarts"],
  "app_kill": {k: app[k] for k in ("acknowledged", "stored_not_acknowledged", "lost", "duplicated", "half_written", "stock_missing", "sync_requests_in_flight")},
  "db_kill": {k: db[k] for k in ("acknowledged", "stored_not_acknowledged", "lost", "duplicated", "half_written", "stock_missing", "sync_requests_in_flight")},
  "offline_entries": off.get("offline_entries"), "offline_seconds": off.get("offline_seconds"),
  "offline_entries_per_s": off.get("offline_entries_per_s"), "offline_phones": off.get("phones"),
  "offline_acknowledged": offc["acknowledged"], "offline_lost": offc["lost"], "offline_duplicated": offc["duplicated"],
  "offline_requests": off.get("requests"), "offline_entries_resent": off.get("entries_resent_in_later_batches"),
  "offline_batches_resent": off.get("replays"),
  "chain_ok_after_crashes": chain.get("chain_ok", False),
  "restore_rows_match": bak.get("restore_rows_match", False), "restore_tables": bak.get("tables"),
  "restore_rows": bak.get("rows"), "restore_mismatches": bak.get("mismatches"),
  "restore_chain_ok": chain_rc == "0",
  **pitr,
  "machine": f"{os.cpu_count()} CPU, {platform.machine()}, load {os.getloadavg()[0]:.1f}",
}
failed = [k for k in ("lost", "duplicated", "half_written", "stock_missing") if r[k]] + \
  [k for k in ("restore_rows_match", "restore_chain_ok", "chain_ok_after_crashes", "pitr_rows_match", "pitr_chain_ok") if not r[k]]
if off.get("offline_entries") != offc["acknowledged"]: failed.append("offline entries not all acknowledged")
r["failed"] = failed
json.dump(r, open(out, "w"), indent=1)
print(json.dumps(r, indent=1))
sys.exit(1 if failed else 0)
EOF
