# bench/run.sh --compare-stock (sourced by run.sh once the API is up and seeded with RS256 tokens):
# starts the stock Spring Boot peer (bench/peer-spring: a resource server configured by properties only) twice
# on the same JWKS and tokens: with its tasks in memory (seeded through the same POSTs as the API) and reading
# the API's own PostgreSQL table (like for like: one query per list, as ours). Then measures wrk's list against
# the three servers and health against ours and the in-memory peer (the PostgreSQL peer is the same app there),
# each in turn, RUNS times, rotating which goes first so that drift on a shared machine hits all;
# writes bench/results/stock-STAMP.md.
. "$BENCH/lib/common.sh"

PEER_JAR=$ROOT/bench/peer-spring/target/peer-spring.jar
# --no-build skips the API's build, not a stale peer: a jar older than the peer's sources is rebuilt.
if [ "$BUILD" = 1 ] || [ ! -s "$PEER_JAR" ] \
  || [ -n "$(find "$BENCH/peer-spring/src" "$BENCH/peer-spring/pom.xml" -newer "$PEER_JAR" -print -quit)" ]; then
  log "building the stock Spring Boot peer (bench/peer-spring)"
  "$ROOT/backend/mvnw" -B -q -ntp -f "$BENCH/peer-spring/pom.xml" package -DskipTests
fi
"$JAVA" -Djarmode=tools -jar "$PEER_JAR" extract --destination "$WORK/peer" >/dev/null   # the API's layout too
start_peer() { # name port [VAR=value of its environment…]; sets STARTED_PID
  local name=$1 port=$2 t0 t; shift 2
  log "starting the stock peer ($name) on :$port (same JVM flags, same JWKS, RS256)"
  t0=$(ms_now)
  env -u SERVER_PORT -u PEER_DATABASE_URL -u PEER_DATABASE_USER -u PEER_DATABASE_PASSWORD -u SPRING_PROFILES_ACTIVE \
    PORT="$port" BETTER_AUTH_URL="$ISSUER" "$@" "$JAVA" $JVM_OPTS -jar "$(ls "$WORK"/peer/*.jar | head -1)" \
    > "$WORK/peer-$name.log" 2>&1 &
  STARTED_PID=$!
  pids+=($STARTED_PID)
  for ((t=0; t<3000; t++)); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null && break
    kill -0 "$STARTED_PID" 2>/dev/null || { tail -40 "$WORK/peer-$name.log" >&2; die "the peer ($name) exited during start-up"; }
    sleep 0.02
  done
  log "peer ($name) ready in $(( $(ms_now) - t0 )) ms"
}
start_peer memory "$PEER_PORT"
PEER_PID=$STARTED_PID
log "seeding the in-memory peer with the same $USERS users × $TASKS_PER_USER tasks"
"$JAVA" "$BENCH/tools/BenchTokens.java" seed --api "http://127.0.0.1:$PEER_PORT" --dir "$WORK" \
  --users $USERS --tasks $TASKS_PER_USER --out "$WORK/users-peer.txt"

# The PostgreSQL peer reads the API's database: its JDBC URL and user as the API logs them (from the port
# run.sh gave it), the password from the data folder's secrets.env (as BenchSessions gets it).
read -r PG_JDBC_URL PG_USER < <(sed -n 's/.*JDBC URL: \(jdbc:postgresql:[^?]*\)?user=\([^ ]*\).*/\1 \2/p' "$WORK/api-first.log" | head -1) \
  || die "no JDBC URL in the API's log ($WORK/api-first.log)"
start_peer postgresql "$PEER_PG_PORT" PEER_DATABASE_URL="$PG_JDBC_URL" PEER_DATABASE_USER="$PG_USER" \
  PEER_DATABASE_PASSWORD="$(sed -n 's/^EMBEDDED_POSTGRES_PASSWORD=//p' "$WORK/data/secrets.env" | tail -1)"
PEER_PG_PID=$STARTED_PID
log "the PostgreSQL peer reads $PG_JDBC_URL (table tasks.tasks, seeded through the API)"

# Same question, same answer: one user's list from each, and another user's list with that token (403).
read -r U TOKEN _ < "$WORK/users.txt"
OTHER=$(sed -n 2p "$WORK/users.txt" | cut -d' ' -f1)
for port in "$API_PORT" "$PEER_PORT" "$PEER_PG_PORT"; do
  curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port/api/$U/tasks" -o "$WORK/same-$port.json" \
    -D "$WORK/same-$port.headers" || die "GET /api/$U/tasks failed on :$port"
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port/api/$OTHER/tasks")
  [ "$code" = 403 ] || die "another user's tasks answered $code, not 403, on :$port"
done
SAME=$(python3 - "$WORK" "$API_PORT" "$PEER_PORT" "$PEER_PG_PORT" <<'PY'
import json, sys
work, ports = sys.argv[1], sys.argv[2:]
raw = [open("%s/same-%s.json" % (work, p), "rb").read() for p in ports]
ours, memory, pg = (json.loads(r) for r in raw)
totals = [next((l.split(":", 1)[1].strip() for l in open("%s/same-%s.headers" % (work, p)) if l.lower().startswith("x-total-count:")), None)
          for p in ports]
# Made by the server at the moment of the write (ids, times, the manual order's key): compared with the
# in-memory peer by name only; the PostgreSQL peer must equal ours in every field (below).
strip = lambda ts: [{k: v for k, v in t.items() if k not in ("id", "created_at", "updated_at", "completed_at", "position")} for t in ts]
keys = lambda ts: sorted({k for t in ts for k in t})
for name, other in (("in-memory", memory), ("PostgreSQL", pg)):
    if len(ours) != len(other) or keys(ours) != keys(other) or sorted(map(str, strip(ours))) != sorted(map(str, strip(other))):
        sys.exit("ours and the %s peer's lists differ:\n%s\n%s" % (name, ours[:1], other[:1]))
# The PostgreSQL peer reads the very rows ours reads: ids, timestamps and order must match too.
if ours != pg:
    sys.exit("the PostgreSQL peer's list is not ours row for row:\n%s\n%s" % (ours[:2], pg[:2]))
if len(set(totals)) != 1 or totals[0] != str(len(ours)):
    sys.exit("X-Total-Count differs: %s (ours, in memory, PostgreSQL) for %d tasks" % (totals, len(ours)))
print("same %d tasks, same fields (%s), X-Total-Count %s on all three, and the PostgreSQL peer's list equals ours row for"
      " row (ids, timestamps, order); body %d bytes (ours), %d (stock, in memory), %d (stock, PostgreSQL); 403 for another"
      " user's list on all three" % ((len(ours), ", ".join(keys(ours)), totals[0]) + tuple(len(r) for r in raw)))
PY
) || die "$SAME"
log "$SAME"

target() { # points wrk_cmd and run_scenario at one server: ours | stock (in memory) | stock-pg
  unset TARGET_PORT TARGET_PID TARGET_USERS TARGET_PG
  case $1 in
    stock) TARGET_PORT=$PEER_PORT TARGET_PID=$PEER_PID TARGET_USERS=$WORK/users-peer.txt ;;
    stock-pg) TARGET_PORT=$PEER_PG_PORT TARGET_PID=$PEER_PG_PID TARGET_USERS=$WORK/users.txt TARGET_PG=1 ;;
  esac
}
log "JIT warm-up of all three: $((WARMUP * 2)) s of list + $WARMUP s of health each (discarded)"
for t in ours stock stock-pg; do
  target $t
  $(wrk_cmd list $((WARMUP * 2))) > /dev/null 2>&1 || true
  $(wrk_cmd health "$WARMUP") > /dev/null 2>&1 || true
done
# Health is the same app and code on both peers (no database on that path): measured on the in-memory one only.
for ((run=1; run<=RUNS; run++)); do
  for s in list health; do
    servers=(ours stock stock-pg); [ $s = health ] && servers=(ours stock)
    # Run 1 starts with ours, run 2 with the next server, …: each takes each place in turn.
    for ((k=0; k<${#servers[@]}; k++)); do
      t=${servers[$(( (run - 1 + k) % ${#servers[@]} ))]}
      target $t
      run_scenario "$t-$s-$run" "$s"
    done
  done
done
target ours
JWKS_FETCHES=$(curl -fsS "http://127.0.0.1:$JWKS_PORT/stats" | grep -oE '[0-9]+' || echo '?')

OUT=$BENCH/results/stock-$STAMP.md
{
  report_context "The task API beside a stock Spring Boot resource server"
  echo "- the stock peer runs twice: **in memory** (issue 14's stock app: no database) and **on PostgreSQL** (the same app reading the API's own table \`tasks.tasks\` with \`JdbcClient\` and Boot's default HikariCP pool of 10; ours has 16: the same database, each with its own settings)"
  echo "- all verify the same RS256 (RSA 2048) tokens from one JWKS ($JWKS_FETCHES JWKS fetches in all); $SAME"
  echo "- each run: ${WARMUP} s warm-up then ${DURATION} s measured, per server; the servers take turns (run 1 ours first, run 2 the in-memory peer first, run 3 the PostgreSQL peer first, …)"
  echo "- \`/health\` is not measured on the PostgreSQL peer: there it is the in-memory peer's app and code (no database on that path)"
  echo
  python3 - "$RESULTS" "$WORK" <<'PY'
import csv, json, statistics, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]), delimiter="\t")]
def wrk(name):
    for line in open("%s/wrk-%s.txt" % (sys.argv[2], name)):
        if line.startswith("BENCH "):
            return json.loads(line[6:])
LABEL = {"ours": "ours (PostgreSQL, list cache)", "stock": "stock, in memory", "stock-pg": "stock, PostgreSQL"}
USES_PG = ("ours", "stock-pg")
runs = {}
for r in rows:
    target, scenario, run = r["scenario"].rsplit("-", 2)
    j = wrk(r["scenario"])
    r["bytes"] = j["bytes"] / max(1, j["requests"])
    r["server_us"] = float(r["api_cpu_us_per_req"]) + float(r["pg_cpu_us_per_req"])
    runs.setdefault(scenario, {}).setdefault(target, []).append((int(run), r))
med = lambda rs, k: statistics.median(float(r[k]) for _, r in rs)
print("## Summary (median of the runs)\n")
print("| scenario | server | req/s | **ours ÷ this** (req/s) | p50 ms | p99 ms | CPU µs/req: server + PostgreSQL = total "
      "| CPU ours ÷ this | RSS max MiB |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for scenario in ("list", "health"):
    o = runs.get(scenario, {}).get("ours", [])
    for target in ("ours", "stock", "stock-pg"):
        t = runs.get(scenario, {}).get(target, [])
        if not o or not t:
            continue
        print("| %s | %s | %.0f | %s | %.2f | %.2f | %s | %s | %.0f |" % (
            scenario, LABEL[target], med(t, "rps"),
            "–" if target == "ours" else "**%.2f**" % (med(o, "rps") / med(t, "rps")),
            med(t, "p50_ms"), med(t, "p99_ms"),
            "%.0f + %.0f = %.0f" % (med(t, "api_cpu_us_per_req"), med(t, "pg_cpu_us_per_req"), med(t, "server_us"))
            if target in USES_PG else "%.0f" % med(t, "server_us"),
            "–" if target == "ours" else "%.2f" % (med(o, "server_us") / med(t, "server_us")),
            max(float(r["rss_max_mib"]) for _, r in t)))
lists = runs.get("list", {})
if lists.get("ours"):
    print()
    for target, what in (("stock", "the stock peer's (in memory: issue 14's stock app)"),
                         ("stock-pg", "the stock peer's on the same PostgreSQL (like for like)")):
        if lists.get(target):
            ratio = med(lists["ours"], "rps") / med(lists[target], "rps")
            print("- **Target** (issue 14): list req/s ≥ 2 × %s, in the same run: %.2f × — %s"
                  % (what, ratio, "yes ✅" if ratio >= 2 else "no ❌"))
print("\n## Every run\n")
print("| run | scenario | server | req/s | p50 ms | p99 ms | p99.9 ms | errors / non-2xx | bytes/answer | server CPU µs/req "
      "| PostgreSQL CPU µs/req | server CPU % | PostgreSQL CPU % | wrk CPU % | other CPU % | RSS max MiB |")
print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for scenario in ("list", "health"):
    every = sorted((x for t in ("ours", "stock", "stock-pg") for x in runs.get(scenario, {}).get(t, [])),
                   key=lambda x: (x[0], x[1]["scenario"]))
    for run, r in every:
        target = r["scenario"].rsplit("-", 2)[0]
        pg = target in USES_PG
        print("| %d | %s | %s | %s | %s | %s | %s | %s / %s | %.0f | %s | %s | %s | %s | %s | %s | %s |" % (
            run, scenario, LABEL[target], r["rps"], r["p50_ms"], r["p99_ms"],
            r["p999_ms"], r["errors"], r["non2xx"], r["bytes"], r["api_cpu_us_per_req"],
            r["pg_cpu_us_per_req"] if pg else "–", r["api_cpu_pct"], r["pg_cpu_pct"] if pg else "–",
            r["wrk_cpu_pct"], r["other_cpu_pct"], r["rss_max_mib"]))
PY
  cat <<'MD'

**Columns.** req/s: wrk's completed requests per measured second (closed loop: 32 connections, each waits for
its answer). p50/p99/p99.9: wrk's latency percentiles. CPU µs/req: the process's CPU time (user + system,
from /proc) over the measured seconds divided by the requests answered — the figure least moved by other
load on the machine; for ours and the PostgreSQL peer, PostgreSQL's processes are counted apart and then added
("total"; one embedded PostgreSQL serves both, only one server is measured at a time), the in-memory peer has
no database. bytes/answer: wrk's bytes read per request, headers included. RSS max: the largest resident set of
the server's JVM while it ran (PostgreSQL not included). CPU %: of one core (200 % = both).
"ours ÷ this" is the median req/s of ours over the median of that server; "CPU ours ÷ this" the same for total
CPU per request (below 1: ours costs less).
MD
  list_cache_section
} > "$OUT"
log "results: ${OUT#$ROOT/}"
