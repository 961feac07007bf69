# Sourced by the ops/ test scripts: private PostgreSQL clusters with Debian's PostgreSQL 15 tools (run as user
# postgres, data under /tmp, own ports and socket directory; the machine's cluster on 5432 is never touched) and
# Linli started from the compiled classes.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

as_postgres() { runuser -u postgres -- "$@"; }

# psql_at PORT DATABASE SQL: one value or rows, unaligned, no headers
psql_at() { as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d "$2" -Atqc "$3"; }

# new_cluster DIR PORT: initdb, loopback only, streaming replication allowed from loopback
new_cluster() {
  local dir=$1 port=$2
  as_postgres "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$dir.initdb.log"
  cat >> "$dir/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$(dirname "$dir")'
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = off
CONF
  echo "host replication postgres 127.0.0.1/32 trust" >> "$dir/pg_hba.conf"
}

start_cluster() { as_postgres "$PG_BIN/pg_ctl" -D "$1" -l "$1.log" -w -t 60 start > /dev/null; }
stop_cluster() { [ -f "$1/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$1" -m fast -w stop > /dev/null 2>&1 || true; }

# build_linli DIR: compiles (offline like the tests; OPS_ONLINE=1 lets Maven download) and copies the classes and the
# runtime class path into DIR, so a rebuild in the working tree meanwhile does not change the running Linli.
build_linli() {
  ./mvnw -B -q $([ -n "${OPS_ONLINE:-}" ] || echo -o) compile dependency:build-classpath \
    -Dmdep.outputFile=target/ops.classpath -Dmdep.includeScope=runtime
  cp -r target/classes "$1/classes"
  cp target/ops.classpath "$1/ops.classpath"
  LINLI_CP="$1/classes:$(cat "$1/ops.classpath")"
}

# start_linli PORT LOG [application arguments ...]: sets LINLI_PID, waits until healthy (at most LINLI_START_SECONDS,
# default 480: a start with the demo city takes 1-2 minutes here, but over 4 on a machine loaded by other work)
start_linli() {
  local port=$1 log=$2
  shift 2
  java -Xmx1g -cp "$LINLI_CP" cn.linli.LinliApplication --server.port="$port" "$@" > "$log" 2>&1 &
  LINLI_PID=$!
  local deadline=$((SECONDS + ${LINLI_START_SECONDS:-480}))
  until curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null; do
    if ! kill -0 "$LINLI_PID" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
      echo "Linli did not start; the end of its log:"; tail -40 "$log"; return 1
    fi
    sleep 2
  done
}

# a Java process ends with status 143 on SIGTERM: that is the stop we asked for, not a failure
stop_linli() {
  if [ -n "${LINLI_PID:-}" ]; then
    kill "$LINLI_PID" 2>/dev/null || true
    wait "$LINLI_PID" 2>/dev/null || true
  fi
  LINLI_PID=
}

csrf_of() { sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1; }

# open311_key APP COOKIE_JAR: signs the demo administrator in (form login with its CSRF token) and prints a new
# Open311 API key issued at /open311/clients
open311_key() {
  local app=$1 jar=$2 token
  token=$(curl -sf -c "$jar" -b "$jar" "$app/login" | csrf_of)
  curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=admin" \
    --data-urlencode "password=linli-demo-2026" --data-urlencode "_csrf=$token" "$app/login"
  token=$(curl -sf -c "$jar" -b "$jar" "$app/open311/clients" | csrf_of)
  [ -n "$token" ] || { echo "could not sign in as admin" >&2; return 1; }
  curl -sf -c "$jar" -b "$jar" --data-urlencode "name=ops-test-$RANDOM" --data-urlencode "perMinute=100" \
    --data-urlencode "_csrf=$token" "$app/open311/clients" | sed -n 's/.*class="api-key"[^>]*>\([^<]*\)<.*/\1/p' | head -1
}

# file_report APP KEY DESCRIPTION [COOKIE_JAR]: files an Open311 rubbish report by address and prints its number
file_report() {
  local app=$1 key=$2 description=$3 jar=${4:-/dev/null} answer
  answer=$(curl -sf -c "$jar" -b "$jar" --data-urlencode "api_key=$key" --data-urlencode "service_code=SJ0102" \
    --data-urlencode "address_string=前进区永安社区3号楼" --data-urlencode "description=$description" \
    --data-urlencode "attribute[AMOUNT]=cart" --data-urlencode "attribute[KINDS][]=household" "$app/open311/v2/requests.json")
  echo "$answer" | sed -n 's/.*"service_request_id":"\([^"]*\)".*/\1/p'
}
