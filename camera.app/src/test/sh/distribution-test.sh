#!/usr/bin/env bash
# Runs the built distribution (camera.app/target/darkroom.jar) through bin/darkroom as a user would, each run
# in a fresh temporary directory outside the checkout, and checks:
# - every way to stop it (exit, exit N, end of input, stop 0, SIGTERM) stops the framework and gives status 0
#   or N, and leaves a library.db that holds every row when copied alone (the WAL was checkpointed);
# - a normal start prints no WARNING line and no stack trace, and the platform's log is in data/log, its
#   warnings also on stderr;
# - the README's tour of the shell, pasted, runs without a Gogo error or stack trace and exits 0;
# - the console shows the gallery's address at start-up, and the gallery listens where the framework property or
#   the shipped configuration of the HTTP server (conf/org.apache.felix.http.config) says;
# - a Java older than 25 gets one line and a non-zero status, through bin/darkroom and running the jar directly
#   (skipped when no such Java is installed);
# - a second process on the same data directory refuses to start with one line, status 1, and the first runs on;
# - the framework's storage and unpacked libraries stay in $TMPDIR/darkroom-<uid>/<pid>, removed at the next start
#   after a kill -9;
#   no shell history is written into the home directory;
# - `update` of a HAL bundle by name reads it again from the jar; a bad URL gets one line;
# - the reliability trials (reliability-trials.sh, shortened) lose no photo;
# - --help on every command of Darkroom's scopes prints its usage, and an unknown option or command one line;
# - bin/darkroom --fail-fast stops a script at its first failing command with status 1;
# Needs JAVA_HOME at a JDK 25 and a built jar (mvn -B package or verify).
set -euo pipefail
app=$(cd "$(dirname "$0")/../../.." && pwd)
launcher="$app/bin/darkroom"
# A Java older than 25 for the launcher's check: OLD_JAVA_HOME, else the first one installed on the machine.
jdk_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
old_java=${OLD_JAVA_HOME:-}
if [ -z "$old_java" ]; then
  for candidate in /usr/lib/jvm/*; do
    major=$(jdk_major "$candidate" 2>/dev/null || true)
    if [ -n "$major" ] && [ "${major%%.*}" -lt 25 ] 2>/dev/null; then old_java=$candidate; break; fi
  done
fi
# The gallery's port: a free one, so that a platform already running on this machine does not fail the test
http_port=18080
while (exec 3<>"/dev/tcp/127.0.0.1/$http_port") 2>/dev/null; do http_port=$((18080 + RANDOM % 10000)); done
darkroom=("$launcher" "-Dorg.osgi.service.http.port=$http_port")
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

rows() { # the number of assets in a database file, read on its own: sqlite3, else the jar's own SQLite driver
  if command -v sqlite3 >/dev/null; then sqlite3 "$1" 'SELECT count(*) FROM asset'; return; fi
  if [ ! -f "$work/Rows.java" ]; then
    (cd "$work" && "$JAVA_HOME/bin/jar" xf "$app/target/darkroom.jar" $("$JAVA_HOME/bin/jar" tf "$app/target/darkroom.jar" | grep '^jar/sqlite-jdbc'))
    cat >"$work/Rows.java" <<'JAVA'
public class Rows {
  public static void main(String[] args) throws Exception {
    try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + args[0]);
        var rows = db.createStatement().executeQuery("SELECT count(*) FROM asset")) {
      rows.next();
      System.out.println(rows.getInt(1));
    }
  }
}
JAVA
  fi
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$(echo "$work"/jar/sqlite-jdbc-*.jar)" "$work/Rows.java" "$1"
}

# run NAME EXPECTED_STATUS INPUT: one capture, then INPUT (empty: end of input)
run() {
  local name=$1 expected=$2 input=$3 dir="$work/$1" status=0
  mkdir -p "$dir" && cd "$dir"
  printf 'camera:capture -s 640x480\n%b' "$input" | timeout 120 "${darkroom[@]}" >out.txt 2>err.txt || status=$?
  check "$name" "$expected" "$status" "$dir"
}

check() {
  local name=$1 expected=$2 status=$3 dir=$4
  if [ "$status" != "$expected" ]; then fail "$name: exit status $status, expected $expected"; return; fi
  if ! grep -q 'FAST' "$dir/out.txt"; then fail "$name: no capture in the output"; return; fi
  mkdir -p "$dir/alone" && cp "$dir/data/media/library.db" "$dir/alone/"
  local count; count=$(rows "$dir/alone/library.db" 2>&1) || true
  if [ "$count" != 1 ]; then fail "$name: library.db copied alone holds '$count' assets, expected 1"; return; fi
  if grep -E 'WARNING|Exception|^\s+at ' "$dir/out.txt" "$dir/err.txt"; then fail "$name: warnings or a stack trace"; return; fi
  pass "$name: status $status, library.db complete on its own"
}

run exit 0 'exit\n'
run exit-0 0 'exit 0\n'
run exit-3 3 'exit 3\n'
run end-of-input 0 ''
run stop-0 0 'stop 0\n'

# SIGTERM while the shell waits for input
dir="$work/sigterm"; mkdir -p "$dir" && cd "$dir"
mkfifo input
"${darkroom[@]}" <input >out.txt 2>err.txt &
pid=$!
exec 3>input
printf 'camera:capture -s 640x480\n' >&3
for _ in $(seq 1 600); do grep -q FAST out.txt 2>/dev/null && break; sleep 0.1; done
kill -TERM "$pid"
status=0; wait "$pid" || status=$?
exec 3>&-
check sigterm 0 "$status" "$dir"

# One process per data directory: a second one refuses with one line while the first runs on; the shell keeps no
# history file in the home directory
dir="$work/two-processes"; mkdir -p "$dir/home" && cd "$dir"
mkfifo input
HOME="$dir/home" "${darkroom[@]}" <input >out.txt 2>err.txt &
pid=$!
exec 3>input
printf 'camera:capture -s 640x480\n' >&3
for _ in $(seq 1 600); do grep -q FAST out.txt 2>/dev/null && break; sleep 0.1; done
status=0; printf 'exit\n' | HOME="$dir/home" timeout 120 "${darkroom[@]}" >second-out.txt 2>second-err.txt || status=$?
if [ "$status" = 1 ] && [ "$(wc -l <second-err.txt)" = 1 ] && [ ! -s second-out.txt ] &&
  grep -q "^darkroom: the data directory .* is in use by another process (pid $pid)" second-err.txt; then
  pass "a second process on the data directory: status 1, '$(cat second-err.txt)'"
else
  fail "a second process on the data directory: status $status, stdout $(wc -l <second-out.txt) lines, stderr: $(cat second-err.txt)"
fi
printf 'camera:capture -s 640x480\nexit\n' >&3
status=0; wait "$pid" || status=$?
exec 3>&-
if [ "$status" = 0 ] && [ "$(grep -c FAST out.txt)" = 2 ]; then
  pass "the first process ran on: status 0, two photos"
else
  fail "the first process after the refused second: status $status: $(cat out.txt err.txt)"
fi
if [ -e "$dir/home/.gogo.history" ]; then fail "the shell wrote its history into the home directory"; fi

# The framework's storage and unpacked native libraries live in $TMPDIR/darkroom-<uid>/<pid>; a kill -9 leaves
# them, the next start removes them
dir="$work/run-files"; mkdir -p "$dir/tmp" && cd "$dir"
run="$dir/tmp/darkroom-$(id -u)"
mkfifo input
TMPDIR="$dir/tmp" "${darkroom[@]}" <input >out.txt 2>err.txt &
pid=$!
exec 3>input
printf 'camera:capture -s 640x480\n' >&3
for _ in $(seq 1 600); do grep -q FAST out.txt 2>/dev/null && break; sleep 0.1; done
kill -KILL "$pid"; wait "$pid" 2>/dev/null || true
exec 3>&-
if [ -d "$run/$pid/framework" ] && [ -n "$(ls "$run/$pid/tmp")" ]; then
  printf 'exit\n' | TMPDIR="$dir/tmp" timeout 120 "${darkroom[@]}" >next-out.txt 2>next-err.txt || true
  if [ -e "$run/$pid" ]; then fail "the next start left $run/$pid of the killed process"
  else pass "the files of a killed process: in \$TMPDIR/darkroom-<uid>/$pid, removed by the next start"; fi
else
  fail "the killed process had no framework storage or unpacked files in $run/$pid: $(ls -R "$dir/tmp" 2>&1 | head -5)"
fi

# A HAL bundle updated by name from the jar it came in, and an update from a bad URL refused in one line
dir="$work/update"; mkdir -p "$dir" && cd "$dir"
status=0
printf 'update camera.hal.sim\ncamera:list\nupdate camera.hal.sim no-such-place\nexit\n' |
  timeout 120 "${darkroom[@]}" >out.txt 2>err.txt || status=$?
if [ "$status" = 0 ] && grep -q 'updated camera.hal.sim from jar/' out.txt && grep -q 'sim-back' out.txt &&
  grep -qx 'g! cannot update camera.hal.sim from no-such-place: not a URL (e.g. file:/path/to/bundle.jar)' out.txt &&
  ! grep -E 'Exception|^\s+at ' out.txt err.txt; then
  pass "update of a HAL bundle by name: the camera is back, a bad URL gets one line"
else
  fail "update of a HAL bundle by name: status $status: $(cat out.txt err.txt)"
fi

# The gallery's address on the console at start-up, before the first prompt
if grep -qE '^Web gallery: http://127\.0\.0\.1:[0-9]+/$' "$work/exit/out.txt" &&
  [ "$(grep -n '^Web gallery:' "$work/exit/out.txt" | cut -d: -f1)" -lt "$(grep -n 'Welcome to Apache Felix Gogo' "$work/exit/out.txt" | cut -d: -f1)" ]; then
  pass "the gallery's address: '$(grep '^Web gallery:' "$work/exit/out.txt")' before the shell's banner"
else
  fail "the gallery's address: no 'Web gallery: http://127.0.0.1:<port>/' line before the shell's banner in $(cat "$work/exit/out.txt")"
fi

# Where the gallery listens: the framework property, and the server's own configuration in conf/, which wins
# web NAME PORT ARGS...: starts the platform with ARGS, waits for its 'Web gallery:' line, asks the API, exits
web() {
  local name=$1 port=$2 dir="$work/$1" status=0; shift 2
  mkdir -p "$dir" && cd "$dir" && mkfifo input
  "$launcher" "$@" <input >out.txt 2>err.txt &
  local pid=$!
  exec 4>input
  for _ in $(seq 1 600); do grep -q '^Web gallery:' out.txt 2>/dev/null && break; sleep 0.1; done
  local answer=none
  if command -v curl >/dev/null; then answer=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/cameras" || true); fi
  printf 'exit 0\n' >&4
  wait "$pid" || status=$?
  exec 4>&-
  if [ "$status" = 0 ] && grep -qx "Web gallery: http://127.0.0.1:$port/" out.txt && [[ $answer == 200 || $answer == none ]]; then
    pass "$name: the gallery at port $port (API answered: $answer)"
  else
    fail "$name: status $status, API answered $answer, output: $(cat out.txt err.txt)"
  fi
}
port=$((http_port + 1))
web web-property "$port" -Dorg.osgi.service.http.port="$port"
mkdir -p "$work/conf" && cp "$app/conf/"* "$work/conf/"
sed -i "s|^#org.osgi.service.http.port=.*|org.osgi.service.http.port=\"$((port + 1))\"|" "$work/conf/org.apache.felix.http.config"
web web-configuration "$((port + 1))" -Dfelix.fileinstall.dir="$work/conf" -Dorg.osgi.service.http.port="$port"

# A normal start says nothing on the error stream: no warning, and no library's INFO lines either
if [ -s "$work/exit/err.txt" ]; then fail "a normal start wrote to stderr: $(head -3 "$work/exit/err.txt")"
else pass "a normal start: nothing on stderr"; fi

# The platform's own log
if grep -q 'INFO .*Media library open' "$work/exit/data/log/darkroom.log" 2>/dev/null; then
  pass "the log: INFO lines in data/log/darkroom.log"
else
  fail "the log: no INFO line of the media library in data/log/darkroom.log"
fi

# Warnings on the console as well as in the file, INFO in the file only
dir="$work/log-levels"; mkdir -p "$dir" && cd "$dir"
printf '%s\n' 'lf = $.context getService ($.context getServiceReference org.osgi.service.log.LoggerFactory)' \
  '($lf getLogger test) warn "a warning for the console"' '($lf getLogger test) info "an info for the file"' |
  timeout 120 "${darkroom[@]}" >out.txt 2>err.txt || true
if grep -q 'WARN .*a warning for the console' err.txt && ! grep -q 'an info' err.txt &&
  grep -q 'INFO .*an info for the file' data/log/darkroom.log && grep -q 'WARN .*a warning' data/log/darkroom.log; then
  pass "the log: warnings on stderr and in the file, INFO in the file only"
else
  fail "the log levels: stderr: $(cat err.txt)"
fi

# The README's tour, pasted line by line
dir="$work/tour"; mkdir -p "$dir" && cd "$dir"
awk '/^## A tour of the shell/ { tour = 1 } tour && /^```/ { if (++fences == 2) exit } tour && sub(/^g! /, "")' \
  "$app/../README.md" >tour.txt
status=0; timeout 300 "${darkroom[@]}" <tour.txt >out.txt 2>err.txt || status=$?
if [ "$status" != 0 ] || grep -E 'Exception|Cannot coerce|WARNING|^\s+at ' out.txt err.txt; then
  fail "the README tour: status $status"; cat out.txt err.txt >&2
elif [ ! -s photo.jpg ]; then
  fail "the README tour: camera:request wrote no photo.jpg"
else
  pass "the README tour: $(wc -l <tour.txt) commands, status 0, photo.jpg written"
fi

# --help on every command of Darkroom's scopes prints its usage; an unknown option or command gets one line
dir="$work/help"; mkdir -p "$dir" && cd "$dir"
printf 'help\nexit 0\n' | timeout 120 "${darkroom[@]}" >overview.txt 2>&1 || true
# the overview's lines "  <scope>  <command>, <command>, ..." between its heading and "Other scopes"
commands=$(sed -n "/^.*Darkroom's commands/,/^Other scopes/p" overview.txt | grep -E '^  [a-z]' |
  awk '{ scope = $1; $1 = ""; n = split($0, names, /, */); for (i = 1; i <= n; i++) { gsub(/ /, "", names[i]); if (names[i] != "") print scope ":" names[i] } }')
if [ "$(printf '%s\n' "$commands" | grep -c .)" -lt 15 ]; then
  fail "help: the overview lists too few commands: $(tr '\n' ' ' <overview.txt)"
else
  { for command in $commands; do echo "$command --help"; done
    echo 'camera:capture --bogus'; echo 'media:list --quality'; echo 'camera:nope'; echo 'nosuchcommand 1'; echo 'exit 0'; } >input.txt
  status=0; timeout 300 "${darkroom[@]}" <input.txt >out.txt 2>err.txt || status=$?
  missing=$(for command in $commands; do grep -qE "^(g! )*usage: $command( |\$)" out.txt || echo "$command"; done)
  if [ "$status" != 0 ] || [ -n "$missing" ]; then
    fail "--help: status $status, no usage from: $missing"
  elif ! grep -qE "^(g! )*camera:capture does not take '--bogus'; usage: camera:capture " out.txt ||
    ! grep -qE "^(g! )*media:list: the option --quality needs a value; usage: " out.txt ||
    ! grep -qE "^(g! )*no command 'camera:nope': 'help camera' lists the commands of camera\$" out.txt ||
    ! grep -qE "^(g! )*no command 'nosuchcommand': 'help' lists the scopes and their commands\$" out.txt; then
    fail "an unknown option or command: $(cat out.txt)"
  elif grep -E 'Cannot coerce|Exception|^\s+at ' out.txt err.txt || grep -E '[a-z]+\.[a-z]+\.[A-Z][A-Za-z]+' out.txt; then
    fail "help: a Gogo error, a Java class name or a stack trace"
  else
    pass "help: --help on $(printf '%s\n' "$commands" | grep -c .) commands prints each usage; an unknown option or command, one line"
  fi
fi

# --fail-fast: a script stops at its first failing command, with status 1; without it the script reads on
for script in 'camera:capture -s 640x480 -c nope' 'camera:nope'; do
  dir="$work/fail-fast-${script%% *}"; mkdir -p "$dir" && cd "$dir"
  status=0; printf '%s\n' "$script" 'camera:list' | timeout 120 "$launcher" --fail-fast -Dorg.osgi.service.http.port=0 \
    >out.txt 2>err.txt || status=$?
  plain=0; printf '%s\n' "$script" 'camera:list' | timeout 120 "${darkroom[@]}" >plain.txt 2>&1 || plain=$?
  if [ "$status" != 1 ] || grep -q 'sim-back *|' out.txt || ! grep -q "no camera 'nope'\|no command 'camera:nope'" out.txt; then
    fail "--fail-fast on '$script': status $status, output: $(cat out.txt)"
  elif [ "$plain" != 0 ] || ! grep -q 'sim-back *|' plain.txt; then
    fail "without --fail-fast, '$script' then camera:list: status $plain, output: $(cat plain.txt)"
  elif grep -E 'Exception|^\s+at ' out.txt err.txt || grep -E '[a-z]+\.[a-z]+\.[A-Z][A-Za-z]+' out.txt; then
    fail "--fail-fast on '$script': a Java class name or a stack trace"
  else
    pass "--fail-fast: '$script' fails, camera:list does not run, status 1; without it the script reads on, status 0"
  fi
done

# A Java that is too old
if [ -n "$old_java" ] && [ -x "$old_java/bin/java" ]; then
  status=0; message=$(JAVA_HOME=$old_java "${darkroom[@]}" 2>&1 </dev/null) || status=$?
  if [ "$status" != 0 ] && [ "$(printf '%s\n' "$message" | wc -l)" = 1 ] && [[ $message == *"Java 25"* ]]; then
    pass "an older Java: '$message', status $status"
  else
    fail "an older Java ($old_java): status $status, output: $message"
  fi
  # the jar on its own, as `java -jar` with that Java
  status=0; message=$("$old_java/bin/java" -jar "$app/target/darkroom.jar" 2>&1 </dev/null) || status=$?
  if [ "$status" = 1 ] && [ "$(printf '%s\n' "$message" | wc -l)" = 1 ] && [[ $message == *"needs Java 25"* ]]; then
    pass "an older Java running the jar directly: '$message', status $status"
  else
    fail "an older Java running the jar directly ($old_java): status $status, output: $message"
  fi
else
  echo "skipped: no Java older than 25 installed"
fi

# The reliability trials of RELIABILITY.md, shortened: kill -9 at random moments, HAL swaps under load, a full disk
if KILLS=${KILLS:-5} SWAPS=${SWAPS:-6} DISK_SHOTS=${DISK_SHOTS:-8} "$app/src/test/sh/reliability-trials.sh"; then
  pass "the reliability trials: no photo lost"
else
  fail "the reliability trials lost a photo"
fi

if [ "$failures" != 0 ]; then echo "distribution test: $failures failed" >&2; exit 1; fi
echo "distribution test: all passed"
