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
rm -rf "$LOGS" && mkdir -p "$LOGS"
java -Xmx1g -cp "target/classes:$(cat target/bench.classpath)" cn.linli.LinliApplication \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
  --spring.datasource.password= --linli.demo.enabled=true --server.port=18081 \
  --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$LOGS" \
  --server.tomcat.accesslog.prefix=access --server.tomcat.accesslog.suffix=.log --server.tomcat.accesslog.rotate=false \
  --server.tomcat.accesslog.buffered=false "--server.tomcat.accesslog.pattern=%r %s %D" > "$LOGS/linli.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf http://127.0.0.1:18081/actuator/health > /dev/null; do
  if ! kill -0 $APP 2>/dev/null; then cat "$LOGS/linli.log"; exit 1; fi
  sleep 2
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java ${JAVA_OPTS:-} -Dlinli.bench.access-log="$LOGS/access.log" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" cn.linli.bench.KnowledgeSearchBenchmark
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep "Knowledge index built" "$LOGS/linli.log" | tail -2
