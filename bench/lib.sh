# Shared by the benchmarks: Java, the jar, and starting chibo on a fresh embedded PostgreSQL with a
# synthetic committee. Source it after setting MEMBERS, BRANCHES, HEAP, PORT, WORK (and JAVA_OPTS).

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

jar=$(ls target/chibo-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  mvn -B -q -DskipTests package
  jar=$(ls target/chibo-*.jar | grep -v original | head -1)
fi
# Run a copy: a build during the benchmark rewrites target/*.jar under the running JVM.
bench_jar=$(mktemp -d)/chibo.jar
cp "$jar" "$bench_jar"
jar=$bench_jar

# start_chibo [extra arguments]: loads the synthetic committee and waits until chibo is ready (READY_WAIT seconds
# at most, 900 by default).
start_chibo() {
  rm -rf "$WORK" && mkdir -p "$WORK"
  echo "Loading $MEMBERS synthetic members in $BRANCHES branches (heap $HEAP)…"
  "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" ${JAVA_OPTS:-} -jar "$jar" --server.port="$PORT" \
    --chibo.embedded-db.data-dir="$WORK/postgres" --chibo.news.image-dir="$WORK/news-images" --chibo.demo.enabled=true \
    --chibo.demo.synthetic-members="$MEMBERS" --chibo.demo.synthetic-branches="$BRANCHES" \
    --logging.level.root=WARN --logging.level.vn.chibo=INFO "$@" > "$WORK/app.log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true' EXIT
  for _ in $(seq 1 "${READY_WAIT:-900}"); do
    grep -q "chibo is ready" "$WORK/app.log" && break
    kill -0 $app 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 1
  done
  grep -q "chibo is ready" "$WORK/app.log" || { echo "chibo did not start" >&2; exit 1; }
  base="http://127.0.0.1:$PORT"
}

# start_on JAR LOG [extra arguments]: starts the jar on the database a benchmark left in WORK and waits until
# chibo is ready (READY_WAIT seconds at most, 600 by default); sets app and base, and stops it when the script
# ends.
start_on() {
  local to_run=$1 log=$2
  shift 2
  "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" ${JAVA_OPTS:-} -jar "$to_run" --server.port="$PORT" \
    --chibo.embedded-db.data-dir="$WORK/postgres" --chibo.news.image-dir="$WORK/news-images" \
    --logging.level.root=WARN --logging.level.vn.chibo=INFO "$@" > "$log" 2>&1 &
  app=$!
  trap '[ -n "${app:-}" ] && { kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; }' EXIT
  for _ in $(seq 1 "${READY_WAIT:-600}"); do
    grep -q "chibo is ready" "$log" && break
    kill -0 $app 2>/dev/null || { tail -30 "$log"; exit 1; }
    sleep 1
  done
  grep -q "chibo is ready" "$log" || { echo "chibo did not start" >&2; exit 1; }
  base="http://127.0.0.1:$PORT"
}

# login_session USER: logs in through the form (as a browser does) and prints the session id for pages.
login_session() {
  local cookies="$WORK/cookies-$1" token
  rm -f "$cookies"
  token=$(curl -s -c "$cookies" -b "$cookies" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "username=$1" \
    --data-urlencode "password=chibo-demo" --data-urlencode "_csrf=$token" "$base/login"
  awk '$6 == "JSESSIONID" {print $7}' "$cookies"
}

# run NAME URL [curl/wrk options]: warms the URL (WARMUP), measures it (DURATION) with wrk on THREADS threads and
# CONNECTIONS connections, and prints req/s, p50, p99, the answer's size and the errors.
run() {
  local name=$1 url=$2; shift 2
  local size
  size=$(curl -s -o /dev/null -w '%{size_download}' "$@" "$url")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --latency "$@" "$url" > /dev/null   # let the JIT compile the path
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" > "$WORK/$name.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/$name.txt")
  errors=$(grep -E "Non-2xx|Socket errors" "$WORK/$name.txt" | tr '\n' ' ' || true)
  printf '%-28s %10s req/s   p50 %8s   p99 %8s   %6s KB   %s\n' "$name" "$rps" "$p50" "$p99" "$((size / 1024))" \
    "${errors:-0 errors}"
}

# The committee's pages bench/national.sh and bench/national-again.sh measure, as "name|path": the search both by a
# whole name and by a short one, which gives the text index no three letters to look up (docs/scale.md,
# "Searching one committee").
NATIONAL_PAGES=("start page|/" "member list|/members" "member search|/members?q=nguyen%20van"
  "member search, 2 letters|/members?q=an" "meetings page|/meetings" "evaluation dashboard|/evaluation?year=$(date +%Y)"
  "member list API|/api/v1/members?size=25")
