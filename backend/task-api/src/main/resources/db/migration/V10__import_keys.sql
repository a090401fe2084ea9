-- Numbered 10, after V9 on main: Flyway refuses a lower version than one already applied.
-- Imports (transfer.Importer): a task made by an import carries the key of the row it came from (a
-- hash of the row's normalised content and its occurrence in the file), unique per owner, so that
-- importing the same file again adds nothing ("on conflict do nothing" against these indexes).
-- Tasks made any other way have none. Adding a nullable column without a default rewrites nothing.
alter table tasks.tasks add column import_key text;

create unique index tasks_user_import_key_idx on tasks.tasks (user_id, import_key)
    where user_id is not null and import_key is not null;
create unique index tasks_team_import_key_idx on tasks.tasks (team_id, import_key)
    where team_id is not null and import_key is not null;
