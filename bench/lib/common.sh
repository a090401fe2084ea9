# Sourced by the bench/run.sh modes in this folder (after run.sh has started and seeded the API): what
# their reports share. Uses run.sh's variables (ROOT, JAVA, JVM_OPTS, THREADS, CONNECTIONS, …).

# The machine, the code and the load, as the opening lines of a Markdown report.
report_context() { # title
  cat <<MD
# $1 — $(date -u '+%Y-%m-%d %H:%M UTC')

- commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- backend bench 2>/dev/null || echo ' (+ uncommitted changes)'); $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM
- $("$JAVA" -version 2>&1 | sed -n 2p); JVM flags of every server: \`$JVM_OPTS\`
- $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2): \`-t$THREADS -c$CONNECTIONS\`, ${WARMUP} s warm-up (discarded) then ${DURATION} s measured per run
- data: $USERS users × $TASKS_PER_USER tasks; $( [ "$RATE_LIMITS" = 1 ] && echo "**the task API's rate limits ON** (\`--rate-limits\`: both limits, buckets in PostgreSQL, set far above the load, so every request is charged and none refused; the peers have none)" || echo "rate limits off (the task API's; the peers have none)")
- **load average** (1/5/15 min) at the start: $LOADAVG_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg). "other CPU %" below is everything on the machine but the servers and the load generator: above ~10 % the figures are disturbed.
MD
}

# Each wrk run of $RESULTS (run.sh's TSV, a header line first) as a row of a Markdown table.
results_table() {
  echo "| scenario | req/s | p50 ms | p99 ms | errors | non-2xx | API CPU µs/req | of it kernel % | PostgreSQL CPU µs/req | other CPU % |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' 'NR > 1 {printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $5, $9, $10, $16, $18, $17, $15}' "$RESULTS"
}
