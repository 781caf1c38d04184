#!/usr/bin/env bash
# Member list benchmark (issue: foundation §9). Loads a synthetic committee (default 10,000 members in 50
# branches) into a fresh embedded PostgreSQL, starts chibo with a fixed heap, and runs wrk on loopback
# against the member list page, the search page and the list API. Prints req/s, p50 and p99 for each.
#
#   bench/member-list.sh                       # defaults
#   MEMBERS=20000 BRANCHES=80 DURATION=30s bench/member-list.sh
set -euo pipefail
cd "$(dirname "$0")/.."

MEMBERS=${MEMBERS:-10000}
BRANCHES=${BRANCHES:-50}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
HEAP=${HEAP:-512m}
PORT=${PORT:-18080}
JAVA_OPTS=${JAVA_OPTS:-}
WORK=target/bench

. bench/lib.sh
start_chibo
session=$(login_session vanphong)
total=$(curl -s -u vanphong:chibo-demo "$base/api/v1/members?size=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
echo "Members visible to vanphong: $total"

run() {
  local name=$1 url=$2; shift 2
  curl -s -o /dev/null -w '' "$@" "$url"   # warm the path
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --latency "$@" "$url" > /dev/null   # let the JIT compile the path
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" > "$WORK/$name.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/$name.txt")
  errors=$(grep -E "Non-2xx|Socket errors" "$WORK/$name.txt" | tr '\n' ' ' || true)
  printf '%-22s %10s req/s   p50 %8s   p99 %8s   %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0 errors}"
}

echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per URL, app heap $HEAP ${JAVA_OPTS:+($JAVA_OPTS) }, $(nproc) cores"
run "member list page" "$base/members" -H "Cookie: JSESSIONID=$session"
run "search page" "$base/members?q=nguyen%20van" -H "Cookie: JSESSIONID=$session"
run "list API" "$base/api/v1/members?size=25" -H "Authorization: Basic $(printf 'vanphong:chibo-demo' | base64)"
