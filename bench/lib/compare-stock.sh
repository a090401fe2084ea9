# bench/run.sh --compare-stock (sourced by run.sh once the API is up and seeded with RS256 tokens):
# starts the stock Spring Boot peer (bench/peer-spring: a resource server configured by properties only,
# tasks in memory) on the same JWKS and tokens, seeds it through the same POSTs, then measures wrk's list
# and health against each server in turn, RUNS times, alternating which goes first so that drift on a
# shared machine hits both; writes bench/results/stock-STAMP.md.
. "$BENCH/lib/common.sh"

PEER_JAR=$ROOT/bench/peer-spring/target/peer-spring.jar
if [ "$BUILD" = 1 ] || [ ! -s "$PEER_JAR" ]; then
  log "building the stock Spring Boot peer (bench/peer-spring)"
  "$ROOT/backend/mvnw" -B -q -ntp -f "$BENCH/peer-spring/pom.xml" package -DskipTests
fi
"$JAVA" -Djarmode=tools -jar "$PEER_JAR" extract --destination "$WORK/peer" >/dev/null   # the API's layout too
log "starting the stock peer on :$PEER_PORT (same JVM flags, same JWKS, RS256)"
t0=$(ms_now)
env -u SERVER_PORT PORT="$PEER_PORT" BETTER_AUTH_URL="$ISSUER" "$JAVA" $JVM_OPTS -jar "$(ls "$WORK"/peer/*.jar | head -1)" \
  > "$WORK/peer.log" 2>&1 &
PEER_PID=$!
pids+=($PEER_PID)
for ((t=0; t<3000; t++)); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PEER_PORT/health" 2>/dev/null && break
  kill -0 "$PEER_PID" 2>/dev/null || { tail -40 "$WORK/peer.log" >&2; die "the peer exited during start-up"; }
  sleep 0.02
done
log "peer ready in $(( $(ms_now) - t0 )) ms; seeding it with the same $USERS users × $TASKS_PER_USER tasks"
"$JAVA" "$BENCH/tools/BenchTokens.java" seed --api "http://127.0.0.1:$PEER_PORT" --dir "$WORK" \
  --users $USERS --tasks $TASKS_PER_USER --out "$WORK/users-peer.txt"

# Same question, same answer: one user's list from each, and another user's list with that token (403).
read -r U TOKEN _ < "$WORK/users.txt"
OTHER=$(sed -n 2p "$WORK/users.txt" | cut -d' ' -f1)
for port in "$API_PORT" "$PEER_PORT"; do
  curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port/api/$U/tasks" -o "$WORK/same-$port.json" \
    || die "GET /api/$U/tasks failed on :$port"
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port/api/$OTHER/tasks")
  [ "$code" = 403 ] || die "another user's tasks answered $code, not 403, on :$port"
done
SAME=$(python3 - "$WORK/same-$API_PORT.json" "$WORK/same-$PEER_PORT.json" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
strip = lambda ts: [{k: v for k, v in t.items() if k not in ("id", "created_at", "updated_at")} for t in ts]
keys = lambda ts: sorted({k for t in ts for k in t})
if len(a) != len(b) or keys(a) != keys(b) or sorted(map(str, strip(a))) != sorted(map(str, strip(b))):
    sys.exit("the two lists differ:\n%s\n%s" % (a[:1], b[:1]))
print("same %d tasks, same fields (%s); body %d bytes (ours) and %d (stock); 403 for another user's list on both"
      % (len(a), ", ".join(keys(a)), len(open(sys.argv[1], "rb").read()), len(open(sys.argv[2], "rb").read())))
PY
) || die "$SAME"
log "$SAME"

log "JIT warm-up of both: $((WARMUP * 2)) s of list + $WARMUP s of health each (discarded)"
for target in ours stock; do
  if [ $target = stock ]; then TARGET_PORT=$PEER_PORT TARGET_USERS=$WORK/users-peer.txt; else unset TARGET_PORT TARGET_USERS; fi
  $(wrk_cmd list $((WARMUP * 2))) > /dev/null 2>&1 || true
  $(wrk_cmd health "$WARMUP") > /dev/null 2>&1 || true
done
for ((run=1; run<=RUNS; run++)); do
  for s in list health; do
    order="ours stock"; [ $((run % 2)) = 0 ] && order="stock ours"
    for target in $order; do
      if [ $target = stock ]; then
        TARGET_PORT=$PEER_PORT TARGET_PID=$PEER_PID TARGET_USERS=$WORK/users-peer.txt
      else
        unset TARGET_PORT TARGET_PID TARGET_USERS
      fi
      run_scenario "$target-$s-$run" "$s"
    done
  done
done
unset TARGET_PORT TARGET_PID TARGET_USERS
JWKS_FETCHES=$(curl -fsS "http://127.0.0.1:$JWKS_PORT/stats" | grep -oE '[0-9]+' || echo '?')

OUT=$BENCH/results/stock-$STAMP.md
{
  report_context "The task API beside a stock Spring Boot resource server"
  echo "- both verify the same RS256 (RSA 2048) tokens from one JWKS ($JWKS_FETCHES JWKS fetches in all); $SAME"
  echo "- each run: ${WARMUP} s warm-up then ${DURATION} s measured, per server; the servers take turns (run 1 ours first, run 2 stock first, …)"
  echo
  python3 - "$RESULTS" "$WORK" <<'PY'
import csv, json, statistics, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]), delimiter="\t")]
def wrk(name):
    for line in open("%s/wrk-%s.txt" % (sys.argv[2], name)):
        if line.startswith("BENCH "):
            return json.loads(line[6:])
runs = {}
for r in rows:
    target, scenario, run = r["scenario"].rsplit("-", 2)
    j = wrk(r["scenario"])
    r["bytes"] = j["bytes"] / max(1, j["requests"])
    r["server_us"] = float(r["api_cpu_us_per_req"]) + float(r["pg_cpu_us_per_req"])
    runs.setdefault(scenario, {}).setdefault(target, []).append((int(run), r))
med = lambda rs, k: statistics.median(float(r[k]) for _, r in rs)
print("## Summary (median of the runs)\n")
print("| scenario | ours req/s | stock req/s | **ours / stock** | p50 ours / stock (ms) | p99 ours / stock (ms) "
      "| CPU µs/req ours: API + PostgreSQL = total | CPU µs/req stock | CPU ours / stock | RSS max ours / stock (MiB) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for scenario in ("list", "health"):
    o, s = runs.get(scenario, {}).get("ours", []), runs.get(scenario, {}).get("stock", [])
    if not o or not s:
        continue
    print("| %s | %.0f | %.0f | **%.2f** | %.2f / %.2f | %.2f / %.2f | %.0f + %.0f = %.0f | %.0f | %.2f | %.0f / %.0f |" % (
        scenario, med(o, "rps"), med(s, "rps"), med(o, "rps") / med(s, "rps"), med(o, "p50_ms"), med(s, "p50_ms"),
        med(o, "p99_ms"), med(s, "p99_ms"), med(o, "api_cpu_us_per_req"), med(o, "pg_cpu_us_per_req"),
        med(o, "server_us"), med(s, "server_us"), med(o, "server_us") / med(s, "server_us"),
        max(float(r["rss_max_mib"]) for _, r in o), max(float(r["rss_max_mib"]) for _, r in s)))
o, s = runs.get("list", {}).get("ours", []), runs.get("list", {}).get("stock", [])
if o and s:
    ratio = med(o, "rps") / med(s, "rps")
    print("\n**Target** (issue 14): list req/s ≥ 2 × the stock peer's, in the same run: %.2f × — %s"
          % (ratio, "yes ✅" if ratio >= 2 else "no ❌"))
print("\n## Every run\n")
print("| run | scenario | server | req/s | p50 ms | p99 ms | p99.9 ms | errors / non-2xx | bytes/answer | server CPU µs/req "
      "| PostgreSQL CPU µs/req | server CPU % | PostgreSQL CPU % | wrk CPU % | other CPU % | RSS max MiB |")
print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for scenario in ("list", "health"):
    both = sorted(runs.get(scenario, {}).get("ours", []) + runs.get(scenario, {}).get("stock", []),
                  key=lambda x: (x[0], x[1]["scenario"]))
    for run, r in both:
        stock = r["scenario"].startswith("stock")
        print("| %d | %s | %s | %s | %s | %s | %s | %s / %s | %.0f | %s | %s | %s | %s | %s | %s | %s |" % (
            run, scenario, "stock (in memory)" if stock else "ours (PostgreSQL)", r["rps"], r["p50_ms"], r["p99_ms"],
            r["p999_ms"], r["errors"], r["non2xx"], r["bytes"], r["api_cpu_us_per_req"],
            "–" if stock else r["pg_cpu_us_per_req"], r["api_cpu_pct"], "–" if stock else r["pg_cpu_pct"],
            r["wrk_cpu_pct"], r["other_cpu_pct"], r["rss_max_mib"]))
PY
  cat <<'MD'

**Columns.** req/s: wrk's completed requests per measured second (closed loop: 32 connections, each waits for
its answer). p50/p99/p99.9: wrk's latency percentiles. CPU µs/req: the process's CPU time (user + system,
from /proc) over the measured seconds divided by the requests answered — the figure least moved by other
load on the machine; for ours, PostgreSQL's processes are counted apart and then added ("total"), the peer
has no database. bytes/answer: wrk's bytes read per request, headers included. RSS max: the largest resident
set of the server's JVM while it ran (PostgreSQL not included). CPU %: of one core (200 % = both).
"ours / stock" is the median req/s of ours over the median of the stock peer; "CPU ours / stock" the same
for total CPU per request (below 1: ours costs less).
MD
} > "$OUT"
log "results: ${OUT#$ROOT/}"
