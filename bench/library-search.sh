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


echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per URL, app heap $HEAP, $(nproc) cores"
run "phrase (api)" "$base/api/v1/library?q=chuyen%20doi%20so" -H "$auth"
run "two words, in force (api)" "$base/api/v1/library?q=guong%20mau%20ngan%20sach&inForce=true" -H "$auth"
run "number (api)" "$base/api/v1/library?q=1234-Q%C4%90%2FTW" -H "$auth"
run "common word (api)" "$base/api/v1/library?q=dang%20vien" -H "$auth"
session=$(login_session vanphong)
run "search page" "$base/library?q=dang%20vien" -H "Cookie: JSESSIONID=$session"
