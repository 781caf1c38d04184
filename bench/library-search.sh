#!/usr/bin/env bash
# Library search benchmark (issue: study, training and recognition §7). Loads a synthetic library (default
# 20,000 documents, each with a DOCX of generated Vietnamese text, through the library's own service) into a
# fresh embedded PostgreSQL, starts chibo with a fixed heap, and runs wrk on loopback against the library
# search API with words typed without diacritics: a phrase, a rare pair, a number, and the search page.
# Prints req/s, p50 and p99 for each. Target: p99 <= 100 ms at 8 connections on 2 cores.
#
#   bench/library-search.sh                    # defaults
#   DOCUMENTS=5000 DURATION=30s bench/library-search.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DOCUMENTS=${DOCUMENTS:-20000}
MEMBERS=${MEMBERS:-0}
BRANCHES=${BRANCHES:-0}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
HEAP=${HEAP:-512m}
PORT=${PORT:-18081}
JAVA_OPTS=${JAVA_OPTS:-}
WORK=target/bench-library

. bench/lib.sh
start_chibo --chibo.demo.synthetic-documents="$DOCUMENTS"
auth="Authorization: Basic $(printf 'vanphong:chibo-demo' | base64)"
total=$(curl -s -H "$auth" "$base/api/v1/library?q=" | grep -o '"total":[0-9]*' | cut -d: -f2)
echo "Documents visible to vanphong: $total"

run() {
  local name=$1 url=$2; shift 2
  curl -s -o /dev/null "$@" "$url"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --latency "$@" "$url" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" > "$WORK/$name.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/$name.txt")
  errors=$(grep -E "Non-2xx|Socket errors" "$WORK/$name.txt" | tr '\n' ' ' || true)
  printf '%-28s %10s req/s   p50 %8s   p99 %8s   %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0 errors}"
}

echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per URL, app heap $HEAP, $(nproc) cores"
run "phrase (api)" "$base/api/v1/library?q=chuyen%20doi%20so" -H "$auth"
run "two words, in force (api)" "$base/api/v1/library?q=guong%20mau%20ngan%20sach&inForce=true" -H "$auth"
run "number (api)" "$base/api/v1/library?q=1234-Q%C4%90%2FTW" -H "$auth"
run "common word (api)" "$base/api/v1/library?q=dang%20vien" -H "$auth"
session=$(login_session vanphong)
run "search page" "$base/library?q=dang%20vien" -H "Cookie: JSESSIONID=$session"
