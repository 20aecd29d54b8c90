#!/usr/bin/env bash
# Runs camera:bench on two builds of the distribution in turns on one machine, each in a fresh data directory
# with the benchmark camera (timing model at zero, ISO 3200, a 120 fps stream), and prints their key=value lines
# side by side with the ratio new / old. For "did this change make it faster or slower": the two jars see the same
# machine, one after the other, rounds times.
#
# Usage: bench/compare-jars.sh OLD_JAR NEW_JAR [-n CAPTURES] [-r ROUNDS] [-s WxH]
# Needs JDK 25 (JAVA_HOME or java on the PATH). A property one build does not know is ignored by it.
set -euo pipefail

old=${1:?usage: compare-jars.sh OLD_JAR NEW_JAR [-n CAPTURES] [-r ROUNDS] [-s WxH]}
new=${2:?usage: compare-jars.sh OLD_JAR NEW_JAR [-n CAPTURES] [-r ROUNDS] [-s WxH]}
shift 2
count=20
rounds=1
size=4000x3000
while [ $# -gt 0 ]; do
	case "$1" in
		-n) count=${2:?-n needs a number}; shift 2 ;;
		-r) rounds=${2:?-r needs a number}; shift 2 ;;
		-s) size=${2:?-s needs a size}; shift 2 ;;
		*) echo "compare-jars.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
done
for jar in "$old" "$new"; do
	[ -f "$jar" ] || { echo "compare-jars.sh: no such jar: $jar" >&2; exit 1; }
done
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # NAME JAR ROUND
	local home="$work/$1-$3"
	mkdir -p "$home/conf" "$home/data"
	printf 'camera.id=sim-back\nexposure.ms=0\nreadout.ms=0\niso=3200\nframe.rate=120\n' \
		> "$home/conf/camera.hal.sim-bench.cfg"
	printf 'camera:bench -s %s -n %s --no-format\nexit 0\n' "$size" "$count" \
		| "$java" -Dfelix.fileinstall.dir="$home/conf" -Ddarkroom.data="$home/data" -jar "$2" 2>/dev/null \
		| grep -o 'bench\.[a-z0-9_.]*=[^[:space:]]*' > "$work/$1-$3.values" || true
	rm -rf "$home"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
	run old "$old" "$round"
	run new "$new" "$round"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: printf 'camera:bench -s $size -n $count --no-format\\nexit 0\\n' | java -Dfelix.fileinstall.dir=<conf> -Ddarkroom.data=<data> -jar <jar>"
printf '%-45s %12s %12s %8s\n' key old new new/old
for round in $(seq 1 "$rounds"); do
	echo "round $round"
	awk -F= 'NR == FNR { old[$1] = $2; next }
		{ o = ($1 in old) ? old[$1] : "-"; r = (o != "-" && o != "n/a" && $2 != "n/a" && o + 0 != 0) ? sprintf("%.2f", $2 / o) : "";
		  printf "%-45s %12s %12s %8s\n", $1, o, $2, r }' "$work/old-$round.values" "$work/new-$round.values"
done
