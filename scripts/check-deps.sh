#!/usr/bin/env bash
# The default build must not contain RocksDB or the benchmarking CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
for crate in librocksdb-sys frame-benchmarking-cli; do
	if out=$(cargo tree --locked --workspace -e normal,build -i "$crate" 2>&1); then
		echo "check-deps: $crate is in the default build:" >&2
		echo "$out" >&2
		fail=1
	elif grep -q "did not match any packages" <<<"$out"; then
		echo "check-deps: $crate is not in the default build"
	else
		echo "check-deps: cargo tree failed:" >&2
		echo "$out" >&2
		fail=1
	fi
done
exit $fail
