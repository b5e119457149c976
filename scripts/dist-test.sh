#!/usr/bin/env bash
# Acceptance test of the distribution (issue 9), run by .ci/run after scripts/test.sh:
# builds dist/target/quire-<version>.tar.gz (QUIRE_SKIP_BUILD=1: use the one `mvn install`
# just built; QUIRE_DIST_TARBALL=FILE: test that one), unpacks it into a temporary directory and, with no Maven on the PATH (a `mvn`
# that fails the test shadows it) and nothing from the source tree in the environment:
#   - bad input: unknown command, missing conf dir, unformatted storage: one line, exit != 0;
#   - formats, starts a NameNode and three DataNodes with sbin/start-cluster.sh (free ports);
#   - a NameNode on a port in use, and a second DataNode on the first one's directory: each
#     refuses with one line, and the first DataNode's files are untouched;
#   - an FsShell round trip (put, ls, cat, checksum, rm) and the same through FileContext, in
#     JVMs whose classpath is only Hadoop's shaded client jars (hadoop-client-api and
#     hadoop-client-runtime 3.4.2, with slf4j-api and commons-logging, the two unshaded
#     runtime dependencies their pom declares) plus share/quire-hadoop-client-<version>.jar,
#     and a client conf directory whose core-site.xml sets fs.defaultFS only (FsShell refuses
#     to run without a core-site.xml): FileSystem and, after a FileSystem lookup, FileContext
#     find Quire by themselves; a FileContext-only JVM with fs.AbstractFileSystem.quire.impl
#     in core-site.xml, as fs-plugin/README.md says;
#   - sbin/stop-cluster.sh leaves no Quire process running;
#   - HA: ZooKeeper, two NameNodes (formatted / bootstrapped by hand) and three DataNodes
#     through start-cluster.sh, FsShell through quire://hans/, stop-cluster.sh.
# Logs of a failed run: target/dist-test/.
set -euo pipefail
SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION=$(sed -n 's#^  <version>\(.*\)</version>$#\1#p' "$SRC/pom.xml" | head -1)
TARBALL="${QUIRE_DIST_TARBALL:-$SRC/dist/target/quire-$VERSION.tar.gz}" # or a given one
M2="${M2_REPO:-$HOME/.m2/repository}"
HADOOP_VERSION=3.4.2
CLIENT_JARS="$M2/org/apache/hadoop/hadoop-client-api/$HADOOP_VERSION/hadoop-client-api-$HADOOP_VERSION.jar"
CLIENT_JARS="$CLIENT_JARS:$M2/org/apache/hadoop/hadoop-client-runtime/$HADOOP_VERSION/hadoop-client-runtime-$HADOOP_VERSION.jar"
CLIENT_JARS="$CLIENT_JARS:$M2/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar"
CLIENT_JARS="$CLIENT_JARS:$M2/commons-logging/commons-logging/1.3.0/commons-logging-1.3.0.jar"

if [ -z "${QUIRE_DIST_TARBALL:-}" ] && { [ "${QUIRE_SKIP_BUILD:-}" != 1 ] || [ ! -f "$TARBALL" ]; }; then
  (cd "$SRC" && "${MVN:-mvn}" -B -q package -DskipTests -pl dist -am)
fi
for j in ${CLIENT_JARS//:/ }; do
  [ -f "$j" ] || { echo "dist-test: $j is missing (mvn dependency:get -Dartifact=...)"; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/quire-dist-test.XXXXXX")
D="$WORK/quire-$VERSION"
fail=0; pass=0
expect() { # description, expected, actual
  if [ "$2" = "$3" ]; then pass=$((pass+1)); else fail=$((fail+1)); printf 'FAIL %s\n expected: %s\n actual:   %s\n' "$1" "$2" "$3"; fi
}
expect_match() { # description, extended regexp, actual
  if printf '%s' "$3" | grep -Eq -- "$2"; then pass=$((pass+1)); else fail=$((fail+1)); printf 'FAIL %s\n expected to match: %s\n actual: %s\n' "$1" "$2" "$3"; fi
}
quire_pids() { pgrep -f -- "$WORK" || true; }
finish() {
  local rc=$?
  if [ -n "$(quire_pids)" ]; then # a failed run must not leave daemons behind
    (cd "$WORK" && run "$D/sbin/stop-cluster.sh") >/dev/null 2>&1 || true
    for p in $(quire_pids); do kill -9 "$p" 2>/dev/null || true; done
  fi
  if [ "$rc" != 0 ] || [ "$fail" != 0 ]; then
    rm -rf "$SRC/target/dist-test"; mkdir -p "$SRC/target/dist-test"
    cp -r "$WORK/logs" "$WORK"/*.out "$SRC/target/dist-test/" 2>/dev/null || true
    echo "dist-test: logs in $SRC/target/dist-test"
  fi
  rm -rf "$WORK"
}
trap finish EXIT

tar xzf "$TARBALL" -C "$WORK"
mkdir -p "$WORK/no-maven"
printf '#!/bin/sh\necho "dist-test: mvn was called: $*" >&2\nexit 97\n' > "$WORK/no-maven/mvn"
chmod +x "$WORK/no-maven/mvn"
# Runs a command as a user of the unpacked distribution: a clean environment, no Maven.
run() {
  env -i PATH="$WORK/no-maven:$(dirname "$(readlink -f "$(command -v java)")"):/usr/bin:/bin" \
    HOME="$HOME" USER="${USER:-$(id -un)}" QUIRE_PID_DIR="$WORK/pids" QUIRE_LOG_DIR="$WORK/logs" \
    QUIRE_STOP_TIMEOUT=20 "$@"
}
cd "$WORK"

for f in bin/quire sbin/start-cluster.sh sbin/stop-cluster.sh conf/core-site.xml \
    conf/quire-site.xml conf/zoo.cfg conf/log4j.properties conf/workers lib/quire.classpath \
    README.md docs/CONFIGURATION.md "share/quire-hadoop-client-$VERSION.jar"; do
  expect "the distribution has $f" yes "$([ -f "$D/$f" ] && echo yes || echo no)"
done
CLIENT_JAR="$D/share/quire-hadoop-client-$VERSION.jar"
expect "the client jar holds nothing of Hadoop's (io/quire classes, services, resources only)" "" \
  "$(jar tf "$CLIENT_JAR" | grep -Ev '^(io/$|io/quire/|META-INF/|[A-Za-z]+\.proto$|quire-client-default\.xml$)' || true)"
expect "the client jar registers the FileSystem" "io.quire.fs.QuireFileSystem" \
  "$(unzip -p "$CLIENT_JAR" META-INF/services/org.apache.hadoop.fs.FileSystem | grep -v '^#')"

# Free ports (nothing listens there now); the DataNodes take port 0.
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
NN_PORT=$(free_port); HTTP_PORT=$(free_port)
sed -i -e "s#localhost:8720#127.0.0.1:$NN_PORT#" -e "s#localhost:8721#127.0.0.1:$HTTP_PORT#" \
  -e "s#/tmp/quire/name#$WORK/name#" -e "s#/tmp/quire/data#$WORK/data0#" \
  "$D/conf/quire-site.xml" "$D/conf/core-site.xml"
{
  echo "# three DataNodes on this host"
  for i in 1 2 3; do
    echo "localhost --instance dn$i -D quire.datanode.data.dir=$WORK/data$i -D quire.datanode.address=127.0.0.1:0 -D quire.datanode.http-address=127.0.0.1:0"
  done
} > "$D/conf/workers"

# Bad input: one line naming the fix, a non-zero exit, nothing created or deleted.
one_line() { # description, command...
  local desc="$1" rc=0 out; shift
  out=$(run "$@" 2>&1) || rc=$?
  expect "$desc: exit code not 0" "1" "$([ "$rc" != 0 ] && echo 1 || echo 0)"
  expect "$desc: one line" "1" "$(printf '%s\n' "$out" | wc -l)"
  LAST_OUT="$out"
}
one_line "unknown command" "$D/bin/quire" frobnicate
expect_match "unknown command: names the help" "unknown command 'frobnicate'.*help" "$LAST_OUT"
one_line "missing conf dir" "$D/bin/quire" --conf "$WORK/no-such-conf" namenode
expect_match "missing conf dir: names the fix" "does not exist.*QUIRE_CONF_DIR" "$LAST_OUT"
mkdir -p "$WORK/name"; touch "$WORK/name/keep-me"
one_line "unformatted NameNode storage" "$D/bin/quire" --daemon start namenode
expect_match "unformatted storage: names the fix" "not formatted.*namenode -format" "$LAST_OUT"
expect "unformatted storage: nothing deleted" "keep-me" "$(ls "$WORK/name")"
rm "$WORK/name/keep-me"

# Format, start, check every daemon runs.
run "$D/bin/quire" namenode -format > "$WORK/format.out" 2>&1
expect_match "namenode -format" "^Formatted $WORK/name with cluster id" "$(tail -1 "$WORK/format.out")"
rc=0; run "$D/sbin/start-cluster.sh" > "$WORK/start.out" 2>&1 || rc=$?
expect "start-cluster.sh exit code" 0 "$rc"
expect "start-cluster.sh started a NameNode and three DataNodes" 4 "$(grep -c ' started (pid' "$WORK/start.out" || true)"
for d in namenode "datanode dn1" "datanode dn2" "datanode dn3"; do
  set -- $d
  expect "status of $d" 0 "$(run "$D/bin/quire" --daemon status ${2:+--instance $2} "$1" >/dev/null; echo $?)"
done
for p in $(quire_pids); do
  expect "daemon $p runs without the source tree or ~/.m2" "" \
    "$(tr '\0' '\n' < "/proc/$p/cmdline" | grep -E "$SRC|/\.m2/" || true)"
done

# A NameNode on a port in use: one line naming the keys.
run "$D/bin/quire" -D quire.namenode.name.dir="$WORK/name2" namenode -format > /dev/null 2>&1
one_line "NameNode on a port in use" "$D/bin/quire" --daemon start --instance nn2 \
  -D quire.namenode.name.dir="$WORK/name2" namenode
expect_match "port in use: names the address and the key" \
  "(127.0.0.1|localhost):$NN_PORT.*in use.*quire.namenode.rpc-address" "$LAST_OUT"

# The shaded-client JVMs.
FS="quire://127.0.0.1:$NN_PORT"
client_conf() { # dir, extra properties
  mkdir -p "$1"
  printf '<configuration>\n<property><name>fs.defaultFS</name><value>%s/</value></property>\n%s</configuration>\n' \
    "$FS" "${2:-}" > "$1/core-site.xml"
}
client_conf "$WORK/client-conf"
client_conf "$WORK/client-conf-fc" \
  '<property><name>fs.AbstractFileSystem.quire.impl</name><value>io.quire.fs.QuireFs</value></property>'
client() { # conf dir, java args...
  local conf="$1"; shift
  run java -cp "$conf:$CLIENT_JARS:$CLIENT_JAR" "$@"
}
fsh() { client "$WORK/client-conf" org.apache.hadoop.fs.FsShell "$@" 2>>"$WORK/client.out"; }
head -c 3000000 /dev/urandom > "$WORK/local.bin" # more than one packet, less than a block
printf 'hello from the distribution\n' > "$WORK/hello.txt"
fsh -mkdir -p /rt
fsh -put "$WORK/hello.txt" "$WORK/local.bin" /rt/
expect "FsShell -ls" "/rt/hello.txt /rt/local.bin" "$(fsh -ls /rt | awk '/^-/ {print $NF}' | paste -sd' ' -)"
expect "FsShell -cat" "hello from the distribution" "$(fsh -cat /rt/hello.txt)"
expect "FsShell -cat of 3 MB" "$(cksum < "$WORK/local.bin")" "$(fsh -cat /rt/local.bin | cksum)"
SUM=$(fsh -checksum /rt/local.bin)

# A second DataNode on the first one's directory refuses; the first one's files stay as
# they are (block files, VERSION, tmp/, the lock's holder). Nothing is written or deleted
# meanwhile: the put above is complete on all three DataNodes.
snapshot() { (cd "$WORK/data1" && find . -type f | sort | xargs md5sum); }
before=$(snapshot)
expect_match "dn1 holds the blocks just written" "finalized/.*blk_" "$before"
one_line "a second DataNode on dn1's directory" "$D/bin/quire" --daemon start --instance dnx \
  -D quire.datanode.data.dir="$WORK/data1" -D quire.datanode.address=127.0.0.1:0 -D quire.datanode.http-address=127.0.0.1:0 datanode
expect_match "second DataNode: names the lock and the fix" \
  "Cannot lock DataNode storage directory $WORK/data1.*own directory" "$LAST_OUT"
expect "second DataNode: dn1's files untouched" "$before" "$(snapshot)"
expect "dn1 still runs" 0 "$(run "$D/bin/quire" --daemon status --instance dn1 datanode >/dev/null; echo $?)"

# The same through FileContext; it also prints the local file's CRC32C (the composite CRC).
cat > "$WORK/FcRoundTrip.java" <<'EOF'
import java.io.*;
import java.net.URI;
import java.nio.file.Files;
import java.util.*;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.*;
import org.apache.hadoop.fs.permission.FsPermission;

public class FcRoundTrip {
  public static void main(String[] a) throws Exception {
    URI uri = URI.create(a[0]);
    byte[] data = Files.readAllBytes(new File(a[1]).toPath());
    Configuration conf = new Configuration();
    if (a[2].equals("after-fs-lookup")) {
      // Any FileSystem lookup (hadoop fs, Spark, MapReduce all make one) loads
      // QuireFileSystem, whose default resource names QuireFs for FileContext.
      FileSystem.getLocal(conf);
    } // else "fc-only": core-site.xml must name QuireFs
    FileContext fc = FileContext.getFileContext(uri, conf);
    Path dir = new Path(uri.toString() + "/fc-" + a[2]);
    fc.mkdir(dir, FsPermission.getDirDefault(), true);
    Path f = new Path(dir, "data.bin");
    try (FSDataOutputStream out = fc.create(f, EnumSet.of(CreateFlag.CREATE))) {
      out.write(data);
    }
    List<String> names = new ArrayList<>();
    RemoteIterator<FileStatus> it = fc.listStatus(dir);
    while (it.hasNext()) names.add(it.next().getPath().getName());
    byte[] back = new byte[data.length];
    try (FSDataInputStream in = fc.open(f)) {
      in.readFully(back);
    }
    FileChecksum sum = fc.getFileChecksum(f);
    boolean deleted = fc.delete(dir, true);
    CRC32C crc = new CRC32C();
    crc.update(data);
    System.out.println("abstract " + fc.getDefaultFileSystem().getClass().getName());
    System.out.println("ls " + names);
    System.out.println("same " + Arrays.equals(data, back));
    System.out.println("checksum " + sum.getAlgorithmName() + " "
        + String.format("%08x", ByteBuffer.wrap(sum.getBytes()).getInt()));
    System.out.println("deleted " + deleted + " " + !fc.util().exists(dir));
    System.out.println("crc32c " + String.format("%08x", crc.getValue()));
  }
}
EOF
for mode in after-fs-lookup fc-only; do
  conf="$WORK/client-conf"; [ "$mode" = fc-only ] && conf="$WORK/client-conf-fc"
  FC=$(client "$conf" "$WORK/FcRoundTrip.java" "$FS/" "$WORK/local.bin" "$mode" 2>>"$WORK/client.out" || true)
  fcv() { printf '%s\n' "$FC" | sed -n "s/^$1 //p"; }
  CRC=$(fcv crc32c)
  [ "$mode" = fc-only ] || expect "FsShell -checksum is the file's CRC32C" "/rt/local.bin	COMPOSITE-CRC32C	$CRC" "$SUM"
  expect "FileContext ($mode): QuireFs" "io.quire.fs.QuireFs" "$(fcv abstract)"
  expect "FileContext ($mode): listStatus" "[data.bin]" "$(fcv ls)"
  expect "FileContext ($mode): read back" "true" "$(fcv same)"
  expect "FileContext ($mode): checksum" "COMPOSITE-CRC32C $CRC" "$(fcv checksum)"
  expect "FileContext ($mode): delete" "true true" "$(fcv deleted)"
done

fsh -rm -r -skipTrash /rt >/dev/null
expect "FsShell -rm" "1" "$(fsh -test -e /rt; echo $?)"

# Stop: nothing of this distribution keeps running.
rc=0; run "$D/sbin/stop-cluster.sh" > "$WORK/stop.out" 2>&1 || rc=$?
expect "stop-cluster.sh exit code" 0 "$rc"
expect "stop-cluster.sh stopped four daemons by SIGTERM" 4 "$(grep -c ' stopped (pid' "$WORK/stop.out" || true)"
expect "no Quire process left" "" "$(quire_pids)"
expect "no pid file left" "" "$(ls "$WORK/pids")"

# HA: ZooKeeper and two NameNodes from conf/namenodes, the first formatted and started by hand,
# the second bootstrapped; start-cluster.sh starts the rest, the shaded client writes through
# quire://hans/, stop-cluster.sh stops all of it.
HA="$WORK/ha-conf"
cp -r "$D/conf" "$HA"
ZK_PORT=$(free_port); P1=$(free_port); P2=$(free_port); P3=$(free_port); P4=$(free_port)
HA_KEYS="<property><name>quire.nameservices</name><value>hans</value></property>
<property><name>quire.namenode.ids.hans</name><value>nn1,nn2</value></property>
<property><name>quire.namenode.rpc-address.hans.nn1</name><value>127.0.0.1:$P1</value></property>
<property><name>quire.namenode.http-address.hans.nn1</name><value>127.0.0.1:$P2</value></property>
<property><name>quire.namenode.rpc-address.hans.nn2</name><value>127.0.0.1:$P3</value></property>
<property><name>quire.namenode.http-address.hans.nn2</name><value>127.0.0.1:$P4</value></property>"
printf '<configuration>\n%s\n<property><name>quire.ha.zookeeper.quorum</name><value>127.0.0.1:%s</value></property>\n</configuration>\n' \
  "$HA_KEYS" "$ZK_PORT" > "$HA/quire-site.xml"
sed -i -e "s#^dataDir=.*#dataDir=$WORK/zk#" -e "s#^clientPort=.*#clientPort=$ZK_PORT#" "$HA/zoo.cfg"
nn_opts() { echo "--instance $1 -D quire.namenode.id=$1 -D quire.namenode.name.dir=$WORK/ha-$1"; }
printf 'localhost %s\n' "$(nn_opts nn1)" "$(nn_opts nn2)" > "$HA/namenodes"
for i in 1 2 3; do
  echo "localhost --instance hadn$i -D quire.datanode.data.dir=$WORK/ha-data$i -D quire.datanode.address=127.0.0.1:0 -D quire.datanode.http-address=127.0.0.1:0"
done > "$HA/workers"
ha() { run env QUIRE_CONF_DIR="$HA" "$@"; }
ha "$D/bin/quire" --daemon start zookeeper > "$WORK/ha.out" 2>&1
ha "$D/bin/quire" $(nn_opts nn1) namenode -format >> "$WORK/ha.out" 2>&1
ha "$D/bin/quire" --daemon start $(nn_opts nn1) namenode >> "$WORK/ha.out" 2>&1
ha "$D/bin/quire" $(nn_opts nn2) namenode -bootstrapStandby >> "$WORK/ha.out" 2>&1
rc=0; ha "$D/sbin/start-cluster.sh" > "$WORK/ha-start.out" 2>&1 || rc=$?
expect "HA: start-cluster.sh exit code" 0 "$rc"
expect "HA: start-cluster.sh left ZooKeeper and nn1 alone" 2 "$(grep -c 'runs already' "$WORK/ha-start.out" || true)"
expect "HA: start-cluster.sh started nn2 and three DataNodes" 4 "$(grep -c ' started (pid' "$WORK/ha-start.out" || true)"
client_conf "$WORK/ha-client" "$HA_KEYS"
sed -i "s#$FS/#quire://hans/#" "$WORK/ha-client/core-site.xml"
client "$WORK/ha-client" org.apache.hadoop.fs.FsShell -put "$WORK/hello.txt" /ha.txt 2>>"$WORK/client.out"
expect "HA: FsShell -cat through quire://hans/" "hello from the distribution" \
  "$(client "$WORK/ha-client" org.apache.hadoop.fs.FsShell -cat /ha.txt 2>>"$WORK/client.out")"
states=$(ha "$D/bin/quire" admin ha state 2>>"$WORK/ha.out" | awk 'NR > 1 {print $2}' | sort | paste -sd' ' -)
expect "HA: one active, one standby" "ACTIVE STANDBY" "$states"
rc=0; ha "$D/sbin/stop-cluster.sh" > "$WORK/ha-stop.out" 2>&1 || rc=$?
expect "HA: stop-cluster.sh stopped ZooKeeper, two NameNodes, three DataNodes" 6 \
  "$(grep -c ' stopped (pid' "$WORK/ha-stop.out" || true)"
expect "HA: no Quire process left" "" "$(quire_pids)"

echo "dist-test: $pass passed, $fail failed"
[ "$fail" = 0 ]
