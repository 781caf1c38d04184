#!/usr/bin/env bash
# The committee's pages measured again on the database bench/national.sh left (target/bench-national), by a chibo
# started afresh on it: the national run measures in the JVM that spent the load writing the other committees, and
# the list API lost most there (docs/scale.md; README "One committee at national scale"). Prints the same lines as
# bench/national.sh's measures, to be read against its "alone" figures.
#
#   bench/national.sh; bench/national-again.sh
#   WORK=/elsewhere/bench-national bench/national-again.sh   # a national database kept in another folder
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=10000 BRANCHES=50 HEAP=512m PORT=18085 WORK=${WORK:-target/bench-national}
DURATION=20s WARMUP=15s CONNECTIONS=8 THREADS=2
. bench/lib.sh
[ -d "$WORK/postgres" ] || { echo "no national database in $WORK: run bench/national.sh first" >&2; exit 1; }
start_on "$jar" "$WORK/app2.log" --chibo.demo.enabled=true
session=$(login_session vanphong)
basic="Authorization: Basic $(printf 'vanphong:chibo-demo' | base64)"
for page in "${NATIONAL_PAGES[@]}"; do
  name=${page%%|*} path=${page#*|}
  header="Cookie: JSESSIONID=$session"
  [[ $path == /api/* ]] && header=$basic
  run "$name" "$base$path" -H "$header"
done
