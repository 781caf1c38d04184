# Shared by the benchmarks that run chibo nodes on Debian's PostgreSQL server (bench/cluster.sh, bench/replica.sh).
# Source it after bench/lib.sh, with WORK, HEAP, DB_PORT and NODE_PORT set.

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pg_bin/postgres" ] || { echo "the PostgreSQL server is missing: apt-get install -y postgresql" >&2; exit 1; }

rm -rf "$WORK" && mkdir -p "$WORK/news-images"
WORK=$(cd "$WORK" && pwd)
# The servers run as the system user postgres when this runs as root (PostgreSQL refuses root), in a folder of
# their own.
pg=$(mktemp -d /tmp/chibo-nodes-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pg"
pids=()

# start_node N [arguments]: a chibo node from the jar on NODE_PORT+N-1 on the database chibo at DB_PORT (role
# chibo, password chibo); waits until it is ready.
start_node() {
  local n=$1; shift
  "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" ${JAVA_OPTS:-} -jar "$jar" --server.port=$((NODE_PORT + n - 1)) \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$DB_PORT/chibo" --spring.datasource.username=chibo \
    --spring.datasource.password=chibo --chibo.news.image-dir="$WORK/news-images" \
    --chibo.backup.dir="$WORK/backups-$n" --logging.level.root=WARN --logging.level.vn.chibo=INFO "$@" \
    > "$WORK/node-$n.log" 2>&1 &
  pids[$n]=$!
  for _ in $(seq 1 900); do
    curl -sf "http://127.0.0.1:$((NODE_PORT + n - 1))/actuator/health/readiness" > /dev/null && return 0
    kill -0 "${pids[$n]}" 2>/dev/null || { tail -50 "$WORK/node-$n.log"; exit 1; }
    sleep 1
  done
  echo "node $n did not start" >&2; exit 1
}
