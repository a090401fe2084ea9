#!/usr/bin/env bash
# The toggle's cost inside PostgreSQL, without the API (bench/README.md, "Toggle p99"): a throw-away cluster of
# Debian's PostgreSQL with the API's migrations, 100 users × 10 tasks, and pgbench running the API's toggle
# transaction (BEGIN; UPDATE … RETURNING; COMMIT) from 16 clients for 15 s per variant, the variants in turn,
# ROUNDS times:
#   as-is           the schema as migrated (change log trigger on; V4's and V11's partial indexes name `completed`,
#                   so no toggle is a HOT update)
#   feeds           as-is, plus the change log reads of two readers every 100 ms (what each instance did before
#                   changelog.ChangeLogReader merged them; one reader does half)
#   no-trigger      the change log trigger off
#   hot             the partial indexes naming `completed` replaced by ones that do not (toggles can be HOT)
#   hot-no-trigger  both
# Prints tps, latency p50/p99/p99.9 and PostgreSQL's CPU per transaction (from /proc). As root it runs PostgreSQL
# as the `postgres` user (runuser), as the fault tests do.
#   bench/tools/toggle-pgbench.sh [ROUNDS=2]     (port: TOGGLE_PGBENCH_PORT, default 25500)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${1:-2} PORT=${TOGGLE_PGBENCH_PORT:-25500}
BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
DIR=$(mktemp -d /tmp/toggle-pgbench.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
cleanup() { as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT
as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U postgres >/dev/null
as_pg "$BIN/pg_ctl" -D "$DIR/data" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" -l "$DIR/log" start >/dev/null
export PGOPTIONS='-c client_min_messages=warning'
P() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres "$@"; }
for ((t = 0; t < 50; t++)); do P -d postgres -c "select 1" >/dev/null 2>&1 && break; sleep 0.2; done
P -d postgres -c "create database tasks"
(echo "create schema tasks; set search_path = tasks;"; for f in $(ls "$ROOT"/backend/task-api/src/main/resources/db/migration/V*.sql | sort -V); do cat "$f"; echo; done) | P -d tasks >/dev/null
P -d tasks -c "insert into tasks.tasks (user_id, title, description, completed, position) select 'u' || ((i - 1) / 10), 'Task ' || i, 'Seeded: a realistic description of moderate length.', i % 3 = 0, 'V' from generate_series(1, 1000) i"
P -d tasks -c "vacuum analyze tasks.tasks"
read -r LO HI < <(P -d tasks -A -t -F ' ' -c "select min(id), max(id) from tasks.tasks")
cat > "$DIR/toggle.sql" <<SQL
\set id random($LO, $HI)
BEGIN;
update tasks.tasks set completed = not completed, completed_at = case when completed then null else now() end, updated_at = now() where id = :id and user_id = 'u' || ((:id - $LO) / 10) and recurrence is null returning id, user_id, team_id, assignee_id, title, description, completed, due_date, due_time, priority, list_id, labels, position, recurrence, recurrence_start, completed_at, created_at, updated_at;
COMMIT;
SQL
cat > "$DIR/feeds.sql" <<'SQL'
select h.horizon::text, c.owner_key, c.seen from (select pg_snapshot_xmin(pg_current_snapshot()) as horizon) h left join lateral (select distinct owner_key, true as seen from tasks.task_changes where xid >= pg_snapshot_xmin(pg_current_snapshot()) limit 10001) c on true;
select h.horizon::text, c.xid::text, c.kind, c.owner_key, c.resource_id, c.deleted from (select pg_snapshot_xmin(pg_current_snapshot()) as horizon) h left join lateral (select xid, kind, owner_key, resource_id, deleted from tasks.task_changes where xid >= pg_snapshot_xmin(pg_current_snapshot()) order by xid limit 50001) c on true;
SQL
PM=$(head -1 "$DIR/data/postmaster.pid")
# the postmaster's own and its ended children's CPU (pgbench's backends end with each run), and the living children's
ticks() { local s; s=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$PM/stat"); for p in $(ps -o pid= --ppid "$PM"); do [ -r "/proc/$p/stat" ] && s=$((s + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$s"; }
trigger() { P -d tasks -c "alter table tasks.tasks $1 trigger tasks_log_change"; }
not_hot() { P -d tasks -c "drop index if exists tasks.tasks_assignee_idx" \
  -c "create index if not exists tasks_assignee_open_idx on tasks.tasks (assignee_id, created_at desc, id desc) where assignee_id is not null and not completed" \
  -c "create index if not exists tasks_user_open_due_idx on tasks.tasks (user_id, due_date, due_time, id) where not completed and due_date is not null" \
  -c "create index if not exists tasks_team_open_due_idx on tasks.tasks (team_id, due_date, due_time, id) where team_id is not null and not completed and due_date is not null"; }
hot() { P -d tasks -c "drop index if exists tasks.tasks_assignee_open_idx" -c "drop index if exists tasks.tasks_user_open_due_idx" -c "drop index if exists tasks.tasks_team_open_due_idx" \
  -c "create index if not exists tasks_assignee_idx on tasks.tasks (assignee_id, created_at desc, id desc) where assignee_id is not null" -c "vacuum tasks.tasks"; }
run() { # name [feeds]
  local name=$1 t0 t1 n tps hot0 hot1
  rm -f "$DIR"/log-*
  [ "${2:-}" = feeds ] && { pgbench -n -h 127.0.0.1 -p "$PORT" -U postgres -c 2 -j 1 -R 10 -T 16 -f "$DIR/feeds.sql" tasks > "$DIR/feeds.out" 2>&1 & }
  hot0=$(P -d tasks -A -t -c "select n_tup_hot_upd || ' ' || n_tup_upd from pg_stat_user_tables where relname = 'tasks'")
  t0=$(ticks)
  pgbench -n -h 127.0.0.1 -p "$PORT" -U postgres -c 16 -j 2 -T 15 -M prepared -f "$DIR/toggle.sql" -l --log-prefix="$DIR/log-x" tasks > "$DIR/out.txt" 2>&1
  wait; sleep 0.5; t1=$(ticks)
  hot1=$(P -d tasks -A -t -c "select n_tup_hot_upd || ' ' || n_tup_upd from pg_stat_user_tables where relname = 'tasks'")
  tps=$(grep -oE 'tps = [0-9.]+' "$DIR/out.txt" | head -1 | cut -d' ' -f3)
  cat "$DIR"/log-x* | awk '{print $3}' | sort -n > "$DIR/lat"; n=$(wc -l < "$DIR/lat")
  pct() { sed -n "$(( (n * $1 + 999) / 1000 ))p" "$DIR/lat" | awk '{printf "%.2f", $1 / 1000}'; }
  printf "| %s | %s | %.0f | %s | %s | %s | %.0f | %s | %s |\n" "$ROUND" "$name" "$tps" "$(pct 500)" "$(pct 990)" "$(pct 999)" \
    "$(echo "($t1 - $t0) * 1000000 / $(getconf CLK_TCK) / $n" | bc -l)" \
    "$(echo "$hot0 $hot1" | awk '{d = $4 - $2; printf "%.0f %%", d ? 100 * ($3 - $1) / d : 0}')" "$(cut -d' ' -f1 /proc/loadavg)"
}
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}'), $(nproc) cores; 16 clients × 15 s per variant"
echo
echo "| round | variant | tps | p50 ms | p99 ms | p99.9 ms | PostgreSQL CPU µs/txn | HOT updates | load (1 min) |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
ROUND=0; run warm-up > /dev/null
for ((ROUND = 1; ROUND <= ROUNDS; ROUND++)); do
  not_hot >/dev/null; trigger enable; run as-is
  run feeds feeds
  trigger disable; run no-trigger
  hot >/dev/null; trigger enable; run hot
  trigger disable; run hot-no-trigger
done
