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
# (default /tmp); logs: QUIRE_LOG_DIR (default logs/). Exits 1 when any daemon did not start.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/cluster-functions.sh"
cluster_args "$@"

failed=0
ns=$(quire_conf quire.nameservices) || exit 1
if [ -n "$ns" ] && [ -f "$QUIRE_CONF_DIR/zoo.cfg" ]; then
  on_host localhost --daemon start zookeeper || failed=1
fi
while read -r host opts; do
  on_host "$host" --daemon start $opts namenode || failed=1
done < <(namenode_lines)
while read -r host opts; do
  on_host "$host" --daemon start $opts datanode || failed=1
done < <(worker_lines)
[ "$failed" = 0 ] || { echo "start-cluster: some daemons did not start (see above)" >&2; exit 1; }
