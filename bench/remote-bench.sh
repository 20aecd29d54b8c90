#!/usr/bin/env bash
# Remote development on loopback, measured through the distributions (camera.app/target/darkroom.jar and
# darkroom-node.jar, built first): the same burst of COUNT 4-frame photos of SIZE, captured with deferred
# processing paused, then drained, (a) on the device alone, (b) with one node process, (c) with two. Prints a
# Markdown section for BENCHMARKS.md: the drain times, each development service's jobs and average time per job
# as the device saw it, and the per-job overhead of a remote job (the device's time for a node's job, transfers
# and checks included, less the node's own time from the order's arrival to its JPEG).
# Writes the section to bench/REMOTE.md and puts it at the end of BENCHMARKS.md in place of its previous run
# (bench/benchmarks.sh appends bench/REMOTE.md as well). Run it on a quiet machine: every number is wall time.
# Usage: bench/remote-bench.sh [COUNT] [SIZE]   (defaults 6 4000x3000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
app="$root/camera.app"
count=${1:-6}
size=${2:-4000x3000}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
head -c 32 /dev/urandom | base64 >"$work/secret"

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}
await() {
  local deadline=$((SECONDS + $3))
  until grep -qE "$2" "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

start_node() { # DIR PORT
  mkdir -p "$1" && mkfifo "$1/in"
  sleep 100000 >"$1/in" & pids+=($!); disown $!
  (cd "$1" && exec "$java" --sun-misc-unsafe-memory-access=allow -Ddarkroom.node.listen=127.0.0.1:$2 \
    -Ddarkroom.node.secret.file="$work/secret" -jar "$app/target/darkroom-node.jar" <in >out.txt 2>err.txt) &
  pids+=($!); disown $!
}

# run NAME NODES: prints one line "NAME<TAB>drain seconds<TAB>developer lines joined by ;<TAB>node ms per job"
run() {
  local name=$1 nodes=$2 dir="$work/$1" list="" port i
  mkdir -p "$dir"
  for i in $(seq 1 "$nodes"); do
    port=$(free_port)
    start_node "$dir/node$i" "$port"
    list="${list:+$list,}127.0.0.1:$port"
  done
  mkdir -p "$dir/device" && mkfifo "$dir/device/in"
  sleep 100000 >"$dir/device/in" & pids+=($!); disown $!
  (cd "$dir/device" && exec "$app/bin/darkroom" ${list:+-Ddarkroom.remote.nodes=$list} \
    -Ddarkroom.remote.secret.file="$work/secret" -Dorg.osgi.service.http.port=$(free_port) <in >out.txt 2>err.txt) &
  pids+=($!); disown $!
  await "$dir/device/data/log/darkroom.log" 'deferred engine started' 120
  local deadline=$((SECONDS + 120))
  while [ "$(grep -c 'development lane 127.0.0.1:[0-9]* opened' "$dir/device/data/log/darkroom.log")" -lt "$nodes" ]; do
    [ $SECONDS -lt $deadline ] || { echo "$name: the nodes' lanes did not open" >&2; return 1; }
    sleep 0.2
  done
  printf '%s\n' 'deferred:pause' "camera:capture -n $count -s $size" 'echo CAPTURED' >"$dir/device/in"
  await "$dir/device/out.txt" 'CAPTURED$' 900
  printf '%s\n' 'deferred:drain -t 1800' 'deferred:stats --no-format' 'echo STATS' >"$dir/device/in"
  await "$dir/device/out.txt" 'STATS$' 1900
  local drain developers nodems=""
  drain=$(grep -a -o 'drained in [0-9.]* s' "$dir/device/out.txt" | awk '{print $3}')
  developers=$(grep -a '^developer ' "$dir/device/out.txt" | sed 's/^developer //; s/\t/ /' | paste -sd';')
  for i in $(seq 1 "$nodes"); do
    printf '%s\n' 'node:stats --no-format' 'echo NODE' >"$dir/node$i/in"
    await "$dir/node$i/out.txt" 'NODE$' 60
    nodems="${nodems:+$nodems;}$(grep -a '^ms per job' "$dir/node$i/out.txt" | cut -f2)"
  done
  printf '%s\t%s\t%s\t%s\n' "$name" "$drain" "$developers" "$nodems"
  printf 'exit 0\n' >"$dir/device/in"
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  pids=()
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
results=$(run "device alone" 0; run "one node" 1; run "two nodes" 2)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
echo "## Remote development on loopback: \`bench/remote-bench.sh\`"
echo
echo "Run on $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, load average $load_before before, $load_after after."
echo "$count photos of $size (4 raw frames each, 16-bit: $(( ${size%x*} * ${size#*x} * 2 * 4 / 1000000 )) MB per job on the wire),"
echo "captured with deferred processing paused, then drained. Command: \`bench/remote-bench.sh $count $size\`."
echo
echo "| setup | drain | per development service: jobs, average per job as the device saw it | node's own ms per job |"
echo "|---|---:|---|---:|"
while IFS=$'\t' read -r name drain developers nodems; do
  echo "| $name | ${drain} s | ${developers//;/<br>} | ${nodems:--} |"
done <<<"$results"
} >"$root/bench/REMOTE.md"
if [ -f "$root/bench/REMOTE-READING.md" ]; then { echo; cat "$root/bench/REMOTE-READING.md"; } >>"$root/bench/REMOTE.md"; fi
sed -i '/^## Remote development on loopback/,$d' "$root/BENCHMARKS.md"
{ echo; cat "$root/bench/REMOTE.md"; } >>"$root/BENCHMARKS.md"
cat "$root/bench/REMOTE.md"
