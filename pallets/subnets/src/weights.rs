//! Weights of `pallet_hearth_subnets`. Provisional until `make weights` measures them
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
	fn create_subnet() -> Weight;
	fn dissolve_subnet(n: u32, ) -> Weight;
	fn set_hyperparameter() -> Weight;
	fn set_bounds() -> Weight;
	fn register() -> Weight;
	fn serve() -> Weight;
	fn set_gpus() -> Weight;
	fn set_weights(w: u32, ) -> Weight;
	fn commit_weights() -> Weight;
	fn reveal_weights(w: u32, ) -> Weight;
	fn on_initialize_scan(s: u32, ) -> Weight;
	fn epoch(n: u32, ) -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

macro_rules! provisional {
	($db:expr) => {
		fn create_subnet() -> Weight { Weight::from_parts(60_000_000, 8_000).saturating_add($db.reads_writes(6, 5)) }
		fn dissolve_subnet(n: u32, ) -> Weight {
			Weight::from_parts(80_000_000, 10_000)
				.saturating_add(Weight::from_parts(60_000, 100).saturating_mul(n.into()))
				.saturating_add($db.reads_writes(8, 14))
				.saturating_add($db.writes((6_u64).saturating_mul(n.into())))
		}
		fn set_hyperparameter() -> Weight { Weight::from_parts(40_000_000, 8_000).saturating_add($db.reads_writes(5, 2)) }
		fn set_bounds() -> Weight { Weight::from_parts(20_000_000, 2_000).saturating_add($db.reads_writes(1, 1)) }
		fn register() -> Weight { Weight::from_parts(400_000_000, 300_000).saturating_add($db.reads_writes(12, 14)) }
		fn serve() -> Weight { Weight::from_parts(30_000_000, 4_000).saturating_add($db.reads_writes(2, 1)) }
		fn set_gpus() -> Weight { Weight::from_parts(40_000_000, 4_000).saturating_add($db.reads_writes(2, 1)) }
		fn set_weights(w: u32, ) -> Weight {
			Weight::from_parts(80_000_000, 150_000)
				.saturating_add(Weight::from_parts(400_000, 4).saturating_mul(w.into()))
				.saturating_add($db.reads_writes(5, 2))
		}
		fn commit_weights() -> Weight { Weight::from_parts(60_000_000, 150_000).saturating_add($db.reads_writes(5, 1)) }
		fn reveal_weights(w: u32, ) -> Weight {
			Weight::from_parts(100_000_000, 150_000)
				.saturating_add(Weight::from_parts(450_000, 4).saturating_mul(w.into()))
				.saturating_add($db.reads_writes(6, 3))
		}
		fn on_initialize_scan(s: u32, ) -> Weight {
			Weight::from_parts(5_000_000, 2_000)
				.saturating_add(Weight::from_parts(200_000, 0).saturating_mul(s.into()))
				.saturating_add($db.reads(2))
		}
		fn epoch(n: u32, ) -> Weight {
			Weight::from_parts(50_000_000, 100_000)
				.saturating_add(Weight::from_parts(300_000, 2_000).saturating_mul(n.into()))
				.saturating_add($db.reads_writes(12, 8))
				.saturating_add($db.reads_writes((2_u64).saturating_mul(n.into()), (1_u64).saturating_mul(n.into())))
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
