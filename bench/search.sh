#!/usr/bin/env bash
# Registry search under load: Linli on the full city's database (LINLI_BENCH_DB, default linli_bench_city; run
# bench/full-city.sh first) on port LINLI_BENCH_PORT (default 18093) with Tomcat's access log on, then 8 clients over loopback HTTP
# (cn.linli.bench.SearchBenchmark): names within 永安社区 as its staff, names and ID numbers across the city as the
# administrator; percentiles in the client and from the server's access log. JAVA_OPTS may set
# -Dlinli.bench.requests=4000 -Dlinli.bench.clients=8. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${LINLI_BENCH_DB:-linli_bench_city}
PORT=${LINLI_BENCH_PORT:-18093}
./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
LOGS=$(pwd)/target/search-bench
. bench/lib/server.sh
start_linli $DB $PORT "$LOGS" --linli.demo.registry=city
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java ${JAVA_OPTS:-} -Dlinli.bench.url=http://127.0.0.1:$PORT -Dlinli.bench.access-log="$LOGS/access.log" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" cn.linli.bench.SearchBenchmark
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
