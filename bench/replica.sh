#!/usr/bin/env bash
# bench/replica.sh (issue 14, read-only transactions on a streaming replica; docs/scaling.md).
# Starts a throw-away PostgreSQL primary and a streaming replica of it (pg_basebackup -R) on loopback, runs the app's
# jar against both (HEMONET_DB_URL = primary, HEMONET_DB_REPLICA_URL = replica), signs a demo patient in and opens
# pages and API reads, and shows from the two servers' statement logs (log_statement = all, with the connection's
# application_name) which server answered what: read-only transactions on the replica, writes on the primary.
# Writes target/bench/replica.json; exits 1 when a check fails. Never part of ./mvnw verify.
# Needs JDK 17, python3, curl, the Maven cache (the jar is built offline when missing or older than src) and Debian's
# PostgreSQL (apt-get install postgresql; binaries under /usr/lib/postgresql/<version>/bin, PG_BIN to choose).
set -euo pipefail
cd "$(dirname "$0")/.."

APP_PORT="${REPLICA_APP_PORT:-18780}"
PRIMARY_PORT="${REPLICA_PRIMARY_PORT:-18790}"
REPLICA_PORT="${REPLICA_REPLICA_PORT:-18791}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
OUT=target/bench/replica
mkdir -p "$OUT"
rm -f "$OUT"/*.log
DATA="$(mktemp -d /tmp/hemonet-replica.XXXXXX)"
APP_PID=""
log() { echo "[replica $(date -u +%H:%M:%S)] $*" >&2; }

if [[ ! -x "$PG_BIN/pg_ctl" || ! -x "$PG_BIN/pg_basebackup" ]]; then
  echo "needs a PostgreSQL server and pg_basebackup (apt-get install postgresql, or PG_BIN=<its bin directory>)" >&2
  exit 2
fi
AS_PG=()
if [[ "$(id -u)" == 0 ]]; then AS_PG=(runuser -u postgres --); chown postgres "$DATA"; fi

cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  for d in "$DATA/replica" "$DATA/primary"; do
    if [[ -f "$d/postmaster.pid" ]]; then "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$d" -m fast stop >/dev/null 2>&1 || true; fi
  done
  rm -rf "$DATA"
}
trap cleanup EXIT

JAR="$(ls target/hemonet-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [[ -z "$JAR" ]] || [[ -n "$(find src pom.xml -newer "$JAR" -type f | head -1)" ]]; then
  log "building the jar"
  ./mvnw -q package -DskipTests
  JAR="$(ls target/hemonet-*.jar | grep -v original | head -1)"
fi

pg_start() { # $1 = data directory, $2 = port
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$1" -l "$1.log" -w -t 120 \
    -o "-p $2 -k $DATA -c listen_addresses=127.0.0.1" start >/dev/null
}

log "primary ($PG_BIN) on 127.0.0.1:$PRIMARY_PORT"
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$DATA/primary" -U postgres -A trust -E UTF8 --locale=C >/dev/null
cat >> "$DATA/primary/postgresql.conf" <<CONF
wal_level = replica
max_wal_senders = 5
hot_standby = on
timezone = 'UTC'
# every statement in the server's log, with the connection's application_name ("hemonet" or "hemonet-replica");
# the replica gets the same settings with the base backup
logging_collector = off
log_statement = 'all'
log_line_prefix = '%m|%a|%d|'
CONF
echo "host replication postgres 127.0.0.1/32 trust" >> "$DATA/primary/pg_hba.conf"
pg_start "$DATA/primary" "$PRIMARY_PORT"
PSQL_P=("$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres)
PSQL_R=("$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres)
"${PSQL_P[@]}" -c "create role hemonet_owner login password 'replica-owner'" \
  -c "create role hemonet_app login password 'replica-app'" -c "create database hemonet owner hemonet_owner"

log "streaming replica on 127.0.0.1:$REPLICA_PORT (pg_basebackup -R: standby.signal and primary_conninfo)"
"${AS_PG[@]}" "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DATA/replica" \
  --checkpoint=fast --wal-method=stream -R
pg_start "$DATA/replica" "$REPLICA_PORT"
log "replica in recovery: $("${PSQL_R[@]}" -At -c 'select pg_is_in_recovery()'); primary's senders: $("${PSQL_P[@]}" -At -c "select count(*) from pg_stat_replication where state = 'streaming'")"

export HEMONET_DB_URL="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/hemonet" \
  HEMONET_DB_REPLICA_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/hemonet" \
  HEMONET_DB_OWNER=hemonet_owner HEMONET_DB_OWNER_PASSWORD=replica-owner \
  HEMONET_DB_USER=hemonet_app HEMONET_DB_PASSWORD=replica-app HEMONET_DATA_DIR="$DATA/app"
mkdir -p "$DATA/app"
java -Xmx384m -jar "$JAR" --server.port="$APP_PORT" --server.address=127.0.0.1 --hemonet.demo.enabled=true \
  --hemonet.demo.diary-history=false --hemonet.db.pool-size=5 > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 1200); do
  if curl -sf "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then log "the app died; see $OUT/app.log"; exit 1; fi
  sleep 0.25
done
log "app up on $APP_PORT (primary + replica)"
# the demo network is loaded after the app reports healthy: wait for it, then for the replica to replay it all
for _ in $(seq 1 600); do
  if grep -q "Demo diary history\|nothing loaded" "$OUT/app.log"; then break; fi
  sleep 0.5
done
LSN="$("${PSQL_P[@]}" -At -c "select pg_current_wal_lsn()")"
for _ in $(seq 1 600); do
  if [[ "$("${PSQL_R[@]}" -At -c "select pg_last_wal_replay_lsn() >= '$LSN'::pg_lsn")" == t ]]; then break; fi
  sleep 0.2
done
log "demo network loaded on the primary and replayed by the replica"

# from here on, count what each server logs
P_MARK=$(wc -l < "$DATA/primary.log"); R_MARK=$(wc -l < "$DATA/replica.log")
BASE="http://127.0.0.1:$APP_PORT"
COOKIES="$DATA/cookies.txt"
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" "$BASE/login"
XSRF="$(awk '$6 == "XSRF-TOKEN" {print $7}' "$COOKIES")"
SIGN_IN=$(curl -s -o /dev/null -w '%{http_code}' -c "$COOKIES" -b "$COOKIES" -H "X-XSRF-TOKEN: $XSRF" \
  --data-urlencode username=patient.tom --data-urlencode 'password=Hemonet-demo-2026!' "$BASE/login")
PAGES=""
for path in / /api/v1/products /treatment /messages /api/v1/me/notification-preferences; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$COOKIES" -H 'Accept: text/html,application/json' "$BASE$path")
  PAGES="$PAGES $path=$code"
done
log "sign-in: $SIGN_IN; pages:$PAGES"
sleep 1

tail -n +"$((P_MARK + 1))" "$DATA/primary.log" > "$OUT/primary-statements.log"
tail -n +"$((R_MARK + 1))" "$DATA/replica.log" > "$OUT/replica-statements.log"
python3 - "$OUT/primary-statements.log" "$OUT/replica-statements.log" "$OUT/../replica.json" "$SIGN_IN" <<'EOF'
import json, re, sys
def statements(path):
    out = []
    for line in open(path, errors="replace"):
        parts = line.split("|", 3)
        # simple protocol "statement: ...", extended protocol (the JDBC driver) "execute <name>: ..."
        m = re.search(r"LOG:\s+(?:statement|execute [^:]*): (.*)", parts[3]) if len(parts) == 4 else None
        if m and parts[2] == "hemonet":
            out.append((parts[1], m.group(1).strip()))
    return out
primary, replica = statements(sys.argv[1]), statements(sys.argv[2])
writes = re.compile(r"^\s*(insert|update|delete|merge)\b", re.I)
selects = re.compile(r"^\s*(select|with)\b", re.I)
result = {
    "sign_in_status": int(sys.argv[4]),
    "replica_selects": sum(1 for app, s in replica if selects.match(s)),
    "replica_statements_by_app": sorted({app for app, _ in replica}),
    "replica_writes": sum(1 for _, s in replica if writes.match(s)),
    "primary_writes": sum(1 for _, s in primary if writes.match(s)),
    "primary_selects": sum(1 for _, s in primary if selects.match(s)),
    "primary_statements_by_app": sorted({app for app, _ in primary}),
    "replica_examples": [s[:160] for _, s in replica if selects.match(s)][:5],
    "primary_write_examples": [s[:160] for _, s in primary if writes.match(s)][:5],
}
result["ok"] = (result["sign_in_status"] == 302 and result["replica_selects"] > 0 and result["replica_writes"] == 0
                and result["primary_writes"] > 0
                and result["replica_statements_by_app"] == ["hemonet-replica"]
                and "hemonet-replica" not in result["primary_statements_by_app"])
json.dump(result, open(sys.argv[3], "w"), indent=1)
print(json.dumps(result, indent=1))
sys.exit(0 if result["ok"] else 1)
EOF
