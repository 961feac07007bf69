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
. bench/lib/server.sh
# The SLA watch is off as in bench/cases-1m.sh: every copied open case lies up to a year back and is overdue.
start_linli $DB 18082 "$LOGS" --linli.casework.sla.enabled=false
echo "cases: $(psql -h 127.0.0.1 -U postgres -d $DB -Atc 'select count(*) from casework_case')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java ${JAVA_OPTS:-} -Dlinli.bench.access-log="$LOGS/access.log" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" cn.linli.bench.Open311ListBenchmark
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
