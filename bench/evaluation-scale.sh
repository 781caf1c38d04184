#!/usr/bin/env bash
# Evaluation dashboard at scale (issue: evaluation §6). Starts chibo twice on a fresh embedded PostgreSQL:
# first with the demo committee and BASE other committees, then with GROWN other committees (30× by
# default: 300 committees of 20 branches × 25 members = 150,000 members, 6,000 branches, five years of monthly
# meetings ≈ 9 million attendance rows and 10 million scored criteria), and each time measures one committee's
# dashboard (/evaluation for the demo committee's office) and the superior committee's overview of every
# committee (/evaluation/superior for the observer 'captren') with wrk. One committee's dashboard should not differ
# between the runs: every query is scoped by the committee and its branches and served by an index; the overview
# reads the monthly aggregates kept beside the scores (score_month, score_criterion_month).
#
#   bench/evaluation-scale.sh
#   BASE=10 GROWN=300 DURATION=20s bench/evaluation-scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=${BASE:-10}
GROWN=${GROWN:-300}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-2}
HEAP=${HEAP:-768m}
PORT=${PORT:-18082}
MEMBERS=0
BRANCHES=0
JAVA_OPTS=${JAVA_OPTS:-}
WORK=target/bench-evaluation

. bench/lib.sh
YEAR=$(( $(date +%Y) - 1 ))

run_wrk() {
  local label=$1 session=$2 url=$3
  curl -s -o /dev/null -H "Cookie: JSESSIONID=$session" "$url"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Cookie: JSESSIONID=$session" "$url" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: JSESSIONID=$session" "$url" > "$WORK/wrk.txt"
  printf '  %-26s %s req/s   p50 %s   p99 %s   %s\n' "$label" \
    "$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")" "$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt")" \
    "$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")" \
    "$(grep -E "Non-2xx|Socket errors" "$WORK/wrk.txt" | tr '\n' ' ' || true)"
}

measure() {
  local committees=$1
  start_chibo --chibo.demo.synthetic-committees="$committees"
  grep "Synthetic committees" "$WORK/app.log" | sed 's/.*Synthetic committees: /  /' | tr '\n' ' '; echo
  echo "$committees other committees:"
  run_wrk "one committee's dashboard" "$(login_session vanphong)" "$base/evaluation?year=$YEAR"
  # The superior committee's observer: every committee under it at once.
  run_wrk "superior committee overview" "$(login_session captren)" "$base/evaluation/superior?year=$YEAR"
  kill $app 2>/dev/null; wait $app 2>/dev/null || true
}

echo "One committee's dashboard (/evaluation?year=$YEAR, 8 branches) and the superior committee's overview of all"
echo "(/evaluation/superior?year=$YEAR), wrk $THREADS threads $CONNECTIONS connections, $(nproc) cores"
measure "$BASE"
measure "$GROWN"
