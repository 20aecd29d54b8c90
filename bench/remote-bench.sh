#!/usr/bin/env bash
# Remote development on loopback, measured through the distributions (camera.app/target/darkroom.jar and
# darkroom-node.jar, built first): the same burst of COUNT 4-frame photos of SIZE, captured with deferred
# processing paused, then drained, (a) on the device alone, (b) with one node process, (c) with two, one after the
# other in one run. Prints a Markdown section for BENCHMARKS.md: per setup the drain time, each development
# service's jobs (deferred:stats --no-format: `developer NAME  completed N average-ms T ...`) and average time per
# job as the device saw it, the node's own time per job (from the order's arrival to its JPEG), and what the cores
# did during the drain: the CPU time of the device's and the nodes' processes, and how many of the machine's cores
# were busy (everyone's work) or stolen by the hypervisor, from /proc.
# Writes the section to bench/REMOTE.md and puts it at the end of BENCHMARKS.md in place of its previous run
# (bench/benchmarks.sh appends bench/REMOTE.md as well). Run it on a quiet machine: every number is wall time.
# Usage: bench/remote-bench.sh [COUNT] [SIZE]   (defaults 6 4000x3000)
# It builds nothing: run `mvn -B -o verify` (or package) first; never `mvn install`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
app="$root/camera.app"
count=${1:-6}
size=${2:-4000x3000}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
for jar in darkroom.jar darkroom-node.jar; do
  [ -f "$app/target/$jar" ] || { echo "camera.app/target/$jar is missing: build first (mvn -B -o verify)" >&2; exit 1; }
done
tick=$(getconf CLK_TCK)
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

# The Java processes of the current setup (the device and its nodes; exec keeps their pids).
javas=()
start_node() { # DIR PORT
  mkdir -p "$1" && mkfifo "$1/in"
  sleep 100000 >"$1/in" & pids+=($!); disown $!
  (cd "$1" && exec "$java" --sun-misc-unsafe-memory-access=allow -Ddarkroom.node.listen=127.0.0.1:$2 \
    -Ddarkroom.node.secret.file="$work/secret" -jar "$app/target/darkroom-node.jar" <in >out.txt 2>err.txt) &
  pids+=($!); javas+=($!); disown $!
}

# cpu_ticks PID...: user + system clock ticks these processes used so far
cpu_ticks() {
  local pid total=0
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}
# machine_ticks: "busy stolen" clock ticks of all cores so far (busy: user, nice, system, irq, softirq)
machine_ticks() {
  awk '/^cpu /{print $2 + $3 + $4 + $7 + $8, $9}' /proc/stat
}
now() { date +%s.%N; }

# run NAME NODES: prints one line "NAME<TAB>drain seconds<TAB>developers joined by ;<TAB>node ms per job<TAB>
# CPU seconds of these processes<TAB>cores they used<TAB>cores busy on the machine<TAB>cores stolen", the cores
# averaged over the drain
run() {
  local name=$1 nodes=$2 dir="$work/$1" list="" port i
  mkdir -p "$dir"
  javas=()
  for i in $(seq 1 "$nodes"); do
    port=$(free_port)
    start_node "$dir/node$i" "$port"
    list="${list:+$list,}127.0.0.1:$port"
  done
  mkdir -p "$dir/device" && mkfifo "$dir/device/in"
  sleep 100000 >"$dir/device/in" & pids+=($!); disown $!
  (cd "$dir/device" && exec "$app/bin/darkroom" ${list:+-Ddarkroom.remote.nodes=$list} \
    -Ddarkroom.remote.secret.file="$work/secret" -Dorg.osgi.service.http.port=$(free_port) <in >out.txt 2>err.txt) &
  pids+=($!); javas+=($!); disown $!
  await "$dir/device/data/log/darkroom.log" 'deferred engine started' 120
  local deadline=$((SECONDS + 120))
  while [ "$(grep -c 'development lane 127.0.0.1:[0-9]* opened' "$dir/device/data/log/darkroom.log")" -lt "$nodes" ]; do
    [ $SECONDS -lt $deadline ] || { echo "$name: the nodes' lanes did not open" >&2; return 1; }
    sleep 0.2
  done
  printf '%s\n' 'deferred:pause' "camera:capture -n $count -s $size" 'echo CAPTURED' >"$dir/device/in"
  await "$dir/device/out.txt" 'CAPTURED$' 900
  local t0 t1 c0 c1 m0 m1
  t0=$(now); c0=$(cpu_ticks "${javas[@]}"); m0=$(machine_ticks)
  printf '%s\n' 'deferred:drain -t 1800' 'echo DRAINED' >"$dir/device/in"
  await "$dir/device/out.txt" 'DRAINED$' 1900
  t1=$(now); c1=$(cpu_ticks "${javas[@]}"); m1=$(machine_ticks)
  printf '%s\n' 'deferred:stats --no-format' 'echo STATS' >"$dir/device/in"
  await "$dir/device/out.txt" 'STATS$' 60
  local drain developers nodems="" cores
  drain=$(grep -a -o 'drained in [0-9.]* s' "$dir/device/out.txt" | awk '{print $3}')
  # `developer NAME<TAB>completed N average-ms T slots S running R STATE` -> `NAME: N jobs, T s per job`
  developers=$(grep -a '^developer ' "$dir/device/out.txt" |
    awk -F'\t' '{split($2, f, " "); printf "%s: %d jobs, %.1f s per job\n", substr($1, 11), f[2], f[4] / 1000}' |
    paste -sd';')
  cores=$(awk -v t0="$t0" -v t1="$t1" -v c0="$c0" -v c1="$c1" -v m0="$m0" -v m1="$m1" -v hz="$tick" 'BEGIN {
    split(m0, a, " "); split(m1, b, " "); wall = t1 - t0
    printf "%.1f\t%.2f\t%.2f\t%.2f", (c1 - c0) / hz, (c1 - c0) / hz / wall, (b[1] - a[1]) / hz / wall, (b[2] - a[2]) / hz / wall }')
  for i in $(seq 1 "$nodes"); do
    printf '%s\n' 'node:stats --no-format' 'echo NODE' >"$dir/node$i/in"
    await "$dir/node$i/out.txt" 'NODE$' 60
    nodems="${nodems:+$nodems;}$(grep -a '^ms per job' "$dir/node$i/out.txt" | cut -f2)"
  done
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$drain" "$developers" "${nodems:--}" "$cores"
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
echo "captured with deferred processing paused, then drained; the three setups one after the other, each with fresh"
echo "processes. Command: \`bench/remote-bench.sh $count $size\`. During each drain: the CPU time the device's and"
echo "nodes' processes used (user + system) and the cores that makes on average (CPU time / wall time), and the cores"
echo "busy on the whole machine (other sessions included) or stolen by the hypervisor, of $(nproc)."
echo
echo "| setup | drain | per development service: jobs, average per job as the device saw it | node's own ms per job | CPU time of device + nodes (cores) | machine's cores busy / stolen |"
echo "|---|---:|---|---:|---:|---:|"
while IFS=$'\t' read -r name drain developers nodems cpu used busy stolen; do
  echo "| $name | ${drain} s | ${developers//;/<br>} | ${nodems//;/<br>} | $cpu s ($used) | $busy / $stolen |"
done <<<"$results"
} >"$root/bench/REMOTE.md"
if [ -f "$root/bench/REMOTE-READING.md" ]; then { echo; cat "$root/bench/REMOTE-READING.md"; } >>"$root/bench/REMOTE.md"; fi
sed -i '/^## Remote development on loopback/,$d' "$root/BENCHMARKS.md"
{ echo; cat "$root/bench/REMOTE.md"; } >>"$root/BENCHMARKS.md"
cat "$root/bench/REMOTE.md"
