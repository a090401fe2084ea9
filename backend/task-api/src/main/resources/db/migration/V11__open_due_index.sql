-- The web app's Today view (open tasks due on or before today, by due date: frontend/lib/tasks/views.ts) and
-- overdue=true read a user's open dated tasks. V3's tasks_user_due_idx holds every dated task, so for a user with
-- a long history the scan walked all their completed past tasks to find the open ones: at 100 000 tasks (60 000
-- of them done and past due) 60 759 buffers and 103 ms for 25 rows, against 279 buffers at 1 000 (bench/run.sh
-- --views, 2026-12-07). This index holds open dated tasks only, in the view's order (due_time too: no sort).
-- The API writes "not completed" into the statement (task.TaskRepository), not a bound parameter, so that a
-- generic plan can use the partial index too.
--
-- It names `completed`, so completing a task cannot be a HOT update; V4's tasks_assignee_open_idx already
-- made it so (bench/README.md, "Toggle p99", for what HOT would save).
create index tasks_user_open_due_idx on tasks.tasks (user_id, due_date, due_time, id)
    where not completed and due_date is not null;
create index tasks_team_open_due_idx on tasks.tasks (team_id, due_date, due_time, id)
    where team_id is not null and not completed and due_date is not null;
