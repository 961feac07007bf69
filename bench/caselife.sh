#!/usr/bin/env bash
# Case-life benchmark: Linli's application services vs the same flow on the plain Flowable engine, 1 and 4 client
# threads, on PostgreSQL at 127.0.0.1:5432 (user postgres). See docs/performance.md. Both databases,
# linli_bench_case and linli_bench_flowable, are created afresh for every run, so neither side runs on the history
# of earlier runs (the first start loads the demo city into the first).
# JAVA_OPTS may set -Dlinli.bench.cases=2000 -Dlinli.bench.rounds=3.
set -euo pipefail
cd "$(dirname "$0")/.."
for db in linli_bench_case linli_bench_flowable; do
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db" -c "create database $db"
done
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx2g ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" cn.linli.bench.CaseLifeBenchmark
