//! The pallets whose calls are benchmarked in this runtime (`runtime-benchmarks` only).
//! Run with `frame-omni-bencher v1 benchmark pallet --runtime <wasm> ...` (see README).

use crate::*;
use alloc::{string::String, vec::Vec};
use frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkList, Benchmarking};
use frame_system_benchmarking::Pallet as SystemBench;

impl frame_system_benchmarking::Config for Runtime {}

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_hearth_staking, Staking]
	[pallet_hearth_slashing, Slashing]
);

/// Lists the benchmarks of every pallet above.
pub fn list(list: &mut Vec<BenchmarkList>, extra: bool) {
	list_benchmarks!(list, extra);
}

/// Runs the benchmarks `config` asks for.
pub fn dispatch(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	use frame_support::traits::WhitelistedStorageKeys;
	let whitelist = AllPalletsWithSystem::whitelisted_storage_keys();
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}
