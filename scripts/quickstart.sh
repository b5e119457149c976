#!/usr/bin/env bash
# Quickstart: build Quire, start a local cluster (1 NameNode, 3 DataNodes, in one process), run an
# FsShell round trip on quire://, generate a sample bookstore archive into it, run every analysis
# job with the LocalJobRunner, write the HTML report, print a summary, stop the cluster.
#   --keep          leave the cluster running and print how to use it
#   --fs quire|file where the archive lives: quire:// (default, on the local cluster) or local
#                   files (file://, no cluster started)
#   --orders N      orders in the sample archive (default 200000, over a year)
set -euo pipefail
QUIRE_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEEP=0
FS=quire
ORDERS=200000
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) KEEP=1 ;;
    --fs) FS="${2:?--fs needs quire or file}"; shift ;;
    --orders) ORDERS="${2:?--orders needs a number}"; shift ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "quickstart: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
case "$FS" in quire|file) ;; *) echo "quickstart: --fs must be quire or file" >&2; exit 2 ;; esac

WORK="$QUIRE_HOME/target/quickstart"
rm -rf "$WORK"; mkdir -p "$WORK/conf"
cp "$QUIRE_HOME/conf/log4j.properties" "$WORK/conf/"
START=$(date +%s)

step() { printf '\n==> %s\n' "$*"; }
quire() { "$QUIRE_HOME/scripts/quire" "$@"; }

step "Building Quire (first run downloads dependencies)"
quire classpath >/dev/null
export QUIRE_SKIP_BUILD=1

CLUSTER_PID=""
cleanup() {
  if [ -n "$CLUSTER_PID" ] && [ "$KEEP" = 0 ] && kill -0 "$CLUSTER_PID" 2>/dev/null; then
    kill "$CLUSTER_PID"; wait "$CLUSTER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if [ "$FS" = quire ]; then
  step "Starting a local cluster: 1 NameNode, 3 DataNodes"
  # Run the script itself in the background (not through a shell function): it execs java, so
  # $! is the cluster's pid and the kill on exit stops it.
  "$QUIRE_HOME/scripts/quire" minicluster --datanodes 3 --base-dir "$WORK/cluster" \
      --conf-out "$WORK/conf/core-site.xml" >"$WORK/cluster.log" 2>&1 &
  CLUSTER_PID=$!
  for _ in $(seq 1 600); do
    [ -f "$WORK/conf/core-site.xml" ] && break
    kill -0 "$CLUSTER_PID" 2>/dev/null || { echo "cluster failed to start; see $WORK/cluster.log"; tail -20 "$WORK/cluster.log"; exit 1; }
    sleep 0.2
  done
  [ -f "$WORK/conf/core-site.xml" ] || { echo "cluster did not start in time; see $WORK/cluster.log"; exit 1; }
  grep -o 'quire://[^ ]*' "$WORK/cluster.log" | head -1
  export QUIRE_CONF_DIR="$WORK/conf"
  fs() { echo "\$ quire fs $*"; quire fs "$@"; }

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
  ARCHIVE=/bookstore
  OUT=/bookstore-reports
else
  export QUIRE_CONF_DIR="$WORK/conf"
  ARCHIVE="file://$WORK/bookstore"
  OUT="file://$WORK/bookstore-reports"
fi

step "Generating the sample archive: $ORDERS orders over a year into $ARCHIVE"
quire jobs generate --orders "$ORDERS" --days 365 --seed 42 --malformed-share 0.001 --out "$ARCHIVE"
[ "$FS" = quire ] && quire fs -du -s -h "$ARCHIVE/orders"

step "Running every job with the LocalJobRunner (output in $OUT)"
quire jobs all --in "$ARCHIVE" --out "$OUT" 2>"$WORK/jobs.log" \
  || { echo "a job failed; see $WORK/jobs.log"; tail -30 "$WORK/jobs.log"; exit 1; }

step "Writing the HTML report"
quire jobs report --in "$OUT" --archive "$ARCHIVE" --html "$WORK/report.html" 2>>"$WORK/jobs.log"
echo
echo "Report: file://$WORK/report.html  (opens offline; charts are embedded)"
echo "Done in $(( $(date +%s) - START )) s."

if [ "$FS" = quire ] && [ "$KEEP" = 1 ]; then
  step "Cluster left running (pid $CLUSTER_PID). Use it with:"
  echo "  QUIRE_CONF_DIR=$WORK/conf scripts/quire fs -ls -R $ARCHIVE | head"
  echo "  QUIRE_CONF_DIR=$WORK/conf scripts/quire jobs run best-sellers --in $ARCHIVE --out /tmp-out"
  echo "  kill $CLUSTER_PID    # to stop it"
  trap - EXIT
elif [ "$FS" = quire ]; then
  step "Stopping the cluster"
fi
