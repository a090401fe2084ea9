# Sourced by bench/import.sh and bench/stream.sh (not by run.sh, whose start-ups are themselves measured):
# one task API on a fresh embedded PostgreSQL behind bench/tools/BenchTokens.java's JWKS and EdDSA tokens,
# rate limits and the session check off (the tokens carry no sid). The caller sets ROOT, BENCH and
# BENCH_NAME (its log prefix), then calls build_api, work_dir, start_jwks and start_api in that order.
# Ports: BENCH_API_PORT (18080), BENCH_MANAGEMENT_PORT (18081), BENCH_JWKS_PORT (18300), BENCH_PG_PORT (25432).

API_PORT=${BENCH_API_PORT:-18080}
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-18081}
JWKS_PORT=${BENCH_JWKS_PORT:-18300}
PG_PORT=${BENCH_PG_PORT:-25432}
log() { printf '\033[1m[%s]\033[0m %s\n' "$BENCH_NAME" "$*"; }
die() { echo "[$BENCH_NAME] $*" >&2; exit 1; }
for p in $API_PORT $MANAGEMENT_PORT $JWKS_PORT $PG_PORT; do
  (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && die "port $p is in use (set BENCH_*_PORT)"
done
JAVA_HOME=$("$ROOT/scripts/java-home.sh"); export JAVA_HOME
JAVA=$JAVA_HOME/bin/java
JAR=$ROOT/backend/task-api/target/task-api-1.0.0-SNAPSHOT.jar

build_api() { # extra Maven options…; nothing with BUILD=0 (--no-build)
  if [ "$BUILD" = 1 ]; then
    log "building the API jar"
    (cd "$ROOT/backend" && ./mvnw -B -q -ntp -DskipTests "$@" -pl task-api -am package)
  fi
  [ -s "$JAR" ] || die "no jar at $JAR"
}

# WORK, removed at exit (kept with BENCH_KEEP=1) after every process in pids is stopped, last started
# first; APP_JAR, the jar extracted as in production (faster start, what the JDK's AOT cache needs).
work_dir() {
  WORK=$(mktemp -d "/tmp/tasks-$BENCH_NAME.XXXXXX")
  pids=()
  trap cleanup INT TERM EXIT
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
  APP_JAR=$(ls "$WORK"/app/*.jar | head -1)
}
cleanup() {
  trap - INT TERM EXIT
  for ((k=${#pids[@]}-1; k>=0; k--)); do kill -TERM "${pids[$k]}" 2>/dev/null || true; wait "${pids[$k]}" 2>/dev/null || true; done
  if [ -n "${BENCH_KEEP:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}

start_jwks() { # users; their tokens in $WORK/tokens.tsv (user id, token a line)
  "$JAVA" "$BENCH/tools/BenchTokens.java" serve --port "$JWKS_PORT" --dir "$WORK" --users "$1" --filler-users 0 \
    --sids no --alg EdDSA > "$WORK/jwks.log" 2>&1 &
  pids+=($!)
  for ((t=0; t<300; t++)); do [ -s "$WORK/tokens.tsv" ] && curl -fsS -o /dev/null "http://127.0.0.1:$JWKS_PORT/api/auth/jwks" 2>/dev/null && break; sleep 0.1; done
  [ -s "$WORK/tokens.tsv" ] || die "JWKS helper did not start"
}

start_api() { # extra JVM options… (after jvm.options); returns once ready, API_PID set
  log "API on :$API_PORT (fresh embedded PostgreSQL :$PG_PORT; rate limits and session check off)"
  env -u DATABASE_URL -u BETTER_AUTH_SECRET -u BETTER_AUTH_HS256_SECRET -u BETTER_AUTH_JWKS_URL -u EMBEDDED_POSTGRES_PASSWORD \
    BETTER_AUTH_SESSION_CHECK=off PORT=$API_PORT MANAGEMENT_SERVER_PORT=$MANAGEMENT_PORT \
    TASKS_DATA_DIR="$WORK/data" EMBEDDED_POSTGRES_PORT=$PG_PORT \
    BETTER_AUTH_URL="http://127.0.0.1:$JWKS_PORT" CORS_ORIGINS=http://localhost:3000 \
    RATE_LIMIT_USER_RPS=0 RATE_LIMIT_IP_RPS=0 \
    MALLOC_ARENA_MAX=2 "$JAVA" "@$ROOT/backend/task-api/jvm.options" "$@" -jar "$APP_JAR" > "$WORK/api.log" 2>&1 &
  API_PID=$!
  pids+=($API_PID)
  for ((t=0; t<3000; t++)); do
    curl -fsS -o /dev/null "http://127.0.0.1:$API_PORT/health/ready" 2>/dev/null && break
    kill -0 "$API_PID" 2>/dev/null || { tail -40 "$WORK/api.log" >&2; die "the API exited"; }
    sleep 0.02
  done
}
