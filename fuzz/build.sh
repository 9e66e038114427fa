#!/usr/bin/env bash
# Builds the libFuzzer targets (FuzzCSV, FuzzYAML, FuzzXLSX) with coverage instrumentation and
# AddressSanitizer into ../.build-fuzz. Usage: fuzz/build.sh [extra swift build flags]
# The sanitizers go in ONE -sanitize= flag: swiftc keeps only the last -sanitize= it is given,
# so SwiftPM's `--sanitize=fuzzer --sanitize=address` silently builds Swift code without coverage.
# `--sanitize=fuzzer` stays so that SwiftPM links the executables with libFuzzer's `main`
# (without it, it points `main` at a `<Target>_main` that -parse-as-library never emits); the
# -Xswiftc flag comes after it on each command line and wins.
# The C code (libyaml inside Yams) gets the same instrumentation through -Xcc.
set -euo pipefail
cd "$(dirname "$0")"
swift build -c debug --scratch-path ../.build-fuzz \
  --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
  -Xcc -fsanitize=fuzzer-no-link,address "$@" 2>&1 \
  | { grep -v "ld.gold: warning: Cannot export local symbol" || true; }
echo "built: $(swift build -c debug --scratch-path ../.build-fuzz --show-bin-path)/{FuzzCSV,FuzzYAML,FuzzXLSX}"
