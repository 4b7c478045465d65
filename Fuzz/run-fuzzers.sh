#!/bin/sh
# Runs each fuzzer built by `make fuzz` for SECONDS, one after another (never two at once), from a fresh copy of
# the repository's real files as seeds plus the corpus earlier runs grew. Crash inputs go to Fuzz/.build/artifacts.
# Exit status 1 when any fuzzer found a crash.
#   usage: Fuzz/run-fuzzers.sh SECONDS [walkthrough annotations anchors trace]
set -u
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-600}
shift
[ $# -gt 0 ] || set -- walkthrough annotations anchors trace
build=$root/Fuzz/.build
artifacts=$build/artifacts
mkdir -p "$artifacts"
# Swift's backtracer would catch a trap first and kill the process before libFuzzer saves the input.
export SWIFT_BACKTRACE=enable=no

# The real files each parser reads, found where they live rather than committed a second time, and the inputs that
# found bugs before (Tests/Fixtures/fuzz/<parser>).
seeds() {
  case $1 in
    walkthrough) find Annotations Tests/Fixtures -name '*.walk' ! -path 'Tests/Fixtures/fuzz/*' ;;
    annotations) find Annotations Tests/Fixtures -name '*.md' ! -name README.md ! -path '*/walkthroughs/*' \
      ! -path 'Tests/Fixtures/fuzz/*' ;;
    anchors) find Annotations Tests/Fixtures -name anchors.lock ! -path 'Tests/Fixtures/fuzz/*' ;;
    trace) find Tests/Fixtures/traces -type f ;;
  esac
  find "Tests/Fixtures/fuzz/$1" -type f 2>/dev/null
}

failed=""
for name in "$@"; do
  fuzzer=$build/release/fuzz-$name
  [ -x "$fuzzer" ] || { echo "fuzz: $fuzzer is not built: run make fuzz"; exit 1; }
  seed_dir=$build/seeds/$name
  corpus=$build/corpus/$name
  logs=$build/logs/$name
  rm -rf "$seed_dir" "$logs"
  mkdir -p "$seed_dir" "$corpus" "$logs"
  i=0
  for f in $(seeds "$name"); do
    i=$((i + 1))
    cp "$f" "$seed_dir/$i-$(basename "$f")"
  done
  echo "fuzz: fuzz-$name for ${seconds}s from $i seed files"
  # -jobs=1 -workers=1 runs one child process whose output is fuzz-0.log in the current directory.
  (cd "$logs" && "$fuzzer" -jobs=1 -workers=1 -max_total_time="$seconds" -timeout=30 -print_final_stats=1 \
    -dict="$root/Fuzz/Dictionaries/$name.dict" -artifact_prefix="$artifacts/fuzz-$name-" "$corpus" "$seed_dir" \
    >/dev/null 2>&1)
  status=$?
  grep -E '^stat::|^#[0-9]+ +DONE|ERROR: libFuzzer|Fatal error|^SUMMARY|Test unit written' \
    "$logs/fuzz-0.log" | sed "s/^/fuzz-$name: /"
  [ $status -eq 0 ] || failed="$failed $name"
done
if [ -n "$failed" ]; then
  echo "fuzz: crashes in:$failed (inputs in $artifacts, logs in $build/logs)"
  exit 1
fi
echo "fuzz: no crashes"
