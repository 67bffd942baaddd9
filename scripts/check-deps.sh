#!/usr/bin/env bash
# The default build must not contain RocksDB or the benchmarking CLI, and no pallet
# may depend on another pallet (they talk through hearth-primitives; mocks and
# benchmarks may use real pallets as dev-dependencies).
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
for manifest in pallets/*/Cargo.toml; do
	pallet=$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -n 1)
	others=$(cargo tree --locked -p "$pallet" -e normal,build --prefix none --format '{p}' 2>/dev/null |
		grep -o '^pallet-hearth-[a-z]*' | grep -vx "$pallet" | sort -u || true)
	if [ -n "$others" ]; then
		echo "check-deps: $pallet depends on other pallets: $others (use hearth-primitives)" >&2
		fail=1
	fi
done
[ $fail -eq 0 ] && echo "check-deps: no pallet depends on another"
exit $fail
