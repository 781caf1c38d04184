#!/usr/bin/env bash
# Meeting-day check-in burst (issue: meetings §9). Loads a synthetic committee (default 9,000 members in
# 60 branches, each member with an account), schedules today's meetings of every branch through the API
# and has wrk send every member's check-in at once, members of all branches interleaved, on loopback.
# A first burst on a warm-up meeting of each branch warms the JIT and the authentication cache (members
# are signed in on their phones before they scan); the measured burst is on the regular meeting.
# Prints check-ins, refusals of repeats, failures, latency, and what the server recorded.
#
#   bench/check-in-burst.sh
#   MEMBERS=9000 BRANCHES=60 CONNECTIONS=32 bench/check-in-burst.sh
set -euo pipefail
cd "$(dirname "$0")/.."

MEMBERS=${MEMBERS:-9000}
BRANCHES=${BRANCHES:-60}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
BOUND=${BOUND:-20s}        # wrk's time bound for each burst; a burst ends as soon as all are answered
HEAP=${HEAP:-512m}
PORT=${PORT:-18081}
JAVA_OPTS=${JAVA_OPTS:-}
WORK=target/bench-check-in

. bench/lib.sh
start_chibo --chibo.demo.synthetic-accounts=true
python3 bench/check-in-setup.py prepare "$base" "$WORK"

burst() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$BOUND" --latency -s bench/check-in.lua \
    "$base/api/v1/meetings/check-in" -- "$WORK/$1.txt" "$THREADS" > "$WORK/$1-wrk.txt"
  grep RESULT "$WORK/$1-wrk.txt"
  # an answer other than "checked in" or "already checked in" (a 500, say) is a fault of chibo's
  grep -q " failures=0 " "$WORK/$1-wrk.txt" || failed_bursts="${failed_bursts:-}$1 "
}
echo "wrk: $THREADS threads, $CONNECTIONS connections, app heap $HEAP ${JAVA_OPTS:+($JAVA_OPTS) }, $(nproc) cores"
echo "warm-up burst:";  burst warmup
echo "measured burst:"; burst burst
python3 bench/check-in-setup.py verify "$base" "$WORK"
if [ -n "${failed_bursts:-}" ]; then
  echo "BURSTS FAILED: check-ins answered with an error in: $failed_bursts" >&2
  exit 1
fi
