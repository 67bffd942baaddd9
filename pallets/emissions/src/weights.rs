//! Weights of `pallet_hearth_emissions`, measured by `frame-omni-bencher` (64.0.0) on 2026-12-03.
//!
//! Machine: `AMD EPYC` (`vm`); steps 20, repeat 5,
//! wasm execution `Compiled`. Regenerate with `make weights`.
//!
//! Command:
//!   frame-omni-bencher
//!   v1
//!   benchmark
//!   pallet
//!   --runtime
//!   ../../tmp/coldtarget2/weights/debug/wbuild/hearth-runtime/hearth_runtime.wasm
//!   --pallet
//!   pallet_hearth_emissions
//!   --extrinsic
//!   *
//!   --steps
//!   20
//!   --repeat
//!   5
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
	/// Storage: `Emissions::DemandBlend` (r:0 w:1)
	/// Proof: `Emissions::DemandBlend` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn set_demand_blend() -> Weight {
		// Proof size measured: 0 bytes.
		Weight::from_parts(9_277_000, 0)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Subnets::SubnetEntries` (r:1 w:0)
	/// Proof: `Subnets::SubnetEntries` (`max_values`: Some(1), `max_size`: Some(1282), added: 1777, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Emitted` (r:1 w:1)
	/// Proof: `Emissions::Emitted` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Demand` (r:64 w:0)
	/// Proof: `Leases::Demand` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `Leases::BurnRate` (r:64 w:0)
	/// Proof: `Leases::BurnRate` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::DemandBlend` (r:1 w:0)
	/// Proof: `Emissions::DemandBlend` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::PendingEmission` (r:64 w:64)
	/// Proof: `Emissions::PendingEmission` (`max_values`: None, `max_size`: Some(26), added: 2501, mode: `MaxEncodedLen`)
	/// `s` in `[1, 64]`.
	fn on_initialize(s: u32) -> Weight {
		// Proof size measured: 364 + s * 20 bytes.
		Weight::from_parts(49_873_331, 3593)
			.saturating_add(Weight::from_parts(8_304_982, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 2505).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(2))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
}

/// The same weights priced with ParityDB's database weights (tests and mocks).
impl WeightInfo for () {
	fn set_demand_blend() -> Weight {
		Weight::from_parts(9_277_000, 0)
			.saturating_add(ParityDbWeight::get().reads(0))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn on_initialize(s: u32) -> Weight {
		Weight::from_parts(49_873_331, 3593)
			.saturating_add(Weight::from_parts(8_304_982, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 2505).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(2))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
}
