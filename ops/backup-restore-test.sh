#!/usr/bin/env bash
# Backup and restore, tested: Linli runs with the demo city and files a few cases (audit and case history written),
# is stopped, and then
#   PostgreSQL: pg_dump -Fc of its database (a private cluster on port 55434) is restored with pg_restore into a
#               fresh database; the row count of every table must be equal;
#   H2:         the embedded database file is backed up the two documented ways with Linli stopped (the Script tool's
#               SQL dump, and a copy of the file), each restored into a new file; every table's count must be equal;
# and finally Linli starts on the restored PostgreSQL database, serves a case filed before the backup and answers
# /actuator/prometheus (monitoring).
# About 5 minutes on a quiet machine (each Linli start bounded by LINLI_START_SECONDS, ops/lib.sh). Run as root
# from the repository: ops/backup-restore-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. ops/lib.sh

PG_PORT=${PG_PORT:-55434}
APP_PORT=${APP_PORT:-18096}
APP="http://127.0.0.1:$APP_PORT"
BASE=$(mktemp -d /tmp/linli-backup-test.XXXX)
chown postgres "$BASE"
H2_OPTIONS="MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"

cleanup() {
  stop_linli || true
  stop_cluster "$BASE/pg"
  rm -rf "$BASE"
}
trap cleanup EXIT
fail() { echo "FAILED: $*"; exit 1; }
step() { echo "== $(date -u +%H:%M:%S) $*"; }
counts() { java -cp "$LINLI_CP" ops/TableCounts.java "$@"; }

# compare NAME SOURCE_COUNTS RESTORED_COUNTS: equal lists, and the audit and case history not empty
compare() {
  local name=$1 source=$2 restored=$3 differences
  differences="$BASE/$(echo "$name" | tr -c 'A-Za-z0-9' '_').diff"
  diff "$source" "$restored" > "$differences" || { cat "$differences"; fail "$name: counts differ"; }
  echo "$name: $(wc -l < "$source") tables, $(awk '{s += $2} END {print s}' "$source") rows, equal after restore;" \
    "$(grep -E '^(access_audit|casework_case|casework_case_history|flyway_schema_history) ' "$source" | tr '\n' ' ')"
  grep -q '^access_audit [1-9]' "$source" && grep -q '^casework_case_history [1-9]' "$source" \
    || fail "$name: the audit log or the case history is empty, nothing was tested"
}

# run_demo DATASOURCE_ARGS...: starts Linli, files three cases through Open311 (NUMBER: the last), stops it
run_demo() {
  start_linli "$APP_PORT" "$BASE/linli.log" --linli.demo.enabled=true "$@"
  local key
  key=$(open311_key "$APP" "$BASE/admin.cookies")
  [ -n "$key" ] || fail "no Open311 key issued"
  for i in 1 2 3; do NUMBER=$(file_report "$APP" "$key" "备份测试 $i：楼下垃圾桶满了"); done
  [ -n "$NUMBER" ] || fail "no case filed"
  stop_linli
}

step "build"
build_linli "$BASE"

step "PostgreSQL: a private cluster on $PG_PORT, Linli with the demo city and three cases"
new_cluster "$BASE/pg" "$PG_PORT"
start_cluster "$BASE/pg"
psql_at "$PG_PORT" postgres "create database linli"
PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT"
run_demo --spring.datasource.url="$PG_URL/linli" --spring.datasource.username=postgres --spring.datasource.password=
number=$NUMBER
echo "last case filed: $number"

step "pg_dump -Fc, pg_restore into a fresh database"
as_postgres "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$PG_PORT" -U postgres -Fc -f "$BASE/linli.dump" linli
echo "dump: $(du -h "$BASE/linli.dump" | cut -f1)"
psql_at "$PG_PORT" postgres "create database linli_restored"
as_postgres "$PG_BIN/pg_restore" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d linli_restored --no-owner --exit-on-error "$BASE/linli.dump"
counts "$PG_URL/linli" postgres > "$BASE/pg-source.counts"
counts "$PG_URL/linli_restored" postgres > "$BASE/pg-restored.counts"
compare PostgreSQL "$BASE/pg-source.counts" "$BASE/pg-restored.counts"

step "H2: Linli on an embedded database file with the demo city and three cases"
mkdir -p "$BASE/h2"
H2="jdbc:h2:file:$BASE/h2"
run_demo --spring.datasource.url="$H2/linli;$H2_OPTIONS" --spring.datasource.username=sa --spring.datasource.password=
H2_JAR=$(tr ':' '\n' < "$BASE/ops.classpath" | grep '/h2-[0-9.]*\.jar$')

step "H2 backup 1: the Script tool (SQL, gzip) with Linli stopped, restored with RunScript"
# the URL must carry Linli's settings (DATABASE_TO_LOWER above all), else H2 cannot open the file
java -cp "$H2_JAR" org.h2.tools.Script -url "$H2/linli;$H2_OPTIONS" -user sa -script "$BASE/linli-h2.sql.gz" -options compression gzip
echo "script: $(du -h "$BASE/linli-h2.sql.gz" | cut -f1)"
java -cp "$H2_JAR" org.h2.tools.RunScript -url "$H2/restored-script;$H2_OPTIONS" -user sa -script "$BASE/linli-h2.sql.gz" -options compression gzip
counts "$H2/linli;$H2_OPTIONS" sa > "$BASE/h2-source.counts"
counts "$H2/restored-script;$H2_OPTIONS" sa > "$BASE/h2-script.counts"
compare "H2 (Script/RunScript)" "$BASE/h2-source.counts" "$BASE/h2-script.counts"

step "H2 backup 2: a copy of the database file with Linli stopped"
cp "$BASE/h2/linli.mv.db" "$BASE/h2/restored-copy.mv.db"
counts "$H2/restored-copy;$H2_OPTIONS" sa > "$BASE/h2-copy.counts"
compare "H2 (file copy)" "$BASE/h2-source.counts" "$BASE/h2-copy.counts"

step "Linli on the restored PostgreSQL database serves a case filed before the backup"
start_linli "$APP_PORT" "$BASE/linli-restored.log" --linli.demo.enabled=true \
  --spring.datasource.url="$PG_URL/linli_restored" --spring.datasource.username=postgres --spring.datasource.password=
status=$(curl -s -o /dev/null -w '%{http_code}' "$APP/open311/v2/requests/$number.json")
echo "GET requests/$number.json on the restored database: $status"
[ "$status" = 200 ] || fail "the restored database does not serve case $number"
open311_key "$APP" "$BASE/restored-admin.cookies" > /dev/null
curl -sf -b "$BASE/restored-admin.cookies" "$APP/actuator/prometheus" > "$BASE/metrics.txt" || fail "no /actuator/prometheus"
echo "monitoring: /actuator/prometheus (signed in as admin) gives $(grep -vc '^#' "$BASE/metrics.txt") samples, e.g.:"
grep -E '^(hikaricp_connections_active|jvm_memory_used_bytes\{area="heap",id="G1 Old Gen"|http_server_requests_seconds_count\{.*uri="/open311)' "$BASE/metrics.txt" | head -4
stop_linli

step "PASSED; tearing down"
