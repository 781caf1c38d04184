#!/usr/bin/env bash
# How much of its database a page uses (docs/architecture.md, "Fast pages"). Loads a synthetic committee (default
# 10,000 members in 50 branches) into a fresh embedded PostgreSQL and starts chibo; for each page, records the SQL
# one request runs (log_statement for a moment, bench/sql-capture.py), replays that SQL with pgbench on the same
# PostgreSQL as chibo's own role, measures the page with wrk, both on CONNECTIONS connections, and prints the
# page's req/s, pgbench's transactions/s (one transaction = the page's statements once) and the ratio.
#
#   bench/sql-ratio.sh                          # defaults
#   CONNECTIONS=8 DURATION=30s bench/sql-ratio.sh
set -euo pipefail
cd "$(dirname "$0")/.."

MEMBERS=${MEMBERS:-10000}
BRANCHES=${BRANCHES:-50}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
HEAP=${HEAP:-512m}
PORT=${PORT:-18082}
JAVA_OPTS=${JAVA_OPTS:-}
WORK=target/bench-sql

command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install -y postgresql-client" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }
. bench/lib.sh
# No scheduled work during the measures.
start_chibo --chibo.mail.retry-every=1h --chibo.evaluation.sweep-after=1h
db_port=$(sed -n 4p "$WORK/postgres/postmaster.pid")
# The embedded PostgreSQL's own log (docs/operations.md): today's file.
pg_log=$(ls -t "$WORK"/postgres/log/postgresql-*.log | head -1)
credential() { grep "^$1=" "$WORK/postgres.credentials" | cut -d= -f2-; }
database=$(credential database)
superuser() {
  PGPASSWORD=$(credential superuser.password) psql -X -q -h 127.0.0.1 -p "$db_port" -U postgres -d "$database" \
    -v ON_ERROR_STOP=1 "$@" > /dev/null
}
session=$(login_session vanphong)
basic="Authorization: Basic $(printf 'vanphong:chibo-demo' | base64)"

# ratio NAME URL [curl/wrk options]: the page measured, its SQL captured and replayed, the ratio printed.
ratio() {
  local name=$1 url=$2; shift 2
  curl -s -o /dev/null "$@" "$url"   # once before: what a first request alone reads is not the page's own
  local mark
  mark=$(wc -l < "$pg_log")
  superuser -c "alter system set log_statement = 'all'" -c "alter system set log_line_prefix = '%m [%p] %u '" \
    -c "select pg_reload_conf()"
  sleep 1
  curl -s -o /dev/null "$@" "$url"
  sleep 1
  superuser -c "alter system reset log_statement" -c "alter system reset log_line_prefix" -c "select pg_reload_conf()"
  sleep 1
  tail -n +"$((mark + 1))" "$pg_log" | python3 bench/sql-capture.py chibo > "$WORK/$name.sql"
  local statements
  statements=$(grep -c ';$' "$WORK/$name.sql")
  run "$name" "$url" "$@" > "$WORK/$name.wrk"
  PGPASSWORD=$(credential app.password) pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "${WARMUP%s}" \
    -f "$WORK/$name.sql" -h 127.0.0.1 -p "$db_port" -U chibo "$database" > /dev/null 2>&1
  PGPASSWORD=$(credential app.password) pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "${DURATION%s}" \
    -f "$WORK/$name.sql" -h 127.0.0.1 -p "$db_port" -U chibo "$database" > "$WORK/$name.pgbench" 2>&1
  local rps tps
  rps=$(grep -o '[0-9.]* req/s' "$WORK/$name.wrk" | awk '{print $1}')
  tps=$(grep -o 'tps = [0-9.]*' "$WORK/$name.pgbench" | tail -1 | awk '{print $3}')
  cat "$WORK/$name.wrk"
  printf '%-28s %10s tx/s  (pgbench, the page'"'"'s %s statements)   page/SQL %s %%\n' "" "$tps" "$statements" \
    "$(awk -v r="$rps" -v t="$tps" 'BEGIN { printf "%.0f", (t > 0) ? 100 * r / t : 0 }')"
}

echo "wrk and pgbench: $THREADS threads, $CONNECTIONS connections, $DURATION each, app heap $HEAP, $(nproc) cores"
ratio "member list page" "$base/members" -H "Cookie: JSESSIONID=$session"
ratio "list API" "$base/api/v1/members?size=10" -H "$basic"
ratio "meetings page" "$base/meetings" -H "Cookie: JSESSIONID=$session"
ratio "start page" "$base/" -H "Cookie: JSESSIONID=$session"
