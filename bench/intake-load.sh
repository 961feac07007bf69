#!/usr/bin/env bash
# HTTP intake load test: Linli on PostgreSQL (database linli_bench_case, created afresh, demo city) on port 18083 with
# Tomcat's access log on; cn.linli.bench.IntakeLoadBenchmark, in a JVM of its own, signs in as 永安社区's window and
# sends POST /api/casework/cases open loop at a fixed rate over loopback. Latency is measured from each request's
# scheduled send time; the server's own times come from the access log. See docs/performance.md.
# JAVA_OPTS (the generator's) may set -Dlinli.bench.rate=500 -Dlinli.bench.seconds=60 -Dlinli.bench.warmup=30
# -Dlinli.bench.warmup-rate=250 (the warm-up's rate; the measured rate by default);
# LINLI_OPTS adds arguments to Linli's command line.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=linli_bench_case
PORT=18083
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB" -c "create database $DB"
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
LOGS=$(pwd)/target/intake-bench
. bench/lib/server.sh
start_linli $DB $PORT "$LOGS" ${LINLI_OPTS:-}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g ${JAVA_OPTS:-} -Dlinli.bench.base=http://127.0.0.1:$PORT -Dlinli.bench.db=jdbc:postgresql://127.0.0.1:5432/$DB \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" cn.linli.bench.IntakeLoadBenchmark
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# Server-side times of the measured intakes (the access log's %D, microseconds): the last rate*seconds POSTs.
RATE=$(echo "${JAVA_OPTS:-}" | { grep -o 'linli.bench.rate=[0-9]*' || true; } | cut -d= -f2); RATE=${RATE:-500}
SECS=$(echo "${JAVA_OPTS:-}" | { grep -o 'linli.bench.seconds=[0-9]*' || true; } | cut -d= -f2); SECS=${SECS:-60}
grep '^POST /api/casework/cases ' "$LOGS/access.log" | tail -n $((RATE * SECS)) | awk '{print $NF}' | sort -n | awk '
  { v[NR] = $1 } END { if (NR == 0) exit; printf "server-side (access log) over %d intakes: p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms\n",
    NR, v[int(NR*0.5)]/1000, v[int(NR*0.99)]/1000, v[int(NR*0.999)]/1000, v[NR]/1000 }'
