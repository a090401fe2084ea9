-- Live updates (SPEC 1.8): the change log also says which resource changed and whether it is gone,
-- so that events.LiveStreams can stream "task 12 deleted" rather than "something changed". Still no
-- owner id and no text in the log: a resource id is a number that means nothing without the owner.
-- Owners are users or teams (V4's tasks.owner_key).
alter table tasks.task_changes
    add column resource_id bigint, -- the task's or list's id; null for labels (the owner's label set) and TRUNCATE
    add column deleted     boolean not null default false;

-- Rows are kept for at least 10 minutes now (a stream resumes from a cursor that old), and a resuming
-- reader must know whether rows after its cursor were trimmed: every trim raises this mark in the
-- same statement. A cursor below it → event: reset. Starts here: older rows carry no resource ids.
create table tasks.task_changes_trimmed (
    one   boolean primary key default true check (one),
    below xid8 not null
);
insert into tasks.task_changes_trimmed (below) values (pg_current_xact_id());

create or replace function tasks.log_task_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'TRUNCATE' then
        insert into tasks.task_changes (kind, owner_key) values (1, null);
        return null;
    end if;
    if tg_op = 'DELETE' or (tg_op = 'UPDATE' and (new.user_id is distinct from old.user_id
                                                      or new.team_id is distinct from old.team_id)) then
        insert into tasks.task_changes (kind, owner_key, resource_id, deleted)
        values (1, tasks.owner_key(old.user_id, old.team_id), old.id, true);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into tasks.task_changes (kind, owner_key, resource_id) values (1, tasks.owner_key(new.user_id, new.team_id), new.id);
    end if;
    -- A label exists while a task uses it, and counts open tasks: a labelled task's labels or state
    -- changing changes the owner's labels.
    if tg_op = 'DELETE' then
        if cardinality(old.labels) > 0 then
            insert into tasks.task_changes (kind, owner_key) values (3, tasks.owner_key(old.user_id, old.team_id));
        end if;
    elsif tg_op = 'INSERT' then
        if cardinality(new.labels) > 0 then
            insert into tasks.task_changes (kind, owner_key) values (3, tasks.owner_key(new.user_id, new.team_id));
        end if;
    elsif new.labels is distinct from old.labels
        or (cardinality(new.labels) > 0 and new.completed <> old.completed) then
        insert into tasks.task_changes (kind, owner_key) values (3, tasks.owner_key(new.user_id, new.team_id));
    end if;
    return null;
end
$$;

create or replace function tasks.log_list_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'TRUNCATE' then
        insert into tasks.task_changes (kind, owner_key) values (2, null);
        return null;
    end if;
    if tg_op = 'DELETE' or (tg_op = 'UPDATE' and (new.user_id is distinct from old.user_id
                                                      or new.team_id is distinct from old.team_id)) then
        insert into tasks.task_changes (kind, owner_key, resource_id, deleted)
        values (2, tasks.owner_key(old.user_id, old.team_id), old.id, true);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into tasks.task_changes (kind, owner_key, resource_id) values (2, tasks.owner_key(new.user_id, new.team_id), new.id);
    end if;
    return null;
end
$$;
