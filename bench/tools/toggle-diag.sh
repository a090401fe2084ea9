#!/usr/bin/env bash
# BENCH_HOOK for the toggle p99 diagnosis (bench/README.md, "Toggle p99"): puts the database into the
# state a scenario's name asks for before bench/run.sh measures it, e.g.
#   BENCH_HOOK=bench/tools/toggle-diag.sh bench/run.sh --no-startup --pg-waits \
#     --scenarios "toggle@as-is toggle@no-trigger toggle@trigger toggle@hot toggle@hot-no-trigger"
#   @no-trigger      the change log trigger on tasks.tasks off (the API's change log reader then fails
#                    its trigger check and retries: no log rows, no reads)
#   @trigger         the trigger on again
#   @hot             the partial indexes that name `completed` (V4's tasks_assignee_open_idx, V11's open due
#                    indexes) dropped, the first replaced by one that does not, so a toggle can be a HOT update
#   @hot-no-trigger  both
#   @hot-trigger     the trigger on again (the index stays replaced)
set -euo pipefail
q() { psql -X -q -v ON_ERROR_STOP=1 -c "$1"; }
trigger() { q "alter table tasks.tasks $1 trigger tasks_log_change"; }
case $1 in
  *@no-trigger) trigger disable ;;
  *@trigger) trigger enable ;;
  *@hot) trigger enable
    q "drop index if exists tasks.tasks_assignee_open_idx; drop index if exists tasks.tasks_user_open_due_idx; drop index if exists tasks.tasks_team_open_due_idx"
    q "create index if not exists tasks_assignee_idx on tasks.tasks (assignee_id, created_at desc, id desc) where assignee_id is not null"
    q "vacuum tasks.tasks" ;;
  *@hot-no-trigger) trigger disable ;;
  *@hot-trigger) trigger enable ;;
  *) ;;
esac
psql -X -A -t -c "select 'hook $1: trigger ' || (select tgenabled from pg_trigger where tgname = 'tasks_log_change') || ', indexes on completed: ' || (select count(*) from pg_indexes where schemaname = 'tasks' and tablename = 'tasks' and indexdef like '%completed%')" 
