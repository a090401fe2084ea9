-- Teams (SPEC 1.9): a list or a task belongs to a user (user_id) or to a team (team_id, the id of a
-- Better Auth organization), never both; a team's task may be assigned to one of its members
-- (assignee_id, a Better Auth user id). Membership itself is Better Auth's (its "member" table):
-- nothing here refers to Better Auth's tables, so either side may migrate first.

alter table tasks.lists
    alter column user_id drop not null,
    add column team_id text,
    add constraint lists_one_owner check ((user_id is null) <> (team_id is null)),
    -- The target of tasks' (team_id, list_id): a team's task can only be in a list of that team.
    add constraint lists_team_id_id_key unique (team_id, id);
-- A team's lists in their order.
create index lists_team_position_idx on tasks.lists (team_id, position, id) where team_id is not null;

alter table tasks.tasks
    alter column user_id drop not null,
    add column team_id     text,
    add column assignee_id text,
    add constraint tasks_one_owner check ((user_id is null) <> (team_id is null)),
    add constraint tasks_assignee_only_in_teams check (assignee_id is null or team_id is not null),
    -- A personal task's list is checked by tasks_list_fk (user_id, list_id); a team task's (user_id
    -- null, which that foreign key skips) by this one.
    add constraint tasks_team_list_fk foreign key (team_id, list_id) references tasks.lists (team_id, id);

-- The team's versions of V1's and V3's per-user indexes: newest first, manual order per list and in
-- the Inbox, due dates.
create index tasks_team_created_idx on tasks.tasks (team_id, created_at desc, id desc) where team_id is not null;
create index tasks_team_list_position_idx on tasks.tasks (team_id, list_id, position, id) where team_id is not null;
create index tasks_team_inbox_position_idx on tasks.tasks (team_id, position, id)
    where team_id is not null and list_id is null;
create index tasks_team_due_idx on tasks.tasks (team_id, due_date, id) where team_id is not null and due_date is not null;
-- "Open tasks assigned to me" (GET /api/me/assigned).
create index tasks_assignee_open_idx on tasks.tasks (assignee_id, created_at desc, id desc)
    where assignee_id is not null and not completed;

-- The change log names a team as owned.OwnerKey does: the key of 'team:' || team_id.
create function tasks.owner_key(user_id text, team_id text) returns bigint
    language sql immutable parallel safe as
$$
select tasks.user_key(coalesce(user_id, 'team:' || team_id))
$$;

create or replace function tasks.log_task_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'TRUNCATE' then
        insert into tasks.task_changes (kind, owner_key) values (1, null);
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into tasks.task_changes (kind, owner_key) values (1, tasks.owner_key(old.user_id, old.team_id));
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and (new.user_id is distinct from old.user_id
                                                  or new.team_id is distinct from old.team_id)) then
        insert into tasks.task_changes (kind, owner_key) values (1, tasks.owner_key(new.user_id, new.team_id));
    end if;
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
    if tg_op in ('UPDATE', 'DELETE') then
        insert into tasks.task_changes (kind, owner_key) values (2, tasks.owner_key(old.user_id, old.team_id));
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and (new.user_id is distinct from old.user_id
                                                  or new.team_id is distinct from old.team_id)) then
        insert into tasks.task_changes (kind, owner_key) values (2, tasks.owner_key(new.user_id, new.team_id));
    end if;
    return null;
end
$$;
