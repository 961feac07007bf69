#!/usr/bin/env bash
# Locate benchmark (JMH): STRtree vs linear scan vs PostGIS, and the index rebuild time. See docs/performance.md.
# Needs PostgreSQL with PostGIS (apt-get install -y postgresql-15-postgis-3) at 127.0.0.1:5432, user postgres;
# the benchmark creates the database linli_bench if missing. Pass -Dlinli.bench.postgis=false to skip PostGIS.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v psql >/dev/null && ! psql -h 127.0.0.1 -U postgres -lqt | cut -d'|' -f1 | grep -qw linli_bench; then
  psql -h 127.0.0.1 -U postgres -q -c "create database linli_bench"
fi
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$@" org.openjdk.jmh.Main LocateBenchmark \
  -rf json -rff target/locate-benchmark.json
