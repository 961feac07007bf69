#!/usr/bin/env bash
# 1,000,000 cases: the dispatch board and the indicator page on PostgreSQL (database linli_bench_cases1m). The first
# run creates the database and writes the cases (100 lives through the domain service, copied by the bulk path that
# CaseCopiesIT checks, folded by the indicator rollup); later runs reuse them. FRESH=1 starts over.
# JAVA_OPTS may set -Dlinli.bench.cases=1000000 -Dlinli.bench.samples=200. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${FRESH:-0}" = 1 ]; then
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists linli_bench_cases1m"
fi
psql -h 127.0.0.1 -U postgres -Atq -c "select 1 from pg_database where datname = 'linli_bench_cases1m'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -q -c "create database linli_bench_cases1m"
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx3g ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" cn.linli.bench.MillionCasesBenchmark
