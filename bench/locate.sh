#!/usr/bin/env bash
# Locate benchmark (JMH): STRtree vs linear scan vs PostGIS, and the index rebuild time. See docs/performance.md.
# Needs PostgreSQL with PostGIS (apt-get install -y postgresql-15-postgis-3) at 127.0.0.1:5432, user postgres;
# the script creates the database linli_bench if missing. JAVA_OPTS=-Dlinli.bench.postgis=false skips PostGIS.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v psql >/dev/null && ! psql -h 127.0.0.1 -U postgres -lqt | cut -d'|' -f1 | grep -qw linli_bench; then
  psql -h 127.0.0.1 -U postgres -q -c "create database linli_bench"
fi
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
# Extra JMH options may follow, e.g. bench/locate.sh -wi 1 -i 2; JVM options for the forks go in JAVA_OPTS.
java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main LocateBenchmark \
  -rf json -rff target/locate-benchmark.json "$@"
