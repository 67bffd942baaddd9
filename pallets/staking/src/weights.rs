//! Weights of `pallet-hearth-staking`.
//!
//! PROVISIONAL: these numbers are estimates from the storage each call touches
//! (reads/writes counted by hand, ref-time set by analogy with pallet-balances'
//! transfer), not the output of a benchmark run. They are replaced by
//! `benchmarking.rs` results before this pallet enters the runtime.

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed by the pallet.
pub trait WeightInfo {
	fn register_hotkey() -> Weight;
	fn add_stake() -> Weight;
	fn remove_stake() -> Weight;
	fn withdraw_unbonded(c: u32) -> Weight;
	fn set_take() -> Weight;
	fn move_stake() -> Weight;
}

/// Weights for a runtime, using its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_hotkey() -> Weight {
		Weight::from_parts(20_000_000, 3_600).saturating_add(T::DbWeight::get().reads_writes(2, 3))
	}
	fn add_stake() -> Weight {
		Weight::from_parts(60_000_000, 7_000).saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}
	fn remove_stake() -> Weight {
		Weight::from_parts(55_000_000, 7_000).saturating_add(T::DbWeight::get().reads_writes(5, 5))
	}
	fn withdraw_unbonded(c: u32) -> Weight {
		Weight::from_parts(45_000_000, 5_000)
			.saturating_add(Weight::from_parts(8_000_000, 2_600).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads_writes(3, 3))
			.saturating_add(T::DbWeight::get().reads_writes(c.into(), c.into()))
	}
	fn set_take() -> Weight {
		Weight::from_parts(18_000_000, 3_600).saturating_add(T::DbWeight::get().reads_writes(3, 2))
	}
	fn move_stake() -> Weight {
		Weight::from_parts(70_000_000, 9_000).saturating_add(T::DbWeight::get().reads_writes(8, 4))
	}
}

impl WeightInfo for () {
	fn register_hotkey() -> Weight {
		Weight::from_parts(20_000_000, 3_600).saturating_add(RocksDbWeight::get().reads_writes(2, 3))
	}
	fn add_stake() -> Weight {
		Weight::from_parts(60_000_000, 7_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
	fn remove_stake() -> Weight {
		Weight::from_parts(55_000_000, 7_000).saturating_add(RocksDbWeight::get().reads_writes(5, 5))
	}
	fn withdraw_unbonded(c: u32) -> Weight {
		Weight::from_parts(45_000_000, 5_000)
			.saturating_add(Weight::from_parts(8_000_000, 2_600).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(3u64.saturating_add(c.into()), 3u64.saturating_add(c.into())))
	}
	fn set_take() -> Weight {
		Weight::from_parts(18_000_000, 3_600).saturating_add(RocksDbWeight::get().reads_writes(3, 2))
	}
	fn move_stake() -> Weight {
		Weight::from_parts(70_000_000, 9_000).saturating_add(RocksDbWeight::get().reads_writes(8, 4))
	}
}
