# Sourced by bench/run.sh and bench/import.sh: psql into the bench's embedded PostgreSQL ($PG_PORT,
# database tasks) as its superuser, with the password the API generated in $WORK/data/secrets.env.
# Unaligned, tab-separated output; any psql arguments after.
pg_psql() { PGPASSWORD="$(sed -n 's/^EMBEDDED_POSTGRES_PASSWORD=//p' "$WORK/data/secrets.env" | tail -1)" \
  psql -X -q -A -F $'\t' -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tasks "$@"; }
