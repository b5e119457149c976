#!/usr/bin/env bash
# Starts a Quire cluster as background daemons (sbin/start-cluster.sh in a distribution):
# ZooKeeper when an HA nameservice is configured (quire.nameservices) and zoo.cfg exists, the
# NameNodes, then the DataNodes of conf/workers. Formats nothing: run `bin/quire namenode
# -format` once first.
#
#   start-cluster.sh [--conf DIR]
#
# NameNodes: conf/namenodes when it exists (lines as conf/workers: HOST [quire options], e.g.
# `localhost --instance nn1 -D quire.namenode.id=nn1 -D quire.namenode.name.dir=/data/nn1`),
# else one NameNode on the host of quire.namenode.rpc-address. Pid files: QUIRE_PID_DIR
# (default /tmp); logs: QUIRE_LOG_DIR (default logs/). Daemons running already are left as
# they are. Exits 1 when any daemon did not start.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/cluster-functions.sh"
cluster_args "$@"

failed=0
# Starts one daemon unless it runs already (so the script can complete a partly started
# cluster, e.g. after an HA NameNode was bootstrapped by hand).
start() { # host, options, command
  if on_host "$1" --daemon status $2 "$3" >/dev/null 2>&1; then
    echo "start-cluster: $3${2:+ ($2)} on $1 runs already"
    return 0
  fi
  on_host "$1" --daemon start $2 "$3"
}
ns=$(quire_conf quire.nameservices) || exit 1
if [ -n "$ns" ] && [ -f "$QUIRE_CONF_DIR/zoo.cfg" ]; then
  start localhost "" zookeeper || failed=1
fi
while read -r host opts; do
  start "$host" "$opts" namenode || failed=1
done < <(namenode_lines)
while read -r host opts; do
  start "$host" "$opts" datanode || failed=1
done < <(worker_lines)
[ "$failed" = 0 ] || { echo "start-cluster: some daemons did not start (see above)" >&2; exit 1; }
