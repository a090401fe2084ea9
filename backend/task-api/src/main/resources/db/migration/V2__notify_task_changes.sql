-- Every change to tasks.tasks notifies the users it touched on channel tasks_changed (payload
-- 'u:' || user_id), whoever makes it: any API instance, the web app's account deletion, plain SQL.
-- API instances keep rendered lists and drop a user's on this notice (task.TaskListCache).
-- PostgreSQL sends notifications at commit, none for a rolled-back change, and one per distinct
-- payload per transaction. Statement-level triggers with transition tables: one notification per
-- user per statement, not per row. Over 100 users in one statement, or a user id too long for a
-- notification payload (8000 bytes), send '*' (everyone) instead.
create function tasks.notify_task_changes() returns trigger
    language plpgsql as
$$
declare
    users text[];
begin
    if tg_op = 'TRUNCATE' then
        perform pg_notify('tasks_changed', '*');
        return null;
    elsif tg_op = 'INSERT' then
        select array_agg(distinct user_id) into users from new_rows;
    elsif tg_op = 'DELETE' then
        select array_agg(distinct user_id) into users from old_rows;
    else
        select array_agg(distinct user_id) into users
        from (select user_id from old_rows union select user_id from new_rows) changed;
    end if;
    if users is null then
        return null; -- the statement changed no row
    end if;
    if cardinality(users) > 100 or exists (select 1 from unnest(users) u where octet_length(u) > 4000) then
        perform pg_notify('tasks_changed', '*');
    else
        perform pg_notify('tasks_changed', 'u:' || u) from unnest(users) u;
    end if;
    return null;
end
$$;

create trigger tasks_notify_insert after insert on tasks.tasks
    referencing new table as new_rows
    for each statement execute function tasks.notify_task_changes();
create trigger tasks_notify_update after update on tasks.tasks
    referencing old table as old_rows new table as new_rows
    for each statement execute function tasks.notify_task_changes();
create trigger tasks_notify_delete after delete on tasks.tasks
    referencing old table as old_rows
    for each statement execute function tasks.notify_task_changes();
create trigger tasks_notify_truncate after truncate on tasks.tasks
    for each statement execute function tasks.notify_task_changes();
