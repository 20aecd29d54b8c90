#!/usr/bin/env bash
# Deploys Darkroom into plain OSGi frameworks, as a user with a framework of their own would, outside the bnd
# launcher: Apache Felix (org.apache.felix.main) and Eclipse Equinox (org.eclipse.osgi), each in a fresh
# temporary directory. For each framework it
# - resolves the platform (cnf/base.bndrun's darkroom.platform) and the Gogo shell against the framework's system
#   bundle and the repository index the build writes (camera.app/target/repository/index.xml), and installs and
#   starts exactly what the resolution chose (src/test/framework/OwnFramework.java);
# - pipes Gogo commands in: a deferred capture, a drain, and the library's FULL photos;
# - checks that the photo reached FULL, that the platform's bundles are the ones the resolution chose, that the
#   framework stopped at the end of input with status 0, and that no exception or warning was printed.
# The properties it gives the framework are the ones the README's "Your own framework" section lists.
# Needs JAVA_HOME at a JDK 25 and a built camera.app (mvn -B package or verify).
set -euo pipefail
app=$(cd "$(dirname "$0")/../../.." && pwd)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
index="$app/target/repository/index.xml"
if [ ! -f "$index" ]; then
  echo "own framework test: $index is not built: run mvn -B package first" >&2
  exit 1
fi
# The platform, as the distribution and the integration tests require it, plus a shell to type into.
roots=$(sed -n '/^darkroom.platform:/,/^$/p' "$app/../cnf/base.bndrun" | grep -o "id='[^']*'" | sed "s/^id='//; s/'\$//" | paste -sd,)
roots="$roots,org.apache.felix.gogo.jline"
failures=0
work=$(mktemp -d)
keep=false
trap '$keep || rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); keep=true; }
pass() { echo "ok: $*"; }

for framework in "$app"/target/frameworks/org.apache.felix.main-*.jar "$app"/target/frameworks/org.eclipse.osgi-*.jar; do
  name=$(basename "$framework" .jar)
  dir="$work/$name"; mkdir -p "$dir" && cd "$dir"
  cat >framework.properties <<EOF
org.osgi.framework.storage=$dir/cache
org.osgi.framework.storage.clean=onFirstInit
org.osgi.framework.bootdelegation=sun.misc,sun.reflect
darkroom.data=$dir/data
org.apache.felix.http.host=127.0.0.1
org.osgi.service.http.port=0
gosh.args=--login
EOF
  status=0
  printf '%s\n' 'camera:capture -s 640x480' 'deferred:drain -t 120' 'media:list --quality full --no-format' |
    timeout 300 "$java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
      -Dorg.jline.terminal.dumb=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
      -cp "$framework" "$app/src/test/framework/OwnFramework.java" "$index" framework.properties "$roots" \
      --first org.apache.aries.spifly.dynamic.bundle,slf4j.api,slf4j.simple --last org.apache.felix.gogo.jline \
      >out.txt 2>err.txt || status=$?
  bundles=$(grep -c '^installed ' out.txt || true)
  if [ "$status" != 0 ]; then
    fail "$name: exit status $status (output in $dir)"
  elif ! grep -q '^installed camera.deferred ' out.txt || ! grep -q '^installed org.apache.felix.scr ' out.txt; then
    fail "$name: the resolution did not choose the platform's bundles: $(grep '^installed' out.txt | tr '\n' ' ')"
  elif ! grep -qE $'^(g! )?file://media/Photo/[0-9]+/[^\t]+\tFULL\t640x480' out.txt; then
    fail "$name: no FULL photo in the library"; cat out.txt err.txt >&2
  elif grep -E 'Exception|WARN|ERROR|^\s+at ' out.txt err.txt; then
    fail "$name: an exception or a warning"
  else
    pass "$name: $(sed -n 's/^framework //p' out.txt), $bundles bundles resolved from the index, a deferred photo to FULL, status 0"
  fi
done

if [ "$failures" != 0 ]; then echo "own framework test: $failures failed" >&2; exit 1; fi
echo "own framework test: all passed"
