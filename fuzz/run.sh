#!/bin/sh
# Runs one fuzzer for a while: fuzz/run.sh csv|yaml|xlsx [seconds=600] [extra libFuzzer flags]
# New corpus entries go to ../.build-fuzz/corpus/<name> (the committed seeds in corpus/<name>
# are only read), crashes to ../.build-fuzz/artifacts/<name>/, the log to ../.build-fuzz/logs/.
set -eu
cd "$(dirname "$0")"
name=${1:?usage: fuzz/run.sh csv|yaml|xlsx [seconds] [libFuzzer flags]}
seconds=${2:-600}
[ $# -ge 2 ] && shift 2 || shift 1
case "$name" in
  csv) target=FuzzCSV ;;
  yaml) target=FuzzYAML ;;
  xlsx) target=FuzzXLSX ;;
  *) echo "unknown fuzzer $name (csv, yaml or xlsx)" >&2; exit 2 ;;
esac
# A workbook's seeds are ZIP archives of a few kB each: room for them and their growth.
maxlen=4096
[ "$name" = xlsx ] && maxlen=16384
bin="$(swift build -c debug --scratch-path ../.build-fuzz --show-bin-path)/$target"
[ -x "$bin" ] || { echo "$bin missing: run fuzz/build.sh first" >&2; exit 2; }
work=../.build-fuzz
mkdir -p "$work/corpus/$name" "$work/artifacts/$name" "$work/logs"
log="$work/logs/$name-$(date -u +%Y%m%dT%H%M%SZ).log"
echo "log: fuzz/$log"
status=0
# -detect_leaks=0 (and ASan's own check at exit off): two dependencies leak on error paths any
# workbook-shaped input reaches (FuzzCSV too: bytes starting "PK" are read as a workbook), which
# LeakSanitizer cannot suppress by stack without hiding every leak: FoundationXML's XMLParser
# leaks the CFError of each libxml2 error, and ZIPFoundation 0.9.20's Archive(data:accessMode:
# .read) leaks its in-memory file, with the input's bytes, when the data has no
# end-of-central-directory record (the throw skips the fclose its file-backed twin does; the
# file-backed reader, which peili uses, leaks the path's C string of each archive it opens).
# See README.md.
# The Swift runtime's own crash handler confuses AddressSanitizer; let libFuzzer report traps.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$bin" "$work/corpus/$name" "corpus/$name" \
  -dict="$name.dict" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len="$maxlen" -timeout=10 \
  -artifact_prefix="$work/artifacts/$name/" -print_final_stats=1 -detect_leaks=0 "$@" >"$log" 2>&1 || status=$?
grep -E '^#[0-9]+[[:space:]]+(INITED|DONE|pulse)' "$log" | tail -2
grep -E '^(stat::|Done |==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$log" || true
ls "$work/artifacts/$name"
# With -jobs=N libFuzzer writes each job's output to fuzz-<job>.log here too (it is in $log).
rm -f fuzz-[0-9]*.log
exit $status
