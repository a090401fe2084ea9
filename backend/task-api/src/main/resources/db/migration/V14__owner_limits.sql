-- Per-owner limits: an owner (a user or a team) keeps at most so many tasks (open and completed
-- together) and lists. Without them one account at the rate limit (50 writes/s) could add ~4 million
-- tasks a day, and imports (10,000 tasks a file) faster.
--
-- One place decides, whoever writes: these statement triggers keep a count per owner and refuse a
-- statement that would take an owner over its limit (SQLSTATE TK001 for tasks, TK002 for lists; the
-- API answers 409, owned.OwnerLimits). Each INSERT statement costs one counter upsert per owner it
-- touches, so an import's 2,000-row statement costs one, as a single create does. The counter row is
-- locked until the transaction ends, so concurrent creates and imports of one owner queue on it and
-- the limit holds exactly; other owners' writes do not meet.
--
-- The limits come from the session: tasks.max_tasks_per_owner and tasks.max_lists_per_owner, which the
-- API sets on each pooled connection from TASKS_MAX_PER_OWNER and LISTS_MAX_PER_OWNER (TaskApiSettings).
-- A session without them (psql, the web app, a transaction-mode pooler that does not keep session
-- settings) gets the defaults below: fail closed. A seeding script that needs more sets them itself.
--
-- Owners are counted by V4's tasks.owner_key (64 bits of md5), as the change log names them: the table
-- holds no user or team id, so a deleted account leaves nothing here that says whose a row was (SPEC
-- 1.6). Two owners with one key (odds ~1e-8 at a million owners) would share one count.

create table tasks.owner_counts (
    owner_key bigint primary key,
    tasks     integer not null default 0,
    lists     integer not null default 0
);

-- The limit named `setting` in this session, or `by_default` when the session has none.
create function tasks.owner_limit(setting text, by_default integer) returns bigint
    language sql stable parallel safe as
$$
select coalesce(cast(nullif(current_setting(setting, true), '') as bigint), by_default)
$$;

-- AFTER INSERT ... FOR EACH STATEMENT, with the inserted rows as transition table "added". Owners in
-- key order, so two statements touching several owners lock their counters in one order (no deadlock).
create function tasks.count_tasks_added() returns trigger
    language plpgsql as
$$
declare
    max_tasks bigint := tasks.owner_limit('tasks.max_tasks_per_owner', 100000);
    over      bigint;
begin
    with per_owner as (
        select tasks.owner_key(user_id, team_id) as owner_key, count(*) as n
        from added group by 1 order by 1
    ), counted as (
        insert into tasks.owner_counts as c (owner_key, tasks)
        select owner_key, n from per_owner
        on conflict (owner_key) do update set tasks = c.tasks + excluded.tasks
        returning c.tasks
    )
    select max(tasks) into over from counted;
    if over > max_tasks then
        raise exception 'owner task limit: at most % tasks per owner', max_tasks
            using errcode = 'TK001', detail = max_tasks::text;
    end if;
    return null;
end
$$;

create function tasks.count_lists_added() returns trigger
    language plpgsql as
$$
declare
    max_lists bigint := tasks.owner_limit('tasks.max_lists_per_owner', 1000);
    over      bigint;
begin
    with per_owner as (
        select tasks.owner_key(user_id, team_id) as owner_key, count(*) as n
        from added group by 1 order by 1
    ), counted as (
        insert into tasks.owner_counts as c (owner_key, lists)
        select owner_key, n from per_owner
        on conflict (owner_key) do update set lists = c.lists + excluded.lists
        returning c.lists
    )
    select max(lists) into over from counted;
    if over > max_lists then
        raise exception 'owner list limit: at most % lists per owner', max_lists
            using errcode = 'TK002', detail = max_lists::text;
    end if;
    return null;
end
$$;

-- AFTER DELETE ... FOR EACH STATEMENT: "removed" holds the deleted rows. Never refuses.
create function tasks.count_tasks_removed() returns trigger
    language plpgsql as
$$
begin
    update tasks.owner_counts c set tasks = c.tasks - r.n
    from (select tasks.owner_key(user_id, team_id) as owner_key, count(*) as n from removed group by 1) r
    where c.owner_key = r.owner_key;
    return null;
end
$$;

create function tasks.count_lists_removed() returns trigger
    language plpgsql as
$$
begin
    update tasks.owner_counts c set lists = c.lists - r.n
    from (select tasks.owner_key(user_id, team_id) as owner_key, count(*) as n from removed group by 1) r
    where c.owner_key = r.owner_key;
    return null;
end
$$;

-- The API never moves a task or list to another owner; plain SQL might. A row trigger limited to the
-- owner columns and to rows whose owner changed: ordinary updates (every toggle, edit, move) do not
-- fire it. (Transition tables cannot be combined with a column list, so a statement trigger here
-- would run for every UPDATE.)
create function tasks.count_owner_changed() returns trigger
    language plpgsql as
$$
declare
    to_key    bigint := tasks.owner_key(new.user_id, new.team_id);
    max_count bigint;
    now_at    integer;
begin
    if tg_table_name = 'tasks' then
        max_count := tasks.owner_limit('tasks.max_tasks_per_owner', 100000);
        update tasks.owner_counts set tasks = tasks - 1 where owner_key = tasks.owner_key(old.user_id, old.team_id);
        insert into tasks.owner_counts as c (owner_key, tasks) values (to_key, 1)
        on conflict (owner_key) do update set tasks = c.tasks + 1
        returning c.tasks into now_at;
        if now_at > max_count then
            raise exception 'owner task limit: at most % tasks per owner', max_count using errcode = 'TK001', detail = max_count::text;
        end if;
    else
        max_count := tasks.owner_limit('tasks.max_lists_per_owner', 1000);
        update tasks.owner_counts set lists = lists - 1 where owner_key = tasks.owner_key(old.user_id, old.team_id);
        insert into tasks.owner_counts as c (owner_key, lists) values (to_key, 1)
        on conflict (owner_key) do update set lists = c.lists + 1
        returning c.lists into now_at;
        if now_at > max_count then
            raise exception 'owner list limit: at most % lists per owner', max_count using errcode = 'TK002', detail = max_count::text;
        end if;
    end if;
    return null;
end
$$;

create function tasks.count_truncated() returns trigger
    language plpgsql as
$$
begin
    if tg_table_name = 'tasks' then
        update tasks.owner_counts set tasks = 0 where tasks <> 0;
    else
        update tasks.owner_counts set lists = 0 where lists <> 0;
    end if;
    return null;
end
$$;

-- No write may slip between the count below and the triggers (another instance still running the
-- previous version): reads go on, writes wait for this migration's commit.
lock table tasks.tasks, tasks.lists in share row exclusive mode;

create trigger tasks_count_insert after insert on tasks.tasks
    referencing new table as added for each statement execute function tasks.count_tasks_added();
create trigger tasks_count_delete after delete on tasks.tasks
    referencing old table as removed for each statement execute function tasks.count_tasks_removed();
create trigger tasks_count_owner_change after update of user_id, team_id on tasks.tasks
    for each row when (old.user_id is distinct from new.user_id or old.team_id is distinct from new.team_id)
    execute function tasks.count_owner_changed();
create trigger tasks_count_truncate after truncate on tasks.tasks
    for each statement execute function tasks.count_truncated();

create trigger lists_count_insert after insert on tasks.lists
    referencing new table as added for each statement execute function tasks.count_lists_added();
create trigger lists_count_delete after delete on tasks.lists
    referencing old table as removed for each statement execute function tasks.count_lists_removed();
create trigger lists_count_owner_change after update of user_id, team_id on tasks.lists
    for each row when (old.user_id is distinct from new.user_id or old.team_id is distinct from new.team_id)
    execute function tasks.count_owner_changed();
create trigger lists_count_truncate after truncate on tasks.lists
    for each statement execute function tasks.count_truncated();

-- Existing rows counted as they are, also an owner already over a limit: it can delete, not add.
insert into tasks.owner_counts (owner_key, tasks, lists)
select owner_key, sum(tasks), sum(lists)
from (select tasks.owner_key(user_id, team_id) as owner_key, count(*) as tasks, 0 as lists
      from tasks.tasks group by 1
      union all
      select tasks.owner_key(user_id, team_id), 0, count(*)
      from tasks.lists group by 1) counts
group by owner_key;
