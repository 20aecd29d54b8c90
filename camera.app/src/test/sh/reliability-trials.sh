#!/usr/bin/env bash
# Reliability trials on the built distribution (camera.app/bin/darkroom), as RELIABILITY.md describes them.
#   kill  KILLS rounds (default 10): a deferred burst of BURST photos (default 6) at SIZE (default 1920x1080),
#         the process killed with SIGKILL at a random moment of it; the next round starts on the same data directory.
#   swap  SWAPS HAL swaps (default 10), SWAP_SECONDS (default 3) apart: `update camera.hal.sim`, or `stop` and
#         `start` of the bundle, while a client keeps taking photos through the JSON API and phase 2 develops.
#   disk  (root only: it mounts a tmpfs) a 4000x3000 burst of DISK_SHOTS photos (default 12) into a data directory
#         on a DISK_MB (default 400) MB file system, so that the spool fills it and the fallback takes over.
# After each trial one more start drains every job and checks every photo the shell or the API reported: listed
# FULL at its URI, exported as a JPEG that djpeg decodes, no URI listed twice. One line per trial; status 1 when a
# photo was lost. Usage: reliability-trials.sh [kill] [swap] [disk] (all three without arguments).
# Needs JAVA_HOME at a JDK 25, a built jar, curl, and djpeg (libjpeg-turbo-progs) for the JPEG check.
set -uo pipefail
app=$(cd "$(dirname "$0")/../../.." && pwd)
launcher="$app/bin/darkroom"
kills=${KILLS:-10} swaps=${SWAPS:-10} burst=${BURST:-6} size=${SIZE:-1920x1080}
disk_shots=${DISK_SHOTS:-12} disk_mb=${DISK_MB:-400}
trials=("$@"); [ ${#trials[@]} = 0 ] && trials=(kill swap disk)
work=$(mktemp -d)
mounted=""
trap '[ -n "$mounted" ] && umount "$mounted"; rm -rf "$work"' EXIT
lost_total=0

free_port() {
  local port=$((20000 + RANDOM % 10000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((20000 + RANDOM % 10000)); done
  echo "$port"
}

# reported FILE...: the URIs of the photos the shell's capture lines or the API's answers named
reported() { cat "$@" 2>/dev/null | grep -o 'file://media/Photo/[0-9]*/[^ "\t]*\.jpg' | sort -u; }

# verify NAME DATA URIS_FILE: drains, lists and exports every reported photo; prints the trial's line
verify() {
  local name=$1 data=$2 uris=$3 dir="$work/$1-verify" lost=0 invalid=0 n=0
  mkdir -p "$dir/export"
  {
    echo 'deferred:drain -t 900'
    echo 'media:list --no-format'
    while read -r uri; do n=$((n + 1)); echo "media:export $uri $dir/export/$n.jpg"; done <"$uris"
    echo 'exit'
  } >"$dir/commands.txt"
  (cd "$dir" && timeout 1200 "$launcher" "-Ddarkroom.data=$data" "-Dorg.osgi.service.http.port=$(free_port)" \
    <commands.txt >out.txt 2>err.txt)
  local listed; listed=$(grep -o 'file://media/Photo/[0-9]*/[^[:space:]]*\.jpg	FULL' "$dir/out.txt" | cut -f1 | sort)
  local duplicates; duplicates=$(grep -o 'file://media/Photo/[0-9]*/[^[:space:]]*\.jpg	' "$dir/out.txt" | sort | uniq -d | wc -l)
  n=0
  while read -r uri; do
    n=$((n + 1))
    if ! grep -qxF "$uri" <<<"$listed"; then
      lost=$((lost + 1)); echo "  $name: $uri is not listed FULL" >&2
    elif ! djpeg "$dir/export/$n.jpg" >/dev/null 2>&1; then
      invalid=$((invalid + 1)); echo "  $name: $uri did not export as a valid JPEG" >&2
    fi
  done <"$uris"
  local photos; photos=$(wc -l <"$uris")
  if [ "$photos" = 0 ]; then
    echo "  $name: no photo was reported, so the trial tried nothing: $(grep -v '^INFO\|spifly' "$work/$name"/*/out.txt "$work/$name"/out.txt 2>/dev/null | tail -3)" >&2
    lost_total=$((lost_total + 1))
  fi
  local drained; drained=$(grep -o 'drained in [^:]*: [0-9]* jobs completed, [0-9]* failed' "$dir/out.txt" | head -1)
  echo "$name: $photos photos reported, $lost lost, $invalid invalid, $duplicates listed twice; restart: ${drained:-no drain line}"
  lost_total=$((lost_total + lost + invalid + duplicates))
}

kill_trial() {
  local data="$work/kill/data" round
  mkdir -p "$work/kill"
  for round in $(seq 1 "$kills"); do
    local dir="$work/kill/$round"; mkdir -p "$dir"
    (cd "$dir" && mkfifo input)
    (cd "$dir" && exec "$launcher" "-Ddarkroom.data=$data" "-Dorg.osgi.service.http.port=$(free_port)" \
      <input >out.txt 2>err.txt) &
    local pid=$!
    exec 3>"$dir/input"
    printf 'camera:capture -n %s -s %s\n' "$burst" "$size" >&3
    for _ in $(seq 1 600); do grep -q 'capture 1 ' "$dir/out.txt" 2>/dev/null && break; sleep 0.1; done
    sleep "$((RANDOM % 30 / 10)).$((RANDOM % 10))"  # somewhere in the burst, its spooling or its development
    kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    exec 3>&-
    echo "$(reported "$dir/out.txt" | wc -l)" >"$dir/delivered"
  done
  reported "$work"/kill/*/out.txt >"$work/kill/uris"
  verify kill "$data" "$work/kill/uris"
  echo "  kill: $kills kills, photos delivered per round: $(cat "$work"/kill/*/delivered | tr '\n' ' ')"
}

swap_trial() {
  local data="$work/swap/data" dir="$work/swap" port; port=$(free_port)
  mkdir -p "$dir" && (cd "$dir" && mkfifo input)
  (cd "$dir" && exec "$launcher" "-Ddarkroom.data=$data" "-Dorg.osgi.service.http.port=$port" \
    <input >out.txt 2>err.txt) &
  local pid=$!
  exec 3>"$dir/input"
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/api/cameras" >/dev/null 2>&1 && break; sleep 0.1; done
  # a client that keeps taking photos over HTTP while the HAL comes and goes; between refusals it waits a little
  (while [ ! -e "$dir/stop-client" ]; do
     answer=$(curl -s -X POST -H 'Content-Type: application/json' \
       -d '{"mode":"deferred","count":3,"size":"640x480"}' "http://127.0.0.1:$port/api/captures")
     echo "$answer" >>"$dir/api.txt"
     [[ $answer == *'"captures"'* ]] || sleep 0.2
   done) &
  local client=$!
  local swap
  for swap in $(seq 1 "$swaps"); do
    sleep "${SWAP_SECONDS:-3}"
    if [ $((swap % 2)) = 0 ]; then
      printf 'update camera.hal.sim\n' >&3
    else
      printf 'stop camera.hal.sim\n' >&3
      printf 'each ($.context bundles) { if { ($it symbolicName) equals camera.hal.sim } { $it start } }\n' >&3
    fi
  done
  sleep "${SWAP_SECONDS:-3}"
  touch "$dir/stop-client"; wait "$client" 2>/dev/null
  printf 'exit\n' >&3
  wait "$pid"; local status=$?
  exec 3>&-
  reported "$dir/out.txt" "$dir/api.txt" >"$dir/uris"
  verify swap "$data" "$dir/uris"
  echo "  swap: $swaps swaps, exit status $status, API captures answered: $(grep -c '"captures"' "$dir/api.txt")," \
    "refused: $(grep -c '"error"' "$dir/api.txt") ($(grep -o '"message":"[^"]*"' "$dir/api.txt" | sort | uniq -c | sort -rn | head -2 | tr -s ' ' | tr '\n' ';'))"
}

disk_trial() {
  if [ "$(id -u)" != 0 ]; then echo "disk: skipped (mounting a small file system needs root)"; return; fi
  local fs="$work/disk/fs" dir="$work/disk"
  mkdir -p "$fs"
  if ! mount -t tmpfs -o "size=${disk_mb}m" tmpfs "$fs" 2>/dev/null; then echo "disk: skipped (tmpfs mount refused)"; return; fi
  mounted=$fs
  (cd "$dir" && printf 'camera:capture -n %s -s 4000x3000\ndeferred:stats\nexit\n' "$disk_shots" |
    timeout 1200 "$launcher" "-Ddarkroom.data=$fs/data" "-Dorg.osgi.service.http.port=$(free_port)" >out.txt 2>err.txt)
  local status=$?
  reported "$dir/out.txt" >"$dir/uris"
  local fallbacks; fallbacks=$(grep -c 'developed at once' "$dir/out.txt")
  local fullest; fullest=$(df -m "$fs" | awk 'NR == 2 { print $3 " of " $2 " MB used at the end of the burst" }')
  verify disk "$fs/data" "$dir/uris"
  echo "  disk: $disk_shots shots on a $disk_mb MB tmpfs, exit status $status, $fallbacks developed at once, $fullest"
}

for trial in "${trials[@]}"; do
  case $trial in
    kill) kill_trial ;;
    swap) swap_trial ;;
    disk) disk_trial ;;
    *) echo "unknown trial '$trial': kill, swap or disk" >&2; exit 2 ;;
  esac
done
if [ "$lost_total" != 0 ]; then echo "reliability trials: $lost_total photos lost, invalid or twice" >&2; exit 1; fi
echo "reliability trials: no photo lost"
