//! Weights of `pallet_hearth_slashing`, measured by `frame-omni-bencher` (64.0.0) on 2026-12-03.
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
	/// The weight of `prune_reports`.
	fn prune_reports(n: u32) -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Slashing::Reported` (r:1 w:1)
	/// Proof: `Slashing::Reported` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Owner` (r:1 w:0)
	/// Proof: `Staking::Owner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingOf` (r:1 w:1)
	/// Proof: `Slashing::PendingOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::NextSlashId` (r:1 w:1)
	/// Proof: `Slashing::NextSlashId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `HearthParams::SlashDeferWindowBlocks` (r:1 w:0)
	/// Proof: `HearthParams::SlashDeferWindowBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Scheduled` (r:7 w:1)
	/// Proof: `Slashing::Scheduled` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Pending` (r:0 w:1)
	/// Proof: `Slashing::Pending` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	fn report_offence() -> Weight {
		// Proof size measured: 1149 bytes.
		Weight::from_parts(78_547_000, 19302)
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Slashing::Pending` (r:1 w:1)
	/// Proof: `Slashing::Pending` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Scheduled` (r:1 w:1)
	/// Proof: `Slashing::Scheduled` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingOf` (r:0 w:1)
	/// Proof: `Slashing::PendingOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn cancel_slash() -> Weight {
		// Proof size measured: 687 bytes.
		Weight::from_parts(31_248_000, 3608)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `Slashing::Scheduled` (r:1 w:1)
	/// Proof: `Slashing::Scheduled` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Pending` (r:16 w:16)
	/// Proof: `Slashing::Pending` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:16 w:16)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::UnbondingPools` (r:16 w:16)
	/// Proof: `Staking::UnbondingPools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Registrations` (r:16 w:0)
	/// Proof: `Subnets::Registrations` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Burned` (r:1 w:1)
	/// Proof: `Emissions::Burned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingOf` (r:0 w:16)
	/// Proof: `Slashing::PendingOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// `n` in `[0, 16]`.
	fn on_initialize(n: u32) -> Weight {
		// Proof size measured: 899 + n * 320 bytes.
		Weight::from_parts(25_951_676, 6196)
			.saturating_add(Weight::from_parts(75_815_622, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2653).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(n.into())))
	}
	/// Storage: `Slashing::PruneCursor` (r:1 w:1)
	/// Proof: `Slashing::PruneCursor` (`max_values`: Some(1), `max_size`: Some(258), added: 753, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Reported` (r:101 w:100)
	/// Proof: `Slashing::Reported` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// `n` in `[0, 100]`.
	fn prune_reports(n: u32) -> Weight {
		// Proof size measured: 42 + n * 106 bytes.
		Weight::from_parts(5_649_149, 3574)
			.saturating_add(Weight::from_parts(10_756_746, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
}

/// The same weights priced with ParityDB's database weights (tests and mocks).
impl WeightInfo for () {
	fn report_offence() -> Weight {
		Weight::from_parts(78_547_000, 19302)
			.saturating_add(ParityDbWeight::get().reads(12))
			.saturating_add(ParityDbWeight::get().writes(5))
	}
	fn cancel_slash() -> Weight {
		Weight::from_parts(31_248_000, 3608)
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(3))
	}
	fn on_initialize(n: u32) -> Weight {
		Weight::from_parts(25_951_676, 6196)
			.saturating_add(Weight::from_parts(75_815_622, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2653).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(3))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(n.into())))
	}
	fn prune_reports(n: u32) -> Weight {
		Weight::from_parts(5_649_149, 3574)
			.saturating_add(Weight::from_parts(10_756_746, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2584).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(1))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
}
