#!/usr/bin/env bash
# Starts the whole system on this machine:
#   PostgreSQL (embedded, data in .data/postgres, 127.0.0.1:15432, password in .data/secrets.env)
#   + Java task API (:8000; metrics on 127.0.0.1:8081) + Next.js with Better Auth (:3000).
# With DATABASE_URL set, both sides use that PostgreSQL instead and nothing embedded is started.
# Ctrl-C stops everything; data survives restarts.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

# Everything this script and what it starts write (logs, secrets, the API's copy and its database,
# the web app's local outbox) is the owner's only: reset and confirmation links, the database
# password and the data itself are in there. umask covers new files and folders; a data folder
# from before gets its group/other bits removed (only where there are any).
umask 077
export TASKS_DATA_DIR=${TASKS_DATA_DIR:-$ROOT/.data}
mkdir -p "$TASKS_DATA_DIR"
chmod 700 "$TASKS_DATA_DIR"
find "$TASKS_DATA_DIR" -perm /077 -exec chmod go-rwx {} + 2>/dev/null || true

# Local secrets: generated once, kept in a git-ignored file, never committed. A .data folder from
# before the embedded PostgreSQL had a password gets one added (the API sets it on its next start).
SECRETS_FILE="$TASKS_DATA_DIR/secrets.env"
if [ ! -f "$SECRETS_FILE" ]; then
  (umask 077; printf 'BETTER_AUTH_SECRET=%s\n' "$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')" > "$SECRETS_FILE")
  echo "generated local secrets in $SECRETS_FILE"
fi
if ! grep -q '^EMBEDDED_POSTGRES_PASSWORD=' "$SECRETS_FILE"; then
  # hex: nothing to escape in the DATABASE_URL below
  printf 'EMBEDDED_POSTGRES_PASSWORD=%s\n' "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" >> "$SECRETS_FILE"
fi
set -a; . "$SECRETS_FILE"; set +a

export PORT_API=${PORT_API:-8000}
export PORT_WEB=${PORT_WEB:-3000}
export BETTER_AUTH_URL=${BETTER_AUTH_URL:-http://localhost:$PORT_WEB}
export CORS_ORIGINS=${CORS_ORIGINS:-$BETTER_AUTH_URL}
# The API's address as the browser calls it, read by the web app at run time (lib/http/api-url.ts):
# one build serves any port. NEXT_PUBLIC_API_URL, its old name, still works.
export API_URL=${API_URL:-${NEXT_PUBLIC_API_URL:-http://localhost:$PORT_API}}
export EMBEDDED_POSTGRES_PORT=${EMBEDDED_POSTGRES_PORT:-15432}
# Proxy addresses/CIDRs whose X-Forwarded-For names the client: the API and the web app read the
# same value, so both limit and record the same client address. Unset: the socket's peer.
export TRUSTED_PROXIES=${TRUSTED_PROXIES:-}

# Every port this run needs, checked before anything is built or started (a busy port used to be
# found only when its server failed, seconds or minutes in), each with the variable that moves it.
port_busy() { # a connection succeeds: something listens there
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null || (exec 3<>"/dev/tcp/::1/$1") 2>/dev/null
}
busy=()
check_port() { # port, what, variable
  port_busy "$1" && busy+=("  port $1 ($2) is in use: stop what listens there, or move it with $3=<port>")
  return 0
}
check_port "$PORT_WEB" "the web app" PORT_WEB
check_port "$PORT_API" "the API" PORT_API
management_port=${MANAGEMENT_SERVER_PORT:-8081}
case $management_port in off | 0) ;; *) check_port "$management_port" "the API's metrics" MANAGEMENT_SERVER_PORT ;; esac
[ -z "${DATABASE_URL:-}" ] && check_port "$EMBEDDED_POSTGRES_PORT" "the embedded PostgreSQL" EMBEDDED_POSTGRES_PORT
if [ ${#busy[@]} -gt 0 ]; then
  printf '%s\n' "run.sh: cannot start, a port it needs is taken (another ./run.sh, or ./test.sh's browser tests?):" "${busy[@]}" >&2
  exit 1
fi

JAVA_HOME=$("$ROOT/scripts/java-home.sh"); export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
# The API's JVM flags live in backend/task-api/jvm.options (a java @argument file, shared with bench/
# and deployments; measured there: Serial GC and a 128 MiB heap keep RSS near 300 MiB under load).
# API_JAVA_OPTS replaces them.
API_JAVA_OPTS=${API_JAVA_OPTS:-@backend/task-api/jvm.options}  # (relative: the API starts from $ROOT)

# Component output goes to log files; the terminal gets one line per step, where a local run's
# mail was saved, and the cause when something fails.
LOG_DIR="$TASKS_DATA_DIR/logs"
mkdir -p "$LOG_DIR"
T0=$(date +%s)
say() { printf '%s\n' "$*"; }
secs() { echo $(( $(date +%s) - $1 )); }
fail_with_log() { # message, log file
  printf '\n\033[1;31m%s\033[0m\nlast lines of %s:\n' "$1" "$2" >&2
  tail -n 25 "$2" | sed 's/^/  /' >&2
  exit 1
}
step() { # description, log file, command…  (runs quietly; on failure shows the log's end)
  local what=$1 log=$2; shift 2
  say "$what…"
  # A long step (a first build: minutes with empty caches) says it is alive every 15 s, with the
  # log's latest line, instead of looking hung.
  "$@" >>"$log" 2>&1 &
  local pid=$! t0 next=15 status=0
  t0=$(date +%s)
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if [ "$(secs "$t0")" -ge "$next" ]; then
      say "  … $(secs "$t0") s: $(tail -n 1 "$log" 2>/dev/null | tr -d '\r' | cut -c1-90)"
      next=$((next + 15))
    fi
  done
  wait "$pid" || status=$?
  [ "$status" -eq 0 ] || fail_with_log "$what failed" "$log"
  [ "$(secs "$t0")" -ge 15 ] && say "  done in $(secs "$t0") s"
  return 0
}

pids=() names=() trees=()
# A process and everything it started: `npm run start` does not pass SIGTERM on to the Next.js
# server it runs, which would otherwise outlive run.sh.
kill_tree() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do kill_tree "$child"; done
  kill -TERM "$1" 2>/dev/null || true
}
cleanup() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    echo
    # Next.js first, then the API (which stops the embedded PostgreSQL cleanly on SIGTERM).
    for ((i=${#pids[@]}-1; i>=0; i--)); do
      kill -0 "${pids[$i]}" 2>/dev/null || continue
      say "stopping ${names[$i]}…"
      # The API stops its embedded PostgreSQL itself (its children must not get the signal first).
      if [ "${trees[$i]}" = 1 ]; then kill_tree "${pids[$i]}"; else kill -TERM "${pids[$i]}" 2>/dev/null || true; fi
      wait "${pids[$i]}" 2>/dev/null || true
    done
    # What is left: the log filter of the web app's output.
    for child in $(pgrep -P $$ 2>/dev/null); do kill_tree "$child"; done
    say "stopped."
  fi
}
# A signal ends the script (the EXIT trap then stops what it started): cleanup alone would return
# to wherever the signal came, e.g. go on to start the web app after the API was stopped.
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_for() { # url, seconds, name, pid, log
  local url=$1 secs=$2 name=$3 pid=$4 log=$5
  for ((t=0; t<secs*5; t++)); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || fail_with_log "$name exited during start-up" "$log"
    sleep 0.2
  done
  fail_with_log "$name did not become ready at $url within ${secs}s" "$log"
}

say "logs: $LOG_DIR/ (api.log, web.log, and one per build step)"

# --- Java task API (starts embedded PostgreSQL unless DATABASE_URL is set) ---
JAR_GLOB="backend/task-api/target/task-api-*.jar"
jar=$(ls $JAR_GLOB 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ] || [ -n "$(find backend -path '*/src/*' -newer "$jar" -print -quit)" ] || [ backend/pom.xml -nt "$jar" ]; then
  : > "$LOG_DIR/build-api.log"
  step "building the API (the first run downloads Maven and the dependencies)" "$LOG_DIR/build-api.log" \
    bash -c 'cd backend && ./mvnw -B -ntp -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl task-api -am package'
  jar=$(ls $JAR_GLOB | grep -v original | head -1)
fi
# Run an extracted copy (Spring Boot's production layout): a rebuild of backend/ cannot pull the
# jar from under it, and plain jars are what the JDK's AOT cache needs.
APP_DIR="$TASKS_DATA_DIR/api"
jar_id=$(stat -c '%s %Y' "$jar")
if [ "$(cat "$APP_DIR/.built-from" 2>/dev/null)" != "$jar_id" ]; then
  rm -rf "$APP_DIR"
  "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$APP_DIR" >/dev/null
  echo "$jar_id" > "$APP_DIR/.built-from"
fi
app_jar=$(ls "$APP_DIR"/task-api-*.jar | head -1)
# JDK 25 AOT cache (JEP 483/514): the first start of a build records which classes the API loads
# and writes the cache when it stops; later starts use it (bench/: ready in ~5 s instead of ~10 s).
# A cache that does not fit (another JDK) is ignored by the JVM. TASKS_AOT=0 turns this off.
aot_opts="" api_name="the API"
# (Ask for the flag's presence only: "-XX:AOTCacheOutput=/dev/null -version" would have the JVM replace
# /dev/null with a regular file when it writes the cache at exit.)
if [ "${TASKS_AOT:-1}" = 1 ] && "$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
  if [ -s "$APP_DIR/task-api.aot" ]; then
    aot_opts="-XX:AOTCache=$APP_DIR/task-api.aot"
  else
    aot_opts="-XX:AOTCacheOutput=$APP_DIR/task-api.aot"
    api_name="the API (first stop of this build: the JVM writes its start-up cache, 10–25 s once)"
  fi
  aot_opts="$aot_opts -Xlog:aot*=error -Xlog:cds*=error"
fi
if [ -n "${DATABASE_URL:-}" ]; then
  say "starting the API on :$PORT_API (database: DATABASE_URL)…"
else
  say "starting the API on :$PORT_API (embedded PostgreSQL on 127.0.0.1:$EMBEDDED_POSTGRES_PORT, data in $TASKS_DATA_DIR/postgres)…"
fi
t_api=$(date +%s)
echo "--- $(date -u +%FT%TZ) start" >> "$LOG_DIR/api.log"
# The API never gets Better Auth's secret (SPEC 1.1): Better Auth signs one-purpose tokens with it (the
# email-verification link), and the API accepts only Better Auth's JWKS-signed access tokens, each
# bound to a live session (BETTER_AUTH_SESSION_CHECK: its default, required). HS256 stays off here.
env -u BETTER_AUTH_SECRET -u BETTER_AUTH_HS256_SECRET PORT=$PORT_API MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} \
  "$JAVA" $API_JAVA_OPTS $aot_opts -jar "$app_jar" >> "$LOG_DIR/api.log" 2>&1 &
pids+=($!) names+=("$api_name") trees+=(0)
wait_for "http://localhost:$PORT_API/health/ready" 120 "the API" "${pids[0]}" "$LOG_DIR/api.log"
say "database ready, API ready in $(secs "$t_api") s"

# --- Next.js + Better Auth ---
if [ -f frontend/package.json ]; then
  export DATABASE_URL=${DATABASE_URL:-postgresql://postgres:$EMBEDDED_POSTGRES_PASSWORD@127.0.0.1:$EMBEDDED_POSTGRES_PORT/tasks}
  cd frontend
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "installing the web app's dependencies" "$LOG_DIR/npm-ci.log" npm ci --no-audit --no-fund --loglevel=error
  fi
  # Better Auth's migration runs only when what its schema depends on changed (scripts/migrate-if-needed.mjs):
  # ~0.2 s instead of 2-8 s. (node directly: npm itself adds most of a second.)
  step "checking Better Auth's tables" "$LOG_DIR/migrate.log" node scripts/migrate-if-needed.mjs
  tail -n 1 "$LOG_DIR/migrate.log" | sed 's/^/  /' 
  # The API's address is read at run time (API_URL): other ports need no new build.
  if [ ! -f .next/BUILD_ID ] \
     || [ -n "$(find app lib components proxy.ts preload.mjs next.config.* package.json package-lock.json tsconfig.json -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
    : > "$LOG_DIR/build-web.log"
    step "building the web app" "$LOG_DIR/build-web.log" npm run -s build
  fi
  t_web=$(date +%s)
  echo "--- $(date -u +%FT%TZ) start" >> "$LOG_DIR/web.log"
  # Everything to web.log; a local run's mail lines ("mail to <addr>: <subject> — in <outbox file>",
  # never the link itself: it is a credential, and web.log is a file) and errors also to the terminal.
  PORT=$PORT_WEB npm run -s start > >(tee -a "$LOG_DIR/web.log" | grep --line-buffered -E '^mail to |ERROR|Error:') 2>&1 &
  pids+=($!) names+=("the web app") trees+=(1)
  cd "$ROOT"
  wait_for "http://localhost:$PORT_WEB/api/auth/ok" 60 "the web app" "${pids[1]}" "$LOG_DIR/web.log"
  say "web app ready in $(secs "$t_web") s (everything in $(secs "$T0") s)"
  printf '\n\033[1mTasks is running: http://localhost:%s\033[0m   (API http://localhost:%s, docs /docs; Ctrl-C stops)\n\n' "$PORT_WEB" "$PORT_API"
else
  printf '\n\033[1mTask API is running: http://localhost:%s\033[0m   (docs http://localhost:%s/docs; Ctrl-C stops)\n\n' "$PORT_API" "$PORT_API"
fi
wait -n "${pids[@]}"
