# Shared by start-cluster.sh and stop-cluster.sh (sourced, not run).
QUIRE_HOME="$(cd "$HERE/.." && pwd)"
# The launcher: bin/quire in a distribution, scripts/quire in a source checkout.
if [ -x "$QUIRE_HOME/bin/quire" ]; then QUIRE="$QUIRE_HOME/bin/quire"; else QUIRE="$QUIRE_HOME/scripts/quire"; fi
QUIRE_CONF_DIR="${QUIRE_CONF_DIR:-$QUIRE_HOME/conf}"

cluster_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --conf|--config) QUIRE_CONF_DIR="$2"; shift 2 ;;
      *) echo "$(basename "$0"): unknown argument '$1' (usage: $(basename "$0") [--conf DIR])" >&2; exit 2 ;;
    esac
  done
  if [ ! -d "$QUIRE_CONF_DIR" ]; then
    echo "$(basename "$0"): configuration directory $QUIRE_CONF_DIR does not exist (use --conf DIR or QUIRE_CONF_DIR)" >&2
    exit 2
  fi
  QUIRE_CONF_DIR="$(cd "$QUIRE_CONF_DIR" && pwd)"
  export QUIRE_CONF_DIR
}

# One value of the configuration, as the daemons read it.
quire_conf() {
  "$QUIRE" getconf "$1"
}

# `HOST options` lines of a hosts file, without comments and blank lines.
host_lines() {
  sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$1"
}

worker_lines() {
  [ -f "$QUIRE_CONF_DIR/workers" ] && host_lines "$QUIRE_CONF_DIR/workers"
  return 0
}

namenode_lines() {
  if [ -f "$QUIRE_CONF_DIR/namenodes" ]; then
    host_lines "$QUIRE_CONF_DIR/namenodes"
  else
    local addr
    addr=$(quire_conf quire.namenode.rpc-address) || return 1
    addr="${addr:-localhost:8720}"
    echo "${addr%:*}"
  fi
}

is_local() {
  case "$1" in
    localhost|127.0.0.1|0.0.0.0|"$(hostname)"|"$(hostname -f 2>/dev/null)") return 0 ;;
  esac
  return 1
}

# Runs the launcher with the given arguments here or, for another host, over ssh.
on_host() {
  local host="$1"; shift
  if is_local "$host"; then
    "$QUIRE" "$@" # QUIRE_CONF_DIR is exported
  else
    # shellcheck disable=SC2086
    ssh ${QUIRE_SSH_OPTS:-} "$host" "QUIRE_CONF_DIR='$QUIRE_CONF_DIR' $QUIRE $*" 2>&1 | sed "s/^/$host: /"
  fi
}
