#!/usr/bin/env bash
# Builds the platform, runs camera:bench at 4000x3000 inside it on the simulated camera (timing model at zero,
# high ISO) and plots its latency distributions, then the simulated sensor's frame benchmark, the gallery's badge
# latency in Chromium, the media library's benchmarks (a small and a 100,000-asset library), start-up with 1,000
# pending deferred jobs, and cjpeg beside phase 1's JPEG encoding, and writes BENCHMARKS.md at the repository root
# and its plot bench/latency.png. Run it on a quiet machine: every number is wall time.
#
# Usage: bench/benchmarks.sh [--no-build] [--offline] [-n CAPTURES] [--iso ISO]
#   --no-build   use what the last build wrote (camera.app/target/darkroom.jar, the modules' test classes and
#                their target/bench.classpath files)
#   --offline    build with Maven offline (-o)
#   -n           measured captures per delivery mode (default 20)
#   --iso        sensitivity of the simulated sensor (default 3200)
# Needs JDK 25 (JAVA_HOME or java on the PATH), Maven, dd, and about 3 GB free in the temporary folder (1,000
# pending jobs' spool and the large library); dcraw (Debian package dcraw) for the comparison with an outside raw
# developer, cjpeg (Debian package libjpeg-turbo-progs) for the one with an outside JPEG encoder. The build
# installs nothing into the local Maven repository.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=yes
offline=
count=20
iso=3200
size=4000x3000
while [ $# -gt 0 ]; do
	case "$1" in
		--no-build) build=no; shift ;;
		--offline) offline=-o; shift ;;
		-n) count=${2:?-n needs a number}; shift 2 ;;
		--iso) iso=${2:?--iso needs a number}; shift 2 ;;
		*) echo "benchmarks.sh: unknown argument '$1' (usage: [--no-build] [--offline] [-n CAPTURES] [--iso ISO])" >&2; exit 2 ;;
	esac
done

java=${JAVA_HOME:+$JAVA_HOME/bin/}java
java_major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${java_major:-0}" -lt 25 ]; then
	echo "benchmarks.sh: needs JDK 25 or later, found '${java_major:-none}': set JAVA_HOME" >&2
	exit 1
fi

cd "$root"
if [ "$build" = yes ]; then
	# One reactor run: the modules resolve each other from the reactor, so nothing goes into ~/.m2. Each module's
	# test classpath is written to its target/bench.classpath for the benchmark mains in its test sources.
	echo "building the platform (mvn -DskipTests package) ..." >&2
	mvn -B -q $offline -DskipTests package org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
		-Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi

work=$(mktemp -d)
staging=
trap 'rm -rf "$work" ${staging:+"$staging"}' EXIT
mkdir -p "$work/conf" "$work/data"

# Classpaths of the modules whose benchmark mains live in their test sources, as the build wrote them.
test_classpath() {
	if [ ! -f "$root/$1/target/bench.classpath" ]; then
		echo "benchmarks.sh: $1/target/bench.classpath is missing: run once without --no-build" >&2
		exit 1
	fi
	echo "$root/$1/target/test-classes:$root/$1/target/classes:$(cat "$root/$1/target/bench.classpath")"
}
deferred_classpath=$(test_classpath camera.deferred)
develop_classpath=$(test_classpath camera.develop)
sim_classpath=$(test_classpath camera.hal.sim)
library_classpath=$(test_classpath media.library)
bench_classpath=$(test_classpath camera.bench)

# The simulated camera of the benchmark: no exposure or readout time, a high ISO, the default burst of 4, and a
# stream of 120 frames per second for the zero-shutter-lag ring (at 30 a burst of 4-frame shots cannot pace faster
# than 133 ms a shot).
cat > "$work/conf/camera.hal.sim-bench.cfg" <<EOF
camera.id=sim-back
exposure.ms=0
readout.ms=0
iso=$iso
frame.rate=120
EOF

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
bench_command="camera:bench -s $size -n $count --no-format"
echo "running '$bench_command' inside the platform ..." >&2
printf '%s --samples %s\nexit 0\n' "$bench_command" "$work/samples.tsv" \
	| "$java" -Dfelix.fileinstall.dir="$work/conf" -Ddarkroom.data="$work/data" -jar camera.app/target/darkroom.jar \
		> "$work/bench.out" 2> "$work/bench.err"
grep -o 'bench\.[a-z0-9_.]*=[^[:space:]]*' "$work/bench.out" > "$work/bench.values" || true
if grep -q 'camera:bench:' "$work/bench.out" "$work/bench.err"; then
	grep -h 'camera:bench:' "$work/bench.out" "$work/bench.err" >&2
	exit 1
fi
value() {
	local found
	found=$(sed -n "s/^$1=//p" "$work/bench.values")
	if [ -z "$found" ]; then
		echo "benchmarks.sh: camera:bench printed no $1; its output is below" >&2
		cat "$work/bench.out" "$work/bench.err" >&2
		exit 1
	fi
	echo "$found"
}

echo "plotting the latency distributions of that run ..." >&2
plot_command="java -cp <camera.bench test classpath> camera.bench.internal.LatencyPlot <samples> bench/latency.png <title>"
"$java" -Djava.awt.headless=true -cp "$bench_classpath" camera.bench.internal.LatencyPlot "$work/samples.tsv" \
	"$root/bench/latency.png" "camera:bench -s $size -n $count, ISO $iso: latency of each measured capture"

# The physical references around phase 1: writing one burst durably, as the spool must before the app hears
# (12-bit samples packed three bytes to two, as the spool stores them): one file, and four written at once.
burst_bytes=$(( ${size%x*} * ${size#*x} * 3 / 2 * 4 ))
dd_start=$(date +%s%N)
dd if=/dev/zero of="$work/data/burst" bs=$(( burst_bytes / 4 )) count=4 conv=fsync status=none
burst_write_ms=$(( ($(date +%s%N) - dd_start) / 1000000 ))
rm -f "$work/data/burst"
dd_start=$(date +%s%N)
for frame in 0 1 2 3; do
	dd if=/dev/zero of="$work/data/frame-$frame" bs=$(( burst_bytes / 4 )) count=1 conv=fsync status=none &
done
wait
burst_parallel_ms=$(( ($(date +%s%N) - dd_start) / 1000000 ))
rm -f "$work/data"/frame-*

echo "running the pipeline's benchmark outside OSGi ..." >&2
pipeline_command="java --enable-native-access=ALL-UNNAMED -cp <camera.develop test classpath> camera.develop.bench.PipelineBenchmark 4000 3000 5"
"$java" --enable-native-access=ALL-UNNAMED -cp "$develop_classpath" camera.develop.bench.PipelineBenchmark 4000 3000 5 \
	> "$work/pipeline.out"

echo "running the simulated sensor's frame benchmark ..." >&2
frames_command="java -cp <camera.hal.sim test classpath> camera.hal.sim.internal.sensor.bench.FrameGenerationBenchmark"
"$java" -cp "$sim_classpath" camera.hal.sim.internal.sensor.bench.FrameGenerationBenchmark > "$work/frames.out"

echo "running the engine's HIGH request pickup benchmark ..." >&2
pickup_command="java -cp <camera.deferred test classpath> camera.deferred.internal.jobs.HighRequestPickupBenchmark 200"
"$java" -cp "$deferred_classpath" camera.deferred.internal.jobs.HighRequestPickupBenchmark 200 > "$work/pickup.out"

echo "running the spool's write benchmark ..." >&2
spool_command="java -cp <camera.deferred test classpath> camera.deferred.internal.jobs.SpoolWriteBenchmark <data directory> 15"
"$java" -cp "$deferred_classpath" camera.deferred.internal.jobs.SpoolWriteBenchmark "$work/data" 15 > "$work/spool.out"

echo "running the gallery's badge latency in Chromium (a 30-shot burst) ..." >&2
badge_command="mvn -B -pl camera.itest -am verify -Dtest=camera.itest.web.BadgeLatencyIT -Dsurefire.failIfNoSpecifiedTests=false"
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
	$badge_command -q > "$work/badge.log" 2>&1 || { cat "$work/badge.log" >&2; exit 1; }
	cp camera.itest/target/benchmarks/badge-latency.txt "$work/badge.out"
else
	echo "skipped: Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)" > "$work/badge.out"
fi

echo "running the media library's benchmark ..." >&2
library_command="java -cp <media.library test classpath> media.library.internal.bench.LibraryBenchmark 100 4000 3000 <temp dir>"
"$java" -cp "$library_classpath" media.library.internal.bench.LibraryBenchmark 100 4000 3000 "$work/library" \
	> "$work/library.out"

echo "running the media library at two sizes (1,000 and 100,000 assets) ..." >&2
# Filling 100,000 assets syncs 200,000 files: on a tmpfs it takes a minute or two, on a disk many; the timed
# operations run on the temporary folder's file system either way.
scale_command="java -cp <media.library test classpath> media.library.internal.bench.LibraryScaleBenchmark <temp dir> 1000 100000 8"
if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] \
		&& [ "$(df -Pk /dev/shm | awk 'NR == 2 { print $4 }')" -gt 2000000 ]; then
	staging=$(mktemp -d -p /dev/shm darkroom-bench.XXXXXX)
	scale_command="$scale_command /dev/shm/<staging>"
fi
"$java" --enable-native-access=ALL-UNNAMED -cp "$library_classpath" media.library.internal.bench.LibraryScaleBenchmark \
	"$work/library-scale" 1000 100000 8 ${staging:+"$staging"} > "$work/scale.values"
rm -rf "$work/library-scale"
scale() {
	local found
	found=$(sed -n "s/^library\.$1=//p" "$work/scale.values")
	echo "${found:?benchmarks.sh: LibraryScaleBenchmark printed no library.$1}"
}
for key in small.open_ms large.open_ms large.first_page_ms large.last_page_ms large.request_image_fast_p90_ms; do
	scale "$key" > /dev/null
done

echo "running start-up with 1,000 pending deferred jobs ..." >&2
startup_command="bench/startup-bench.sh java camera.app/target/darkroom.jar <temp dir> 1000 3"
"$root/bench/startup-bench.sh" "$java" camera.app/target/darkroom.jar "$work" 1000 3 > "$work/startup.values"
startup() {
	local found
	found=$(sed -n "s/^startup\.$1=//p" "$work/startup.values")
	echo "${found:?benchmarks.sh: startup-bench.sh printed no startup.$1}"
}
startup empty.ms > /dev/null
startup pending.queued_at_stop > /dev/null

echo "timing phase 1's JPEG encoding beside cjpeg on the same pixels ..." >&2
fast_command="java --enable-native-access=ALL-UNNAMED -cp <camera.develop test classpath> camera.develop.bench.FastJpegBenchmark <ppm> 4000 3000 80"
"$java" --enable-native-access=ALL-UNNAMED -cp "$develop_classpath" camera.develop.bench.FastJpegBenchmark \
	"$work/fast.ppm" 4000 3000 80 > "$work/fast.values"
fast() {
	local found
	found=$(sed -n "s/^fast_jpeg\.$1=//p" "$work/fast.values")
	echo "${found:?benchmarks.sh: FastJpegBenchmark printed no fast_jpeg.$1}"
}
fast encode_ms > /dev/null
cjpeg_ms=n/a
cjpeg_bytes=n/a
cjpeg_version="not installed (apt-get install libjpeg-turbo-progs)"
if command -v cjpeg > /dev/null; then
	cjpeg_version=$(cjpeg -version 2>&1 | head -1)
	for round in 0 1 2 3 4 5 6 7 8 9 10; do
		cjpeg_start=$(date +%s%N)
		cjpeg -quality "$(fast quality)" -outfile "$work/fast-cjpeg.jpg" "$work/fast.ppm"
		# the first run only brings the PPM and cjpeg into the page cache
		[ "$round" -eq 0 ] || echo $(( ($(date +%s%N) - cjpeg_start) / 1000 ))
	done | sort -n | awk '{ v[NR] = $1 } END { printf "%.2f\n", v[int((NR + 1) / 2)] / 1000 }' > "$work/cjpeg.ms"
	cjpeg_ms=$(cat "$work/cjpeg.ms")
	cjpeg_bytes=$(stat -c %s "$work/fast-cjpeg.jpg")
fi
rm -f "$work/fast.ppm" "$work/fast-cjpeg.jpg"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

phase1=$(value bench.phase1.p50_ms)
phase1_p99=$(value bench.phase1.p99_ms)
single=$(value bench.single.p50_ms)
single_p99=$(value bench.single.p99_ms)
ratio=$(value bench.ratio_p50)
phase2_ms=$(value bench.phase2.ms_per_photo)
phase2_rate=$(value bench.phase2.mp_per_s)
turbo=$(value bench.jpeg.turbo_mp_per_s)
imageio=$(value bench.jpeg.imageio_mp_per_s)
copy=$(value bench.copy.ms_per_frame)
shot_to_shot=$(value bench.burst.shot_to_shot_p50_ms)
heap=$(value bench.burst.heap_peak_mb)
rss=$(value bench.burst.rss_peak_mb)
live_heap=$(value bench.burst.live_heap_peak_mb)
shutter_lag=$(value bench.phase1.shutter_lag_p50_ms)
stage_wait=$(value bench.phase1.stage.wait_for_frame_p50_ms)
stage_develop=$(value bench.phase1.stage.develop_p50_ms)
stage_encode=$(value bench.phase1.stage.encode_p50_ms)
stage_spool=$(value bench.phase1.stage.spool_write_p50_ms)
stage_asset=$(value bench.phase1.stage.asset_write_p50_ms)
cpu_deferred=$(value bench.phase1.cpu_ms_per_capture)
cpu_single=$(value bench.single.cpu_ms_per_capture)
psnr1=$(value bench.psnr.phase1_db)
psnr2=$(value bench.psnr.phase2_db)
gain=$(awk -v a="$psnr2" -v b="$psnr1" 'BEGIN { printf "%.1f", a - b }')
ssim1=$(value bench.ssim.phase1)
ssim2=$(value bench.ssim.phase2)
psnr_dcraw3=$(value bench.psnr.dcraw_q3_db)
ssim_dcraw3=$(value bench.ssim.dcraw_q3)
psnr_dcraw0=$(value bench.psnr.dcraw_q0_db)
ssim_dcraw0=$(value bench.ssim.dcraw_q0)
dcraw_version=$( (dcraw 2>&1 || true) | sed -n 's/^Raw photo decoder "dcraw" v\([0-9.]*\).*/\1/p')

# verdict VALUE OP BAR: "met" or "missed"
verdict() {
	awk -v v="$1" -v op="$2" -v bar="$3" 'BEGIN {
		if (v == "n/a") { print "not measured"; exit }
		ok = (op == "<=") ? (v + 0 <= bar + 0) : (v + 0 >= bar + 0)
		print ok ? "met" : "missed"
	}'
}

# ratio A B: A / B to two decimals, n/a where either is not a number
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) { print "n/a"; exit }
		printf "%.2f", a / b
	}'
}

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
memory=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
jdk=$("$java" -version 2>&1 | sed -n 2p)

{
	echo "# Benchmarks"
	echo
	echo "Written by \`bench/benchmarks.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Wall-clock times: on a shared or busy"
	echo "machine every number here is slower than the machine can do; the load average is recorded for that reason."
	echo
	echo "## Machine"
	echo
	echo "- CPU: $cpu, $(nproc) cores available"
	echo "- Memory: $memory"
	echo "- JDK: $jdk"
	echo "- Load average (1, 5, 15 min): $load_before before, $load_after after"
	echo
	echo "## Phase 1, phase 2 and the codec: \`camera:bench\`"
	echo
	echo "The platform ran from \`camera.app/target/darkroom.jar\` with its own empty data directory and a FileInstall"
	echo "directory holding \`camera.hal.sim-bench.cfg\` (\`camera.id=sim-back\`, \`exposure.ms=0\`, \`readout.ms=0\`,"
	echo "\`iso=$iso\`, \`frame.rate=120\`): the simulated camera's timing model at zero, streaming at 120 frames per"
	echo "second into the zero-shutter-lag ring, a burst of 4 raw frames per photo. Command:"
	echo
	echo '```'
	echo "printf '$bench_command\\nexit 0\\n' | java -Dfelix.fileinstall.dir=<conf> -Ddarkroom.data=<data> -jar camera.app/target/darkroom.jar"
	echo '```'
	echo
	echo "| Measure | Value | Bar (issues 16, 10, 6) | |"
	echo "|---|---:|---|---|"
	echo "| capture → photoAssetAvailable p50 (deferred, phase 1) | $phase1 ms | ≤ 50 ms | $(verdict "$phase1" '<=' 50) |"
	echo "| capture → photoAssetAvailable p99 | $phase1_p99 ms | ≤ 100 ms | $(verdict "$phase1_p99" '<=' 100) |"
	echo "| shutter lag p50: press → exposure of the first frame (negative: before the press) | $shutter_lag ms | | |"
	echo "| phase 1 stage p50: press → first frame in hand | $stage_wait ms | | |"
	echo "| phase 1 stage p50: develop the FAST image | $stage_develop ms | | |"
	echo "| phase 1 stage p50: encode it as JPEG | $stage_encode ms | | |"
	echo "| phase 1 stage p50: first frame → whole burst spooled (beside the two above) | $stage_spool ms | | |"
	echo "| phase 1 stage p50: write the FAST asset (file and row, synced) | $stage_asset ms | | |"
	echo "| capture → photoAvailable p50 (single-phase) | $single ms | | |"
	echo "| capture → photoAvailable p99 | $single_p99 ms | | |"
	echo "| ratio of the p50s, deferred / single-phase | $ratio | ≤ 0.08 | $(verdict "$ratio" '<=' 0.08) |"
	echo "| process CPU per deferred capture (every thread, during its timed span) | $cpu_deferred ms | | |"
	echo "| process CPU per single-phase capture | $cpu_single ms | | |"
	echo "| phase 2 per photo: 4-frame develop + compact JPEG q95 | $phase2_ms ms | | |"
	echo "| phase 2 throughput | $phase2_rate MP/s | ≥ 10 MP/s | $(verdict "$phase2_rate" '>=' 10) |"
	echo "| JPEG encode, libjpeg-turbo | $turbo MP/s | ≥ 250 MP/s | $(verdict "$turbo" '>=' 250) |"
	echo "| JPEG encode, ImageIO | $imageio MP/s | | |"
	echo "| copy of one raw frame in memory | $copy ms | | |"
	echo "| burst of 30 deferred shots: shot-to-shot p50 | $shot_to_shot ms | ≤ 60 ms | $(verdict "$shot_to_shot" '<=' 60) |"
	echo "| burst of 30: peak heap (used, sampled every 5 ms) | $heap MB | ≤ 350 MB | $(verdict "$heap" '<=' 350) |"
	echo "| burst of 30: peak heap left after a collection | $live_heap MB | | |"
	echo "| burst of 30: peak resident set | $rss MB | | |"
	echo "| PSNR of phase 1 (half size, upscaled) | $psnr1 dB | | |"
	echo "| PSNR of phase 2 | $psnr2 dB | phase 1 + 7 dB | +$gain dB, $(verdict "$gain" '>=' 7) |"
	echo
	echo "PSNR is measured against the simulator's noise-free reference of the same burst, rendered through the same"
	echo "tone curve (\`SimulatedScene.render\`, \`PhotoDeveloper.renderReference\`), before JPEG encoding."
	echo
	echo "The distributions of the same run's measured captures (\`camera:bench --samples FILE\` writes one line per"
	echo "capture; \`camera.bench.internal.LatencyPlot\` in camera.bench's test sources draws them): the share of"
	echo "captures whose event had arrived by each time, and one tick per capture under the axis."
	echo
	echo "![Cumulative distributions of phase 1 and single-phase latency](bench/latency.png)"
	echo
	echo '```'
	echo "$plot_command"
	echo '```'
	echo
	echo "## Phase 2 against an outside raw developer: dcraw on the DNG"
	echo
	echo "The same run of \`$bench_command\` writes the DNG of the burst's first frame (the frame phase 1 develops"
	echo "and \`camera:capture --raw\` keeps) with camera.develop's \`DngCodec\` and has dcraw ${dcraw_version:-(not installed)}"
	echo "develop it: \`dcraw -4 -w -c -q 3\` (AHD interpolation) and \`-q 0\` (bilinear), linear 16-bit output with the"
	echo "file's white balance. dcraw's picture then goes through the same output transform as the reference"
	echo "(\`PhotoDeveloper.renderReference\`), so the grades compare the developments, not two tone curves. PSNR and"
	echo "SSIM (luma, 11x11 Gaussian window, sigma 1.5, \`RgbImage.ssim\`) over the whole picture, against the same"
	echo "reference; n/a where dcraw is not installed."
	echo
	echo "| Development of the same frame | PSNR | SSIM |"
	echo "|---|---:|---:|"
	echo "| Darkroom phase 1 (one frame, binned, upscaled) | $psnr1 dB | $ssim1 |"
	echo "| Darkroom phase 2 (4-frame merge, denoise, sharpen) | $psnr2 dB | $ssim2 |"
	echo "| dcraw -q 3 on the DNG of frame 1 | $psnr_dcraw3 dB | $ssim_dcraw3 |"
	echo "| dcraw -q 0 on the DNG of frame 1 | $psnr_dcraw0 dB | $ssim_dcraw0 |"
	echo
	echo "## Physical references"
	echo
	echo "| Measure | Value | How |"
	echo "|---|---:|---|"
	echo "| durable write of one 4-frame $size burst packed to 12 bits ($(( burst_bytes / 1048576 )) MiB, fsync), one file | $burst_write_ms ms | \`dd conv=fsync\` into the data directory's file system |"
	echo "| the same as four files written at once, as the spool does | $burst_parallel_ms ms | four \`dd conv=fsync\` in parallel |"
	echo "| copy of one raw frame in memory | $copy ms | \`camera:bench\` |"
	echo "| JPEG encoding of phase 1's image ($(fast size), q$(fast quality)), the platform's codec ($(fast codec), $(fast cores) cores) | $(fast encode_ms) ms | \`FastJpegBenchmark\`, $(fast bytes) bytes |"
	echo "| cjpeg on the same pixels (one thread, the whole process) | $cjpeg_ms ms | \`cjpeg -quality $(fast quality)\` on a PPM, $cjpeg_bytes bytes; $cjpeg_version |"
	echo
	echo "Phase 1's pixels for the JPEG rows come from camera.develop's \`developFast\` (binned to half size) on a"
	echo "synthetic 4000x3000 frame (\`FastJpegBenchmark\` in its test sources, which writes them as the PPM cjpeg reads);"
	echo "both encoders use 4:2:0 subsampling and the same quality; medians of 10 runs. Command:"
	echo
	echo '```'
	echo "$fast_command"
	echo '```'
	echo
	echo "## Development pipeline outside OSGi, with CPU time"
	echo
	echo "The pipeline's own benchmark main on a synthetic 4-frame burst (not the simulator's scene, so its PSNR differs"
	echo "from the table above). The CPU time of the whole process per development is not inflated by other processes"
	echo "the way wall time is: divided by the cores it estimates the wall time on an idle machine."
	echo
	echo '```'
	echo "$pipeline_command"
	echo '```'
	echo
	echo '```'
	cat "$work/pipeline.out"
	echo '```'
	echo
	echo "## Simulated sensor: frame generation"
	echo
	echo '```'
	echo "$frames_command"
	echo '```'
	echo
	echo '```'
	cat "$work/frames.out"
	echo '```'
	echo
	echo "## Spool: one burst made durable, three ways"
	echo
	echo "The same 4-frame burst of 12-bit samples, written in turns into the data directory's file system. The CPU time"
	echo "is the whole process's per burst; on the capture path it is taken from the camera and phase 1."
	echo
	echo '```'
	echo "$spool_command"
	echo '```'
	echo
	echo '```'
	cat "$work/spool.out"
	echo '```'
	echo
	echo "## Deferred engine: a HIGH request picked up by a free worker"
	echo
	echo "From processImage (a HIGH_QUALITY request) to the start of development, with a capture in progress holding"
	echo "NORMAL jobs back; the pipeline and library are fakes, so only the engine's own path is timed. Bar: 50 ms."
	echo
	echo '```'
	echo "$pickup_command"
	echo '```'
	echo
	echo '```'
	cat "$work/pickup.out"
	echo '```'
	echo
	echo "## Media library: create + apply, requestImage FAST"
	echo
	echo '```'
	echo "$library_command"
	echo '```'
	echo
	echo '```'
	sed "s|$work|<temp dir>|g" "$work/library.out"
	echo '```'
	echo
	echo "## How cost grows with work"
	echo
	echo "### Media library: 1,000 and 100,000 assets"
	echo
	echo "The same operations on two libraries in one run (\`LibraryScaleBenchmark\` in media.library's test sources),"
	echo "so the growth reads as a ratio. Each library is filled through the public API (createAsset, then applyChanges"
	echo "adding a $(scale image_bytes)-byte 32x24 JPEG; $(scale fill_threads) threads, as every change is synced on its own and there is no"
	echo "batch API), filled in $( [ "$(scale filled_in)" = staging ] && echo "a tmpfs and copied into the temporary folder" || echo "the temporary folder"),"
	echo "closed and opened again; the timed operations run on the temporary folder's file system. A page is the"
	echo "gallery's (48 assets and one more), newest first; requestImage FAST is timed from the call to the handler"
	echo "holding the decoded picture, on 300 assets drawn at random. Medians in milliseconds."
	echo
	echo '```'
	echo "$scale_command"
	echo '```'
	echo
	echo "| Operation | $(scale small.assets) assets | $(scale large.assets) assets | ratio |"
	echo "|---|---:|---:|---:|"
	echo "| open the library (migration, file recovery) | $(scale small.open_ms) | $(scale large.open_ms) | $(ratio "$(scale large.open_ms)" "$(scale small.open_ms)") |"
	echo "| list the first page | $(scale small.first_page_ms) | $(scale large.first_page_ms) | $(ratio "$(scale large.first_page_ms)" "$(scale small.first_page_ms)") |"
	echo "| list the last page | $(scale small.last_page_ms) | $(scale large.last_page_ms) | $(ratio "$(scale large.last_page_ms)" "$(scale small.last_page_ms)") |"
	echo "| requestImage FAST p50 | $(scale small.request_image_fast_ms) | $(scale large.request_image_fast_ms) | $(ratio "$(scale large.request_image_fast_ms)" "$(scale small.request_image_fast_ms)") |"
	echo "| requestImage FAST p90 | $(scale small.request_image_fast_p90_ms) | $(scale large.request_image_fast_p90_ms) | $(ratio "$(scale large.request_image_fast_p90_ms)" "$(scale small.request_image_fast_p90_ms)") |"
	echo "| filling the library (seconds, not timed work) | $(scale small.fill_s) s | $(scale large.fill_s) s | |"
	echo
	echo "### Start-up with $(startup jobs) pending deferred jobs"
	echo
	echo "From starting \`java -jar camera.app/target/darkroom.jar\` (the distribution, default configuration, an empty"
	echo "FileInstall directory) to a working capture: the line \`camera:capture -s 640x480\` prints once"
	echo "photoAssetAvailable has arrived (the command is sent again until one works). On a data directory holding"
	echo "$(startup jobs) pending deferred jobs ($(startup pending_spool_mb) MB, a fresh copy for each run), beside an empty one; the runs alternate. The"
	echo "jobs were made the way a user makes them: the platform, with \`deferred:pause\`, took $(startup jobs) 640x480 photos"
	echo "(the simulated camera's timing model at zero) and stopped, in $(startup make_jobs_s) s."
	echo
	echo '```'
	echo "$startup_command"
	echo '```'
	echo
	echo "| Data directory | empty | $(startup jobs) pending jobs | ratio |"
	echo "|---|---:|---:|---:|"
	echo "| start to a working capture, median of $(startup runs) runs | $(startup empty.ms) ms | $(startup pending.ms) ms | $(ratio "$(startup pending.ms)" "$(startup empty.ms)") |"
	echo "| each run | $(startup empty.runs_ms) ms | $(startup pending.runs_ms) ms | |"
	echo "| of that, start to the shell's banner, median | $(startup empty.shell_ms) ms | $(startup pending.shell_ms) ms | $(ratio "$(startup pending.shell_ms)" "$(startup empty.shell_ms)") |"
	echo "| phase 1 of that capture, as camera:capture reports it | $(startup empty.phase1_ms) ms | $(startup pending.phase1_ms) ms | |"
	echo "| camera:capture sent, times | $(startup empty.attempts) | $(startup pending.attempts) | |"
	echo "| jobs still queued when the platform stopped (\`deferred:stats\`) | $(startup empty.queued_at_stop) | $(startup pending.queued_at_stop) | |"
	echo
	echo "## Web gallery: FULL in the library to the badge in the browser"
	echo
	echo "A 30-shot 640x480 burst with the gallery open in headless Chromium, the engine paused during the burst and then"
	echo "drained; per photo, the time from its FULL image committed in the library (the asset's \`dateModified\`) to the"
	echo "moment its badge showed FULL in the page (\`Date.now()\` in a MutationObserver), without a reload. Both clocks are"
	echo "this machine's; milliseconds. The test (\`BadgeLatencyIT\` in camera.itest) asserts that every badge turns, never a time."
	echo
	echo '```'
	echo "$badge_command"
	echo '```'
	echo
	echo '```'
	cat "$work/badge.out"
	echo '```'
	if [ -f "$root/bench/READING.md" ]; then
		echo
		cat "$root/bench/READING.md"
	fi
	# bench/remote-bench.sh's section (development nodes), kept from its last run.
	if [ -f "$root/bench/REMOTE.md" ]; then
		echo
		cat "$root/bench/REMOTE.md"
	fi
} > "$root/BENCHMARKS.md"
echo "wrote $root/BENCHMARKS.md" >&2
