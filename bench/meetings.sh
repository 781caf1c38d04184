#!/usr/bin/env bash
# Meetings page benchmark (docs/architecture.md, "Fast pages"). Loads a synthetic committee (default 10,000
# members in 50 generated branches beside the demo's 8, each generated branch with monthly meetings over
# MEETING_MONTHS months and a thematic one a quarter, their attendance drawn) into a fresh embedded PostgreSQL,
# starts chibo with a fixed heap, and runs wrk on loopback against the meetings page as the office sees it
# (the year grid, the list, the warnings), the list of past meetings and the page of one branch.
# Prints req/s, p50, p99 and the page's size for each.
#
#   bench/meetings.sh                               # defaults
#   CONNECTIONS=8 DURATION=30s bench/meetings.sh
set -euo pipefail
cd "$(dirname "$0")/.."

MEMBERS=${MEMBERS:-10000}
BRANCHES=${BRANCHES:-50}
MEETING_MONTHS=${MEETING_MONTHS:-30}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
HEAP=${HEAP:-512m}
PORT=${PORT:-18081}
JAVA_OPTS=${JAVA_OPTS:-}
WORK=target/bench-meetings

. bench/lib.sh
start_chibo --chibo.demo.synthetic-meeting-months="$MEETING_MONTHS"
session=$(login_session vanphong)
meetings=$(grep -o "Synthetic meetings: [0-9]*" "$WORK/app.log" | grep -o "[0-9]*$" || echo "?")
echo "Generated meetings: $meetings (beside the demo's own)"


branch=$(curl -s -H "Cookie: JSESSIONID=$session" "$base/meetings" | grep -o 'branchId=[0-9]*' | head -1 | cut -d= -f2)
echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per URL, app heap $HEAP ${JAVA_OPTS:+($JAVA_OPTS) }, $(nproc) cores"
run "meetings page" "$base/meetings" -H "Cookie: JSESSIONID=$session"
run "past meetings" "$base/meetings?past=true" -H "Cookie: JSESSIONID=$session"
run "one branch" "$base/meetings?branchId=$branch" -H "Cookie: JSESSIONID=$session"
