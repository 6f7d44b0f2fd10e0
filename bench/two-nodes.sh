#!/usr/bin/env bash
# bench/two-nodes.sh [--seconds N] (issue 14, two app nodes on one database; docs/operations.md, docs/scaling.md).
# Starts a throw-away PostgreSQL and two app nodes (two java -jar processes) on it, as two servers behind a load
# balancer, and checks over HTTP:
#  1. scheduled jobs run once: with the reminder job every 2 s on both nodes for N s (default 60), ShedLock's log
#     lines count the runs on each node and the runs skipped because the other node held the lock (a run holds the
#     lock at least 30 s: about N/30 runs in all, not 2 x N/2);
#  2. a bearer token issued by node A (client credentials of the demo system client) is accepted by node B, and a
#     token with an altered signature is refused there;
#  3. a browser session made on node A (demo patient patient.tom) is the same session on node B;
#  4. the session survives a restart of node A (stopped, started again, same cookie).
# Writes target/bench/two-nodes.json; exits 1 when a check fails. Never part of ./mvnw verify.
# Needs JDK 17, python3, curl, the Maven cache (the jar is built offline when missing or older than src) and a
# PostgreSQL server (apt-get install postgresql; PG_BIN=<bin directory> for another one).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_RUN=60
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_RUN="$2"; shift ;;
    *) echo "usage: bench/two-nodes.sh [--seconds N]" >&2; exit 2 ;;
  esac
  shift
done
PORT_A="${TWO_NODES_PORT_A:-18681}"
PORT_B="${TWO_NODES_PORT_B:-18682}"
PG_PORT="${TWO_NODES_PG_PORT:-18690}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
OUT=target/bench/two-nodes
mkdir -p "$OUT"
rm -f "$OUT"/*.log "$OUT"/*.txt
DATA="$(mktemp -d /tmp/hemonet-two-nodes.XXXXXX)"
PID_A=""; PID_B=""
log() { echo "[two-nodes $(date -u +%H:%M:%S)] $*" >&2; }

if [[ ! -x "$PG_BIN/pg_ctl" ]]; then
  echo "needs a PostgreSQL server (apt-get install postgresql, or PG_BIN=<its bin directory>)" >&2
  exit 2
fi
AS_PG=()
if [[ "$(id -u)" == 0 ]]; then AS_PG=(runuser -u postgres --); chown postgres "$DATA"; fi
PGDATA="$DATA/pg"

stop_node() { # $1 = pid: a normal stop (SIGTERM, graceful shutdown)
  if [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; then kill "$1"; wait "$1" 2>/dev/null || true; fi
}
cleanup() {
  stop_node "$PID_A"; stop_node "$PID_B"
  if [[ -f "$PGDATA/postmaster.pid" ]]; then "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT

JAR="$(ls target/hemonet-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [[ -z "$JAR" ]] || [[ -n "$(find src pom.xml -newer "$JAR" -type f | head -1)" ]]; then
  log "building the jar"
  ./mvnw -q package -DskipTests
  JAR="$(ls target/hemonet-*.jar | grep -v original | head -1)"
fi

log "PostgreSQL ($PG_BIN) on 127.0.0.1:$PG_PORT"
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C >/dev/null
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$DATA/postgres.log" -w -t 120 \
  -o "-p $PG_PORT -k $DATA -c listen_addresses=127.0.0.1 -c timezone=UTC" start >/dev/null
PSQL=("$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres)
"${PSQL[@]}" -c "create role hemonet_owner login password 'two-nodes-owner'" \
  -c "create role hemonet_app login password 'two-nodes-app'" -c "create database hemonet owner hemonet_owner"
export HEMONET_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/hemonet" HEMONET_DB_OWNER=hemonet_owner \
  HEMONET_DB_OWNER_PASSWORD=two-nodes-owner HEMONET_DB_USER=hemonet_app HEMONET_DB_PASSWORD=two-nodes-app \
  HEMONET_SECURITY_OAUTH2_ISSUER="http://hemonet.two-nodes.test"

start_node() { # $1 = name, $2 = port; prints the pid
  mkdir -p "$DATA/$1"
  HEMONET_DATA_DIR="$DATA/$1" HEMONET_NODE_NAME="$1" java -Xmx384m -jar "$JAR" \
    --server.port="$2" --server.address=127.0.0.1 --hemonet.demo.enabled=true --hemonet.demo.diary-history=false \
    --hemonet.reminders.interval=PT2S --hemonet.db.pool-size=5 \
    --logging.level.net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor=DEBUG \
    >> "$OUT/$1.log" 2>&1 &
  echo $!
}
wait_healthy() { # $1 = port, $2 = pid
  for _ in $(seq 1 1200); do
    if curl -sf "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then log "a node died; see $OUT/*.log"; exit 1; fi
    sleep 0.25
  done
  log "a node did not become healthy in 300 s"; exit 1
}

# node A first: on the empty database it migrates and loads the demo network (and stores the token signing key)
PID_A="$(start_node node-a "$PORT_A")"; wait_healthy "$PORT_A" "$PID_A"; log "node-a up on $PORT_A"
PID_B="$(start_node node-b "$PORT_B")"; wait_healthy "$PORT_B" "$PID_B"; log "node-b up on $PORT_B"

# --- 1: the reminder job, every 2 s on both nodes
log "both nodes schedule the reminder job every 2 s for $SECONDS_RUN s"
mark_a=$(wc -l < "$OUT/node-a.log"); mark_b=$(wc -l < "$OUT/node-b.log")
sleep "$SECONDS_RUN"
runs() { tail -n +"$2" "$OUT/$1.log" | grep -c "Locked 'reminder-dispatch'" || true; }
skips() { tail -n +"$2" "$OUT/$1.log" | grep -c "Not executing 'reminder-dispatch'" || true; }
RUNS_A=$(runs node-a "$mark_a"); RUNS_B=$(runs node-b "$mark_b")
SKIPS_A=$(skips node-a "$mark_a"); SKIPS_B=$(skips node-b "$mark_b")
LOCK_ROW="$("${PSQL[@]}" -At -d hemonet -c "select locked_by || ' until ' || lock_until from shared.shedlock where name = 'reminder-dispatch'")"
log "reminder job runs: node-a $RUNS_A, node-b $RUNS_B; skipped (locked by the other or still held): node-a $SKIPS_A, node-b $SKIPS_B; lock row: $LOCK_ROW"

# --- 2: a bearer token from node A on node B
TOKEN="$(curl -sf -u hemonet-demo-system:demo-system-secret -d grant_type=client_credentials -d 'scope=system/*.rs' \
  "http://127.0.0.1:$PORT_A/oauth2/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
TOKEN_ON_B=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT_B/fhir/Organization")
ALTERED="${TOKEN%????}AAAA"; [[ "$ALTERED" == "$TOKEN" ]] && ALTERED="${TOKEN%????}BBBB"
ALTERED_ON_B=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ALTERED" "http://127.0.0.1:$PORT_B/fhir/Organization")
log "token from node-a on node-b: $TOKEN_ON_B; altered signature: $ALTERED_ON_B"

# --- 3: a session from node A on node B (curl's cookie jar, like a browser, sends a host's cookies to any port)
JAR_FILE="$DATA/cookies.txt"
curl -s -o /dev/null -c "$JAR_FILE" -b "$JAR_FILE" "http://127.0.0.1:$PORT_A/login"
XSRF="$(awk '$6 == "XSRF-TOKEN" {print $7}' "$JAR_FILE")"
SIGN_IN=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$JAR_FILE" -b "$JAR_FILE" -H "X-XSRF-TOKEN: $XSRF" \
  --data-urlencode username=patient.tom --data-urlencode 'password=Hemonet-demo-2026!' "http://127.0.0.1:$PORT_A/login")
home_on() { # $1 = port: "status signed-in?" of the home page with the cookie jar
  local page code
  page="$(curl -s -w '\n%{http_code}' -b "$JAR_FILE" -H 'Accept: text/html' "http://127.0.0.1:$1/")"
  code="$(tail -1 <<< "$page")"
  if grep -q "Tom Bradley" <<< "$page"; then echo "$code signed-in"; else echo "$code not-signed-in"; fi
}
SESSION_ON_A="$(home_on "$PORT_A")"; SESSION_ON_B="$(home_on "$PORT_B")"
log "sign-in on node-a: $SIGN_IN; home page on node-a: $SESSION_ON_A; on node-b: $SESSION_ON_B"

# --- 4: node A restarted, the same cookie
stop_node "$PID_A"; PID_A=""
log "node-a stopped; node-b with the cookie meanwhile: $(home_on "$PORT_B")"
PID_A="$(start_node node-a "$PORT_A")"; wait_healthy "$PORT_A" "$PID_A"
SESSION_AFTER_RESTART="$(home_on "$PORT_A")"
log "node-a restarted; home page on node-a with the same cookie: $SESSION_AFTER_RESTART"

python3 - "$OUT/../two-nodes.json" <<EOF
import json, sys
result = {
  "seconds": $SECONDS_RUN,
  "job_runs": {"node-a": $RUNS_A, "node-b": $RUNS_B},
  "job_skipped": {"node-a": $SKIPS_A, "node-b": $SKIPS_B},
  "job_runs_without_lock_would_be": 2 * ($SECONDS_RUN // 2),
  "token_from_a_on_b": $TOKEN_ON_B,
  "altered_token_on_b": $ALTERED_ON_B,
  "session_on_a": "$SESSION_ON_A",
  "session_on_b": "$SESSION_ON_B",
  "session_after_restart_of_a": "$SESSION_AFTER_RESTART",
}
runs = $RUNS_A + $RUNS_B
result["job_runs_once"] = 1 <= runs <= $SECONDS_RUN // 30 + 2 and ($SKIPS_A + $SKIPS_B) > 0
result["token_shared"] = $TOKEN_ON_B == 200 and $ALTERED_ON_B == 401
result["session_shared"] = result["session_on_b"] == "200 signed-in"
result["session_survives_restart"] = result["session_after_restart_of_a"] == "200 signed-in"
result["ok"] = all(result[k] for k in ("job_runs_once", "token_shared", "session_shared", "session_survives_restart"))
json.dump(result, open(sys.argv[1], "w"), indent=1)
print(json.dumps(result, indent=1))
sys.exit(0 if result["ok"] else 1)
EOF
