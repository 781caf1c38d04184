#!/usr/bin/env bash
# One committee at national scale (issue: fast pages §4; docs/scale.md). Starts chibo twice on a fresh embedded
# PostgreSQL, each time with the demo committee grown to MEMBERS members (10,000 in 58 branches, MEETING_MONTHS
# months of meetings with their attendance) and measures that committee's pages as its office sees them:
#   1. the committee alone (beside the demo's few neighbours): the figures at 10,000 members;
#   2. the same beside COMMITTEES other committees (2,000 × 20 branches × 25 members: 1,000,000 members,
#      40,000 branches, five years of monthly meetings — 2.4 million meetings, 60 million attendance lines,
#      67 million scored criteria — written set-based in SQL, in batches of 50 committees).
# Prints each page's req/s, p50 and p99 in both and the ratio national / alone; the target is ≥ 0.80 for every
# page (every query names the committee: its indexes lead with the committee key). Exits 1 when a page misses it.
# The national load takes about an hour and some 40 GB on the 2-core machine; COMMITTEES=200 tries the script,
# COMMITTEES=0 measures the committee alone and stops.
#
#   bench/national.sh
#   COMMITTEES=200 DURATION=10s bench/national.sh
#   COMMITTEES=0 bench/national.sh   # the figures at 10,000 members only
#   SETTLE=0 bench/national.sh       # measure straight after the load, without vacuum and checkpoint
set -euo pipefail
cd "$(dirname "$0")/.."

MEMBERS=${MEMBERS:-10000}
BRANCHES=${BRANCHES:-50}
MEETING_MONTHS=${MEETING_MONTHS:-30}
COMMITTEES=${COMMITTEES:-2000}
COMMITTEE_BRANCHES=${COMMITTEE_BRANCHES:-20}
BRANCH_MEMBERS=${BRANCH_MEMBERS:-25}
MONTHS=${MONTHS:-60}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
HEAP=${HEAP:-512m}
PORT=${PORT:-18085}
JAVA_OPTS=${JAVA_OPTS:-}
READY_WAIT=${READY_WAIT:-10800}
SETTLE=${SETTLE:-1}
WORK=target/bench-national

. bench/lib.sh

# measure LABEL: the committee's pages for its office, each with wrk; the figures kept in target/national-LABEL.txt.
measure() {
  local label=$1 session basic out
  session=$(login_session vanphong)
  basic="Authorization: Basic $(printf 'vanphong:chibo-demo' | base64)"
  out="target/national-$label.txt"
  : > "$out"
  for page in "${NATIONAL_PAGES[@]}"; do
    local name=${page%%|*} path=${page#*|} header
    header="Cookie: JSESSIONID=$session"
    [[ $path == /api/* ]] && header=$basic
    run "$name" "$base$path" -H "$header" | tee -a "$out"
  done
}

# sql QUERY [superuser]: runs a query on the embedded database as chibo's role (or as its superuser), unaligned.
sql() {
  local password user=chibo
  password=$(sed -n 's/^app.password=//p' "$WORK/postgres.credentials")
  if [ "${2:-}" = superuser ]; then
    user=postgres password=$(sed -n 's/^superuser.password=//p' "$WORK/postgres.credentials")
  fi
  PGPASSWORD=$password psql -h localhost -p "$(sed -n 's/.*-p \([0-9]*\).*/\1/p' <(ps -eo args | grep "[p]ostgres -D .*$WORK/postgres") | head -1)" \
    -U "$user" -d chibo -At -F ' ' -c "$1"
}

# settle: what a database in service has and one loaded minutes ago lacks — its tables vacuumed and analysed and
# the load's writes checkpointed — so that autovacuum and the checkpoint after a bulk load do not run inside the
# measure. Both runs settle alike; SETTLE=0 measures straight after the load, as the first runs did.
settle() {
  [ "$SETTLE" = 1 ] || return 0
  local began
  began=$(date +%s)
  sql "vacuum (analyze)" superuser > /dev/null
  sql "checkpoint" superuser > /dev/null
  echo "  vacuumed, analysed and checkpointed in $(( $(date +%s) - began )) s"
}

# wait_scored: waits until the scoring sweep (a minute after the start, then every ten) has scored the committee's
# generated meetings — held, without a score, under a rubric in force — so that both runs measure the same
# dashboard; at most WAIT_SCORED seconds (default 15 minutes).
wait_scored() {
  local left waited=0
  while :; do
    left=$(sql "select count(*) from meeting g join committee c on c.id = g.committee_id where c.code = 'HQHT'
      and g.status = 'HELD' and not exists (select from meeting_score s where s.committee_id = g.committee_id
        and s.meeting_id = g.id)
      and exists (select from rubric r where r.committee_id = g.committee_id and g.kind = any(r.applies_to)
        and r.valid_from <= g.scheduled_on and (r.valid_to is null or r.valid_to >= g.scheduled_on))")
    if [ "$left" = 0 ]; then
      echo "  the committee's held meetings are scored (waited ${waited} s)"
      return
    fi
    if [ "$waited" -ge "${WAIT_SCORED:-900}" ]; then
      echo "  $left held meetings still without a score after $waited s: the dashboards differ" >&2
      return
    fi
    sleep 10; waited=$((waited + 10))
  done
}

# sizes: what the database holds, as counted by PostgreSQL itself.
sizes() {
  sql "select (select count(*) from committee), (select count(*) from organization
      where level = 'BRANCH'), (select count(*) from member), (select count(*) from meeting),
      (select reltuples::bigint from pg_class where relname = 'meeting_attendance'),
      pg_size_pretty(pg_database_size('chibo'))" |
    awk '{printf "  committees %s, branches %s, members %s, meetings %s, attendance lines ~%s, database %s %s\n", $1, $2, $3, $4, $5, $6, $7}'
}

echo "Committee's pages for its office (vanphong), wrk $THREADS threads $CONNECTIONS connections, $DURATION per URL, heap $HEAP, $(nproc) cores"
echo "1. the committee alone ($MEMBERS generated members, $MEETING_MONTHS months of their meetings)"
start_chibo --chibo.demo.synthetic-meeting-months="$MEETING_MONTHS"
sizes
wait_scored
settle
measure alone
kill $app 2>/dev/null; wait $app 2>/dev/null || true
[ "$COMMITTEES" = 0 ] && exit 0

echo "2. beside $COMMITTEES committees of $COMMITTEE_BRANCHES branches × $BRANCH_MEMBERS members, $MONTHS months of meetings"
loading=$(date +%s)
start_chibo --chibo.demo.synthetic-meeting-months="$MEETING_MONTHS" --chibo.demo.synthetic-committees="$COMMITTEES" \
  --chibo.demo.synthetic-committee-branches="$COMMITTEE_BRANCHES" --chibo.demo.synthetic-branch-members="$BRANCH_MEMBERS" \
  --chibo.demo.synthetic-months="$MONTHS"
echo "  loaded in $(( ($(date +%s) - loading) / 60 )) minutes"
sizes
wait_scored
settle
measure national
kill $app 2>/dev/null; wait $app 2>/dev/null || true

echo "Ratio national / alone (req/s; target ≥ 0.80):"
# The lines of run: the page's name in the first 28 columns, then its req/s before the word "req/s".
awk 'function rps(line,  f, i, n) { n = split(line, f, " "); for (i = 2; i <= n; i++) if (f[i] == "req/s") return f[i - 1] }
  function name(line,  s) { s = substr(line, 1, 28); sub(/ +$/, "", s); return s }
  FNR == NR { alone[name($0)] = rps($0); next }
  { n = name($0); r = rps($0) / alone[n]; ok = (r >= 0.80) ? "ok" : "MISSED"; if (ok != "ok") failed = 1
    printf "  %-22s %10s → %10s req/s   %.2f  %s\n", n, alone[n], rps($0), r, ok }
  END { exit failed }' target/national-alone.txt target/national-national.txt
