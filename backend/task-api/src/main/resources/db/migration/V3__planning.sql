-- Planning (SPEC 1.7): lists; on tasks a due date and time, priority, list, labels, manual order,
-- recurrence and completion time. And the change log names what kind of resource changed, of which
-- owner, so that lists and labels go through the same cache invalidation (and SPEC 1.8's events can
-- read one feed).

create table tasks.lists (
    id         bigint generated always as identity primary key,
    user_id    text         not null,
    name       varchar(100) not null,
    -- Manual order: a fractional key (list.ListPositions / task.Positions), compared bytewise.
    position   text collate "C" not null,
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now(),
    constraint lists_name_not_blank check (length(btrim(name)) > 0),
    -- The target of tasks' (user_id, list_id): a task can only be in a list of its own owner.
    constraint lists_user_id_id_key unique (user_id, id)
);
-- A user's lists in their order.
create index lists_user_position_idx on tasks.lists (user_id, position, id);

-- Lower-cased labels: a label's identity (names differing only in case are one label).
create function tasks.label_keys(labels text[]) returns text[]
    language sql immutable strict parallel safe as
$$
select coalesce(array_agg(lower(l)), '{}') from unnest(labels) l
$$;

alter table tasks.tasks
    add column due_date         date,
    add column due_time         time(0),
    add column priority         smallint not null default 0,
    add column list_id          bigint,
    add column labels           text[]   not null default '{}',
    -- Existing tasks keep their order (oldest first): 'U' + the id in hex + 'V', all one length.
    -- A task inserted by plain SQL gets 'V', the first key of an empty list (ties are ordered by id).
    add column position         text collate "C" default 'V',
    add column recurrence       varchar(200),
    -- DTSTART of the recurrence (RFC 5545: COUNT counts from it): the due date when the rule was set.
    add column recurrence_start date,
    add column completed_at     timestamptz;

update tasks.tasks set position = 'U' || lpad(to_hex(id), 12, '0') || 'V',
                       completed_at = case when completed then updated_at end;

alter table tasks.tasks
    alter column position set not null,
    add constraint tasks_priority_range check (priority between 0 and 3),
    add constraint tasks_due_time_needs_date check (due_time is null or due_date is not null),
    add constraint tasks_recurrence_needs_date check (recurrence is null or (due_date is not null and recurrence_start is not null)),
    add constraint tasks_at_most_20_labels check (cardinality(labels) <= 20),
    add constraint tasks_list_fk foreign key (user_id, list_id) references tasks.lists (user_id, id);

-- Manual order within a list (the Inbox is list_id null), and "the last task of a list" for appends.
create index tasks_user_list_position_idx on tasks.tasks (user_id, list_id, position, id);
-- The Inbox's: "list_id is null" is no equality to PostgreSQL, so the index above would need a sort.
create index tasks_user_inbox_position_idx on tasks.tasks (user_id, position, id) where list_id is null;
-- Due-date filters and sorts, and "overdue" (open tasks due before today).
create index tasks_user_due_idx on tasks.tasks (user_id, due_date, id) where due_date is not null;
-- "Tasks with all of these labels" (label_keys(labels) @> keys), and the labels page.
create index tasks_label_keys_idx on tasks.tasks using gin (tasks.label_keys(labels));

-- The change log: what kind of resource changed (1 task, 2 list, 3 a task's labels), of which owner.
alter table tasks.task_changes rename column user_key to owner_key;
alter table tasks.task_changes add column kind smallint not null default 1;
alter table tasks.task_changes alter column kind drop default;

create or replace function tasks.log_task_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'TRUNCATE' then
        insert into tasks.task_changes (kind, owner_key) values (1, null);
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into tasks.task_changes (kind, owner_key) values (1, tasks.user_key(old.user_id));
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.user_id is distinct from old.user_id) then
        insert into tasks.task_changes (kind, owner_key) values (1, tasks.user_key(new.user_id));
    end if;
    -- A label exists while a task uses it, and counts open tasks: a labelled task's labels or state
    -- changing changes the owner's labels.
    if tg_op = 'DELETE' then
        if cardinality(old.labels) > 0 then
            insert into tasks.task_changes (kind, owner_key) values (3, tasks.user_key(old.user_id));
        end if;
    elsif tg_op = 'INSERT' then
        if cardinality(new.labels) > 0 then
            insert into tasks.task_changes (kind, owner_key) values (3, tasks.user_key(new.user_id));
        end if;
    elsif new.labels is distinct from old.labels
        or (cardinality(new.labels) > 0 and new.completed <> old.completed) then
        insert into tasks.task_changes (kind, owner_key) values (3, tasks.user_key(new.user_id));
    end if;
    return null;
end
$$;

create function tasks.log_list_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'TRUNCATE' then
        insert into tasks.task_changes (kind, owner_key) values (2, null);
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into tasks.task_changes (kind, owner_key) values (2, tasks.user_key(old.user_id));
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.user_id is distinct from old.user_id) then
        insert into tasks.task_changes (kind, owner_key) values (2, tasks.user_key(new.user_id));
    end if;
    return null;
end
$$;

create trigger lists_log_change after insert or update or delete on tasks.lists
    for each row execute function tasks.log_list_change();
create trigger lists_log_truncate after truncate on tasks.lists
    for each statement execute function tasks.log_list_change();
