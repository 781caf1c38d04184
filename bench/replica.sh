#!/usr/bin/env bash
# chibo with a PostgreSQL streaming replica (docs/architecture.md, "Read replica").
#
# Starts Debian's PostgreSQL server on a fresh folder, makes a streaming replica of it with pg_basebackup (a
# replication slot, WAL streamed), and two chibo nodes on the primary: node 1 with the replica
# (--chibo.replica.url), node 2 without. Then, signed in as the committee's office:
#   1. the replica pages (the member list, the meetings' year grid, the start page) measured with wrk on each node:
#      how many of their read-only transactions the replica served, and the pages' speed with and without it;
#   2. WRITES times: a new member written through the form, then at once the member list searched for them on the
#      writer's session: it must show the new member (read on the primary until the replica has replayed the write,
#      on the replica after); the replica's lag while it happens.
# Exits 1 when a writer does not see their write.
#
#   bench/replica.sh
#   MEMBERS=10000 BRANCHES=50 WRITES=30 bench/replica.sh
# Needs wrk and the PostgreSQL server (apt-get install -y wrk postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."

MEMBERS=${MEMBERS:-10000}
BRANCHES=${BRANCHES:-50}
HEAP=${HEAP:-512m}
WRITES=${WRITES:-30}
PAGES=${PAGES:-yes}             # no: the write test alone
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
DB_PORT=${DB_PORT:-55494}
REPLICA_PORT=$((DB_PORT + 1))
NODE_PORT=${NODE_PORT:-18095}   # node 1, with the replica; node 2 on NODE_PORT+1
WORK=target/bench-replica
JAVA_OPTS=${JAVA_OPTS:-}

. bench/lib.sh
. bench/lib-nodes.sh
# No scheduled work during the measures.
QUIET="--chibo.mail.retry-every=1h --chibo.evaluation.sweep-after=1h"
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for data in standby primary; do
    as_pg "$pg_bin/pg_ctl" -D "$pg/$data" -m fast stop > /dev/null 2>&1 || true
    cp "$pg/$data.log" "$WORK/" 2>/dev/null || true
  done
  rm -rf "$pg"
}
trap cleanup EXIT
psql_as() { PGPASSWORD=postgres "$pg_bin/psql" -X -q -t -A -h 127.0.0.1 -U postgres -d postgres "$@"; }

# The primary, durable as a deployment's; initdb's pg_hba.conf lets the superuser replicate from loopback.
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'): primary on $DB_PORT, replica on $REPLICA_PORT"
echo postgres > "$pg/password" && chmod 644 "$pg/password"
as_pg "$pg_bin/initdb" -D "$pg/primary" -U postgres --auth=scram-sha-256 --pwfile="$pg/password" -E UTF8 \
  --locale=C.UTF-8 > "$WORK/initdb.log"
as_pg "$pg_bin/pg_ctl" -D "$pg/primary" -l "$pg/primary.log" -w start -o "-p $DB_PORT -k $pg \
  -c listen_addresses=127.0.0.1 -c max_connections=120 -c shared_buffers=256MB -c wal_level=replica" > /dev/null
psql_as -p "$DB_PORT" -c "create role chibo login password 'chibo'" -c "create database chibo owner chibo"

# The replica: a base backup of the primary, streaming from a slot of its own (-R writes standby.signal and the
# primary's address).
as_pg env PGPASSWORD=postgres "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$DB_PORT" -U postgres -D "$pg/standby" \
  -R -X stream -C -S chibo_replica > "$WORK/basebackup.log" 2>&1
as_pg "$pg_bin/pg_ctl" -D "$pg/standby" -l "$pg/standby.log" -w start -o "-p $REPLICA_PORT -k $pg \
  -c listen_addresses=127.0.0.1 -c max_connections=120 -c shared_buffers=128MB" > /dev/null
echo "replica in recovery: $(psql_as -p "$REPLICA_PORT" -c "select pg_is_in_recovery()")"

echo "node 1 (with the replica): loading the demo and $MEMBERS synthetic members in $BRANCHES branches…"
start_node 1 --chibo.demo.enabled=true --chibo.demo.synthetic-members="$MEMBERS" \
  --chibo.demo.synthetic-branches="$BRANCHES" \
  --chibo.replica.url="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/chibo" --chibo.replica.password=chibo $QUIET
echo "node 2 (without)"
start_node 2 --chibo.demo.enabled=false $QUIET

# metric NAME [LABELS]: a figure of node 1 from /actuator/prometheus (administrators only).
metric() {
  curl -s -u admin:chibo-demo "http://127.0.0.1:$NODE_PORT/actuator/prometheus" \
    | awk -v name="$1" -v labels="${2:-}" 'index($0, name) == 1 && index($0, labels) { sum += $2 } END { printf "%d", sum }'
}
served() { metric chibo_replica_reads_total "served_by=\"$1\""; }
lag() { metric chibo_replica_lag_bytes; }
for _ in $(seq 1 60); do [ "$(lag)" = 0 ] && break; sleep 1; done
echo "replica lag after the demo's load: $(lag) bytes"

echo "$CONNECTIONS connections, heap $HEAP each, $(nproc) cores; node 1 reads on the replica, node 2 on the primary"
for n in $([ "$PAGES" = yes ] && echo 1 2); do
  base="http://127.0.0.1:$((NODE_PORT + n - 1))"
  session=$(login_session vanphong)
  for page in "/members" "/meetings" "/"; do
    before_r=$(served replica); before_p=$(served primary)
    name="node$n${page//\//-}"
    run "${name%-}" "$base$page" -H "Cookie: JSESSIONID=$session"
    [ "$n" = 1 ] && echo "    read-only transactions on the replica: $(($(served replica) - before_r)), on the primary: $(($(served primary) - before_p))"
  done
done

# The writer's own write, WRITES times: create a member through the form, then search the list at once.
base="http://127.0.0.1:$NODE_PORT"
cookies="$WORK/cookies-writer"
login_session vanphong > /dev/null && cp "$WORK/cookies-vanphong" "$cookies"
branch=$(curl -s -b "$cookies" "$base/members/new" | tr '\n' ' ' | sed 's/.*name="branchId"//' \
  | grep -o '<option value="[0-9][0-9]*"' | head -1 | grep -o '[0-9][0-9]*')
[ -n "$branch" ] || { echo "no branch to write a member into" >&2; exit 1; }
seen=0; missed=0; max_lag=0
before_r=$(served replica); before_p=$(served primary)
for i in $(seq 1 "$WRITES"); do
  token=$(curl -s -b "$cookies" -c "$cookies" "$base/members/new" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  name="Bản Sao Thứ $i"
  status=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$cookies" -c "$cookies" --data-urlencode "fullName=$name" \
    --data-urlencode "gender=MALE" --data-urlencode "admissionDate=03/02/2019" --data-urlencode "branchId=$branch" \
    --data-urlencode "_csrf=$token" "$base/members")
  on_replica=$(served replica)
  curl -s -o "$WORK/list.html" -w '%{http_code}' -b "$cookies" "$base/members?q=ban+sao+thu+$i" > "$WORK/list.status"
  if grep -q ">$name<" "$WORK/list.html"; then seen=$((seen + 1)); else
    cp "$WORK/list.html" "$WORK/missed-$i.html"
    missed=$((missed + 1))
    echo "  missed: $name (written: HTTP $status; list HTTP $(cat "$WORK/list.status"), read on the $([ "$(served replica)" = "$on_replica" ] && echo primary || echo replica))"
  fi
  now=$(lag); [ "$now" -gt "$max_lag" ] && max_lag=$now
done
echo "WRITES $WRITES: the writer saw $seen, missed $missed; their list reads: $(($(served replica) - before_r)) on the replica, $(($(served primary) - before_p)) on the primary; replica lag seen up to $max_lag bytes"
[ "$missed" = 0 ] || { echo "REPLICA TEST FAILED: a writer did not see their write" >&2; exit 1; }
echo "REPLICA TEST PASSED"
