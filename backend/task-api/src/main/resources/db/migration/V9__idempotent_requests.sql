-- Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): the web app's outbox retries an edit
-- whose answer it never got (no network, 502, 504), and a create retried that way must not create
-- twice. The first request with a key claims its row (status null while it runs); its 2xx answer is
-- kept for 24 h and replayed to a retry of the same request; a failed one gives the key back.
-- Keyed by the token's user, so one user's keys never meet another's. Numbered 9 to stay clear of
-- migrations added on other branches in parallel.
create table tasks.idempotent_requests (
    user_id text not null,
    idempotency_key text not null,
    -- SHA-256 of method, path and body: the same key with another request is refused (422).
    fingerprint bytea not null,
    status smallint,
    content_type text,
    location text,
    body bytea,
    created_at timestamptz not null default now(),
    primary key (user_id, idempotency_key)
);

create index idempotent_requests_created_at on tasks.idempotent_requests (created_at);
