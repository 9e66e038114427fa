#!/bin/sh
# Builds the libFuzzer targets (FuzzCSV, FuzzYAML) with coverage instrumentation and
# AddressSanitizer into ../.build-fuzz. Usage: fuzz/build.sh [extra swift build flags]
set -eu
cd "$(dirname "$0")"
swift build -c debug --scratch-path ../.build-fuzz \
  --sanitize=fuzzer --sanitize=address \
  -Xswiftc -parse-as-library "$@"
echo "built: $(swift build -c debug --scratch-path ../.build-fuzz --show-bin-path)/{FuzzCSV,FuzzYAML}"
