//! Weights of `pallet_hearth_emissions`. Provisional until `make weights` measures
//! them (the benchmarks are in `benchmarking.rs`).

#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of each call and hook of the pallet.
pub trait WeightInfo {
	fn set_demand_blend() -> Weight;
	fn on_initialize(s: u32, ) -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_demand_blend() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn on_initialize(s: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 4000)
			.saturating_add(Weight::from_parts(10_000_000, 2600).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(3))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
}

/// The same weights priced with ParityDB's database weights (tests and mocks).
impl WeightInfo for () {
	fn set_demand_blend() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn on_initialize(s: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 4000)
			.saturating_add(Weight::from_parts(10_000_000, 2600).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(3))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
}
