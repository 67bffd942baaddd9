//! Weights of `pallet_hearth_slashing`, measured by `frame-omni-bencher` (64.0.0) on 2026-11-23.
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
//!   target/weights/debug/wbuild/hearth-runtime/hearth_runtime.wasm
//!   --pallet
//!   pallet_hearth_slashing
//!   --extrinsic
//!   *
//!   --steps
//!   20
//!   --repeat
//!   5
//!   --template
//!   scripts/weight-template.hbs
//!   --output
//!   pallets/slashing/src/weights.rs

#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of each call and hook of the pallet.
pub trait WeightInfo {
	/// The weight of `report_offence`.
	fn report_offence() -> Weight;
	/// The weight of `cancel_slash`.
	fn cancel_slash() -> Weight;
	/// The weight of `on_initialize`.
	fn on_initialize(n: u32) -> Weight;
	/// The weight of `on_idle` walking `n` entries of `Reported` (each read, removed
	/// when expired).
	fn prune_reports(n: u32) -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn report_offence() -> Weight {
		// Proof size measured: 9369 bytes.
		Weight::from_parts(210_173_000, 165798)
			.saturating_add(T::DbWeight::get().reads(68))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn cancel_slash() -> Weight {
		// Proof size measured: 1131 bytes.
		Weight::from_parts(23_755_000, 3606)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// `n` in `[0, 16]`.
	fn on_initialize(n: u32) -> Weight {
		// Proof size measured: 759 + n * 378 bytes.
		Weight::from_parts(10_945_425, 6196)
			.saturating_add(Weight::from_parts(54_447_596, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2601).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(n.into())))
	}
	/// `n` in `[0, 100]`. Set by hand until `make weights` measures it: the cursor
	/// read and written, then per entry one read and one removal.
	fn prune_reports(n: u32) -> Weight {
		Weight::from_parts(6_000_000, 1_600)
			.saturating_add(Weight::from_parts(12_000_000, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2_700).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
			.saturating_add(T::DbWeight::get().reads_writes(n.into(), n.into()))
	}
}

/// The same weights priced with ParityDB's database weights (tests and mocks).
impl WeightInfo for () {
	fn report_offence() -> Weight {
		Weight::from_parts(210_173_000, 165798)
			.saturating_add(ParityDbWeight::get().reads(68))
			.saturating_add(ParityDbWeight::get().writes(6))
	}
	fn cancel_slash() -> Weight {
		Weight::from_parts(23_755_000, 3606)
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(4))
	}
	fn on_initialize(n: u32) -> Weight {
		Weight::from_parts(10_945_425, 6196)
			.saturating_add(Weight::from_parts(54_447_596, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2601).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(2))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(n.into())))
	}
	/// `n` in `[0, 100]`. Set by hand until `make weights` measures it: the cursor
	/// read and written, then per entry one read and one removal.
	fn prune_reports(n: u32) -> Weight {
		Weight::from_parts(6_000_000, 1_600)
			.saturating_add(Weight::from_parts(12_000_000, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2_700).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads_writes(1, 1))
			.saturating_add(ParityDbWeight::get().reads_writes(n.into(), n.into()))
	}
}
