#!/usr/bin/env bash
# Builds the self-contained runtime image, target/flags2-VERSION-OS-ARCH.tar.gz: the release
# archive's contents plus runtime/, a jlink'ed Java runtime holding only the modules the jar uses
# (jdeps), and lib/flags2.aot, the start-up cache trained on that runtime. Run by the build, after
# the archive is made, from the JDK the launcher would pick (JAVA_HOME, PATH, /usr/lib/jvm; 25+ for
# the cache). Arguments: version, target directory.
set -euo pipefail
version=$1 target=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
# the installed launcher's functions: find_jdk, and aot_cache to train the cache as a run uses it
source "$root/src/dist/bin/flags2"
find_jdk
jdk_home=$jdk

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64) platform=linux-aarch64 ;;
  Darwin-arm64) platform=macos-aarch64 ;;
  Darwin-x86_64) platform=macos-x64 ;;
  *) platform=$(uname -s | tr A-Z a-z)-$(uname -m) ;;
esac
name="flags2-$version-$platform"
work="$target/image"
rm -rf "$work" "$target/$name.tar.gz"
mkdir -p "$work"
tar -xzf "$target/flags2-$version.tar.gz" -C "$work"
mv "$work/flags2-$version" "$work/$name"
out="$work/$name"

modules=$("$jdk_home/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 21 \
  "$out/lib/flags2.jar")
# --compress zip-6: 30 MB less unpacked; start-up reads classes from the AOT cache, not the image
"$jdk_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress zip-6 --output "$out/runtime"

jdk="$out/runtime"
jdk_major "$jdk"
jdk_v=$major
jar="$out/lib/flags2.jar"
if [ "$jdk_v" -ge 25 ]; then
  aot_cache "$out/lib/flags2.aot"
  [ -n "$cache" ] || { echo "image.sh: training the start-up cache failed" >&2; exit 1; }
fi
tar -czf "$target/$name.tar.gz" -C "$work" "$name"
echo "image.sh: $target/$name.tar.gz ($modules)"
