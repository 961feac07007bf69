#!/usr/bin/env bash
# The full city's synthetic registry (about 800,000 households and 2.1 million residents over all 2,615 demo grids,
# ID numbers under the unassigned area code 230899, every row flagged synthetic), generated deterministically into
# a PostgreSQL database of its own: LINLI_BENCH_DB (default linli_bench_city) at 127.0.0.1:5432, user postgres,
# dropped and created afresh. Linli starts on it with linli.demo.registry=city, loads the demo city and then the
# registry through the import's bulk path (COPY), and stops once the registry is written; bench/search.sh then
# starts Linli on the filled database. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${LINLI_BENCH_DB:-linli_bench_city}
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB" -c "create database $DB"
./mvnw -o -q compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
LOG=target/full-city.log
: > "$LOG"
java -Xmx4g ${JAVA_OPTS:-} -cp "target/classes:$(cat target/bench.classpath)" cn.linli.LinliApplication \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
  --spring.datasource.password= --linli.demo.enabled=true --linli.demo.registry=city --server.port=0 > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until grep -q "Demo registry: .* buildings" "$LOG"; do
  if ! kill -0 $APP 2>/dev/null; then cat "$LOG"; echo "Linli stopped before the registry was written" >&2; exit 1; fi
  sleep 5
done
grep "Demo registry" "$LOG"
psql -h 127.0.0.1 -U postgres -d "$DB" -c "vacuum analyze" \
  -c "select (select count(*) from registry_household) households, (select count(*) from registry_resident) residents"
