#!/usr/bin/env bash
# Live events benchmark (SPEC 1.8): N open streams on one API instance while writes flow.
#   bench/stream.sh [--streams 2000] [--users 500] [--rate 100] [--duration 30] [--no-build]
#                   [--api-opts "-Xmx384m -Dserver.max-http-request-header-size=16KB"]  (added after jvm.options)
#                   [--histo-dir DIR]  (keeps live-heap histograms, NMT summaries and thread dumps at 0 and N streams)
# Starts bench/tools/BenchTokens.java (JWKS + EdDSA tokens, 24 h), the API on a fresh embedded
# PostgreSQL (rate limits off, session check off: the tokens carry no sid), seeds --users × 2 tasks,
# then runs bench/tools/StreamBench.java against it and writes bench/results/stream-<date>.md.
# Ports: BENCH_API_PORT (18080), BENCH_MANAGEMENT_PORT (18081), BENCH_JWKS_PORT (18300), BENCH_PG_PORT (25432).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/bench
STREAMS=2000 USERS=500 RATE=100 DURATION=30 BUILD=1 API_OPTS="" HISTO_DIR=""
while [ $# -gt 0 ]; do
  case $1 in
    --streams) STREAMS=$2; shift 2 ;;
    --users) USERS=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --api-opts) API_OPTS=$2; shift 2 ;;
    --histo-dir) HISTO_DIR=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
API_PORT=${BENCH_API_PORT:-18080}
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-18081}
JWKS_PORT=${BENCH_JWKS_PORT:-18300}
PG_PORT=${BENCH_PG_PORT:-25432}
log() { printf '\033[1m[stream-bench]\033[0m %s\n' "$*"; }
die() { echo "[stream-bench] $*" >&2; exit 1; }
for p in $API_PORT $MANAGEMENT_PORT $JWKS_PORT $PG_PORT; do
  (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && die "port $p is in use (set BENCH_*_PORT)"
done
JAVA_HOME=$("$ROOT/scripts/java-home.sh"); export JAVA_HOME
JAVA=$JAVA_HOME/bin/java
JAR=$ROOT/backend/task-api/target/task-api-1.0.0-SNAPSHOT.jar
if [ "$BUILD" = 1 ]; then
  log "building the API jar"
  (cd backend && ./mvnw -B -q -ntp -DskipTests -pl task-api -am package)
fi
[ -s "$JAR" ] || die "no jar at $JAR"

WORK=$(mktemp -d /tmp/tasks-stream-bench.XXXXXX)
pids=()
cleanup() {
  trap - INT TERM EXIT
  for ((k=${#pids[@]}-1; k>=0; k--)); do kill -TERM "${pids[$k]}" 2>/dev/null || true; wait "${pids[$k]}" 2>/dev/null || true; done
  if [ -n "${BENCH_KEEP:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup INT TERM EXIT
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP_JAR=$(ls "$WORK"/app/*.jar | head -1)

log "JWKS on :$JWKS_PORT, $USERS EdDSA tokens"
"$JAVA" "$BENCH/tools/BenchTokens.java" serve --port "$JWKS_PORT" --dir "$WORK" --users "$USERS" --filler-users 0 \
  --sids no --alg EdDSA > "$WORK/jwks.log" 2>&1 &
pids+=($!)
for ((t=0; t<300; t++)); do [ -s "$WORK/tokens.tsv" ] && curl -fsS -o /dev/null "http://127.0.0.1:$JWKS_PORT/api/auth/jwks" 2>/dev/null && break; sleep 0.1; done
[ -s "$WORK/tokens.tsv" ] || die "JWKS helper did not start"

log "API on :$API_PORT (fresh embedded PostgreSQL :$PG_PORT; rate limits and session check off)"
env -u DATABASE_URL -u BETTER_AUTH_SECRET -u BETTER_AUTH_HS256_SECRET -u BETTER_AUTH_JWKS_URL -u EMBEDDED_POSTGRES_PASSWORD \
  BETTER_AUTH_SESSION_CHECK=off PORT=$API_PORT MANAGEMENT_SERVER_PORT=$MANAGEMENT_PORT \
  TASKS_DATA_DIR="$WORK/data" EMBEDDED_POSTGRES_PORT=$PG_PORT \
  BETTER_AUTH_URL="http://127.0.0.1:$JWKS_PORT" CORS_ORIGINS=http://localhost:3000 \
  RATE_LIMIT_USER_RPS=0 RATE_LIMIT_IP_RPS=0 \
  MALLOC_ARENA_MAX=2 "$JAVA" "@$ROOT/backend/task-api/jvm.options" $API_OPTS -jar "$APP_JAR" > "$WORK/api.log" 2>&1 &
API_PID=$!
pids+=($API_PID)
for ((t=0; t<3000; t++)); do
  curl -fsS -o /dev/null "http://127.0.0.1:$API_PORT/health/ready" 2>/dev/null && break
  kill -0 "$API_PID" 2>/dev/null || { tail -40 "$WORK/api.log" >&2; die "the API exited"; }
  sleep 0.02
done

log "seeding $USERS users × 2 tasks"
"$JAVA" "$BENCH/tools/BenchTokens.java" seed --api "http://127.0.0.1:$API_PORT" --dir "$WORK" \
  --users "$USERS" --tasks 2 --out "$WORK/users.txt"

LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "measuring: $STREAMS streams, $RATE writes/s, $DURATION s per phase"
"$JAVA" -Xmx1g "$BENCH/tools/StreamBench.java" --api "http://127.0.0.1:$API_PORT" --users "$WORK/users.txt" \
  --pid "$API_PID" --streams "$STREAMS" --rate "$RATE" --duration "$DURATION" --out "$WORK/result.txt" \
  ${HISTO_DIR:+--histo-dir "$HISTO_DIR"}
LOADAVG_END=$(cut -d' ' -f1-3 /proc/loadavg)

STAMP=$(date -u +%Y-%m-%d-%H%M)
mkdir -p "$BENCH/results"
{
  echo "# Live events benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "\`bench/stream.sh --streams $STREAMS --users $USERS --rate $RATE --duration $DURATION${API_OPTS:+ --api-opts \"$API_OPTS\"}\` on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(free -g | awk '/^Mem/ {print $2}') GiB, $("$JAVA" -version 2>&1 | head -1); the client, the API and PostgreSQL share the machine."
  echo "Load average at start $LOADAVG_START, at end $LOADAVG_END. Rate limits and the session check off."
  echo
  echo '```'
  cat "$WORK/result.txt"
  echo '```'
} > "$BENCH/results/stream-$STAMP.md"
log "wrote bench/results/stream-$STAMP.md"
cat "$WORK/result.txt"
