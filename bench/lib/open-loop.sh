# bench/run.sh --open-loop (sourced by run.sh once the API is up and seeded): latency at a fixed rate.
# For list and then mixed: wrk's closed-loop maximum (a normal scenario run), then bench/tools/OpenLoop.java
# at LOAD_PCT % of that maximum, RUNS times, each with its own warm-up; writes bench/results/open-loop-STAMP.md
# with every run's percentiles and whether p99 met issue 14's targets (list ≤ 25 ms, mixed ≤ 40 ms) in all runs.
. "$BENCH/lib/common.sh"

log "JIT warm-up: $((WARMUP * 2)) s of mixed + $WARMUP s of health (discarded)"
$(wrk_cmd mixed $((WARMUP * 2))) > /dev/null 2>&1 || true
$(wrk_cmd health "$WARMUP") > /dev/null 2>&1 || true

OPEN=$WORK/open-loop.tsv
printf 'scenario\trun\tmax_rps\tjson\tapi_ticks\tpg_ticks\tgen_cpu_s\twall_ms\tmachine_ticks\n' > "$OPEN"
for s in list mixed; do
  run_scenario "$s-max" "$s"
  max=$(awk -F'\t' -v n="$s-max" '$1 == n {print $2}' "$RESULTS")
  rate=$(( max * LOAD_PCT / 100 ))
  [ "$rate" -gt 0 ] || die "no maximum measured for $s"
  for ((run=1; run<=RUNS; run++)); do
    log "open loop $s, run $run of $RUNS: $rate req/s ($LOAD_PCT % of $max) for ${DURATION} s after ${WARMUP} s warm-up"
    pgs=$(pg_pids)
    c0=$(list_cache_counts)
    a0=$(ticks "$API_PID"); p0=$(ticks $pgs); m0=$(machine_busy); t0=$(ms_now)
    TIMEFORMAT='%U %S'
    # The serial GC: no concurrent GC threads of the generator competing with the API for the two cores.
    { time "$JAVA" -XX:+UseSerialGC "$BENCH/tools/OpenLoop.java" run --url "http://127.0.0.1:$API_PORT" --users "$WORK/users.txt" \
        --scenario "$s" --rate "$rate" --duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS" \
        > "$WORK/open-$s-$run.txt" 2>&1; } 2> "$WORK/open-$s-$run.time" || { cat "$WORK/open-$s-$run.txt" >&2; die "OpenLoop failed"; }
    t1=$(ms_now); a1=$(ticks "$API_PID"); p1=$(ticks $pgs); m1=$(machine_busy)
    echo "open-$s-$run $c0 $(list_cache_counts)" >> "$WORK/list-cache.txt"
    grep -v '^OPENLOOP ' "$WORK/open-$s-$run.txt" | sed 's/^/[bench]   /'
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$run" "$max" "$(grep -m1 '^OPENLOOP ' "$WORK/open-$s-$run.txt" | cut -d' ' -f2-)" \
      "$((a1 - a0))" "$((p1 - p0))" "$(awk '{print $1 + $2}' "$WORK/open-$s-$run.time")" "$((t1 - t0))" "$((m1 - m0))" >> "$OPEN"
  done
done

OUT=$BENCH/results/open-loop-$STAMP.md
{
  report_context "Latency at a fixed rate (open loop), task API"
  echo "- generator: \`bench/tools/OpenLoop.java\`, $CONNECTIONS keep-alive connections; request i is due at t0 + i/rate and its latency runs from that due time (no coordinated omission); ${WARMUP} s at the same rate first, not counted"
  echo
  python3 - "$OPEN" "$CLK_TCK" "$LOAD_PCT" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
tck, pct = int(sys.argv[2]), sys.argv[3]
target = {"list": 25.0, "mixed": 40.0}
print("| scenario | run | wrk max req/s | rate asked | achieved req/s | p50 ms | p90 ms | **p99 ms** | p99.9 ms | max ms "
      "| errors / non-2xx / unsent | send lag p99 ms | socket wait p99 ms | API CPU µs/req | PostgreSQL CPU µs/req | generator CPU µs/req (% of a core) | other CPU % |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
verdict = {}
for r in rows:
    j = json.loads(r["json"])
    everything = max(1, j["all_completed"])
    wall = int(r["wall_ms"]) / 1000
    other = (int(r["machine_ticks"]) - int(r["api_ticks"]) - int(r["pg_ticks"])) / tck - float(r["gen_cpu_s"])
    print("| %s | %s | %s | %.0f | %.0f | %.2f | %.2f | **%.2f** | %.2f | %.2f | %d / %d / %d | %.2f | %.2f | %.0f | %.0f | %.0f (%.0f %%) | %.0f |" % (
        r["scenario"], r["run"], r["max_rps"], j["rate"], j["achieved_rps"], j["p50_ms"], j["p90_ms"], j["p99_ms"],
        j["p999_ms"], j["max_ms"], j["errors"], j["non2xx"], j["unsent"], j["send_lag_p99_ms"], j["socket_wait_p99_ms"],
        int(r["api_ticks"]) / tck * 1e6 / everything, int(r["pg_ticks"]) / tck * 1e6 / everything,
        j["cpu_us_per_req"], j["cpu_pct"], max(0, other / wall * 100)))
    ok = j["p99_ms"] <= target[r["scenario"]] and j["errors"] == 0 and j["non2xx"] == 0 and j["unsent"] == 0
    verdict.setdefault(r["scenario"], []).append((ok, j["p99_ms"]))
print("\n## Targets (issue 14: at %s %% of the measured maximum, p99 in every run)\n" % pct)
for s, results in verdict.items():
    p99s = ", ".join("%.1f" % p for _, p in results)
    print("- %s p99 ≤ %.0f ms in all %d runs: **%s** (p99 %s ms)" % (
        s, target[s], len(results), "yes ✅" if all(ok for ok, _ in results) else "no ❌", p99s))
PY
  cat <<'MD'

**Columns.** wrk max req/s: the closed-loop maximum measured just before (wrk, same connections). rate asked:
the open-loop rate, that share of the maximum. achieved: answers per counted second. p50 … max: latency from
each request's due time to the last byte of its answer, so time spent waiting for a free connection or for
the server to come back from a pause counts. errors: socket errors and timeouts (5 s); unsent: requests due
in the window that never went out. send lag p99: how late the generator itself sent (from the due time, or
from when a socket came free if later, to the write); when it is near the p99, the generator or the machine,
not the API, made the latency. socket wait p99: due → a socket came free (all 32 were waiting for answers:
the server was behind; this wait is part of the latency, as it would be for a real client). API and PostgreSQL CPU µs/req:
their CPU over the whole run (warm-up included) per answer. generator CPU: OpenLoop's own process CPU over
the counted window. other CPU %: everything else on the machine (above ~10 %: disturbed figures).
MD
  list_cache_section
} > "$OUT"
log "results: ${OUT#$ROOT/}"
