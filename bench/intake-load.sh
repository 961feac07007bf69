#!/usr/bin/env bash
# HTTP intake load test: Linli on PostgreSQL (database linli_bench_case, created afresh) takes cases through the staff
# intake API (POST /api/casework/cases) from an open-loop load generator on loopback, signed in as 永安社区's window.
# Latency is measured from each request's scheduled send time. See docs/performance.md.
# JAVA_OPTS may set -Dlinli.bench.rate=500 -Dlinli.bench.seconds=60 -Dlinli.bench.warmup=15.
set -euo pipefail
cd "$(dirname "$0")/.."
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists linli_bench_case" -c "create database linli_bench_case"
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx2g ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" cn.linli.bench.IntakeLoadBenchmark
