-- Every API request charged by the shared rate limits (SPEC 1.5) rewrites one row here, twice per
-- request (the user's and the address's bucket). Two changes make that write cheap:
--
-- 1. No index on expires_at. Each charge moves expires_at, and an indexed column that changes rules
--    out a HOT update: every charge wrote a new entry into both indexes. The cleanup that used the
--    index runs once a minute over a table that holds only the buckets of the last few seconds'
--    callers; a sequential scan of it is cheaper than an index entry per request. With room left on
--    each page (fillfactor 50), the charge becomes a HOT update: one heap tuple, no index writes.
-- 2. UNLOGGED: the buckets are counters of the last few seconds, not data. No WAL is written for
--    them, so a charge does not wait for a WAL flush at commit. What this gives up: after a crash
--    of PostgreSQL (not a clean restart, which keeps the rows) or a fail-over to a replica, every
--    bucket starts full again, as it would after a few seconds without requests anyway.
drop index tasks.rate_limit_buckets_expires_at;
alter table tasks.rate_limit_buckets set (fillfactor = 50);
alter table tasks.rate_limit_buckets set unlogged;
