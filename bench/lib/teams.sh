# bench/run.sh --teams (sourced by run.sh once the API is up and seeded): what a member's list of a team's
# tasks costs next to a user's list of their own (SPEC 1.9: at most 1.2×). Each bench user becomes a member of
# a team of their own with as many tasks as their personal list (bench/tools/BenchTeams.java); then list and
# team-list run alternately, RUNS times each; writes bench/results/teams-STAMP.md with every run and the ratios
# of the medians (API + PostgreSQL CPU per request, which other load on the machine hardly moves, and req/s).
. "$BENCH/lib/common.sh"

log "making each bench user a member of a team with $TASKS_PER_USER tasks"
"$JAVA" -cp "$(ls "$WORK"/app/lib/postgresql-*.jar | head -1)" "$BENCH/tools/BenchTeams.java" \
  --port "$PG_PORT" --password "$(sed -n 's/^EMBEDDED_POSTGRES_PASSWORD=//p' "$WORK/data/secrets.env" | tail -1)" \
  --api "http://127.0.0.1:$API_PORT" --users "$WORK/users.txt" --tasks "$TASKS_PER_USER" --out "$WORK/team-users.txt"

log "JIT warm-up: $((WARMUP * 2)) s of mixed + $WARMUP s of each list (discarded)"
$(wrk_cmd mixed $((WARMUP * 2))) > /dev/null 2>&1 || true
$(wrk_cmd list "$WARMUP") > /dev/null 2>&1 || true
$(TARGET_USERS=$WORK/team-users.txt wrk_cmd team-list "$WARMUP") > /dev/null 2>&1 || true

for ((run=1; run<=RUNS; run++)); do
  run_scenario "list-$run" list
  TARGET_USERS=$WORK/team-users.txt run_scenario "team-list-$run" team-list
done

OUT=$BENCH/results/teams-$STAMP.md
{
  report_context "A member's list of a team's tasks against a user's own list, task API"
  echo "- each of the $USERS users is a \`member\` of a team of their own holding $TASKS_PER_USER tasks (Better Auth's organization tables, \`bench/tools/BenchTeams.java\`); \`list\` = \`GET /api/{user_id}/tasks\`, \`team-list\` = \`GET /api/teams/{team_id}/tasks\` with the member's token; run alternately, $RUNS times each; list cache \`TASK_LIST_CACHE_MB=${LIST_CACHE:-16}\`, membership cache 4 s"
  echo
  results_table
  echo
  python3 - "$RESULTS" <<'PY'
import csv, statistics, sys
rows = {r["scenario"]: r for r in csv.DictReader(open(sys.argv[1]), delimiter="\t")}
runs = sorted(int(name.rsplit("-", 1)[1]) for name in rows if name.startswith("list-"))
cpu = lambda r: float(r["api_cpu_us_per_req"]) + float(r["pg_cpu_us_per_req"])
# Each team-list run against the list run just before it: the JIT and the machine's other load drift
# between runs, so a pair compares like with like; the median of the pairs is the figure.
pairs = [(cpu(rows["team-list-%d" % n]) / cpu(rows["list-%d" % n]),
          float(rows["list-%d" % n]["rps"]) / float(rows["team-list-%d" % n]["rps"])) for n in runs]
for n, (c, t) in zip(runs, pairs):
    print("- run %d: CPU per request %.2f×, throughput %.2f× (list req/s ÷ team-list req/s)" % (n, c, t))
c = statistics.median(p[0] for p in pairs)
t = statistics.median(p[1] for p in pairs)
print()
print("**Cost of a team list / a personal list (median of the %d pairs):** CPU per request (API + PostgreSQL) **%.2f×**;"
      " throughput %.2f×. Target ≤ 1.2×: %s." % (len(pairs), c, t, "met" if max(c, t) <= 1.2 else "**not met**"))
PY
  list_cache_section
} > "$OUT"
cp "$OUT" "$BENCH/results/latest-teams.md"
log "wrote $OUT"
sed -n '/Cost of a team list/p' "$OUT"
