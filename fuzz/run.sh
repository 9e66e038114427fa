#!/bin/sh
# Runs one fuzzer for a while: fuzz/run.sh csv|yaml [seconds=600] [extra libFuzzer flags]
# New corpus entries go to ../.build-fuzz/corpus/<name> (the committed seeds in corpus/<name>
# are only read), crashes to ../.build-fuzz/artifacts/<name>/, the log to ../.build-fuzz/logs/.
set -eu
cd "$(dirname "$0")"
name=${1:?usage: fuzz/run.sh csv|yaml [seconds] [libFuzzer flags]}
seconds=${2:-600}
[ $# -ge 2 ] && shift 2 || shift 1
case "$name" in
  csv) target=FuzzCSV ;;
  yaml) target=FuzzYAML ;;
  *) echo "unknown fuzzer $name (csv or yaml)" >&2; exit 2 ;;
esac
bin="$(swift build -c debug --scratch-path ../.build-fuzz --show-bin-path)/$target"
[ -x "$bin" ] || { echo "$bin missing: run fuzz/build.sh first" >&2; exit 2; }
work=../.build-fuzz
mkdir -p "$work/corpus/$name" "$work/artifacts/$name" "$work/logs"
log="$work/logs/$name-$(date -u +%Y%m%dT%H%M%SZ).log"
echo "log: fuzz/$log"
status=0
# The Swift runtime's own crash handler confuses AddressSanitizer; let libFuzzer report traps.
SWIFT_BACKTRACE=enable=no "$bin" "$work/corpus/$name" "corpus/$name" \
  -dict="$name.dict" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=4096 -timeout=10 \
  -artifact_prefix="$work/artifacts/$name/" -print_final_stats=1 "$@" >"$log" 2>&1 || status=$?
grep -E '^#[0-9]+[[:space:]]+(INITED|DONE|pulse)' "$log" | tail -2
grep -E '^(stat::|Done |==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$log" || true
ls "$work/artifacts/$name"
exit $status
