#!/usr/bin/env bash
# Quickstart: build Quire, start a local cluster (1 NameNode, 3 DataNodes, in one process),
# run an FsShell round trip on quire://, print what happened, stop the cluster.
#   --keep   leave the cluster running and print how to use it
set -euo pipefail
QUIRE_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEEP=0
[ "${1:-}" = "--keep" ] && KEEP=1

WORK="$QUIRE_HOME/target/quickstart"
rm -rf "$WORK"; mkdir -p "$WORK/conf"
cp "$QUIRE_HOME/conf/log4j.properties" "$WORK/conf/"

step() { printf '\n==> %s\n' "$*"; }

step "Building Quire (first run downloads dependencies)"
"$QUIRE_HOME/scripts/quire" classpath >/dev/null

step "Starting a local cluster: 1 NameNode, 3 DataNodes"
"$QUIRE_HOME/scripts/quire" minicluster --datanodes 3 --base-dir "$WORK/cluster" \
    --conf-out "$WORK/conf/core-site.xml" >"$WORK/cluster.log" 2>&1 &
CLUSTER_PID=$!
cleanup() { if [ "$KEEP" = 0 ] && kill -0 "$CLUSTER_PID" 2>/dev/null; then kill "$CLUSTER_PID"; wait "$CLUSTER_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT
for _ in $(seq 1 600); do
  [ -f "$WORK/conf/core-site.xml" ] && break
  kill -0 "$CLUSTER_PID" 2>/dev/null || { echo "cluster failed to start; see $WORK/cluster.log"; tail -20 "$WORK/cluster.log"; exit 1; }
  sleep 0.2
done
[ -f "$WORK/conf/core-site.xml" ] || { echo "cluster did not start in time; see $WORK/cluster.log"; exit 1; }
grep -o 'quire://[^ ]*' "$WORK/cluster.log" | head -1

export QUIRE_CONF_DIR="$WORK/conf" QUIRE_SKIP_BUILD=1
fs() { echo "\$ quire fs $*"; "$QUIRE_HOME/scripts/quire" fs "$@"; }

step "FsShell round trip on quire://"
head -c 3000000 /dev/urandom > "$WORK/sample.bin"
fs -mkdir -p /demo/in
fs -put "$WORK/sample.bin" /demo/in/sample.bin
fs -ls -R /demo
fs -checksum /demo/in/sample.bin
fs -cp /demo/in/sample.bin /demo/copy.bin
fs -get /demo/copy.bin "$WORK/copy.bin"
cmp "$WORK/sample.bin" "$WORK/copy.bin" && echo "round trip: 3,000,000 bytes identical"
fs -du -h /demo
fs -df -h /

if [ "$KEEP" = 1 ]; then
  step "Cluster left running (pid $CLUSTER_PID). Use it with:"
  echo "  QUIRE_CONF_DIR=$WORK/conf scripts/quire fs -ls /"
  echo "  kill $CLUSTER_PID    # to stop it"
  trap - EXIT
else
  step "Stopping the cluster"
fi
