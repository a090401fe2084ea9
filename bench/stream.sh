#!/usr/bin/env bash
# Live events benchmark (SPEC 1.8): N open streams on one API instance while writes flow.
#   bench/stream.sh [--streams 2000] [--users 500] [--rate 100] [--duration 30] [--no-build]
#                   [--api-opts "-Xmx384m -Dserver.max-http-request-header-size=16KB"]  (added after jvm.options)
# Starts bench/tools/BenchTokens.java (JWKS + EdDSA tokens, 24 h), the API on a fresh embedded
# PostgreSQL (rate limits off, session check off: the tokens carry no sid), seeds --users × 2 tasks,
# then runs bench/tools/StreamBench.java against it and writes bench/results/stream-<date>.md.
# Ports: BENCH_API_PORT (18080), BENCH_MANAGEMENT_PORT (18081), BENCH_JWKS_PORT (18300), BENCH_PG_PORT (25432).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/bench
STREAMS=2000 USERS=500 RATE=100 DURATION=30 BUILD=1 API_OPTS=""
while [ $# -gt 0 ]; do
  case $1 in
    --streams) STREAMS=$2; shift 2 ;;
    --users) USERS=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --api-opts) API_OPTS=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
BENCH_NAME=stream-bench
. "$BENCH/lib/one-api.sh"
build_api
work_dir

log "JWKS on :$JWKS_PORT, $USERS EdDSA tokens"
start_jwks "$USERS"

start_api $API_OPTS

log "seeding $USERS users × 2 tasks"
"$JAVA" "$BENCH/tools/BenchTokens.java" seed --api "http://127.0.0.1:$API_PORT" --dir "$WORK" \
  --users "$USERS" --tasks 2 --out "$WORK/users.txt"

LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "measuring: $STREAMS streams, $RATE writes/s, $DURATION s per phase"
"$JAVA" -Xmx1g "$BENCH/tools/StreamBench.java" --api "http://127.0.0.1:$API_PORT" --users "$WORK/users.txt" \
  --pid "$API_PID" --streams "$STREAMS" --rate "$RATE" --duration "$DURATION" --out "$WORK/result.txt"
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
