#!/usr/bin/env bash
# Start to first page, and the memory chibo holds after its start, at the heap the README documents. The first start
# on a fresh embedded PostgreSQL loads the demo committee and is not counted; then chibo is started RUNS times on that
# data, each time measuring the seconds from launching the JVM to the first page answered (GET /login) and the
# resident memory of the JVM (RSS) once it answers. With AOT=1 the jar is extracted, a training run writes JDK 25's
# AOT cache, and the measured starts use both. With SPRING_AOT=1 every start (the training run's too) uses the
# configuration Spring processed ahead of time at package (-Dspring.aot.enabled=true; docs/operations.md, "A faster
# start").
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP=${HEAP:-512m}
PORT=${PORT:-18090}
WORK=${WORK:-/tmp/chibo-bench-startup}
RUNS=${RUNS:-3}
MEMBERS=0
BRANCHES=50
source bench/lib.sh
[ "${SPRING_AOT:-0}" = 1 ] && JAVA_OPTS="${JAVA_OPTS:-} -Dspring.aot.enabled=true"

start_chibo
kill $app; wait $app 2>/dev/null || true
trap - EXIT

aot_opts=()
if [ "${AOT:-0}" = 1 ]; then
  # The AOT cache serves classes read from plain jars: the application runs extracted.
  rm -rf "$WORK/app"
  "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$WORK/app" > /dev/null
  jar=$(ls "$WORK"/app/*.jar | head -1)
  echo "Training run for the AOT cache…"
  "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" ${JAVA_OPTS:-} -XX:AOTCacheOutput="$WORK/chibo.aot" -jar "$jar" --server.port="$PORT" \
    --chibo.embedded-db.data-dir="$WORK/postgres" --chibo.news.image-dir="$WORK/news-images" \
    --logging.level.root=WARN > "$WORK/train.log" 2>&1 &
  app=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/login"; do sleep 0.2; done
  curl -s -o /dev/null "http://127.0.0.1:$PORT/"
  kill $app; wait $app 2>/dev/null || true
  aot_opts=(-XX:AOTCache="$WORK/chibo.aot")
fi

for run in $(seq 1 "$RUNS"); do
  started=$(date +%s.%N)
  "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" ${JAVA_OPTS:-} "${aot_opts[@]}" -jar "$jar" --server.port="$PORT" \
    --chibo.embedded-db.data-dir="$WORK/postgres" --chibo.news.image-dir="$WORK/news-images" \
    --logging.level.root=WARN > "$WORK/run-$run.log" 2>&1 &
  app=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/login"; do
    kill -0 $app 2>/dev/null || { cat "$WORK/run-$run.log"; exit 1; }
    sleep 0.05
  done
  answered=$(date +%s.%N)
  sleep 2
  rss=$(ps -o rss= -p $app)
  printf 'start %d: first page after %.1f s, resident memory %d MB (heap %s%s)\n' "$run" \
    "$(echo "$answered - $started" | bc)" $((rss / 1024)) "$HEAP" "${AOT:+, AOT cache}${SPRING_AOT:+, Spring AOT}"
  kill $app; wait $app 2>/dev/null || true
done
