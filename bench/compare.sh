#!/usr/bin/env bash
# Two builds of chibo measured in turns on the same database: one start of each a round, ROUNDS rounds, each page
# warmed (WARMUP) then measured (DURATION) in every start. On a 2-core machine one build measured in two starts
# differs by up to a third (README, "Benchmarks"), so a change is judged by the medians and the ranges of the
# rounds, not by one run of each. Uses a database a benchmark left (bench/national.sh's by default) and measures
# as the office (`vanphong`).
#
#   bench/compare.sh /tmp/before.jar target/chibo-0.1.0-SNAPSHOT.jar / /meetings
#   ROUNDS=5 WORK=target/bench-members bench/compare.sh A.jar B.jar /members
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: bench/compare.sh BEFORE.jar AFTER.jar [path…]" >&2; exit 2; }
jars=("$1" "$2"); shift 2
paths=("$@"); [ ${#paths[@]} -gt 0 ] || paths=(/ /meetings /members)
MEMBERS=0 BRANCHES=0 HEAP=${HEAP:-512m} PORT=${PORT:-18085} WORK=${WORK:-target/bench-national}
DURATION=${DURATION:-20s} WARMUP=${WARMUP:-60s} CONNECTIONS=${CONNECTIONS:-16} THREADS=2 ROUNDS=${ROUNDS:-3}
. bench/lib.sh
[ -d "$WORK/postgres" ] || { echo "no database in $WORK: run bench/national.sh (or another benchmark) first" >&2; exit 1; }
results="$WORK/compare.tsv"
: > "$results"
for round in $(seq 1 "$ROUNDS"); do
  for which in 0 1; do
    start_on "${jars[$which]}" "$WORK/compare-app.log" --chibo.scheduling.enabled=false
    session=$(login_session vanphong)
    for path in "${paths[@]}"; do
      name="round $round, $([ $which = 0 ] && echo before || echo after) $path"
      line=$(run "compare" "$base$path" -H "Cookie: JSESSIONID=$session")
      echo "$name: $(echo "${line#compare}" | sed 's/^ *//')"
      rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/compare.txt")
      p99=$(awk '$1 == "99%" {print $2}' "$WORK/compare.txt")
      printf '%s\t%s\t%s\t%s\n' "$which" "$path" "$rps" "$p99" >> "$results"
    done
    kill $app; wait $app 2>/dev/null || true; app=
  done
done
# Medians and ranges of req/s a page and build, and the ratio of the medians.
python3 - "$results" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
for path in dict.fromkeys(r[1] for r in rows):
    got = {w: [float(r[2]) for r in rows if r[0] == w and r[1] == path] for w in ("0", "1")}
    med = {w: statistics.median(v) for w, v in got.items()}
    print(f"{path:<32} before {med['0']:8.1f} req/s ({min(got['0']):.0f}–{max(got['0']):.0f})"
          f"   after {med['1']:8.1f} req/s ({min(got['1']):.0f}–{max(got['1']):.0f})   after/before {med['1'] / med['0']:.2f}")
PY
