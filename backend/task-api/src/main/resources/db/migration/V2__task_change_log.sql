-- Every change to tasks.tasks is logged with the id of its transaction, whoever makes it: any API
-- instance, the web app's account deletion, plain SQL. API instances keep rendered lists and read
-- this log every 100 ms to drop the pages of users whose tasks changed (task.TaskChangeFeed).
-- A row appears when its transaction commits, none for one that rolls back.
--
-- The log names users by a key, not by id: the first 64 bits of md5(user_id), which the API
-- computes the same way (task.UserKey). Nothing here says who a row is about unless one already
-- knows the user id, so a deleted account leaves no id behind (SPEC 1.6), not even for the seconds
-- a row lives. Two users with one key only share a few cache misses.
--
-- Why a table and not NOTIFY: PostgreSQL serialises the commits of every transaction that notifies
-- (one lock, held across the WAL flush), which took a toggle from 12.6k to 3.1k transactions/s on
-- the benchmark machine (pgbench, 16 clients); this row trigger costs 13 % (10.9k).
create table tasks.task_changes (
    xid      xid8 not null default pg_current_xact_id(),
    user_key bigint -- null: every user (TRUNCATE)
);
-- Readers ask for "every change at or after this transaction id"; old rows are deleted by id.
create index task_changes_xid_idx on tasks.task_changes (xid);

create function tasks.user_key(user_id text) returns bigint
    language sql immutable strict parallel safe as
$$
select ('x' || substr(md5(user_id), 1, 16))::bit(64)::bigint
$$;

create function tasks.log_task_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'TRUNCATE' then
        insert into tasks.task_changes (user_key) values (null);
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into tasks.task_changes (user_key) values (tasks.user_key(old.user_id));
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.user_id is distinct from old.user_id) then
        insert into tasks.task_changes (user_key) values (tasks.user_key(new.user_id));
    end if;
    return null;
end
$$;

-- Row triggers, not statement triggers with transition tables: most changes are one row, and a
-- row trigger is the cheaper of the two for them (pgbench: 10.9k against 10.1k toggles/s).
create trigger tasks_log_change after insert or update or delete on tasks.tasks
    for each row execute function tasks.log_task_change();
create trigger tasks_log_truncate after truncate on tasks.tasks
    for each statement execute function tasks.log_task_change();
