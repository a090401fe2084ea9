# bench/run.sh --views (sourced by run.sh once the API is up and seeded): the web app's Today and Upcoming views
# (issue 24: a user with 100 000 tasks within 20 % of one with 1 000, p50). The web app asks the API for each
# view (frontend/lib/tasks/views.ts, queryFor: due_before/due_after/completed/sort=due_date), it does not
# filter the full list in the browser, so these are API requests. bench/tools/BenchViews.java gives one user
# 1 000 tasks and another 100 000, with the same 25 tasks in Today and 50 in Upcoming; then today and upcoming
# run on each user in turn, RUNS times. The list cache is off unless --list-cache is given (with it on, every
# request is a hit and the table size cannot show). Writes bench/results/views-STAMP.md with every run, the
# ratios of the medians and EXPLAIN (ANALYZE, BUFFERS) of both queries at both sizes.
. "$BENCH/lib/common.sh"

PASSWORD=$(sed -n 's/^EMBEDDED_POSTGRES_PASSWORD=//p' "$WORK/data/secrets.env" | tail -1)
log "seeding the views' users: 1 000 and 100 000 tasks (then VACUUM (ANALYZE), CHECKPOINT)"
"$JAVA" -cp "$(ls "$WORK"/app/lib/postgresql-*.jar | head -1)" "$BENCH/tools/BenchViews.java" --port "$PG_PORT" \
  --password "$PASSWORD" --tokens "$WORK/tokens.tsv" --from "$USERS" --sizes 1000,100000 --out-dir "$WORK"

log "JIT warm-up: $((WARMUP * 2)) s of mixed + $WARMUP s of each view (discarded)"
$(wrk_cmd mixed $((WARMUP * 2))) > /dev/null 2>&1 || true
for v in today upcoming; do for n in 1000 100000; do
  $(TARGET_USERS=$WORK/users-views-$n.txt wrk_cmd $v "$WARMUP") > /dev/null 2>&1 || true
done; done

for ((run=1; run<=RUNS; run++)); do
  for v in today upcoming; do
    # Run 1 measures 1k first, run 2 100k first, …: drift on a shared machine hits both.
    sizes="1000 100000"; [ $((run % 2)) = 0 ] && sizes="100000 1000"
    for n in $sizes; do TARGET_USERS=$WORK/users-views-$n.txt run_scenario "$v-$n-$run" "$v"; done
  done
done

explain() { # user, query string of the view → the plan of the API's list statement for it
  PGPASSWORD=$PASSWORD psql -X -q -A -t -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tasks -c "explain (analyze, buffers, costs off) $1" 2>&1
}
TODAY=$(date -u +%Y-%m-%d) LAST=$(date -u -d '+6 days' +%Y-%m-%d)
COLS="id, user_id, team_id, assignee_id, title, description, completed, due_date, due_time, priority, list_id, labels, position, recurrence, recurrence_start, completed_at, created_at, updated_at"
OUT=$BENCH/results/views-$STAMP.md
{
  report_context "Today and Upcoming at 1 000 and 100 000 tasks of one user, task API"
  echo "- two users seeded by \`bench/tools/BenchViews.java\` (1 000 and 100 000 tasks; the same 25 in Today, 50 in Upcoming; the rest completed history, undated, or due after next week), then \`VACUUM (ANALYZE)\` and \`CHECKPOINT\`; 32 connections on one user each"
  echo "- today = \`GET /api/{user}/tasks?due_before=$TODAY&completed=false&sort=due_date&tz=UTC\`, upcoming = \`…?due_after=$TODAY&due_before=$LAST&sort=due_date&tz=UTC\` (what the web app sends, frontend/lib/tasks/views.ts); list cache \`TASK_LIST_CACHE_MB=${LIST_CACHE:-16}\`"
  echo
  results_table
  echo
  python3 - "$RESULTS" <<'PY'
import csv, statistics, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]), delimiter="\t")]
def med(view, n, key):
    return statistics.median(float(r[key]) for r in rows if r["scenario"].startswith("%s-%d-" % (view, n)))
print("| view | p50 ms 1k | p50 ms 100k | **100k ÷ 1k** p50 | CPU µs/req (API + PostgreSQL) 1k | 100k | 100k ÷ 1k | target (p50 within 20 %) |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
for view in ("today", "upcoming"):
    p1, p2 = med(view, 1000, "p50_ms"), med(view, 100000, "p50_ms")
    c1 = med(view, 1000, "api_cpu_us_per_req") + med(view, 1000, "pg_cpu_us_per_req")
    c2 = med(view, 100000, "api_cpu_us_per_req") + med(view, 100000, "pg_cpu_us_per_req")
    print("| %s | %.2f | %.2f | **%.2f** | %.0f | %.0f | %.2f | %s |" % (view, p1, p2, p2 / p1, c1, c2, c2 / c1,
          "yes ✅" if p2 / p1 <= 1.2 else "no ❌"))
PY
  echo
  echo "Medians of the runs. On a shared machine the p50 ratio moves with the load between runs; the CPU ratio much less."
  echo
  echo "## Plans (the API's list statement for each view, \`EXPLAIN (ANALYZE, BUFFERS)\`)"
  for n in 1000 100000; do
    U=$(cut -d' ' -f1 "$WORK/users-views-$n.txt")
    echo; echo "### today, $n tasks"; echo; echo '```'
    explain "select $COLS from tasks.tasks where user_id = '$U' and completed = false and due_date <= '$TODAY' order by due_date asc nulls last, due_time asc nulls last, id asc limit 100 offset 0"
    echo '```'; echo; echo "### upcoming, $n tasks"; echo; echo '```'
    explain "select $COLS from tasks.tasks where user_id = '$U' and due_date <= '$LAST' and due_date >= '$TODAY' order by due_date asc nulls last, due_time asc nulls last, id asc limit 100 offset 0"
    echo '```'
  done
  list_cache_section
} > "$OUT"
log "results: ${OUT#$ROOT/}"
