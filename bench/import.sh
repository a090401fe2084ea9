#!/usr/bin/env bash
# Import benchmark (issue 25: "a 10,000-task file imports in ≤ 10 s"): one API instance on a fresh
# embedded PostgreSQL, then over HTTP with curl, each timed (curl's time_total, upload included):
#   1. a generated 10,000-task CSV (10 lists, 3 labels a task, due dates, descriptions): preview (twice:
#      the first on a cold JVM), import, import again;
#   2. that account's JSON export (GET …/export) and CSV export;
#   3. the JSON export imported into a second, empty account (the round trip), and its preview.
#   4. with --export-tasks N (e.g. 100000): N tasks written straight into PostgreSQL for a third account
#      (an import takes at most 10,000), then its JSON and CSV exports, each with the API's heap after it
#      (the API runs with jvm.options' 112 MiB heap, as in production);
#   bench/import.sh [--tasks 10000] [--export-tasks N] [--no-build]
# Rate limits and the session check off (the tokens carry no sid), as in the other benchmarks.
# Ports: BENCH_API_PORT (18080), BENCH_MANAGEMENT_PORT (18081), BENCH_JWKS_PORT (18300), BENCH_PG_PORT (25432).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/bench
TASKS=10000 EXPORT_TASKS=0 BUILD=1
while [ $# -gt 0 ]; do
  case $1 in
    --tasks) TASKS=$2; shift 2 ;;
    --export-tasks) EXPORT_TASKS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,13p' "$ROOT/bench/import.sh"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
BENCH_NAME=import-bench
. "$BENCH/lib/one-api.sh"
. "$BENCH/lib/psql.sh"
build_api -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
work_dir
start_jwks 3
start_api

read -r USER1 TOKEN1 < <(sed -n 1p "$WORK/tokens.tsv")
read -r USER2 TOKEN2 < <(sed -n 2p "$WORK/tokens.tsv")
API=http://127.0.0.1:$API_PORT

awk -v n="$TASKS" 'BEGIN {
  print "title,description,due_date,due_time,priority,list,labels,completed,recurrence"
  for (i = 1; i <= n; i++)
    printf "Task %d,\"Notes for task %d, with a comma\",2027-%02d-%02d,%02d:30,%d,List %d,\"l%d, l%d, l%d\",%s,\n",
      i, i, i % 12 + 1, i % 28 + 1, i % 24, i % 4, i % 10, i % 7, i % 11, i % 13, (i % 5 == 0 ? "true" : "false")
}' > "$WORK/tasks.csv"

# One request, timed: prints "<seconds> <status> <body>".
timed() { # label, curl args...
  local label=$1; shift
  local out
  out=$(curl -sS -o "$WORK/body" -w '%{time_total} %{http_code}' "$@")
  printf '%-44s %6.2f s  HTTP %s  %s\n' "$label" "${out% *}" "${out#* }" "$(head -c 240 "$WORK/body" | tr '\n' ' ')" | tee -a "$WORK/result.txt"
}
: > "$WORK/result.txt"
post() { # label, token, user, query, content type, file
  timed "$1" -X POST -H "Authorization: Bearer $2" -H "Content-Type: $5" --data-binary "@$6" "$API/api/$3/import$4"
}
SIZE=$(stat -c %s "$WORK/tasks.csv")
log "CSV of $TASKS tasks, $SIZE bytes"
# The first request after start-up runs on a cold JVM (interpreted code): shown, then repeated warm.
post "CSV preview (dry_run), cold JVM" "$TOKEN1" "$USER1" "?format=csv&dry_run=true" text/csv "$WORK/tasks.csv"
post "CSV preview (dry_run) again" "$TOKEN1" "$USER1" "?format=csv&dry_run=true" text/csv "$WORK/tasks.csv"
post "CSV import" "$TOKEN1" "$USER1" "?format=csv" text/csv "$WORK/tasks.csv"
post "CSV import again (adds nothing)" "$TOKEN1" "$USER1" "?format=csv" text/csv "$WORK/tasks.csv"
timed "JSON export" -H "Authorization: Bearer $TOKEN1" "$API/api/$USER1/export"
cp "$WORK/body" "$WORK/export.json"
timed "CSV export" -H "Authorization: Bearer $TOKEN1" "$API/api/$USER1/export.csv"
log "JSON export: $(stat -c %s "$WORK/export.json") bytes"
post "JSON preview into an empty account" "$TOKEN2" "$USER2" "?format=json&dry_run=true" application/json "$WORK/export.json"
post "JSON import into an empty account" "$TOKEN2" "$USER2" "?format=json" application/json "$WORK/export.json"

if [ "$EXPORT_TASKS" -gt 0 ]; then
  command -v psql >/dev/null || die "--export-tasks needs psql"
  read -r USER3 TOKEN3 < <(sed -n 3p "$WORK/tokens.tsv")
  pg_psql -v user="$USER3" -v n="$EXPORT_TASKS" <<'SQL'
insert into tasks.tasks (user_id, title, description, position, due_date, priority, labels)
select :'user', 'Task ' || n, 'Notes for task ' || n || ', with a comma', lpad(n::text, 7, '0'),
       date '2027-01-01' + n % 365, n % 4, array['a' || n % 7, 'b' || n % 11]
from generate_series(1, :n) n;
SQL
  heap() { "$JAVA_HOME/bin/jcmd" "$API_PID" GC.heap_info 2>/dev/null | grep -m1 -oE 'used [0-9]+K' || echo "used ?"; }
  log "$EXPORT_TASKS tasks for a third account; API heap before its exports: $(heap)"
  timed "JSON export of $EXPORT_TASKS tasks" -H "Authorization: Bearer $TOKEN3" "$API/api/$USER3/export"
  echo "  JSON export: $(stat -c %s "$WORK/body") bytes; API heap after: $(heap)" | tee -a "$WORK/result.txt"
  timed "CSV export of $EXPORT_TASKS tasks" -H "Authorization: Bearer $TOKEN3" "$API/api/$USER3/export.csv"
  echo "  CSV export: $(stat -c %s "$WORK/body") bytes; API heap after: $(heap)" | tee -a "$WORK/result.txt"
  echo "  OutOfMemoryError lines in the API log: $(grep -c OutOfMemoryError "$WORK/api.log" || true)" | tee -a "$WORK/result.txt"
fi

STAMP=$(date -u +%Y-%m-%d-%H%M)
mkdir -p "$BENCH/results"
{
  echo "# Import benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "\`bench/import.sh --tasks $TASKS$( [ "$EXPORT_TASKS" -gt 0 ] && echo " --export-tasks $EXPORT_TASKS")\` at $( [ -n "${BENCH_JAR:-}" ] && echo "the jar $BENCH_JAR (not this checkout)" || git -C "$ROOT" rev-parse --short HEAD) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$("$JAVA" -version 2>&1 | head -1); curl, the API and PostgreSQL share the machine. CSV: $SIZE bytes;"
  echo "JSON export: $(stat -c %s "$WORK/export.json") bytes. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo '```'
  cat "$WORK/result.txt"
  echo '```'
} > "$BENCH/results/import-$STAMP.md"
log "wrote bench/results/import-$STAMP.md"
