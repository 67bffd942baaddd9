#!/usr/bin/env bash
# The default build must not contain RocksDB or the benchmarking CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
for crate in librocksdb-sys frame-benchmarking-cli; do
	if cargo tree --locked --workspace -e normal,build -i "$crate" >/dev/null 2>&1; then
		echo "check-deps: $crate is in the default build:" >&2
		cargo tree --locked --workspace -e normal,build -i "$crate" >&2 || true
		fail=1
	else
		echo "check-deps: $crate is not in the default build"
	fi
done
exit $fail
