#!/usr/bin/env bash
# Stops what start-cluster.sh started, in reverse order: the DataNodes of conf/workers, the
# NameNodes, then ZooKeeper when this host runs one (bin/quire --daemon stop: SIGTERM, then
# SIGKILL after QUIRE_STOP_TIMEOUT seconds).
#
#   stop-cluster.sh [--conf DIR]
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/cluster-functions.sh"
cluster_args "$@"

while read -r host opts; do
  on_host "$host" --daemon stop $opts datanode
done < <(worker_lines)
while read -r host opts; do
  on_host "$host" --daemon stop $opts namenode
done < <(namenode_lines)
if on_host localhost --daemon status zookeeper >/dev/null; then
  on_host localhost --daemon stop zookeeper
fi
exit 0
