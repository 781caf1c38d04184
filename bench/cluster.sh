#!/usr/bin/env bash
# Several chibo nodes on one PostgreSQL behind HAProxy (docs/architecture.md, "Several nodes").
#
# Starts Debian's PostgreSQL server on a fresh folder, three chibo nodes from the jar on it (the first loads the
# demo and a synthetic committee whose members all have an account) and HAProxy on loopback, then runs the
# meeting-day check-in burst (every member checks in once, sending again after a failure, as a phone does):
#   1. with wrk to one node directly, then through HAProxy to that node alone, then to the three nodes: the
#      throughput of three nodes against one;
#   2. with bench/cluster-client.py to the three nodes again while a dozen signed-in users read their start page
#      every half second, and one node is killed (SIGKILL) 5 s into the burst (it lasts longer): no check-in answered
#      "checked in" may be missing afterwards, none may be recorded twice, every member must end checked in, and
#      no user may be signed out.
# Exits 1 when the kill test fails or a burst had a check-in answered with an error (a 500, say).
#
#   bench/cluster.sh
#   MEMBERS=6000 BRANCHES=40 CLIENTS=16 HEAP=384m bench/cluster.sh
# Needs haproxy, wrk and the PostgreSQL server (apt-get install -y haproxy wrk postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."

MEMBERS=${MEMBERS:-6000}
BRANCHES=${BRANCHES:-40}
CLIENTS=${CLIENTS:-16}
HEAP=${HEAP:-384m}
KILL_AFTER=${KILL_AFTER:-5}       # seconds into the kill test's burst
NODES=3
DB_PORT=${DB_PORT:-55490}
PROXY_PORT=${PROXY_PORT:-18090}   # the three nodes
SINGLE_PORT=$((PROXY_PORT + 10))  # the first node alone, through the same proxy
NODE_PORT=${NODE_PORT:-18091}     # nodes on 18091, 18092, 18093
WORK=target/bench-cluster
JAVA_OPTS=${JAVA_OPTS:-}

command -v haproxy >/dev/null || { echo "haproxy is missing: apt-get install -y haproxy" >&2; exit 1; }
. bench/lib.sh
. bench/lib-nodes.sh
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/haproxy.pid" ] && kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null || true
  as_pg "$pg_bin/pg_ctl" -D "$pg/data" -m fast stop > /dev/null 2>&1 || true
  cp "$pg/postgres.log" "$WORK/" 2>/dev/null || true
  rm -rf "$pg"
}
trap cleanup EXIT

# The database: its own server, as a deployment has (durable settings: fsync and synchronous commits on).
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $DB_PORT"
echo postgres > "$pg/password" && chmod 644 "$pg/password"
as_pg "$pg_bin/initdb" -D "$pg/data" -U postgres --auth=scram-sha-256 --pwfile="$pg/password" -E UTF8 \
  --locale=C.UTF-8 > "$WORK/initdb.log"
as_pg "$pg_bin/pg_ctl" -D "$pg/data" -l "$pg/postgres.log" -w start -o "-p $DB_PORT -k $pg \
  -c listen_addresses=127.0.0.1 -c max_connections=120 -c shared_buffers=256MB" > /dev/null
PGPASSWORD=postgres "$pg_bin/psql" -q -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres \
  -c "create role chibo login password 'chibo'" -c "create database chibo owner chibo"

echo "node 1: loading the demo and $MEMBERS synthetic members with accounts in $BRANCHES branches (heap $HEAP)…"
start_node 1 --chibo.demo.enabled=true --chibo.demo.synthetic-members="$MEMBERS" \
  --chibo.demo.synthetic-branches="$BRANCHES" --chibo.demo.synthetic-accounts=true
for n in $(seq 2 $NODES); do echo "node $n"; start_node "$n" --chibo.demo.enabled=false; done

# HAProxy: round robin over the nodes that answer their readiness check; a request that found its node gone
# (refused, or closed without an answer) is sent to another one.
{
  cat <<EOF
global
  maxconn 4000
defaults
  mode http
  timeout connect 1s
  timeout client 60s
  timeout server 60s
  retries 3
  option redispatch 1
  option http-buffer-request
  retry-on conn-failure empty-response response-timeout
frontend nodes
  bind 127.0.0.1:$PROXY_PORT
  default_backend nodes
frontend single
  bind 127.0.0.1:$SINGLE_PORT
  default_backend single
backend nodes
  balance roundrobin
  option httpchk GET /actuator/health/readiness
  default-server check inter 500ms fall 2 rise 2
EOF
  for n in $(seq 1 $NODES); do echo "  server node$n 127.0.0.1:$((NODE_PORT + n - 1))"; done
  cat <<EOF
backend single
  option httpchk GET /actuator/health/readiness
  server node1 127.0.0.1:$NODE_PORT check inter 500ms
EOF
} > "$WORK/haproxy.cfg"
haproxy -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid"
sleep 2
base="http://127.0.0.1:$PROXY_PORT"

# burst SET BASE: today's meeting of every synthetic branch and its check-in code (valid for minutes, as the
# meeting's QR code), then wrk sends the set's check-ins (bench/check-in.lua, as bench/check-in-burst.sh does);
# prints wrk's result and the rate the server recorded.
burst() {
  python3 bench/check-in-setup.py prepare "$base" "$WORK" "$1" > /dev/null
  wrk -t2 -c"$CLIENTS" -d60s --latency -s bench/check-in.lua "$2/api/v1/meetings/check-in" -- "$WORK/$1.txt" 2 \
    > "$WORK/$1-wrk.txt"
  grep RESULT "$WORK/$1-wrk.txt"
  # an answer other than "checked in" or "already checked in" (a 500, say) is a fault of chibo's
  grep -q " failures=0 " "$WORK/$1-wrk.txt" || failed_bursts="${failed_bursts:-}$1 "
  python3 bench/check-in-setup.py verify "$base" "$WORK" "$1" | tee "$WORK/$1-verify.txt"
}
rate() { sed -n 's/.* \([0-9]*\) check-ins\/s.*/\1/p' "$WORK/$1-verify.txt"; }
echo "$NODES nodes, $CLIENTS connections, heap $HEAP each, $(nproc) cores"
echo "warm-up (three nodes):"; burst warmup "$base"
echo "one node, without the proxy:"; burst direct "http://127.0.0.1:$NODE_PORT"
echo "one node:"; burst one "http://127.0.0.1:$SINGLE_PORT"
echo "three nodes:"; burst three "$base"
echo "THROUGHPUT three nodes / one node = $(rate three) / $(rate one) = $(python3 -c "print(f'{$(rate three) / $(rate one):.2f}')")"

python3 bench/cluster-client.py sessions "$base" "$WORK" admin vanphong ubkt \
  bithu.cb01 bithu.cb02 bithu.cb03 bithu.cb04 dangvien.cb01 dangvien.cb02 dangvien.cb03 dangvien.cb04 dangvien.cb05
python3 bench/check-in-setup.py prepare "$base" "$WORK" kill > /dev/null
echo "three nodes, node 3 killed $KILL_AFTER s in:"
result=$(python3 bench/cluster-client.py burst "$base" "$WORK" kill "$CLIENTS" "$KILL_AFTER" "${pids[3]}" | grep RESULT)
echo "$result"
unset 'pids[3]'
check=$(python3 bench/check-in-setup.py verify "$base" "$WORK" kill)
echo "$check"

# The kill test: every member checked in once, nothing answered "checked in" lost, nobody signed out.
members=$(sed 's/.* members=\([0-9]*\).*/\1/' <<< "$result")
if grep -q "RECORDED check-ins=$members of $members members, duplicate rows=0" <<< "$check" \
  && grep -q "not recorded=0" <<< "$check" && grep -q "accepted-twice=0 " <<< "$result" && grep -q "refused-otherwise=0 " <<< "$result" \
  && grep -q "signed-out=0 " <<< "$result" && grep -q "killed=yes" <<< "$result" && ! grep -q "500×" <<< "$result"; then
  echo "KILL TEST PASSED: 0 check-ins lost, 0 duplicates, no user signed out"
else
  echo "KILL TEST FAILED" >&2
  exit 1
fi
if [ -n "${failed_bursts:-}" ]; then
  echo "BURSTS FAILED: check-ins answered with an error in: $failed_bursts" >&2
  exit 1
fi
