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


echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per URL, app heap $HEAP ${JAVA_OPTS:+($JAVA_OPTS) }, $(nproc) cores"
run "member list page" "$base/members" -H "Cookie: JSESSIONID=$session"
run "search page" "$base/members?q=nguyen%20van" -H "Cookie: JSESSIONID=$session"
run "list API" "$base/api/v1/members?size=25" -H "Authorization: Basic $(printf 'vanphong:chibo-demo' | base64)"
