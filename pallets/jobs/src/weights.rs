//! Weights of `pallet_hearth_jobs`, measured by `frame-omni-bencher` (64.0.0) on 2026-12-04.
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
//!   pallet_hearth_jobs
//!   --extrinsic
//!   *
//!   --steps
//!   20
//!   --repeat
//!   5
//!   --template
//!   scripts/weight-template.hbs
//!   --output
//!   pallets/jobs/src/weights.rs

#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of each call and hook of the pallet.
pub trait WeightInfo {
	/// The weight of `register_model`.
	fn register_model() -> Weight;
	/// The weight of `retire_model`.
	fn retire_model() -> Weight;
	/// The weight of `remove_model`.
	fn remove_model() -> Weight;
	/// The weight of `post_job`.
	fn post_job() -> Weight;
	/// The weight of `submit_result`.
	fn submit_result() -> Weight;
	/// The weight of `challenge_layer`.
	fn challenge_layer(t: u32) -> Weight;
	/// The weight of `challenge_chunk`.
	fn challenge_chunk(c: u32) -> Weight;
	/// The weight of `report_equivocation`.
	fn report_equivocation() -> Weight;
	/// The weight of `assign`.
	fn assign(n: u32) -> Weight;
	/// The weight of `run_due`.
	fn run_due(n: u32) -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::SubnetInfos` (r:1 w:0)
	/// Proof: `Subnets::SubnetInfos` (`max_values`: None, `max_size`: Some(147), added: 2622, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Models` (r:1 w:1)
	/// Proof: `Jobs::Models` (`max_values`: None, `max_size`: Some(2591), added: 5066, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::SubnetModels` (r:1 w:1)
	/// Proof: `Jobs::SubnetModels` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn register_model() -> Weight {
		// Proof size measured: 892 bytes.
		Weight::from_parts(114_535_000, 6196)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Storage: `Subnets::SubnetInfos` (r:1 w:0)
	/// Proof: `Subnets::SubnetInfos` (`max_values`: None, `max_size`: Some(147), added: 2622, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Models` (r:1 w:1)
	/// Proof: `Jobs::Models` (`max_values`: None, `max_size`: Some(2591), added: 5066, mode: `MaxEncodedLen`)
	fn retire_model() -> Weight {
		// Proof size measured: 2781 bytes.
		Weight::from_parts(36_198_000, 6056)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Subnets::SubnetInfos` (r:1 w:0)
	/// Proof: `Subnets::SubnetInfos` (`max_values`: None, `max_size`: Some(147), added: 2622, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Models` (r:1 w:1)
	/// Proof: `Jobs::Models` (`max_values`: None, `max_size`: Some(2591), added: 5066, mode: `MaxEncodedLen`)
	/// Storage: `HearthParams::UnbondingPeriodBlocks` (r:1 w:0)
	/// Proof: `HearthParams::UnbondingPeriodBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::SubnetModels` (r:1 w:1)
	/// Proof: `Jobs::SubnetModels` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	fn remove_model() -> Weight {
		// Proof size measured: 2898 bytes.
		Weight::from_parts(46_437_000, 6056)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Jobs::Models` (r:1 w:1)
	/// Proof: `Jobs::Models` (`max_values`: None, `max_size`: Some(2591), added: 5066, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::NextJobId` (r:1 w:1)
	/// Proof: `Jobs::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Unassigned` (r:1 w:1)
	/// Proof: `Jobs::Unassigned` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::DueQueue` (r:1 w:1)
	/// Proof: `Jobs::DueQueue` (`max_values`: None, `max_size`: Some(1069), added: 3544, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobInfos` (r:0 w:1)
	/// Proof: `Jobs::JobInfos` (`max_values`: None, `max_size`: Some(16544), added: 19019, mode: `MaxEncodedLen`)
	fn post_job() -> Weight {
		// Proof size measured: 730 bytes.
		Weight::from_parts(107_280_000, 6196)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(7))
	}
	/// Storage: `Jobs::JobInfos` (r:1 w:1)
	/// Proof: `Jobs::JobInfos` (`max_values`: None, `max_size`: Some(16544), added: 19019, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Models` (r:1 w:0)
	/// Proof: `Jobs::Models` (`max_values`: None, `max_size`: Some(2591), added: 5066, mode: `MaxEncodedLen`)
	/// Storage: `HearthParams::UnbondingPeriodBlocks` (r:1 w:0)
	/// Proof: `HearthParams::UnbondingPeriodBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::DueQueue` (r:2 w:2)
	/// Proof: `Jobs::DueQueue` (`max_values`: None, `max_size`: Some(1069), added: 3544, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Results` (r:0 w:1)
	/// Proof: `Jobs::Results` (`max_values`: None, `max_size`: Some(18552), added: 21027, mode: `MaxEncodedLen`)
	fn submit_result() -> Weight {
		// Proof size measured: 2743 bytes.
		Weight::from_parts(226_703_000, 20009)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Storage: `Jobs::JobInfos` (r:1 w:1)
	/// Proof: `Jobs::JobInfos` (`max_values`: None, `max_size`: Some(16544), added: 19019, mode: `MaxEncodedLen`)
	/// Storage: `HearthParams::UnbondingPeriodBlocks` (r:1 w:0)
	/// Proof: `HearthParams::UnbondingPeriodBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Results` (r:1 w:0)
	/// Proof: `Jobs::Results` (`max_values`: None, `max_size`: Some(18552), added: 21027, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Models` (r:1 w:1)
	/// Proof: `Jobs::Models` (`max_values`: None, `max_size`: Some(2591), added: 5066, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Rulings` (r:1 w:1)
	/// Proof: `Jobs::Rulings` (`max_values`: None, `max_size`: Some(49), added: 2524, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
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
	/// Storage: `Slashing::Scheduled` (r:1 w:1)
	/// Proof: `Slashing::Scheduled` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::DueQueue` (r:2 w:2)
	/// Proof: `Jobs::DueQueue` (`max_values`: None, `max_size`: Some(1069), added: 3544, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Pending` (r:0 w:1)
	/// Proof: `Slashing::Pending` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	/// `t` in `[1, 512]`.
	fn challenge_layer(t: u32) -> Weight {
		// Proof size measured: 3573 bytes.
		Weight::from_parts(18_094_553_000, 22017)
			.saturating_add(Weight::from_parts(1_634_235_172, 0).saturating_mul(t.into()))
			.saturating_add(T::DbWeight::get().reads(16))
			.saturating_add(T::DbWeight::get().writes(13))
	}
	/// Storage: `Jobs::JobInfos` (r:1 w:1)
	/// Proof: `Jobs::JobInfos` (`max_values`: None, `max_size`: Some(16544), added: 19019, mode: `MaxEncodedLen`)
	/// Storage: `HearthParams::UnbondingPeriodBlocks` (r:1 w:0)
	/// Proof: `HearthParams::UnbondingPeriodBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Results` (r:1 w:0)
	/// Proof: `Jobs::Results` (`max_values`: None, `max_size`: Some(18552), added: 21027, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Models` (r:1 w:1)
	/// Proof: `Jobs::Models` (`max_values`: None, `max_size`: Some(2591), added: 5066, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Rulings` (r:1 w:1)
	/// Proof: `Jobs::Rulings` (`max_values`: None, `max_size`: Some(49), added: 2524, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
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
	/// Storage: `Slashing::Scheduled` (r:1 w:1)
	/// Proof: `Slashing::Scheduled` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::DueQueue` (r:2 w:2)
	/// Proof: `Jobs::DueQueue` (`max_values`: None, `max_size`: Some(1069), added: 3544, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Pending` (r:0 w:1)
	/// Proof: `Slashing::Pending` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	/// `c` in `[4200, 2621440]`.
	fn challenge_chunk(c: u32) -> Weight {
		// Proof size measured: 18274 bytes.
		Weight::from_parts(1_078_915_558, 22017)
			.saturating_add(Weight::from_parts(11_128, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(16))
			.saturating_add(T::DbWeight::get().writes(13))
	}
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Models` (r:1 w:0)
	/// Proof: `Jobs::Models` (`max_values`: None, `max_size`: Some(2591), added: 5066, mode: `MaxEncodedLen`)
	/// Storage: `HearthParams::UnbondingPeriodBlocks` (r:1 w:0)
	/// Proof: `HearthParams::UnbondingPeriodBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
	/// Storage: `Slashing::Scheduled` (r:1 w:1)
	/// Proof: `Slashing::Scheduled` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Pending` (r:0 w:1)
	/// Proof: `Slashing::Pending` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	fn report_equivocation() -> Weight {
		// Proof size measured: 3088 bytes.
		Weight::from_parts(219_841_000, 6056)
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Jobs::Unassigned` (r:1 w:1)
	/// Proof: `Jobs::Unassigned` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobInfos` (r:16 w:16)
	/// Proof: `Jobs::JobInfos` (`max_values`: None, `max_size`: Some(16544), added: 19019, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Keys` (r:1 w:0)
	/// Proof: `Subnets::Keys` (`max_values`: None, `max_size`: Some(32780), added: 35255, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Endpoints` (r:7 w:0)
	/// Proof: `Subnets::Endpoints` (`max_values`: None, `max_size`: Some(38), added: 2513, mode: `MaxEncodedLen`)
	/// `n` in `[0, 16]`.
	fn assign(n: u32) -> Weight {
		// Proof size measured: 1146 + n * 60 bytes.
		Weight::from_parts(26_061_171, 36245)
			.saturating_add(Weight::from_parts(17_116_728, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 19019).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	/// Storage: `Jobs::DueQueue` (r:2 w:2)
	/// Proof: `Jobs::DueQueue` (`max_values`: None, `max_size`: Some(1069), added: 3544, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobInfos` (r:32 w:32)
	/// Proof: `Jobs::JobInfos` (`max_values`: None, `max_size`: Some(16544), added: 19019, mode: `MaxEncodedLen`)
	/// Storage: `HearthParams::UnbondingPeriodBlocks` (r:1 w:0)
	/// Proof: `HearthParams::UnbondingPeriodBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Burned` (r:1 w:1)
	/// Proof: `Emissions::Burned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Models` (r:1 w:1)
	/// Proof: `Jobs::Models` (`max_values`: None, `max_size`: Some(2591), added: 5066, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Rulings` (r:0 w:32)
	/// Proof: `Jobs::Rulings` (`max_values`: None, `max_size`: Some(49), added: 2524, mode: `MaxEncodedLen`)
	/// `n` in `[0, 32]`.
	fn run_due(n: u32) -> Weight {
		// Proof size measured: 1085 + n * 61 bytes.
		Weight::from_parts(37_538_155, 7443)
			.saturating_add(Weight::from_parts(85_929_498, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 19019).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
}

/// The same weights priced with ParityDB's database weights (tests and mocks).
impl WeightInfo for () {
	fn register_model() -> Weight {
		Weight::from_parts(114_535_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(4))
	}
	fn retire_model() -> Weight {
		Weight::from_parts(36_198_000, 6056)
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn remove_model() -> Weight {
		Weight::from_parts(46_437_000, 6056)
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	fn post_job() -> Weight {
		Weight::from_parts(107_280_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(6))
			.saturating_add(ParityDbWeight::get().writes(7))
	}
	fn submit_result() -> Weight {
		Weight::from_parts(226_703_000, 20009)
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(4))
	}
	fn challenge_layer(t: u32) -> Weight {
		Weight::from_parts(18_094_553_000, 22017)
			.saturating_add(Weight::from_parts(1_634_235_172, 0).saturating_mul(t.into()))
			.saturating_add(ParityDbWeight::get().reads(16))
			.saturating_add(ParityDbWeight::get().writes(13))
	}
	fn challenge_chunk(c: u32) -> Weight {
		Weight::from_parts(1_078_915_558, 22017)
			.saturating_add(Weight::from_parts(11_128, 0).saturating_mul(c.into()))
			.saturating_add(ParityDbWeight::get().reads(16))
			.saturating_add(ParityDbWeight::get().writes(13))
	}
	fn report_equivocation() -> Weight {
		Weight::from_parts(219_841_000, 6056)
			.saturating_add(ParityDbWeight::get().reads(9))
			.saturating_add(ParityDbWeight::get().writes(5))
	}
	fn assign(n: u32) -> Weight {
		Weight::from_parts(26_061_171, 36245)
			.saturating_add(Weight::from_parts(17_116_728, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 19019).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(1))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn run_due(n: u32) -> Weight {
		Weight::from_parts(37_538_155, 7443)
			.saturating_add(Weight::from_parts(85_929_498, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 19019).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(6))
			.saturating_add(ParityDbWeight::get().writes(5))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
}
