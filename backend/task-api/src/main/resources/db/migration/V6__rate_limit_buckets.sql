-- The token buckets of SPEC 1.5, shared by every instance of the API (Bucket4j's PostgreSQL
-- backend, select-for-update strategy). id is "user:…" or "ip:…" with the limit it was made for;
-- state is Bucket4j's serialised bucket; expires_at (epoch ms) is when the bucket would be full
-- again, after which a row is as good as none and the cleanup deletes it.
-- Numbered 10 so it does not clash with migrations added on other branches in parallel.
create table tasks.rate_limit_buckets (
    id text primary key,
    state bytea,
    expires_at bigint
);

create index rate_limit_buckets_expires_at on tasks.rate_limit_buckets (expires_at);
