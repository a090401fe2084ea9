#!/usr/bin/env bash
# Import benchmark (issue 25: "a 10,000-task file imports in ≤ 10 s"): one API instance on a fresh
# embedded PostgreSQL, then over HTTP with curl, each timed (curl's time_total, upload included):
#   1. a generated 10,000-task CSV (10 lists, 3 labels a task, due dates, descriptions): preview (twice:
#      the first on a cold JVM), import, import again;
#   2. that account's JSON export (GET …/export) and CSV export;
#   3. the JSON export imported into a second, empty account (the round trip), and its preview.
#   bench/import.sh [--tasks 10000] [--no-build]
# Rate limits and the session check off (the tokens carry no sid), as in the other benchmarks.
# Ports: BENCH_API_PORT (18080), BENCH_MANAGEMENT_PORT (18081), BENCH_JWKS_PORT (18300), BENCH_PG_PORT (25432).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/bench
TASKS=10000 BUILD=1
while [ $# -gt 0 ]; do
  case $1 in
    --tasks) TASKS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
BENCH_NAME=import-bench
. "$BENCH/lib/one-api.sh"
build_api -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
work_dir
start_jwks 2
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

STAMP=$(date -u +%Y-%m-%d-%H%M)
mkdir -p "$BENCH/results"
{
  echo "# Import benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "\`bench/import.sh --tasks $TASKS\` at $(git -C "$ROOT" rev-parse --short HEAD) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$("$JAVA" -version 2>&1 | head -1); curl, the API and PostgreSQL share the machine. CSV: $SIZE bytes;"
  echo "JSON export: $(stat -c %s "$WORK/export.json") bytes. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo '```'
  cat "$WORK/result.txt"
  echo '```'
} > "$BENCH/results/import-$STAMP.md"
log "wrote bench/results/import-$STAMP.md"
