#!/usr/bin/env bash
# Read routing against a real streaming replica: a private primary (port 55432) and a hot standby made from it with
# pg_basebackup -R (port 55433), Linli started against both, then over HTTP:
#   1. an Open311 read is answered by the replica (Linli's replica pool counts it; the replica's server shows the
#      query under the pool's application name),
#   2. with the replica's replay paused (so it lags as far as we like), a client that has just written reads its own
#      write at once (the primary), while a client that did not write still sees the replica's older state,
#   3. after replay resumes the replica catches up.
# Everything is torn down at the end. About 3 minutes on a quiet machine (each Linli start is bounded by
# LINLI_START_SECONDS, ops/lib.sh). Run as root from the repository: ops/replica-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. ops/lib.sh

PRIMARY_PORT=${PRIMARY_PORT:-55432}
REPLICA_PORT=${REPLICA_PORT:-55433}
APP_PORT=${APP_PORT:-18095}
BASE=$(mktemp -d /tmp/linli-replica-test.XXXX)
chown postgres "$BASE"
APP="http://127.0.0.1:$APP_PORT"
ADMIN_JAR="$BASE/admin.cookies"
WRITER_JAR="$BASE/writer.cookies"

cleanup() {
  stop_linli || true
  stop_cluster "$BASE/replica"
  stop_cluster "$BASE/primary"
  rm -rf "$BASE"
}
trap cleanup EXIT
fail() { echo "FAILED: $*"; exit 1; }
step() { echo "== $(date -u +%H:%M:%S) $*"; }

step "build"
build_linli "$BASE"

step "primary on $PRIMARY_PORT"
new_cluster "$BASE/primary" "$PRIMARY_PORT"
start_cluster "$BASE/primary"
psql_at "$PRIMARY_PORT" postgres "create database linli"

step "replica on $REPLICA_PORT (pg_basebackup -R)"
as_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$BASE/replica" -R -X stream -c fast
# the replica logs every statement with the application name of its session, to show who it served
cat >> "$BASE/replica/postgresql.auto.conf" <<CONF
port = $REPLICA_PORT
log_min_duration_statement = 0
log_line_prefix = '%m [%a] '
CONF
start_cluster "$BASE/replica"
[ "$(psql_at "$REPLICA_PORT" postgres "select pg_is_in_recovery()")" = t ] || fail "the replica is not in recovery"
psql_at "$PRIMARY_PORT" postgres "select 'streaming to ' || application_name || ': ' || state from pg_stat_replication"

step "Linli (demo city) against primary and replica"
start_linli "$APP_PORT" "$BASE/linli.log" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/linli?ApplicationName=linli-primary" \
  --spring.datasource.username=postgres --spring.datasource.password= \
  --linli.datasource.replica.url="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/linli?ApplicationName=linli-replica" \
  --linli.demo.enabled=true
grep -m1 "Demo city loaded" "$BASE/linli.log" || true

key=$(open311_key "$APP" "$ADMIN_JAR")
[ -n "$key" ] || fail "no Open311 key issued"
echo "Open311 key issued"

replica_uses() {
  curl -sf -b "$ADMIN_JAR" "$APP/actuator/metrics/hikaricp.connections.usage?tag=pool:linli-replica" \
    | sed -n 's/.*"statistic":"COUNT","value":\([0-9.]*\).*/\1/p' | cut -d. -f1
}

step "1. an Open311 read is answered by the replica"
before=$(replica_uses)
for i in 1 2 3; do curl -sf -o /dev/null "$APP/open311/v2/requests.json?status=open"; done
after=$(replica_uses)
echo "replica pool connections used: $before before, $after after three GET requests.json"
[ "$after" -gt "$before" ] || fail "the replica pool answered no read"
echo "sessions on the replica server: $(psql_at "$REPLICA_PORT" linli "select string_agg(application_name || ' x' || n, ', ') from (select application_name, count(*) n from pg_stat_activity where datname = 'linli' group by 1) s")"
# a statement's later lines carry no prefix: look a few lines past each of the replica pool's
served=$(grep -A30 '\[linli-replica\]' "$BASE/replica.log" | grep -c 'casework_case' || true)
echo "lines naming casework_case in statements the replica server logged for linli-replica sessions: $served, e.g.:"
grep -A30 '\[linli-replica\]' "$BASE/replica.log" | grep -m1 'casework_case' | sed 's/^[[:space:]]*//' | cut -c1-160
[ "$served" -gt 0 ] || fail "the replica server logged no case query from the replica pool"
[ "$(psql_at "$PRIMARY_PORT" linli "select count(*) from pg_stat_activity where application_name = 'linli-replica'")" = 0 ] \
  || fail "the replica pool is connected to the primary"

step "2. read-your-own-writes while the replica lags (replay paused)"
psql_at "$REPLICA_PORT" postgres "select pg_wal_replay_pause()" > /dev/null
number=$(file_report "$APP" "$key" "楼下垃圾桶满了(replica test)" "$WRITER_JAR")
[ -n "$number" ] || fail "the Open311 request was not filed"
echo "filed $number; the writer holds the cookie: $(grep -c LINLI_RECENT_WRITE "$WRITER_JAR")"
own=$(curl -s -o /dev/null -w '%{http_code}' -b "$WRITER_JAR" "$APP/open311/v2/requests/$number.json")
other=$(curl -s -o /dev/null -w '%{http_code}' "$APP/open311/v2/requests/$number.json")
echo "GET requests/$number.json: the writer $own (primary), another client $other (the paused replica)"
[ "$own" = 200 ] || fail "the writer does not see its own write"
[ "$other" = 404 ] || fail "another client was not served by the lagging replica"

step "3. replay resumes and the replica catches up"
psql_at "$REPLICA_PORT" postgres "select pg_wal_replay_resume()" > /dev/null
for i in $(seq 1 30); do
  other=$(curl -s -o /dev/null -w '%{http_code}' "$APP/open311/v2/requests/$number.json")
  [ "$other" = 200 ] && break
  sleep 1
done
echo "another client after the replica caught up: $other"
[ "$other" = 200 ] || fail "the replica did not catch up"
lag=$(psql_at "$PRIMARY_PORT" postgres "select coalesce(replay_lag::text, '0') from pg_stat_replication")
echo "replay lag now: $lag"

step "PASSED; tearing down"
