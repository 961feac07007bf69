#!/usr/bin/env bash
# Knowledge-base search under load: Linli on PostgreSQL (database linli_bench_knowledge, created if missing, demo
# city) on port 18081 with Tomcat's access log on; cn.linli.bench.KnowledgeSearchBenchmark fills the knowledge base
# to 10,000 entries and runs 8 clients over loopback HTTP against GET /api/knowledge/answers; percentiles in the
# client and from the server's access log. JAVA_OPTS may set -Dlinli.bench.entries=10000 -Dlinli.bench.clients=8
# -Dlinli.bench.requests=8000. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=linli_bench_knowledge
if ! psql -h 127.0.0.1 -U postgres -lqt | cut -d'|' -f1 | grep -qw $DB; then
  psql -h 127.0.0.1 -U postgres -q -c "create database $DB"
fi
./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
LOGS=$(pwd)/target/knowledge-bench
. bench/lib/server.sh
start_linli $DB 18081 "$LOGS"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java ${JAVA_OPTS:-} -Dlinli.bench.access-log="$LOGS/access.log" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" cn.linli.bench.KnowledgeSearchBenchmark
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep "Knowledge index built" "$LOGS/linli.log" | tail -2
