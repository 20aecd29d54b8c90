#!/usr/bin/env bash
# Start-up with pending deferred jobs, beside start-up on an empty data directory. First makes a data directory
# holding JOBS pending deferred jobs the way a user would: the platform, with deferred processing paused
# (deferred:pause), takes JOBS 640x480 photos (camera:capture) and stops. Then, RUNS times each and in turns, it
# starts the distribution (java -jar darkroom.jar, default configuration) on a fresh copy of that directory and on
# an empty one, and times from the start of the process to a working capture: the line camera:capture prints once
# photoAssetAvailable has arrived. camera:capture is sent again until one works (before that the shell or the
# camera is not up yet). Prints key=value lines (startup.*); the platforms' output goes to WORK/startup-*.log.
# Called by bench/benchmarks.sh; runs alone too.
#
# Usage: bench/startup-bench.sh <java> <darkroom.jar> <work folder> [jobs] [runs]
set -euo pipefail

java=${1:?usage: startup-bench.sh <java> <darkroom.jar> <work folder> [jobs] [runs]}
jar=${2:?darkroom.jar missing}
work=${3:?work folder missing}
jobs=${4:-1000}
runs=${5:-3}
size=640x480
attempts_at_most=600

mkdir -p "$work/startup-fast-conf" "$work/startup-conf"
# Only for making the jobs: the simulated camera's timing model at zero, so that 1,000 photos take a minute.
cat > "$work/startup-fast-conf/camera.hal.sim-bench.cfg" <<EOF
camera.id=sim-back
exposure.ms=0
readout.ms=0
EOF

now_ns() { date +%s%N; }

# start_platform CONF DATA LOG: starts the platform as coprocess "platform", its stdout read by the caller.
start_platform() {
	coproc platform { exec "$java" -Dfelix.fileinstall.dir="$1" -Ddarkroom.data="$2" -jar "$jar" 2>"$3.err"; }
	to_platform=${platform[1]}
	from_platform=${platform[0]}
	platform_pid=$platform_PID
}

# send_until PATTERN COMMAND: sends COMMAND, then a marker, until a line of output matches PATTERN. Also notes
# when the shell's banner arrived.
send_until() {
	local pattern=$1 command=$2 attempt=0 line
	matched_ns=
	while [ -z "$matched_ns" ]; do
		attempt=$((attempt + 1))
		if [ "$attempt" -gt "$attempts_at_most" ] || ! kill -0 "$platform_pid" 2>/dev/null; then
			echo "startup-bench.sh: '$command' never printed '$pattern'; see $log and $log.err" >&2
			exit 1
		fi
		printf '%s\necho startup-bench-attempt-%d\n' "$command" "$attempt" >&"$to_platform"
		while IFS= read -r -t 600 line <&"$from_platform"; do
			echo "$line" >> "$log"
			if [[ -z "$shell_ns" && $line == *"Welcome to Apache Felix Gogo"* ]]; then
				shell_ns=$(now_ns)
			fi
			# shellcheck disable=SC2053 # the pattern is a glob on purpose
			if [[ -z "$matched_ns" && $line == $pattern ]]; then
				matched_ns=$(now_ns)
				matched_line=$line
			fi
			[[ $line == *"startup-bench-attempt-$attempt"* ]] && break
		done
		[ -n "$matched_ns" ] || sleep 0.05
	done
	attempts=$attempt
}

# stop_platform: deferred:stats into the log, exit, and wait for the process.
stop_platform() {
	printf 'deferred:stats --no-format\nexit 0\n' >&"$to_platform"
	cat <&"$from_platform" >> "$log"
	wait "$platform_pid"
}

# The data directory with the pending jobs.
pending=$work/startup-pending
rm -rf "$pending"
mkdir -p "$pending"
log=$work/startup-make-jobs.log
: > "$log"
make_start=$(now_ns)
shell_ns=
start_platform "$work/startup-fast-conf" "$pending" "$log"
send_until '*deferred processing paused*' 'deferred:pause'
send_until '*startup-bench-captures-done*' "camera:capture -s $size -n $jobs; echo startup-bench-captures-done"
stop_platform
make_seconds=$(awk -v ns=$(( $(now_ns) - make_start )) 'BEGIN { printf "%.1f", ns / 1e9 }')
delivered=$(grep -c '  FAST  phase 1: ' "$log" || true)
queued=$(sed -n 's/^.*queued normal\t\([0-9]*\)$/\1/p' "$log" | tail -1)
if [ "${queued:-0}" -ne "$jobs" ]; then
	echo "startup-bench.sh: $delivered photos were taken but ${queued:-no} jobs are pending, not $jobs; see $log" >&2
	exit 1
fi
echo "startup.jobs=$queued"
echo "startup.make_jobs_s=$make_seconds"
echo "startup.pending_spool_mb=$(du -sm "$pending" | cut -f1)"

# measure NAME DATA: one start on DATA to a working capture; appends to NAME's figures.
measure() {
	local name=$1 data=$2 start
	log=$work/startup-$name.log
	echo "--- run $run" >> "$log"
	start=$(now_ns)
	shell_ns=
	start_platform "$work/startup-conf" "$data" "$log"
	send_until '*capture *  FAST  phase 1: *' "camera:capture -s $size"
	echo "$(( (matched_ns - start) / 1000000 ))" >> "$work/startup-$name.ms"
	echo "$attempts" >> "$work/startup-$name.attempts"
	echo "$(( (${shell_ns:-$matched_ns} - start) / 1000000 ))" >> "$work/startup-$name.shell"
	sed -n 's/.*phase 1: \([0-9]*\) ms.*/\1/p' <<< "$matched_line" >> "$work/startup-$name.phase1"
	stop_platform
	# what the engine held when the platform stopped, to show the jobs were there and being worked on
	sed -n 's/^.*queued normal\t\([0-9]*\)$/\1/p' "$log" | tail -1 >> "$work/startup-$name.queued"
}

rm -f "$work"/startup-{empty,pending}.{ms,shell,attempts,phase1,queued}
for run in $(seq 1 "$runs"); do
	rm -rf "$work/startup-empty-data"
	mkdir -p "$work/startup-empty-data"
	measure empty "$work/startup-empty-data"
	rm -rf "$work/startup-pending-data"
	cp -a "$pending" "$work/startup-pending-data"
	measure pending "$work/startup-pending-data"
done
rm -rf "$work/startup-empty-data" "$work/startup-pending-data" "$pending"

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for name in empty pending; do
	echo "startup.$name.ms=$(median "$work/startup-$name.ms")"
	echo "startup.$name.runs_ms=$(paste -sd, "$work/startup-$name.ms")"
	echo "startup.$name.shell_ms=$(median "$work/startup-$name.shell")"
	echo "startup.$name.attempts=$(paste -sd, "$work/startup-$name.attempts")"
	echo "startup.$name.phase1_ms=$(paste -sd, "$work/startup-$name.phase1")"
	echo "startup.$name.queued_at_stop=$(paste -sd, "$work/startup-$name.queued")"
done
echo "startup.runs=$runs"
