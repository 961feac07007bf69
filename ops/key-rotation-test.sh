#!/usr/bin/env bash
# The key-rotation command end to end on an embedded H2 file with the demo city: three runs of
# --linli.protection.re-encrypt=true, first with key 1 (the demo key) current (nothing to do), then with a new key 2
# current (the demo registry is re-encrypted), then again (nothing left). Each run prints its counts and exits 0.
# About 5 minutes on a quiet machine. Run from the repository: ops/key-rotation-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. ops/lib.sh

BASE=$(mktemp -d /tmp/linli-rotation-test.XXXX)
trap 'rm -rf "$BASE"' EXIT
build_linli "$BASE"
URL="jdbc:h2:file:$BASE/db/linli;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
K1=0oOjNMNfBHaj4h7SEY2K8KM2lr5P/rdOuiChnGbVvVA=   # the public demo key (ProtectionConfiguration.DEMO_KEY)
K2=$(openssl rand -base64 32)
for current in 1 2 2; do
  echo "== $(date -u +%H:%M:%S) re-encrypt with current version $current"
  status=0
  java -Xmx1g -cp "$LINLI_CP" cn.linli.LinliApplication --server.port=0 \
    --linli.protection.re-encrypt=true --spring.datasource.url="$URL" --linli.demo.enabled=true \
    --linli.protection.keys.1="$K1" --linli.protection.keys.2="$K2" --linli.protection.current-version=$current \
    > "$BASE/run-$current.log" 2>&1 || status=$?
  echo "exit status $status"
  grep '^re-encrypted' "$BASE/run-$current.log" || { tail -30 "$BASE/run-$current.log"; exit 1; }
done
