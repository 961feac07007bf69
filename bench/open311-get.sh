#!/usr/bin/env bash
# Open311 GET requests with 1,000,000 cases: Linli on PostgreSQL (database linli_bench_cases1m, which bench/cases-1m.sh
# fills first) on port 18082 with Tomcat's access log on; cn.linli.bench.Open311ListBenchmark runs 4 clients over
# loopback HTTP, each answer holding 1,000 requests, in JSON and XML; percentiles in the client and from the server's
# access log. JAVA_OPTS may set -Dlinli.bench.clients=4 -Dlinli.bench.requests=2000. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=linli_bench_cases1m
if ! psql -h 127.0.0.1 -U postgres -lqt | cut -d'|' -f1 | grep -qw $DB; then
  echo "no database $DB: run bench/cases-1m.sh first" >&2
  exit 1
fi
./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
LOGS=$(pwd)/target/open311-bench
rm -rf "$LOGS" && mkdir -p "$LOGS"
# The SLA watch is off as in bench/cases-1m.sh: every copied open case lies up to a year back and is overdue.
java -Xmx2g -cp "target/classes:$(cat target/bench.classpath)" cn.linli.LinliApplication \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
  --spring.datasource.password= --linli.demo.enabled=true --server.port=18082 --linli.casework.sla.enabled=false \
  --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$LOGS" \
  --server.tomcat.accesslog.prefix=access --server.tomcat.accesslog.suffix=.log --server.tomcat.accesslog.rotate=false \
  --server.tomcat.accesslog.buffered=false "--server.tomcat.accesslog.pattern=%r %s %D" > "$LOGS/linli.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf http://127.0.0.1:18082/actuator/health > /dev/null; do
  if ! kill -0 $APP 2>/dev/null; then cat "$LOGS/linli.log"; exit 1; fi
  sleep 2
done
echo "cases: $(psql -h 127.0.0.1 -U postgres -d $DB -Atc 'select count(*) from casework_case')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java ${JAVA_OPTS:-} -Dlinli.bench.access-log="$LOGS/access.log" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" cn.linli.bench.Open311ListBenchmark
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
