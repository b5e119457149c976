#!/usr/bin/env bash
# End-to-end check of the command line: `scripts/quire minicluster` in the background, then
# `scripts/quire fs` commands against it (each in its own JVM, as a user runs them), outputs
# compared with what is expected. Needs a prior `mvn install` (scripts/test.sh does it).
set -euo pipefail
QUIRE_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$QUIRE_HOME/target/cli-test"
rm -rf "$WORK"; mkdir -p "$WORK/conf"
cp "$QUIRE_HOME/conf/log4j.properties" "$WORK/conf/"
"$QUIRE_HOME/scripts/quire" minicluster --datanodes 3 --base-dir "$WORK/cluster" \
    --conf-out "$WORK/conf/core-site.xml" >"$WORK/cluster.log" 2>&1 &
PID=$!
# The trap runs under set -e: a pid already stopped must not turn a passing run into exit 1.
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  [ -f "$WORK/conf/core-site.xml" ] && break
  kill -0 $PID 2>/dev/null || { echo "cli-test: minicluster died"; cat "$WORK/cluster.log"; exit 1; }
  sleep 0.2
done
[ -f "$WORK/conf/core-site.xml" ] || { echo "cli-test: minicluster not up after 120 s"; cat "$WORK/cluster.log"; exit 1; }
export QUIRE_CONF_DIR="$WORK/conf" QUIRE_SKIP_BUILD=1
q() { "$QUIRE_HOME/scripts/quire" fs "$@" 2>>"$WORK/fs.err"; }
fail=0; pass=0
expect() { # description, expected, actual
  if [ "$2" = "$3" ]; then pass=$((pass+1)); else fail=$((fail+1)); printf 'FAIL %s\n expected: %s\n actual:   %s\n' "$1" "$2" "$3"; fi
}
printf 'line one\nline two\n' > "$WORK/a.txt"
q -mkdir -p /cli/x
q -put "$WORK/a.txt" /cli/x/a.txt
expect "-cat" "$(cat "$WORK/a.txt")" "$(q -cat /cli/x/a.txt)"
expect "-ls -R names" "/cli/x
/cli/x/a.txt" "$(q -ls -R /cli | awk '{print $NF}')"
expect "-stat" "a.txt 18 3 regular file" "$(q -stat '%n %b %r %F' /cli/x/a.txt)"
q -mv /cli/x/a.txt /cli/b.txt
expect "-test -e after mv" "1" "$(q -test -e /cli/x/a.txt; echo $?)"
expect "-count" "2 1 18 /cli" "$(q -count /cli | awk '{print $1, $2, $3, $4}')"
adm() { "$QUIRE_HOME/scripts/quire" admin "$@" 2>>"$WORK/admin.err"; }
report=$(adm report)
expect "admin report lists 3 live DataNodes" "1" "$(printf '%s\n' "$report" | grep -c 'DataNodes: 3 total, 3 live')"
fsck_rc=0; fsck=$(adm fsck /cli) || fsck_rc=$?
expect "admin fsck exit code" "0" "$fsck_rc"
expect "admin fsck verdict" "1" "$(printf '%s\n' "$fsck" | grep -c "under path '/cli' is HEALTHY")"
expect "admin safemode get" "Safe mode is OFF" "$(adm safemode get)"
# Generic options before the admin command (scripts/quire -D, admin -fs) and after it, as
# hdfs dfsadmin: a conf dir naming a NameNode that does not exist, corrected by the option.
uri=$(sed -n 's#.*<name>fs.defaultFS</name><value>\([^<]*\)</value>.*#\1#p' "$WORK/conf/core-site.xml")
mkdir -p "$WORK/wrong-conf"
cp "$WORK/conf/log4j.properties" "$WORK/wrong-conf/"
sed "s#<value>$uri</value>#<value>quire://localhost:1/</value>#" "$WORK/conf/core-site.xml" \
    > "$WORK/wrong-conf/core-site.xml"
wrong() { QUIRE_CONF_DIR="$WORK/wrong-conf" "$QUIRE_HOME/scripts/quire" "$@" 2>>"$WORK/admin.err"; }
expect "quire -D fs.defaultFS=... admin" "Safe mode is OFF" \
    "$(wrong -D "fs.defaultFS=$uri" admin safemode get)"
expect "quire admin -fs URI safemode get" "Safe mode is OFF" "$(wrong admin -fs "$uri" safemode get)"
expect "quire admin safemode -fs URI get" "Safe mode is OFF" "$(wrong admin safemode -fs "$uri" get)"
q -rm -r /cli >/dev/null
expect "-test -d after rm" "1" "$(q -test -d /cli; echo $?)"
kill $PID; wait $PID 2>/dev/null || true

# HA: two NameNodes on an embedded ZooKeeper, quire://minins/, `admin ha` in its own JVM.
mkdir -p "$WORK/ha-conf"
cp "$QUIRE_HOME/conf/log4j.properties" "$WORK/ha-conf/"
"$QUIRE_HOME/scripts/quire" minicluster --namenodes 2 --datanodes 3 --base-dir "$WORK/ha" \
    --conf-out "$WORK/ha-conf/core-site.xml" >"$WORK/ha.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do
  [ -f "$WORK/ha-conf/core-site.xml" ] && break
  kill -0 $PID 2>/dev/null || { echo "cli-test: HA minicluster died"; cat "$WORK/ha.log"; exit 1; }
  sleep 0.2
done
[ -f "$WORK/ha-conf/core-site.xml" ] || { echo "cli-test: HA minicluster not up after 120 s"; cat "$WORK/ha.log"; exit 1; }
export QUIRE_CONF_DIR="$WORK/ha-conf"
q -put "$WORK/a.txt" /ha.txt
state=$(adm ha state)
expect "admin ha state: one active" "1" "$(printf '%s\n' "$state" | grep -c ' ACTIVE ')"
expect "admin ha state: one standby" "1" "$(printf '%s\n' "$state" | grep -c ' STANDBY ')"
failover_rc=0; failover=$(adm ha failover) || failover_rc=$?
expect "admin ha failover exit code" "0" "$failover_rc"
expect "admin ha failover message" "1" "$(printf '%s\n' "$failover" | grep -c '^Failover from nn[01] to nn[01] in [0-9]* ms$')"
expect "-cat after a failover" "$(cat "$WORK/a.txt")" "$(q -cat /ha.txt)"
bad_rc=0; adm ha transition nn0 >/dev/null 2>&1 || bad_rc=$?
expect "admin ha with bad arguments exits 2" "2" "$bad_rc"
kill $PID; wait $PID 2>/dev/null || true

# YARN: minicluster --yarn writes yarn-site.xml and mapred-site.xml before core-site.xml, the
# containers' classpath (yarn.application.classpath) holds the Quire FileSystem, and the
# ResourceManager and JobHistory server accept connections. A job takes 15-25 s on it:
# QuireYarnJobsTest submits them (README, "Using it", has the command).
mkdir -p "$WORK/yarn-conf"
cp "$QUIRE_HOME/conf/log4j.properties" "$WORK/yarn-conf/"
QUIRE_CONF_DIR="$QUIRE_HOME/conf" \
  "$QUIRE_HOME/scripts/quire" minicluster --yarn --datanodes 1 --base-dir "$WORK/yarn" \
    --conf-out "$WORK/yarn-conf/core-site.xml" >"$WORK/yarn.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do
  [ -f "$WORK/yarn-conf/core-site.xml" ] && break
  kill -0 $PID 2>/dev/null || { echo "cli-test: YARN minicluster died"; cat "$WORK/yarn.log"; exit 1; }
  sleep 0.2
done
[ -f "$WORK/yarn-conf/core-site.xml" ] || { echo "cli-test: YARN minicluster not up after 120 s"; cat "$WORK/yarn.log"; exit 1; }
site_value() { # file, key: the value of a key in a site file written by Configuration.writeXml
  sed -n "s#.*<name>$2</name><value>\([^<]*\)</value>.*#\1#p" "$1"
}
listens() { # host:port -> 1 when it accepts a TCP connection
  if (exec 3<>"/dev/tcp/${1%:*}/${1##*:}") 2>/dev/null; then echo 1; else echo 0; fi
}
rm_addr=$(site_value "$WORK/yarn-conf/yarn-site.xml" yarn.resourcemanager.address)
jhs_addr=$(site_value "$WORK/yarn-conf/mapred-site.xml" mapreduce.jobhistory.address)
expect "minicluster --yarn: ResourceManager ($rm_addr) listens" "1" "$(listens "$rm_addr")"
expect "minicluster --yarn: JobHistory server ($jhs_addr) listens" "1" "$(listens "$jhs_addr")"
fs_jars=$(site_value "$WORK/yarn-conf/yarn-site.xml" yarn.application.classpath | tr ',' '\n' \
  | grep -c '/quire-fs-plugin-[^/]*\.jar$' || true)
expect "minicluster --yarn: container classpath holds the Quire FileSystem" "1" \
    "$([ "${fs_jars:-0}" -ge 1 ] && echo 1 || echo 0)"
kill $PID; wait $PID 2>/dev/null || true
rc=0; QUIRE_CONF_DIR="$QUIRE_HOME/conf" "$QUIRE_HOME/scripts/quire" minicluster --yarn \
    --namenodes 2 --base-dir "$WORK/yarn-ha" >/dev/null 2>&1 || rc=$?
expect "minicluster --yarn --namenodes 2 is refused (exit 2)" "2" "$rc"

# A standalone ZooKeeper from the zoo.cfg in the conf directory.
mkdir -p "$WORK/zk-conf"
cp "$QUIRE_HOME/conf/log4j.properties" "$WORK/zk-conf/"
ZK_PORT=$((20000 + RANDOM % 10000))
sed -e "s#^dataDir=.*#dataDir=$WORK/zk-data#" -e "s#^clientPort=.*#clientPort=$ZK_PORT#" \
    "$QUIRE_HOME/conf/zoo.cfg" > "$WORK/zk-conf/zoo.cfg"
QUIRE_CONF_DIR="$WORK/zk-conf" "$QUIRE_HOME/scripts/quire" zookeeper >"$WORK/zk.log" 2>&1 &
PID=$!
zk_up=0
for _ in $(seq 1 300); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$ZK_PORT") 2>/dev/null; then zk_up=1; break; fi
  kill -0 $PID 2>/dev/null || break
  sleep 0.2
done
expect "scripts/quire zookeeper listens on its clientPort" "1" "$zk_up"
kill $PID; wait $PID 2>/dev/null || true

# Bad input: a one-line error naming the fix and a non-zero exit, no stack trace.
for conf in "$WORK/no-such-conf" "$WORK/zk-data"; do
  rc=0; out=$(QUIRE_CONF_DIR="$conf" "$QUIRE_HOME/scripts/quire" fs -ls / 2>&1) || rc=$?
  expect "conf dir without core-site.xml ($conf): exit 2" "2" "$rc"
  expect "conf dir without core-site.xml ($conf): one line" "1" "$(printf '%s\n' "$out" | wc -l)"
done

echo "cli-test: $pass passed, $fail failed"
[ "$fail" = 0 ]
