#!/usr/bin/env bash
# Load benchmark of the task API, in one command (see bench/README.md):
#   builds the API jar, starts it on a fresh embedded PostgreSQL with rate limits OFF, behind a local
#   JWKS endpoint serving an Ed25519 key; mints real EdDSA tokens for 100 users, seeds 100 × 10 tasks
#   through the API, runs wrk scenarios (health, list, get, toggle, mixed 80/20, create), measures
#   start-up and memory, and writes bench/results/YYYY-MM-DD-HHMM.md + .png and bench/results/latest.md.
#   --session-check MODE: tokens carry a sid, Better Auth's session table holds their sessions, and the
#   API runs with BETTER_AUTH_SESSION_CHECK=MODE (off | if-present | required), to measure the check.
#   --list-cache MB: the API runs with TASK_LIST_CACHE_MB=MB (0 = every list reads PostgreSQL); every report
#   says what the list cache answered in each scenario (hits, misses, bypasses).
#   --rate-limits: the API runs with both rate limits on (SPEC 1.5, buckets in PostgreSQL) but set far above
#   the load, so every request pays for its bucket and none is refused: the cost of the shared limit.
#
#   bench/run.sh [--duration S] [--warmup S] [--threads T] [--connections C] [--big]
#                [--scenarios "health list …"] [--no-build] [--jfr] [--no-startup] [--keep]
#                [--jvm-opts "…"] [--label TEXT] [--jar PATH (an already built task-api jar; implies --no-build)]
#                [--session-check off|if-present|required] [--list-cache MB] [--rate-limits]
#   bench/run.sh --compare-stock [--runs 3] [--duration S] [--warmup S] [--no-build] …
#       RS256 tokens; the API and the stock Spring Boot peer (bench/peer-spring) twice: tasks in memory (port
#       BENCH_PEER_PORT) and read from the API's PostgreSQL (port BENCH_PEER_PG_PORT); wrk list (and health, not on
#       the PostgreSQL peer) against each in turn, --runs times; writes bench/results/stock-YYYY-MM-DD-HHMM.md.
#   bench/run.sh --open-loop [--runs 3] [--load-pct 50] [--duration S] [--warmup S] [--no-build] …
#       wrk's maximum of list and mixed, then bench/tools/OpenLoop.java at --load-pct % of it, --runs times each;
#       writes bench/results/open-loop-YYYY-MM-DD-HHMM.md.
#   bench/run.sh --views [--runs 3] [--list-cache MB (default 0 here)] [--duration S] [--warmup S] [--no-build] …
#       the web app's Today and Upcoming views on a user with 1 000 tasks and one with 100 000 (bench/tools/BenchViews.java),
#       in turn, --runs times; writes bench/results/views-YYYY-MM-DD-HHMM.md with the 100k ÷ 1k ratios and the plans.
#   --pg-waits: samples what PostgreSQL's backends wait on during each measured run (bench/out/STAMP-<scenario>-pg.txt).
#   BENCH_HOOK=cmd: run before each scenario with its name (scenario@label runs scenario's script; see bench/tools/toggle-diag.sh).
#   bench/run.sh --teams [--runs 3] [--duration S] [--warmup S] [--no-build] …
#       each user also a member of a team with as many tasks; list and team-list (GET /api/teams/{team_id}/tasks)
#       alternately, --runs times; writes bench/results/teams-YYYY-MM-DD-HHMM.md with the cost ratio (SPEC 1.9: ≤ 1.2×).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/bench

PG_WAITS=0 MODE=default RUNS=3 LOAD_PCT=50 JAR_OPT="" SESSION_CHECK="" LIST_CACHE="" RATE_LIMITS=0 DURATION=20 WARMUP=8 THREADS=2 CONNECTIONS=32 BIG=0 BUILD=1 JFR=0 STARTUP=1 KEEP=0 LABEL=""
SCENARIOS="health list get toggle mixed create"
# The API's production flags (backend/task-api/jvm.options, a java @argument file; see bench/README.md,
# "JVM flags"); the extracted jar (below) lets the JDK's AOT cache work.
JVM_OPTS=${BENCH_JVM_OPTS:-"@$ROOT/backend/task-api/jvm.options"}
while [ $# -gt 0 ]; do
  case $1 in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --scenarios) SCENARIOS=$2; shift 2 ;;
    --jvm-opts) JVM_OPTS=$2; shift 2 ;;
    --label) LABEL=$2; shift 2 ;;
    --jar) JAR_OPT=$2; BUILD=0; shift 2 ;;
    --session-check) SESSION_CHECK=$2; shift 2 ;;
    --list-cache) LIST_CACHE=$2; shift 2 ;;
    --rate-limits) RATE_LIMITS=1; shift ;;
    --pg-waits) PG_WAITS=1; shift ;;
    --compare-stock) MODE=compare-stock; shift ;;
    --open-loop) MODE=open-loop; shift ;;
    --teams) MODE=teams; shift ;;
    --views) MODE=views; shift ;;
    --runs) RUNS=$2; shift 2 ;;
    --load-pct) LOAD_PCT=$2; shift 2 ;;
    --big) BIG=1; shift ;;
    --no-build) BUILD=0; shift ;;
    --jfr) JFR=1; shift ;;
    --no-startup) STARTUP=0; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,32p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

case $SESSION_CHECK in
  ""|off|if-present|required) ;;
  *) echo "--session-check must be off, if-present or required" >&2; exit 2 ;;
esac
[ -n "$SESSION_CHECK" ] && [ -z "$LABEL" ] && LABEL="session check $SESSION_CHECK, tokens with sid"
case $LIST_CACHE in
  ""|[0-9]|[0-9][0-9]|[0-9][0-9][0-9]|[0-9][0-9][0-9][0-9]) ;;
  *) echo "--list-cache takes MiB (TASK_LIST_CACHE_MB; 0 = off)" >&2; exit 2 ;;
esac
[ -n "$LIST_CACHE" ] && [ -z "$LABEL" ] && LABEL="TASK_LIST_CACHE_MB=$LIST_CACHE"
[ "$RATE_LIMITS" = 1 ] && [ -z "$LABEL" ] && LABEL="rate limits on (buckets in PostgreSQL, limits too high to be reached)"
# --views measures the queries: with the list cache on every view request would be a hit.
[ "$MODE" = views ] && [ -z "$LIST_CACHE" ] && LIST_CACHE=0

API_PORT=${BENCH_API_PORT:-18080}
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-18081}   # actuator, as in production: on a port of its own
JWKS_PORT=${BENCH_JWKS_PORT:-18300}
PG_PORT=${BENCH_PG_PORT:-25432}
PEER_PORT=${BENCH_PEER_PORT:-18090}   # --compare-stock: the stock Spring Boot peer, tasks in memory
PEER_PG_PORT=${BENCH_PEER_PG_PORT:-18091}   # --compare-stock: the same peer reading the API's PostgreSQL
USERS=100 TASKS_PER_USER=10 FILLER_USERS=900 FILLER_TASKS=110   # --big: 1 000 + 900 × 110 = 100 000 tasks

log() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }
die() { echo "[bench] $*" >&2; exit 1; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in $API_PORT $MANAGEMENT_PORT $JWKS_PORT $PG_PORT $( [ "$MODE" = compare-stock ] && echo "$PEER_PORT $PEER_PG_PORT"); do
  port_busy "$p" && die "port $p is in use (set BENCH_API_PORT / BENCH_MANAGEMENT_PORT / BENCH_JWKS_PORT / BENCH_PG_PORT / BENCH_PEER_PORT / BENCH_PEER_PG_PORT)"
done

# --- tools -------------------------------------------------------------------------------------
JAVA_HOME=$("$ROOT/scripts/java-home.sh"); export JAVA_HOME
JAVA=$JAVA_HOME/bin/java
if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }) \
  else sudo apt-get install -y -qq wrk; fi
fi
command -v curl >/dev/null || die "curl is needed"

JAR=${JAR_OPT:-$ROOT/backend/task-api/target/task-api-1.0.0-SNAPSHOT.jar}
if [ "$BUILD" = 1 ]; then
  log "building the API jar"
  (cd backend && ./mvnw -B -q -ntp -DskipTests -pl task-api -am package)
fi
[ -s "$JAR" ] && unzip -tq "$JAR" >/dev/null 2>&1 || die "no runnable jar at $JAR (build failed?)"

WORK=$(mktemp -d /tmp/tasks-bench.XXXXXX)
pids=()
cleanup() {
  trap - INT TERM EXIT
  for ((k=${#pids[@]}-1; k>=0; k--)); do kill -TERM "${pids[$k]}" 2>/dev/null || true; wait "${pids[$k]}" 2>/dev/null || true; done
  if [ "$KEEP" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup INT TERM EXIT

# Spring Boot's recommended production layout: an extracted jar starts faster than the nested one and
# is what the JDK's AOT/CDS cache needs (classes must come from plain jars on the class path).
log "extracting $JAR"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP_JAR=$(ls "$WORK"/app/*.jar | head -1)

# --- JWKS endpoint and tokens ------------------------------------------------------------------
# A stock Spring Boot resource server verifies RS256 but not EdDSA: the comparison gives both APIs RS256 tokens.
ALG=EdDSA; [ "$MODE" = compare-stock ] && ALG=RS256
log "starting the local JWKS endpoint on :$JWKS_PORT and minting $ALG tokens"
fillers=0; [ "$BIG" = 1 ] && fillers=$FILLER_USERS; [ "$MODE" = views ] && fillers=2   # --views: two users of its own
"$JAVA" "$BENCH/tools/BenchTokens.java" serve --port "$JWKS_PORT" --dir "$WORK" --users $USERS --filler-users $fillers \
  --sids "$( [ -n "$SESSION_CHECK" ] && echo yes || echo no)" --alg "$ALG" > "$WORK/jwks.log" 2>&1 &
pids+=($!)
for ((t=0; t<300; t++)); do [ -s "$WORK/tokens.tsv" ] && curl -fsS -o /dev/null "http://127.0.0.1:$JWKS_PORT/api/auth/jwks" 2>/dev/null && break; sleep 0.1; done
[ -s "$WORK/tokens.tsv" ] || die "JWKS helper did not start: $(cat "$WORK/jwks.log")"
ISSUER=http://127.0.0.1:$JWKS_PORT

# --- the API -----------------------------------------------------------------------------------
API_PID=""
ms_now() { echo $(( $(date +%s%N) / 1000000 )); }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
ticks() { # utime+stime of the given pids, in clock ticks
  local sum=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && sum=$((sum + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo $sum
}
sys_ticks() { # stime alone of one pid: the kernel's share (sockets, futexes, the poller)
  awk '{print $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}
machine_busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }  # user nice system irq softirq steal
pg_pids() { # the embedded postmaster and its children
  local pm
  pm=$(head -1 "$WORK/data/postgres/postmaster.pid" 2>/dev/null || find "$WORK/data" -name postmaster.pid -exec head -1 {} \; -quit 2>/dev/null || true)
  [ -n "$pm" ] && { echo "$pm"; ps -o pid= --ppid "$pm" 2>/dev/null; } | tr -s ' \n' ' '
}

start_api() { # $1 = name of this start, rest = extra JVM options; sets API_PID, START_MS
  local name=$1; shift
  local t0; t0=$(ms_now)
  # Without --session-check the check is off (the tokens carry no sid), as in every figure before the
  # API's default became "required": the check's own cost is measured with --session-check required.
  env -u DATABASE_URL -u BETTER_AUTH_SECRET -u BETTER_AUTH_HS256_SECRET -u BETTER_AUTH_JWKS_URL -u BETTER_AUTH_SESSION_CHECK -u EMBEDDED_POSTGRES_PASSWORD \
    -u TASK_LIST_CACHE_MB ${LIST_CACHE:+TASK_LIST_CACHE_MB=$LIST_CACHE} \
    BETTER_AUTH_SESSION_CHECK=${SESSION_CHECK:-off} PORT=$API_PORT MANAGEMENT_SERVER_PORT=$MANAGEMENT_PORT \
    TASKS_DATA_DIR="$WORK/data" EMBEDDED_POSTGRES_PORT=$PG_PORT \
    BETTER_AUTH_URL="$ISSUER" CORS_ORIGINS=http://localhost:3000 \
    $( [ "$RATE_LIMITS" = 1 ] \
        && echo RATE_LIMIT_USER_RPS=1000000 RATE_LIMIT_USER_BURST=100000000 RATE_LIMIT_IP_RPS=1000000 RATE_LIMIT_IP_BURST=100000000 \
        || echo RATE_LIMIT_USER_RPS=0 RATE_LIMIT_IP_RPS=0) \
    MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} "$JAVA" $JVM_OPTS "$@" -jar "$APP_JAR" > "$WORK/api-$name.log" 2>&1 &
  API_PID=$!
  pids+=($API_PID)
  for ((t=0; t<3000; t++)); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$API_PORT/health/ready" 2>/dev/null; then
      START_MS=$(( $(ms_now) - t0 )); return 0
    fi
    kill -0 "$API_PID" 2>/dev/null || { tail -40 "$WORK/api-$name.log" >&2; die "the API exited during start-up ($name)"; }
    sleep 0.02
  done
  tail -40 "$WORK/api-$name.log" >&2; die "the API was not ready within 60 s ($name)"
}
stop_api() {
  kill -TERM "$API_PID" 2>/dev/null || true
  wait "$API_PID" 2>/dev/null || true
  local k; for k in "${!pids[@]}"; do [ "${pids[$k]}" = "$API_PID" ] && unset 'pids[k]'; done
  pids=("${pids[@]}")
  API_PID=""
}
started_line() { grep -oE 'Started [A-Za-z]+ in [0-9.]+ seconds \(process running for [0-9.]+\)' "$WORK/api-$1.log" | head -1 || true; }

mkdir -p "$BENCH/out"
LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
STAMP=$(date +%Y-%m-%d-%H%M)
# Short runs can start in the minute of the previous one: never overwrite its report.
[ -e "$BENCH/results/$STAMP.md" ] && STAMP=$(date +%Y-%m-%d-%H%M%S)
EXTRA=()
[ "$JFR" = 1 ] && log "JFR on: one recording per measured scenario in bench/out/$STAMP-<scenario>.jfr (summarise with bench/tools/jfr_top.py)"
log "starting the API on :$API_PORT (embedded PostgreSQL :$PG_PORT, fresh data in $WORK/data; rate limits $( [ "$RATE_LIMITS" = 1 ] && echo ON || echo OFF))"
start_api first ${EXTRA[@]+"${EXTRA[@]}"}
FIRST_START_MS=$START_MS
sleep 3
IDLE_RSS_FIRST=$(rss_kib "$API_PID")
log "ready in ${FIRST_START_MS} ms (first start: initdb + migrations); idle RSS $((IDLE_RSS_FIRST/1024)) MiB; $(started_line first)"

# --- seed --------------------------------------------------------------------------------------
if [ -n "$SESSION_CHECK" ]; then
  log "storing each token's Better Auth session in public.\"session\" (BETTER_AUTH_SESSION_CHECK=$SESSION_CHECK)"
  "$JAVA" -cp "$(ls "$WORK"/app/lib/postgresql-*.jar | head -1)" "$BENCH/tools/BenchSessions.java" \
    --port "$PG_PORT" --tokens "$WORK/tokens.tsv" \
    --password "$(sed -n 's/^EMBEDDED_POSTGRES_PASSWORD=//p' "$WORK/data/secrets.env" | tail -1)"
fi
log "seeding $USERS users × $TASKS_PER_USER tasks through the API"
"$JAVA" "$BENCH/tools/BenchTokens.java" seed --api "http://127.0.0.1:$API_PORT" --dir "$WORK" \
  --users $USERS --tasks $TASKS_PER_USER --out "$WORK/users.txt"

# --- scenarios ---------------------------------------------------------------------------------
RESULTS=$WORK/results.tsv
printf 'scenario\trps\tp50_ms\tp90_ms\tp99_ms\tp999_ms\tmax_ms\trequests\terrors\tnon2xx\trss_max_mib\tapi_cpu_pct\tpg_cpu_pct\twrk_cpu_pct\tother_cpu_pct\tapi_cpu_us_per_req\tpg_cpu_us_per_req\tapi_sys_pct_of_api\n' > "$RESULTS"
CLK_TCK=$(getconf CLK_TCK)

# TARGET_PORT, TARGET_PID and TARGET_USERS point wrk_cmd and run_scenario at another server (--compare-stock's
# peers); unset, they measure the API (and its PostgreSQL). TARGET_PG=1: that server uses the API's PostgreSQL,
# whose CPU is then measured with it.
wrk_cmd() { # script seconds
  echo wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --timeout 5s -s "$BENCH/wrk/$1.lua" "http://127.0.0.1:${TARGET_PORT:-$API_PORT}$( [ "$1" = health ] && echo /health || echo /)" -- "${TARGET_USERS:-$WORK/users.txt}"
}

list_cache_counts() { # the API's list cache counters: hits misses bypasses (from its Prometheus endpoint)
  curl -fsS "http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus" 2>/dev/null | awk '
    /^tasks_list_cache_requests_total/ { if ($0 ~ /result="hit"/) h = $NF; else if ($0 ~ /result="miss"/) m = $NF; else if ($0 ~ /result="bypass"/) b = $NF }
    END { printf "%d %d %d\n", h, m, b }'
}
list_cache_section() { # Markdown: what the list cache answered in each measured scenario
  [ -s "$WORK/list-cache.txt" ] || return 0
  echo
  echo "## List cache (\`TASK_LIST_CACHE_MB=${LIST_CACHE:-16}\`)"
  echo
  echo "List requests of each measured run, as the API counted them (\`tasks.list.cache.requests\`): hit = the kept page, miss = read from PostgreSQL and kept, bypass = read from PostgreSQL because the cache is off or the change log was not being read (no recent read vouches for the kept pages)."
  echo
  echo "| scenario | lists | hits | misses | bypasses | hit % |"
  echo "|---|---:|---:|---:|---:|---:|"
  awk '{ h = $5 - $2; m = $6 - $3; b = $7 - $4; n = h + m + b; if (n > 0) printf "| %s | %d | %d | %d | %d | %.1f |\n", $1, n, h, m, b, 100 * h / n }' "$WORK/list-cache.txt"
}

# --pg-waits: what PostgreSQL's backends wait on during a measured run (one psql session sampling
# pg_stat_activity every 20 ms into a temporary table), and the change log's and tasks' table counters
# (scans, rows read, autovacuums) over the run. Written to bench/out/$STAMP-<scenario>-pg.txt.
. "$BENCH/lib/psql.sh"
PG_TABLE_STATS="select relname, seq_scan, seq_tup_read, idx_scan, idx_tup_fetch, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_live_tup, n_dead_tup, autovacuum_count, autoanalyze_count from pg_stat_user_tables where schemaname = 'tasks' and relname in ('tasks', 'task_changes', 'rate_limit_buckets') order by relname"
pg_waits_start() { # seconds
  command -v psql >/dev/null || die "--pg-waits needs psql"
  { echo "create temp table w (state text, wait text, query text);"
    echo "\\o /dev/null"
    for ((k = 0; k < $1 * 50; k++)); do
      echo "insert into w select state, coalesce(wait_event_type || ':' || wait_event, 'CPU'), left(regexp_replace(query, '\s+', ' ', 'g'), 60) from pg_stat_activity where backend_type in ('client backend', 'autovacuum worker', 'checkpointer', 'walwriter') and state is distinct from 'idle' and pid <> pg_backend_pid(); select pg_sleep(0.02);"
    done
    echo "\\o"
    echo "\\echo '-- samples (20 ms apart) of non-idle backends, by wait event'"
    echo "select wait, count(*) from w group by 1 order by 2 desc limit 25;"
    echo "\\echo '-- by statement and wait event'"
    echo "select wait, query, count(*) from w group by 1, 2 order by 3 desc limit 25;"
  } > "$WORK/pg-waits.sql"
  pg_psql -c "$PG_TABLE_STATS" > "$WORK/pg-stats-before.txt"
  pg_psql -f "$WORK/pg-waits.sql" > "$WORK/pg-waits.txt" 2>&1 &
  PG_WAITS_PID=$!
}
pg_waits_stop() { # name
  wait "$PG_WAITS_PID" 2>/dev/null || true
  local out=$BENCH/out/$STAMP-$1-pg.txt
  { echo "## $1: table counters before and after"; cat "$WORK/pg-stats-before.txt"; pg_psql -c "$PG_TABLE_STATS"
    pg_psql -c "select checkpoints_timed, checkpoints_req, buffers_checkpoint, buffers_backend from pg_stat_bgwriter"
    pg_psql -c "select wal_records, wal_bytes, wal_write, wal_sync from pg_stat_wal" 2>/dev/null
    cat "$WORK/pg-waits.txt"; } > "$out"
  log "  PostgreSQL waits and counters: bench/out/$STAMP-$1-pg.txt"
}

run_scenario() { # name script
  local name=$1 script=$2
  log "scenario $name: warm-up ${WARMUP}s"
  $(wrk_cmd "$script" "$WARMUP") > "$WORK/wrk-$name-warmup.txt" 2>&1 || true
  sleep 1
  log "scenario $name: measuring ${DURATION}s"
  local pid=${TARGET_PID:-$API_PID} pgs=""; { [ -z "${TARGET_PID:-}" ] || [ -n "${TARGET_PG:-}" ]; } && pgs=$(pg_pids)
  local a0 p0 t0 t1 a1 p1 m0 m1 k0 k1
  local c0=""; [ -z "${TARGET_PID:-}" ] && c0=$(list_cache_counts)
  a0=$(ticks "$pid"); k0=$(sys_ticks "$pid"); p0=$(ticks $pgs); m0=$(machine_busy); t0=$(ms_now)
  ( max=0; while kill -0 "$pid" 2>/dev/null; do r=$(rss_kib "$pid"); [ "$r" -gt "$max" ] && { max=$r; echo "$max" > "$WORK/rss-max"; }; sleep 0.25; done ) &
  local sampler=$!
  echo 0 > "$WORK/rss-max"
  local TIMEFORMAT='%U %S'
  [ "$JFR" = 1 ] && "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name="$name" settings=profile >/dev/null
  [ "$PG_WAITS" = 1 ] && pg_waits_start "$DURATION"
  { time $(wrk_cmd "$script" "$DURATION") > "$WORK/wrk-$name.txt" 2>&1; } 2> "$WORK/wrk-$name.time" || true
  t1=$(ms_now); a1=$(ticks "$pid"); k1=$(sys_ticks "$pid"); p1=$(ticks $pgs); m1=$(machine_busy)
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  [ -n "$c0" ] && echo "$name $c0 $(list_cache_counts)" >> "$WORK/list-cache.txt"
  [ "$PG_WAITS" = 1 ] && pg_waits_stop "$name"
  [ "$JFR" = 1 ] && "$JAVA_HOME/bin/jcmd" "$pid" JFR.stop name="$name" filename="$BENCH/out/$STAMP-$name.jfr" >/dev/null
  local json; json=$(grep -m1 '^BENCH ' "$WORK/wrk-$name.txt" | cut -d' ' -f2-) || { cat "$WORK/wrk-$name.txt" >&2; die "wrk failed in $name"; }
  local wall=$((t1 - t0))
  python3 - "$name" "$json" "$(cat "$WORK/rss-max")" "$((a1-a0))" "$((p1-p0))" "$(cat "$WORK/wrk-$name.time")" "$wall" "$CLK_TCK" "$((m1-m0))" "$((k1-k0))" >> "$RESULTS" <<'PY'
import json, sys
name, j, rss, api, pg, wrkt, wall, tck, machine, apisys = sys.argv[1:]
j = json.loads(j); wall = int(wall) / 1000; tck = int(tck)
u, s = (float(x) for x in wrkt.split())
rps = j["requests"] / (j["duration_us"] / 1e6)
errors = j["connect_errors"] + j["read_errors"] + j["write_errors"] + j["timeouts"]
ms = lambda k: "%.2f" % (j[k] / 1000)
print("\t".join([name, "%.0f" % rps, ms("p50_us"), ms("p90_us"), ms("p99_us"), ms("p999_us"), ms("max_us"),
                 str(j["requests"]), str(errors), str(j["non2xx"]), "%.0f" % (int(rss) / 1024),
                 "%.0f" % (int(api) / tck / wall * 100), "%.0f" % (int(pg) / tck / wall * 100),
                 "%.0f" % ((u + s) / wall * 100),
                 # everything else on the machine (builds, other servers): > 0 means the figures are disturbed
                 "%.0f" % max(0, (int(machine) - int(api) - int(pg)) / tck / wall * 100 - (u + s) / wall * 100),
                 # CPU time per request: unlike req/s, hardly moved by other load on the machine
                 "%.0f" % (int(api) / tck * 1e6 / max(1, j["requests"])), "%.0f" % (int(pg) / tck * 1e6 / max(1, j["requests"])),
                 # how much of the API's CPU time the kernel spent for it (system time)
                 "%.0f" % (int(apisys) * 100 / max(1, int(api)))]))
PY
  tail -1 "$RESULTS" | awk -F'\t' '{printf "[bench]   %s: %s req/s, p50 %s ms, p99 %s ms, errors %s, non-2xx %s, RSS max %s MiB, CPU %% API %s PG %s wrk %s other %s, API CPU %s µs/req (%s %% of it in the kernel)\n", $1, $2, $3, $5, $9, $10, $11, $12, $13, $14, $15, $16, $18}'
}

# The other modes take over from here (the API is up and seeded); they share everything above.
if [ "$MODE" != default ]; then
  . "$BENCH/lib/$MODE.sh"
  exit 0
fi

# One JIT warm-up over every endpoint first: the C2 compiler needs tens of thousands of requests, and
# without this the first measured scenarios run partly interpreted (worse on a busy machine).
if [ "$WARMUP" -gt 0 ]; then
  log "JIT warm-up: $((WARMUP * 2)) s of mixed + $WARMUP s of health (discarded)"
  $(wrk_cmd mixed $((WARMUP * 2))) > /dev/null 2>&1 || true
  $(wrk_cmd health "$WARMUP") > /dev/null 2>&1 || true
fi

settle_big_table() { # the bulk insert's autovacuum and checkpoint done before list-100k is measured
  "$JAVA" -cp "$(ls "$WORK"/app/lib/postgresql-*.jar | head -1)" "$BENCH/tools/BenchSettle.java" --port "$PG_PORT" \
    --password "$(sed -n 's/^EMBEDDED_POSTGRES_PASSWORD=//p' "$WORK/data/secrets.env" | tail -1)"
}

# BENCH_HOOK: a command run before each scenario with its name as argument and PG* variables set for
# psql, e.g. to change the database between two runs of one scenario ("toggle@no-trigger"; a name's
# part before @ is the wrk script). bench/tools/toggle-diag.sh is one.
run_hook() {
  [ -n "${BENCH_HOOK:-}" ] || return 0
  PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=tasks \
    PGPASSWORD="$(sed -n 's/^EMBEDDED_POSTGRES_PASSWORD=//p' "$WORK/data/secrets.env" | tail -1)" \
    $BENCH_HOOK "$1" || die "BENCH_HOOK failed before $1"
}
for s in $SCENARIOS; do
  [ -f "$BENCH/wrk/${s%%@*}.lua" ] || die "no scenario ${s%%@*} (bench/wrk/${s%%@*}.lua)"
  if [ "$s" = create ] && [ "$BIG" = 1 ]; then
    log "growth check: seeding $FILLER_USERS more users × $FILLER_TASKS tasks (100 000 tasks in total)"
    "$JAVA" "$BENCH/tools/BenchTokens.java" seed --api "http://127.0.0.1:$API_PORT" --dir "$WORK" \
      --from $USERS --users $FILLER_USERS --tasks $FILLER_TASKS --concurrency 32
    settle_big_table
    run_scenario list-100k list
  fi
  run_hook "$s"
  run_scenario "$s" "${s%%@*}"
done
if [ "$BIG" = 1 ] && ! grep -q '^list-100k' "$RESULTS"; then
  log "growth check: seeding $FILLER_USERS more users × $FILLER_TASKS tasks (100 000 tasks in total)"
  "$JAVA" "$BENCH/tools/BenchTokens.java" seed --api "http://127.0.0.1:$API_PORT" --dir "$WORK" \
    --from $USERS --users $FILLER_USERS --tasks $FILLER_TASKS --concurrency 32
  settle_big_table
  run_scenario list-100k list
fi
JWKS_FETCHES=$(curl -fsS "http://127.0.0.1:$JWKS_PORT/stats" | grep -oE '[0-9]+' || echo '?')
stop_api

# --- start-up ----------------------------------------------------------------------------------
STARTUPS=$WORK/startup.tsv
printf 'start\tready_ms\tidle_rss_mib\tspring_says\n' > "$STARTUPS"
printf 'first start (fresh data dir: initdb + migrations)\t%s\t%s\t%s\n' "$FIRST_START_MS" "$((IDLE_RSS_FIRST/1024))" "$(started_line first)" >> "$STARTUPS"
if [ "$STARTUP" = 1 ]; then
  best_of() { # name, extra JVM options…: three starts on the existing data, keeps the fastest
    local name=$1; shift; local best=999999 rss=0 k
    for k in 1 2 3; do
      start_api "$name" "$@"; sleep 2
      [ "$START_MS" -lt "$best" ] && { best=$START_MS; rss=$(rss_kib "$API_PID"); }
      stop_api
    done
    printf '%s\t%s\t%s\t%s\n' "$name" "$best" "$((rss/1024))" "$(started_line "$name")" >> "$STARTUPS"
    log "start-up $name: ready in $best ms (best of 3), idle RSS $((rss/1024)) MiB"
  }
  best_of "restart (existing data)"
  # JDK 25 AOT cache (JEP 483/514/515): one training run that serves some traffic, then starts that use it.
  # Ask for the flag only: "-XX:AOTCacheOutput=/dev/null -version" makes the JVM replace /dev/null
  # with a regular file when it writes the cache at exit (which then breaks initdb and much else).
  if "$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
    log "training the AOT cache"
    start_api aot-training "-XX:AOTCacheOutput=$WORK/app.aot"
    $(wrk_cmd mixed 5) > /dev/null 2>&1 || true
    stop_api
    if [ -s "$WORK/app.aot" ]; then
      best_of "restart with AOT cache (-XX:AOTCache)" "-XX:AOTCache=$WORK/app.aot"
    else
      log "no AOT cache was written (see $WORK/api-aot-training.log)"
    fi
  fi
fi

# --- report ------------------------------------------------------------------------------------
META=$WORK/meta.env
{
  echo "stamp=$STAMP"
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "label=$LABEL"
  echo "rate_limits=$RATE_LIMITS"
  echo "session_check=${SESSION_CHECK:-default (if-present; tokens without sid)}"
  echo "list_cache=${LIST_CACHE:-default (16 MiB)}"
  echo "commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- backend 2>/dev/null || echo ' (+ uncommitted backend changes)')"
  echo "cpus=$(nproc)"
  echo "cpu_model=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "ram=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel=$(uname -r)"
  echo "jdk=$("$JAVA" -version 2>&1 | sed -n 2p)"
  echo "jvm_opts=$(for o in $JVM_OPTS; do case $o in @*) sed 's/#.*//' "${o#@}" ;; *) echo "$o" ;; esac; done | xargs)"
  echo "wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "wrk_cmd=wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --timeout 5s -s bench/wrk/<scenario>.lua http://127.0.0.1:$API_PORT/… -- users.txt"
  echo "loadavg=$LOADAVG_START"
  echo "duration=$DURATION"
  echo "warmup=$WARMUP"
  echo "data=$USERS users × $TASKS_PER_USER tasks$( [ "$BIG" = 1 ] && echo "; list-100k: + $FILLER_USERS users × $FILLER_TASKS tasks = 100 000 tasks")"
  echo "jwks_fetches=$JWKS_FETCHES"
} > "$META"
"$JAVA" -Djava.awt.headless=true "$BENCH/tools/BenchReport.java" "$RESULTS" "$STARTUPS" "$META" \
  "$BENCH/results/$STAMP.md" "$BENCH/results/$STAMP.png"
list_cache_section >> "$BENCH/results/$STAMP.md"
cp "$BENCH/results/$STAMP.md" "$BENCH/results/latest.md"

cp "$WORK"/api-first.log "$BENCH/out/$STAMP-api.log" 2>/dev/null || true
log "results: bench/results/$STAMP.md (and latest.md, $STAMP.png)"
