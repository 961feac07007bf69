#!/usr/bin/env bash
# 1,000,000 cases: the dispatch board and the indicator page on PostgreSQL (database linli_bench_cases1m). The first
# run creates the database and writes the cases (100 lives through the domain service, copied by the bulk path that
# CaseCopiesIT checks, folded by the indicator rollup); later runs reuse them. FRESH=1 starts over.
# JAVA_OPTS may set -Dlinli.bench.cases=1000000 -Dlinli.bench.samples=200. LINLI_BENCH_DB names another database
# (e.g. the full city's from bench/full-city.sh, for the full-size mixed load). See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${LINLI_BENCH_DB:-linli_bench_cases1m}
if [ "${FRESH:-0}" = 1 ]; then
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB"
fi
psql -h 127.0.0.1 -U postgres -Atq -c "select 1 from pg_database where datname = '$DB'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -q -c "create database $DB"
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx3g ${JAVA_OPTS:-} -Dlinli.bench.db="$DB" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" cn.linli.bench.MillionCasesBenchmark
