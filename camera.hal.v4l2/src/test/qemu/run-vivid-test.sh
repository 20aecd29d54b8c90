#!/usr/bin/env bash
# Real-driver test of camera.hal.v4l2: boots a QEMU guest built from Debian packages, loads the kernel's
# vivid virtual camera driver, and runs a Java program from this host (JDK and built classes seen through a
# read-only 9p share of the host root) against /dev/video0. The guest writes its verdict and the syscall
# traces it recorded to a second, writable share; this script checks the verdict and exits non-zero on failure.
#
# Usage: run-vivid-test.sh [--platform]
#   Needs root (apt-get), a JDK 25 in JAVA_HOME and the module built (mvn -pl camera.hal.v4l2 install, which also
#   compiles the test classes). With --platform the guest first runs the exported distribution
#   (camera.app/target/darkroom.jar, built beforehand) with the simulated HAL stopped: it must list the vivid
#   camera, capture deferred photos through it and drain them to FULL.
# Environment: VIVID_WORK  where the kernel, initramfs and results go while it runs (default
#                          camera.hal.v4l2/target/qemu); afterwards only the traces, or a failure's results
#                          and console, stay
#              VIVID_TIMEOUT seconds before the guest is killed (default 170, 280 with --platform)
set -euo pipefail
module=$(cd "$(dirname "$0")/../../.." && pwd)
work=${VIVID_WORK:-$module/target/qemu}
timeout_seconds=${VIVID_TIMEOUT:-}
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25}"
mkdir -p "$work"
platform=false
app_jar=
if [ "${1:-}" = "--platform" ]; then
  platform=true
  timeout_seconds=${timeout_seconds:-280}
  app_jar=$(cd "$module/.." && pwd)/camera.app/target/darkroom.jar
  [ -f "$app_jar" ] || { echo "--platform needs $app_jar: build camera.app first" >&2; exit 1; }
fi

# What the run leaves behind: when it passes, only the syscall traces it recorded (a few kilobytes, for the replay
# tests); on a failure only what diagnoses it (the guest's results and log, the console); never the kernel (some
# 480 MB unpacked), its package or the initramfs, which the next run fetches and builds again.
cleanup() {
  local status=$?
  rm -rf "${kernel_root:-}" "${initramfs:-}" "$work/initramfs.gz" "$work/module-order"
  rm -f "$work"/linux-image-*.deb
  if [ "$status" = 0 ]; then
    [ -d "${results:-}" ] && find "$results" -mindepth 1 ! -name '*.trace' -delete
    rm -f "$work/console.log"
  fi
  exit "$status"
}
trap cleanup EXIT

# 1. Host packages: the emulator, a static busybox for the guest's init, cpio and kmod to build the initramfs.
packages="qemu-system-x86 busybox-static cpio kmod"
missing=$(for p in $packages; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
if [ -n "$missing" ] || ! apt-cache show linux-image-amd64 >/dev/null 2>&1; then
  apt-get update -qq
fi
if [ -n "$missing" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

# 2. The kernel Debian ships as linux-image-amd64, with its modules (vivid among them).
kernel_package=$(apt-cache depends linux-image-amd64 | sed -n 's/^ *Depends: \(linux-image-[0-9].*\)$/\1/p' | head -1)
kernel_version=${kernel_package#linux-image-}
kernel_root=$work/kernel-$kernel_version
if [ ! -f "$kernel_root/boot/vmlinuz-$kernel_version" ]; then
  (cd "$work" && apt-get download -q "$kernel_package" 2>/dev/null)
  rm -rf "$kernel_root" && dpkg-deb -x "$work/${kernel_package}"_*.deb "$kernel_root"
  depmod -b "$kernel_root" "$kernel_version"
fi

# 3. A busybox initramfs that loads vivid and the 9p transport, then runs the guest program.
initramfs=$work/initramfs
rm -rf "$initramfs" && mkdir -p "$initramfs"/{bin,modules,proc,sys,dev,host}
cp /bin/busybox "$initramfs/bin/busybox"
for module_name in virtio_pci 9pnet_virtio 9p vivid; do
  modprobe -d "$kernel_root" -S "$kernel_version" --show-depends "$module_name" | awk '/^insmod/ {print $2}'
done | awk '!seen[$0]++' > "$work/module-order"
: > "$initramfs/modules/order"
while read -r path; do
  cp "$path" "$initramfs/modules/"
  basename "$path" >> "$initramfs/modules/order"
done < "$work/module-order"
results=$work/results
rm -rf "$results" && mkdir -p "$results"
cat > "$initramfs/init" <<INIT
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
while read -r m; do
  case \$m in
    vivid.ko) insmod /modules/\$m n_devs=1 node_types=0x1 ;;
    *) insmod /modules/\$m ;;
  esac
done < /modules/order
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=512000 hostroot /host
mount -t proc proc /host/proc; mount -t sysfs sys /host/sys; mount -t devtmpfs dev /host/dev
# The guest's scratch space: not over /tmp, which may hold the checkout the guest reads from the host.
mount -t tmpfs scratch /host/mnt
mkdir -p /host$results 2>/dev/null
mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000 results /host$results
chroot /host /bin/sh $results/guest.sh > /host$results/guest.log 2>&1
echo "guest exit \$?" >> /host$results/guest.log
sync
poweroff -f
INIT
chmod +x "$initramfs/init"
(cd "$initramfs" && find . | cpio -o -H newc --quiet | gzip -1) > "$work/initramfs.gz"

# 4. The program the guest runs: the HAL's own classes against /dev/video0.
classpath=$module/target/classes:$module/target/test-classes
repository=${MAVEN_REPOSITORY:-$HOME/.m2/repository}
api_jar=$module/../camera.api/target/camera.api-1.0.0-SNAPSHOT.jar
[ -f "$api_jar" ] || api_jar=$repository/darkroom/camera.api/1.0.0-SNAPSHOT/camera.api-1.0.0-SNAPSHOT.jar
classpath=$classpath:$(cd "$(dirname "$api_jar")" && pwd)/$(basename "$api_jar")
classpath=$classpath:$repository/org/osgi/org.osgi.service.log/1.5.0/org.osgi.service.log-1.5.0.jar
photos=2
cat > "$results/guest.sh" <<GUEST
if $platform; then
  # The library's SQLite WAL needs shared memory maps, which 9p does not offer: data lives on the guest's tmpfs.
  mkdir -p /mnt/darkroom /mnt/tmp $results/platform && cd /mnt/darkroom
  printf '%s\\n' 'stop camera.hal.sim' 'inspect cap service camera.hal.v4l2' 'camera:list --no-format' \
    'camera:capture -c v4l2-video0 -n $photos -m deferred -s 640x480' 'deferred:drain -t 100' 'echo FULL-ASSETS' \
    'media:list --quality full --no-format' 'exit 0' \
    | $JAVA_HOME/bin/java -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Duser.home=/mnt/darkroom -Djava.io.tmpdir=/mnt/tmp -jar $app_jar \
    > $results/platform/platform.out 2>&1
  echo \$? > $results/platform/exit-status
fi
cd $results
mkdir -p /mnt/tmp
exec $JAVA_HOME/bin/java -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xshare:auto --enable-native-access=ALL-UNNAMED \
  -Djava.io.tmpdir=/mnt/tmp -cp $classpath camera.hal.v4l2.internal.discovery.VividProbe /dev/video0 $results
GUEST

timeout_seconds=${timeout_seconds:-170}

# 5. Boot. q35 under TCG: no KVM here, and microvm hangs.
status=0
timeout "$timeout_seconds" qemu-system-x86_64 -machine q35,accel=tcg -cpu max -smp 1 -m 2048 -nographic -no-reboot \
  -kernel "$kernel_root/boot/vmlinuz-$kernel_version" -initrd "$work/initramfs.gz" \
  -append "console=ttyS0 quiet panic=-1" \
  -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap,id=h0 \
  -virtfs local,path="$results",mount_tag=results,security_model=none,id=h1 \
  > "$work/console.log" 2>&1 || status=$?
cat "$results/guest.log" 2>/dev/null || true
if [ "$status" -ne 0 ]; then
  echo "QEMU failed or timed out (status $status); console in $work/console.log" >&2
  exit 1
fi
if ! grep -qx 'PASS' "$results/verdict" 2>/dev/null; then
  echo "vivid test FAILED; see $results" >&2
  exit 1
fi
if $platform; then
  echo "--- platform session in the guest"
  cat "$results/platform/platform.out"
  full=$(sed -n '/FULL-ASSETS/,$p' "$results/platform/platform.out" | grep -cP 'file://media/Photo/\S+\tFULL\t' || true)
  if ! grep -qP '(^|g! )v4l2-video0\t' "$results/platform/platform.out" || [ "$(cat "$results/platform/exit-status")" != 0 ] \
      || [ "$full" -lt "$photos" ]; then
    echo "platform test FAILED: the vivid camera was not listed or its $photos deferred photos did not reach FULL" >&2
    exit 1
  fi
fi
echo "vivid test passed$($platform && echo ", platform included"); fresh traces in $results/*.trace"
