#!/usr/bin/env bash
# The mixed load of a busy day (issue: production, §7): cn.linli.bench.MixedLoadBenchmark, in a JVM of its own, sends
# intake, dispatch, accept, result, verification, board refreshes, Open311 reads and registry searches over loopback
# through a private nginx (ops/nginx/linli.conf, port 18090) in front of Linli on PostgreSQL — first one instance,
# then two (ports 18091, 18092), each with a 1 GiB heap, in one run — and reads each instance's heap every 10 s.
# LINLI_BENCH_DB names the database (default linli_bench_cases1m, which bench/cases-1m.sh fills with a million
# cases; it is used as it is, not recreated). JAVA_OPTS (the generator's) may set -Dlinli.bench.seconds=600
# -Dlinli.bench.warmup=60 -Dlinli.bench.rates=intake=8,board=4,open311=4,search=4. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${LINLI_BENCH_DB:-linli_bench_cases1m}
if ! psql -h 127.0.0.1 -U postgres -lqt | cut -d'|' -f1 | grep -qw "$DB"; then
  echo "no database $DB: run bench/cases-1m.sh first, or name another with LINLI_BENCH_DB" >&2
  exit 1
fi
command -v nginx > /dev/null || { echo "nginx is missing: apt-get install -y nginx" >&2; exit 1; }
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
WORK=$(pwd)/target/mixed-bench
rm -rf "$WORK" && mkdir -p "$WORK/nginx"
. bench/lib/server.sh
export LINLI_HEAP=1g
# As in bench/cases-1m.sh, the SLA watch is off: the copied open cases lie up to a year back and are all overdue.
APP_ARGS="--linli.casework.sla.enabled=false"

# A private nginx with the shipped site configuration; only the upstream servers and the listen line change.
nginx_for() {
  local servers=""
  for port in "$@"; do servers="$servers    server 127.0.0.1:$port max_fails=1 fail_timeout=10s;\n"; done
  sed -e '/^\s*server 10\.0\.0\.[0-9]*:8080.*$/d' -e "s/^\(\s*keepalive 32;\)/$servers\1/" \
      -e 's/^\(\s*\)listen 80;/\1listen 127.0.0.1:18090;/' ops/nginx/linli.conf > "$WORK/nginx/linli.conf"
  cat > "$WORK/nginx/nginx.conf" <<CONF
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
worker_processes 1;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  include $WORK/nginx/linli.conf;
}
CONF
  [ -f "$WORK/nginx/nginx.pid" ] && nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop && sleep 1
  nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
}
# start_linli sets its own exit trap (stop the instances); this one is set again after each start to stop nginx too
cleanup() {
  kill ${LINLI_PIDS[*]} 2>/dev/null || true
  [ -f "$WORK/nginx/nginx.pid" ] && nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop || true
}

generate() {
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx1g ${JAVA_OPTS:-} -Dlinli.bench.base=http://127.0.0.1:18090 -Dlinli.bench.instances="$1" \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" cn.linli.bench.MixedLoadBenchmark
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "cases: $(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc 'select count(*) from casework_case'), residents: $(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc 'select count(*) from registry_resident')"
start_linli "$DB" 18091 "$WORK/one" $APP_ARGS
trap cleanup EXIT
nginx_for 18091
echo "== one instance"
generate http://127.0.0.1:18091
start_linli "$DB" 18092 "$WORK/two" $APP_ARGS
trap cleanup EXIT
nginx_for 18091 18092
echo "== two instances"
generate http://127.0.0.1:18091,http://127.0.0.1:18092
