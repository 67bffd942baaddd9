#!/usr/bin/env bash
# Measures the Hearth pallets' weights on this machine and rewrites their weights.rs:
# builds the runtime with `runtime-benchmarks` (own target directory), then runs
# frame-omni-bencher (installed once under ~/.cache/hearth/tools) against its wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: weights.sh TARGET_DIR}"
tools="${HOME}/.cache/hearth/tools"
bencher="$tools/bin/frame-omni-bencher"
if [ ! -x "$bencher" ]; then
	# frame-benchmarking-cli builds sc-client-db with RocksDB, whose bindgen needs
	# libclang; the install is a ~900-crate release build (under an hour on 2 cores),
	# resumable from the build directory below.
	if ! ldconfig -p | grep -qE 'libclang(-[0-9.]+)?\.so'; then
		if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq libclang-dev clang;
		else sudo apt-get update -qq && sudo apt-get install -y -qq libclang-dev clang; fi
	fi
	CARGO_BUILD_BUILD_DIR="${HOME}/.cache/hearth/omni-build" \
		cargo install frame-omni-bencher --version =0.28.0 --locked --root "$tools"
fi
CARGO_TARGET_DIR="$target" cargo build --locked -p hearth-runtime --features runtime-benchmarks
# A dev-profile outer build leaves the blob uncompressed.
wbuild="$target/debug/wbuild/hearth-runtime"
wasm="$wbuild/hearth_runtime.compact.compressed.wasm"
[ -f "$wasm" ] || wasm="$wbuild/hearth_runtime.wasm"
# Relative paths and the bencher found on PATH: the command the template prints in each
# header names no machine's directories.
wasm=$(realpath --relative-to=. "$wasm")
export PATH="$tools/bin:$PATH"
for pallet in ${PALLETS:-staking slashing emissions subnets leases jobs}; do
	frame-omni-bencher v1 benchmark pallet \
		--runtime "$wasm" \
		--pallet "pallet_hearth_$pallet" \
		--extrinsic '*' \
		--steps "${STEPS:-50}" \
		--repeat "${REPEAT:-20}" \
		--template scripts/weight-template.hbs \
		--output "pallets/$pallet/src/weights.rs"
done
