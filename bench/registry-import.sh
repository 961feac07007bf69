#!/usr/bin/env bash
# Registry import benchmark: a generated CSV of synthetic residents (area code 230899) imported from upload to
# committed, against row-by-row registration through the Registry API, on PostgreSQL at 127.0.0.1:5432 (user
# postgres). The database LINLI_BENCH_DB (default linli_bench_registry) is created afresh for every run (the first
# start loads the demo city).
# JAVA_OPTS may set -Dlinli.bench.residents=100000 -Dlinli.bench.row-by-row=2000. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${LINLI_BENCH_DB:-linli_bench_registry}
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB" -c "create database $DB"
./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx6g ${JAVA_OPTS:-} -Dlinli.registry.import.max-size=1GB -Dlinli.bench.database=$DB \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" cn.linli.bench.RegistryImportBenchmark
