//! Weights of `pallet_hearth_leases`. Provisional until `make weights` measures them
//! (the benchmarks are in `benchmarking.rs`).

#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of each call and hook of the pallet.
pub trait WeightInfo {
	fn publish_offer() -> Weight;
	fn remove_offer() -> Weight;
	fn open_order() -> Weight;
	fn cancel_order() -> Weight;
	fn bid() -> Weight;
	fn accept_bid() -> Weight;
	fn top_up() -> Weight;
	fn close_lease() -> Weight;
	fn withdraw() -> Weight;
	fn heartbeat() -> Weight;
	fn report_default() -> Weight;
	fn on_initialize(d: u32, ) -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

macro_rules! provisional {
	($db:expr) => {
		fn publish_offer() -> Weight { Weight::from_parts(60_000_000, 10_000).saturating_add($db.reads_writes(5, 3)) }
		fn remove_offer() -> Weight { Weight::from_parts(30_000_000, 5_000).saturating_add($db.reads_writes(2, 2)) }
		fn open_order() -> Weight { Weight::from_parts(80_000_000, 20_000).saturating_add($db.reads_writes(5, 5)) }
		fn cancel_order() -> Weight { Weight::from_parts(200_000_000, 40_000).saturating_add($db.reads_writes(20, 20)) }
		fn bid() -> Weight { Weight::from_parts(80_000_000, 40_000).saturating_add($db.reads_writes(6, 3)) }
		fn accept_bid() -> Weight { Weight::from_parts(250_000_000, 40_000).saturating_add($db.reads_writes(22, 22)) }
		fn top_up() -> Weight { Weight::from_parts(100_000_000, 20_000).saturating_add($db.reads_writes(8, 8)) }
		fn close_lease() -> Weight { Weight::from_parts(150_000_000, 20_000).saturating_add($db.reads_writes(10, 10)) }
		fn withdraw() -> Weight { Weight::from_parts(80_000_000, 10_000).saturating_add($db.reads_writes(6, 5)) }
		fn heartbeat() -> Weight { Weight::from_parts(20_000_000, 3_000).saturating_add($db.reads_writes(1, 1)) }
		fn report_default() -> Weight { Weight::from_parts(300_000_000, 200_000).saturating_add($db.reads_writes(75, 10)) }
		fn on_initialize(d: u32, ) -> Weight {
			Weight::from_parts(5_000_000, 3_000)
				.saturating_add(Weight::from_parts(300_000_000, 200_000).saturating_mul(d.into()))
				.saturating_add($db.reads_writes(1, 1))
				.saturating_add($db.reads_writes((75_u64).saturating_mul(d.into()), (12_u64).saturating_mul(d.into())))
		}
	};
}

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	provisional!(T::DbWeight::get());
}

/// The same weights priced with ParityDB's database weights (tests and mocks).
impl WeightInfo for () {
	provisional!(ParityDbWeight::get());
}
