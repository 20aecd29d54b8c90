#!/usr/bin/env bash
# Remote development with two processes on loopback: a development node (camera.app/target/darkroom-node.jar) and a
# device (bin/darkroom) that uses it. Checks that
# - a burst drains with at least one job developed on the node (the device's `developer HOST:PORT` line and the
#   node's own node:stats both count it);
# - the node killed with SIGKILL in the middle of a second drain loses nothing: the drain completes on the device;
# - every photo reaches FULL at the URI its capture gave, as a valid JPEG, exactly once (one asset per capture,
#   the engine's completed count equals the captures, no job failed or left over);
# - the node's port is bound on 127.0.0.1 only, not on every interface (`ss` of iproute2 lists it), and the node
#   starts without an error on its console;
# - the node started again on its address is taken back by the running device;
# - a device with another secret is refused (UNAUTHENTICATED) and gets no lane on the node.
# Needs JAVA_HOME at a JDK 25 and the built jars (mvn -B package or verify).
set -euo pipefail
app=$(cd "$(dirname "$0")/../../.." && pwd)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work=$(mktemp -d)
failures=0
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# A loopback port nothing listens on.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}
# await FILE PATTERN SECONDS: waits until the pattern appears in the file; the time only bounds a failure
await() {
  local deadline=$((SECONDS + $3))
  until grep -qE "$2" "$1" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then return 1; fi
    sleep 0.2
  done
}

node_port=$(free_port)
http_port=$(free_port)
head -c 32 /dev/urandom | base64 >"$work/secret"

# The node, its shell on a FIFO kept open by a sleeping writer.
mkdir -p "$work/node" && cd "$work/node"
mkfifo in
sleep 100000 >in & pids+=($!); disown $!
"$java" --sun-misc-unsafe-memory-access=allow -Ddarkroom.node.listen=127.0.0.1:$node_port \
  -Ddarkroom.node.secret.file="$work/secret" -jar "$app/target/darkroom-node.jar" <in >out.txt 2>err.txt &
node_pid=$!; pids+=($node_pid); disown $node_pid
node_say() { printf '%s\n' "$@" >"$work/node/in"; }

# The device, with its shell on a FIFO as well.
mkdir -p "$work/device" && cd "$work/device"
mkfifo in
sleep 100000 >in & pids+=($!); disown $!
"$app/bin/darkroom" -Ddarkroom.remote.nodes=127.0.0.1:$node_port -Ddarkroom.remote.secret.file="$work/secret" \
  -Dorg.osgi.service.http.port=$http_port <in >out.txt 2>err.txt &
device_pid=$!; pids+=($device_pid)
device_say() { printf '%s\n' "$@" >"$work/device/in"; }
developer_line() { # the last `developer NAME ...` line the device printed
  grep -a "^developer $1	" "$work/device/out.txt" | tail -1
}

if ! await "$work/device/data/log/darkroom.log" "development node 127.0.0.1:$node_port .* answers" 120; then
  fail "the device never heard the node answer"; cat "$work/device/data/log/darkroom.log" "$work/node/err.txt" >&2
  exit 1
fi
pass "the device imported the node through Aries RSA and the node answered with the secret's proof"

# The node binds its listen host only: Aries RSA 1.16.1's TCP provider by itself binds every interface.
bound=$(ss -ltnH "sport = :$node_port" | awk '{print $4}' | paste -sd' ')
if [[ "$bound" =~ ^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]):$node_port$ ]]; then
  pass "the node's port is bound on loopback only ($bound)"
else
  fail "the node's port is bound on '$bound', not on 127.0.0.1 only"
fi
if grep -a -E 'ERROR|Exception' "$work/node/err.txt"; then
  fail "the node printed an error at its start"
else
  pass "the node started without an error on its console"
fi

# A first burst, drained: at least one job on the node.
device_say 'camera:capture -n 4 -s 4000x3000' 'deferred:drain -t 300' 'echo DRAINED-1' 'deferred:stats --no-format' \
  'echo STATS-1'
if ! await "$work/device/out.txt" 'STATS-1$' 600; then fail "the first drain did not finish"; tail -20 "$work/device/out.txt" >&2; exit 1; fi
on_node=$(developer_line "127.0.0.1:$node_port" | awk '{print $4}')
if [ "${on_node:-0}" -ge 1 ]; then
  pass "first drain: $on_node of 4 jobs developed on the node ($(developer_line "127.0.0.1:$node_port" | cut -f2))"
else
  fail "first drain: no job developed on the node: $(grep -a '^developer' "$work/device/out.txt")"
fi
node_say 'node:stats --no-format' 'echo NODE-STATS'
await "$work/node/out.txt" 'NODE-STATS$' 60 || true
developed=$(grep -a '^developed' "$work/node/out.txt" | tail -1 | cut -f2)
if [ "${developed:-0}" = "$on_node" ]; then
  pass "the node's own node:stats counts the same $developed jobs, with $(grep -a '^bytes in' "$work/node/out.txt" | tail -1 | cut -f2) bytes in"
else
  fail "the node's node:stats says '$developed' developed, the device '$on_node'"
fi

# A second burst: the node is killed while it develops one of its jobs.
device_say 'camera:capture -n 6 -s 4000x3000' 'echo CAPTURED-2' 'deferred:drain -t 600' 'echo DRAINED-2'
await "$work/device/out.txt" 'CAPTURED-2$' 300 || fail "the second burst was not captured"
killed=no
for _ in $(seq 1 600); do
  node_say 'node:stats --no-format' 'echo NODE-POLL'
  sleep 0.2
  if grep -a '^running' "$work/node/out.txt" | tail -1 | grep -q $'\t[1-9]'; then
    kill -9 "$node_pid"; killed=yes; break
  fi
done
if [ "$killed" = yes ]; then pass "the node was killed (SIGKILL) while it developed a job"; else fail "the node never ran a job of the second burst"; fi
if await "$work/device/out.txt" 'DRAINED-2$' 900; then
  pass "the second drain finished without the node: $(grep -a 'drained in' "$work/device/out.txt" | tail -1)"
else
  fail "the second drain did not finish"
fi

# Every photo FULL, at its URI, a valid JPEG, exactly once.
device_say 'deferred:stats --no-format' 'echo JOBS-BEGIN' 'deferred:jobs --no-format' 'echo JOBS-END' \
  'media:list --no-format' 'echo LISTED'
await "$work/device/out.txt" 'LISTED$' 120 || fail "media:list did not answer"
grep -a -o 'file://media/Photo/[^ ]*\.jpg  FAST' "$work/device/out.txt" | awk '{print $1}' | sort >"$work/captured"
sed -n '/JOBS-END$/,/LISTED$/p' "$work/device/out.txt" | grep -a -o 'file://media/Photo/[^	 ]*\.jpg' | sort >"$work/listed"
captured=$(wc -l <"$work/captured")
if [ "$captured" = 10 ] && cmp -s "$work/captured" "$work/listed"; then
  pass "10 captures, 10 assets, each at the URI its capture gave"
else
  fail "captured $captured URIs; the library lists $(wc -l <"$work/listed"): $(diff "$work/captured" "$work/listed" | head -5)"
fi
full=$(sed -n '/JOBS-END$/,/LISTED$/p' "$work/device/out.txt" | grep -a -c 'FULL' || true)
if [ "$full" = 10 ]; then pass "every asset is FULL"; else fail "$full of 10 assets are FULL"; fi
completed=$(grep -a '^completed' "$work/device/out.txt" | tail -1 | cut -f2)
failed=$(grep -a '^failed' "$work/device/out.txt" | tail -1 | cut -f2)
left=$(sed -n '/JOBS-BEGIN$/,/JOBS-END$/p' "$work/device/out.txt" | grep -a -o -E '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' | grep -c . || true)
if [ "$completed" = 10 ] && [ "$failed" = 0 ] && [ "$left" = 0 ]; then
  pass "the engine completed exactly 10 jobs, none failed, none left"
else
  fail "the engine completed '$completed' jobs, failed '$failed', $left left"
fi
bad=0
while read -r uri; do
  file="$work/device/data/${uri#file://}"
  if command -v djpeg >/dev/null; then
    djpeg "$file" >/dev/null 2>&1 || { bad=$((bad + 1)); echo "not a valid JPEG: $file" >&2; }
  else
    [ "$(head -c 2 "$file" | od -An -tx1 | tr -d ' ')" = ffd8 ] && [ "$(tail -c 2 "$file" | od -An -tx1 | tr -d ' ')" = ffd9 ] ||
      { bad=$((bad + 1)); echo "not a JPEG: $file" >&2; }
  fi
done <"$work/listed"
if [ "$bad" = 0 ]; then pass "every FULL photo is a valid JPEG$(command -v djpeg >/dev/null && echo ' (djpeg decodes it)')"; else fail "$bad photos are not valid JPEGs"; fi
if [ -z "$(ls -A "$work/device/data/deferred/spool" 2>/dev/null)" ]; then pass "the spool is empty"; else fail "the spool still holds $(ls "$work/device/data/deferred/spool")"; fi

# The node comes back on its address: the device opens its lane again, without a restart.
mkdir -p "$work/node-again" && cd "$work/node-again"
mkfifo in
sleep 100000 >in & pids+=($!); disown $!
"$java" --sun-misc-unsafe-memory-access=allow -Ddarkroom.node.listen=127.0.0.1:$node_port \
  -Ddarkroom.node.secret.file="$work/secret" -jar "$app/target/darkroom-node.jar" <in >out.txt 2>err.txt &
pids+=($!); disown $!
deadline=$((SECONDS + 120))
until [ "$(grep -c "development lane 127.0.0.1:$node_port opened" "$work/device/data/log/darkroom.log")" -ge 2 ]; do
  if [ $SECONDS -ge $deadline ]; then break; fi
  sleep 0.2
done
if [ "$(grep -c "development lane 127.0.0.1:$node_port opened" "$work/device/data/log/darkroom.log")" -ge 2 ]; then
  pass "the node started again on its address and the running device opened its lane again"
else
  fail "the device did not take the node back: $(grep -a "127.0.0.1:$node_port" "$work/device/data/log/darkroom.log" | tail -3)"
fi

device_say 'exit 0'
wait "$device_pid" || fail "the device did not exit 0"
if grep -E 'Exception|^\s+at ' "$work/device/err.txt"; then fail "the device printed a stack trace"; fi

# A node that a device without the secret asks refuses it.
mkdir -p "$work/node2" && cd "$work/node2"
other_port=$(free_port)
mkfifo in
sleep 100000 >in & pids+=($!); disown $!
"$java" --sun-misc-unsafe-memory-access=allow -Ddarkroom.node.listen=127.0.0.1:$other_port \
  -Ddarkroom.node.secret.file="$work/secret" -jar "$app/target/darkroom-node.jar" <in >out.txt 2>err.txt &
pids+=($!); disown $!
head -c 32 /dev/urandom | base64 >"$work/wrong-secret"
mkdir -p "$work/device2" && cd "$work/device2"
mkfifo in
sleep 100000 >in & pids+=($!); disown $!
"$app/bin/darkroom" -Ddarkroom.remote.nodes=127.0.0.1:$other_port -Ddarkroom.remote.secret.file="$work/wrong-secret" \
  -Dorg.osgi.service.http.port=$(free_port) <in >out.txt 2>err.txt &
pids+=($!); disown $!
if await "$work/device2/data/log/darkroom.log" "development node 127.0.0.1:$other_port does not answer.*UNAUTHENTICATED" 120; then
  printf '%s\n' 'deferred:stats --no-format' 'echo STATS' >in
  await out.txt 'STATS$' 60 || true
  if grep -q "^developer 127.0.0.1:$other_port" out.txt; then
    fail "a device with another secret has a lane on the node"
  else
    pass "a device with another secret is refused (UNAUTHENTICATED) and has no lane on the node"
  fi
else
  fail "a device with another secret was not refused: $(grep -a node "$work/device2/data/log/darkroom.log" | head -3)"
fi
printf 'exit 0\n' >in

echo "remote development: $failures failures"
[ "$failures" = 0 ]
