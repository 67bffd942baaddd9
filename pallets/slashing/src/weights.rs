//! Weights of `pallet-hearth-slashing`.
//!
//! PROVISIONAL: estimated from the storage each path touches (reads/writes counted by
//! hand), not measured by a benchmark run yet. Replaced by benchmark results before the
//! pallet enters the runtime.

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed by the pallet.
pub trait WeightInfo {
	fn report_offence() -> Weight;
	fn cancel_slash() -> Weight;
	/// `on_initialize` applying `n` slashes.
	fn on_initialize(n: u32) -> Weight;
}

/// Weights for a runtime, using its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn report_offence() -> Weight {
		Weight::from_parts(30_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}
	fn cancel_slash() -> Weight {
		Weight::from_parts(25_000_000, 5_000).saturating_add(T::DbWeight::get().reads_writes(3, 4))
	}
	fn on_initialize(n: u32) -> Weight {
		Weight::from_parts(2_000_000, 1_500)
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
			.saturating_add(Weight::from_parts(90_000_000, 12_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads_writes(8, 8).saturating_mul(n.into()))
	}
}

impl WeightInfo for () {
	fn report_offence() -> Weight {
		Weight::from_parts(30_000_000, 6_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
	fn cancel_slash() -> Weight {
		Weight::from_parts(25_000_000, 5_000).saturating_add(RocksDbWeight::get().reads_writes(3, 4))
	}
	fn on_initialize(n: u32) -> Weight {
		Weight::from_parts(2_000_000, 1_500)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
			.saturating_add(Weight::from_parts(90_000_000, 12_000).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(8, 8).saturating_mul(n.into()))
	}
}
