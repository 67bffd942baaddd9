//! Weights of `pallet_hearth_emissions`, measured by `frame-omni-bencher` (64.0.0) on 2026-11-23.
//!
//! Machine: `AMD EPYC` (`vm`); steps 10, repeat 3,
//! wasm execution `Compiled`. Regenerate with `make weights`.
//!
//! Command:
//!   frame-omni-bencher
//!   v1
//!   benchmark
//!   pallet
//!   --runtime
//!   target/weights/debug/wbuild/hearth-runtime/hearth_runtime.wasm
//!   --pallet
//!   pallet_hearth_emissions
//!   --extrinsic
//!   *
//!   --steps
//!   10
//!   --repeat
//!   3
//!   --template
//!   scripts/weight-template.hbs
//!   --output
//!   pallets/emissions/src/weights.rs

#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of each call and hook of the pallet.
pub trait WeightInfo {
	/// The weight of `set_demand_blend`.
	fn set_demand_blend() -> Weight;
	/// The weight of `on_initialize`.
	fn on_initialize(s: u32) -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_demand_blend() -> Weight {
		// Proof size measured: 0 bytes.
		Weight::from_parts(4_277_000, 0)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// `s` in `[1, 64]`.
	fn on_initialize(s: u32) -> Weight {
		// Proof size measured: 322 + s * 20 bytes.
		Weight::from_parts(31_478_686, 3593)
			.saturating_add(Weight::from_parts(1_815_110, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 2501).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(2))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
}

/// The same weights priced with ParityDB's database weights (tests and mocks).
impl WeightInfo for () {
	fn set_demand_blend() -> Weight {
		Weight::from_parts(4_277_000, 0)
			.saturating_add(ParityDbWeight::get().reads(0))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn on_initialize(s: u32) -> Weight {
		Weight::from_parts(31_478_686, 3593)
			.saturating_add(Weight::from_parts(1_815_110, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 2501).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(2))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
}
