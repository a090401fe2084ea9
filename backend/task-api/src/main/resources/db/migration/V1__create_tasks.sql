-- Tasks live in their own schema: Better Auth keeps its tables (user, session, account, ...) in
-- "public", and either side may migrate first.
create table tasks.tasks (
    id          bigint generated always as identity primary key,
    user_id     text          not null,
    title       varchar(200)  not null,
    description varchar(2000),
    completed   boolean       not null default false,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    constraint tasks_title_not_blank check (length(btrim(title)) > 0)
);

-- "A user's tasks, newest first" (the default list) is an index range scan in order: no sort.
-- id breaks ties between tasks created in the same microsecond, matching ORDER BY created_at desc, id desc.
create index tasks_user_created_idx on tasks.tasks (user_id, created_at desc, id desc);
