//! Weights of `pallet_hearth_subnets`, measured by `frame-omni-bencher` (64.0.0) on 2026-12-03.
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
//!   pallet_hearth_subnets
//!   --extrinsic
//!   *
//!   --steps
//!   20
//!   --repeat
//!   5
//!   --template
//!   scripts/weight-template.hbs
//!   --output
//!   pallets/subnets/src/weights.rs

#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of each call and hook of the pallet.
pub trait WeightInfo {
	/// The weight of `create_subnet`.
	fn create_subnet() -> Weight;
	/// The weight of `dissolve_subnet`.
	fn dissolve_subnet(n: u32) -> Weight;
	/// The weight of `set_hyperparameter`.
	fn set_hyperparameter() -> Weight;
	/// The weight of `set_bounds`.
	fn set_bounds() -> Weight;
	/// The weight of `register`.
	fn register() -> Weight;
	/// The weight of `serve`.
	fn serve() -> Weight;
	/// The weight of `set_gpus`.
	fn set_gpus() -> Weight;
	/// The weight of `set_weights`.
	fn set_weights(w: u32) -> Weight;
	/// The weight of `commit_weights`.
	fn commit_weights() -> Weight;
	/// The weight of `reveal_weights`.
	fn reveal_weights(w: u32) -> Weight;
	/// The weight of `on_initialize_scan`.
	fn on_initialize_scan(s: u32) -> Weight;
	/// The weight of `epoch`.
	fn epoch(n: u32) -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::SubnetEntries` (r:1 w:1)
	/// Proof: `Subnets::SubnetEntries` (`max_values`: Some(1), `max_size`: Some(1282), added: 1777, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::LastLock` (r:1 w:1)
	/// Proof: `Subnets::LastLock` (`max_values`: Some(1), `max_size`: Some(20), added: 515, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetInfos` (r:1 w:1)
	/// Proof: `Subnets::SubnetInfos` (`max_values`: None, `max_size`: Some(147), added: 2622, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::DefaultParams` (r:1 w:0)
	/// Proof: `Subnets::DefaultParams` (`max_values`: Some(1), `max_size`: Some(46), added: 541, mode: `MaxEncodedLen`)
	fn create_subnet() -> Weight {
		// Proof size measured: 285 bytes.
		Weight::from_parts(81_793_000, 3612)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Subnets::SubnetInfos` (r:1 w:1)
	/// Proof: `Subnets::SubnetInfos` (`max_values`: None, `max_size`: Some(147), added: 2622, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Keys` (r:1 w:1)
	/// Proof: `Subnets::Keys` (`max_values`: None, `max_size`: Some(131084), added: 133559, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetEntries` (r:1 w:1)
	/// Proof: `Subnets::SubnetEntries` (`max_values`: Some(1), `max_size`: Some(1282), added: 1777, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::PendingEpochs` (r:1 w:1)
	/// Proof: `Subnets::PendingEpochs` (`max_values`: Some(1), `max_size`: Some(130), added: 625, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Registrations` (r:256 w:256)
	/// Proof: `Subnets::Registrations` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:256 w:0)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:256 w:256)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Weights` (r:256 w:256)
	/// Proof: `Subnets::Weights` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Endpoints` (r:256 w:256)
	/// Proof: `Subnets::Endpoints` (`max_values`: None, `max_size`: Some(38), added: 2513, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::PendingEmission` (r:1 w:0)
	/// Proof: `Emissions::PendingEmission` (`max_values`: None, `max_size`: Some(26), added: 2501, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegisteredAt` (r:0 w:1)
	/// Proof: `Subnets::RegisteredAt` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Metagraph` (r:0 w:1)
	/// Proof: `Subnets::Metagraph` (`max_values`: None, `max_size`: Some(106508), added: 108983, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::LastUpdate` (r:0 w:1)
	/// Proof: `Subnets::LastUpdate` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::EpochAccounts` (r:0 w:1)
	/// Proof: `Subnets::EpochAccounts` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `Leases::BurnRate` (r:0 w:1)
	/// Proof: `Leases::BurnRate` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Demand` (r:0 w:1)
	/// Proof: `Leases::Demand` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// `n` in `[0, 256]`.
	fn dissolve_subnet(n: u32) -> Weight {
		// Proof size measured: 1258 + n * 283 bytes.
		Weight::from_parts(120_336_805, 134549)
			.saturating_add(Weight::from_parts(18_996_529, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 18881).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(13))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(n.into())))
	}
	/// Storage: `Subnets::SubnetInfos` (r:1 w:1)
	/// Proof: `Subnets::SubnetInfos` (`max_values`: None, `max_size`: Some(147), added: 2622, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::PendingEpochs` (r:1 w:0)
	/// Proof: `Subnets::PendingEpochs` (`max_values`: Some(1), `max_size`: Some(130), added: 625, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Keys` (r:1 w:0)
	/// Proof: `Subnets::Keys` (`max_values`: None, `max_size`: Some(131084), added: 133559, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Bounds` (r:1 w:0)
	/// Proof: `Subnets::Bounds` (`max_values`: Some(1), `max_size`: Some(66), added: 561, mode: `MaxEncodedLen`)
	fn set_hyperparameter() -> Weight {
		// Proof size measured: 327 bytes.
		Weight::from_parts(28_042_000, 134549)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Subnets::DefaultParams` (r:1 w:0)
	/// Proof: `Subnets::DefaultParams` (`max_values`: Some(1), `max_size`: Some(46), added: 541, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Bounds` (r:0 w:1)
	/// Proof: `Subnets::Bounds` (`max_values`: Some(1), `max_size`: Some(66), added: 561, mode: `MaxEncodedLen`)
	fn set_bounds() -> Weight {
		// Proof size measured: 111 bytes.
		Weight::from_parts(16_190_000, 1531)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Subnets::SubnetInfos` (r:1 w:1)
	/// Proof: `Subnets::SubnetInfos` (`max_values`: None, `max_size`: Some(147), added: 2622, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Owner` (r:1 w:0)
	/// Proof: `Staking::Owner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:2)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Keys` (r:1 w:1)
	/// Proof: `Subnets::Keys` (`max_values`: None, `max_size`: Some(131084), added: 133559, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegisteredAt` (r:1 w:1)
	/// Proof: `Subnets::RegisteredAt` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Metagraph` (r:1 w:1)
	/// Proof: `Subnets::Metagraph` (`max_values`: None, `max_size`: Some(106508), added: 108983, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Burned` (r:1 w:1)
	/// Proof: `Emissions::Burned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::LastUpdate` (r:1 w:1)
	/// Proof: `Subnets::LastUpdate` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Registrations` (r:2 w:2)
	/// Proof: `Subnets::Registrations` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:2 w:0)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetEntries` (r:1 w:1)
	/// Proof: `Subnets::SubnetEntries` (`max_values`: Some(1), `max_size`: Some(1282), added: 1777, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Endpoints` (r:0 w:1)
	/// Proof: `Subnets::Endpoints` (`max_values`: None, `max_size`: Some(38), added: 2513, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Gpus` (r:0 w:1)
	/// Proof: `Subnets::Gpus` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Bonds` (r:0 w:1)
	/// Proof: `Subnets::Bonds` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::WeightCommits` (r:0 w:1)
	/// Proof: `Subnets::WeightCommits` (`max_values`: None, `max_size`: Some(235), added: 2710, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Weights` (r:0 w:1)
	/// Proof: `Subnets::Weights` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	fn register() -> Weight {
		// Proof size measured: 262708 bytes.
		Weight::from_parts(951_107_000, 134549)
			.saturating_add(T::DbWeight::get().reads(14))
			.saturating_add(T::DbWeight::get().writes(17))
	}
	/// Storage: `Subnets::SubnetInfos` (r:1 w:0)
	/// Proof: `Subnets::SubnetInfos` (`max_values`: None, `max_size`: Some(147), added: 2622, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Endpoints` (r:0 w:1)
	/// Proof: `Subnets::Endpoints` (`max_values`: None, `max_size`: Some(38), added: 2513, mode: `MaxEncodedLen`)
	fn serve() -> Weight {
		// Proof size measured: 385 bytes.
		Weight::from_parts(27_010_000, 3612)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Subnets::SubnetInfos` (r:1 w:0)
	/// Proof: `Subnets::SubnetInfos` (`max_values`: None, `max_size`: Some(147), added: 2622, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Gpus` (r:0 w:1)
	/// Proof: `Subnets::Gpus` (`max_values`: None, `max_size`: Some(317), added: 2792, mode: `MaxEncodedLen`)
	fn set_gpus() -> Weight {
		// Proof size measured: 385 bytes.
		Weight::from_parts(30_737_000, 3612)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Subnets::SubnetInfos` (r:1 w:0)
	/// Proof: `Subnets::SubnetInfos` (`max_values`: None, `max_size`: Some(147), added: 2622, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::LastUpdate` (r:1 w:1)
	/// Proof: `Subnets::LastUpdate` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegisteredAt` (r:1 w:0)
	/// Proof: `Subnets::RegisteredAt` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Metagraph` (r:1 w:0)
	/// Proof: `Subnets::Metagraph` (`max_values`: None, `max_size`: Some(106508), added: 108983, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Weights` (r:0 w:1)
	/// Proof: `Subnets::Weights` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// `w` in `[1, 4096]`.
	fn set_weights(w: u32) -> Weight {
		// Proof size measured: 1551 + w * 30 bytes.
		Weight::from_parts(79_001_773, 109973)
			.saturating_add(Weight::from_parts(87_266, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Subnets::SubnetInfos` (r:1 w:0)
	/// Proof: `Subnets::SubnetInfos` (`max_values`: None, `max_size`: Some(147), added: 2622, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Metagraph` (r:1 w:0)
	/// Proof: `Subnets::Metagraph` (`max_values`: None, `max_size`: Some(106508), added: 108983, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::WeightCommits` (r:1 w:1)
	/// Proof: `Subnets::WeightCommits` (`max_values`: None, `max_size`: Some(235), added: 2710, mode: `MaxEncodedLen`)
	fn commit_weights() -> Weight {
		// Proof size measured: 767 bytes.
		Weight::from_parts(42_359_000, 109973)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Subnets::SubnetInfos` (r:1 w:0)
	/// Proof: `Subnets::SubnetInfos` (`max_values`: None, `max_size`: Some(147), added: 2622, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::WeightCommits` (r:1 w:1)
	/// Proof: `Subnets::WeightCommits` (`max_values`: None, `max_size`: Some(235), added: 2710, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Metagraph` (r:1 w:0)
	/// Proof: `Subnets::Metagraph` (`max_values`: None, `max_size`: Some(106508), added: 108983, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::LastUpdate` (r:1 w:1)
	/// Proof: `Subnets::LastUpdate` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Weights` (r:0 w:1)
	/// Proof: `Subnets::Weights` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// `w` in `[1, 4096]`.
	fn reveal_weights(w: u32) -> Weight {
		// Proof size measured: 1654 + w * 30 bytes.
		Weight::from_parts(94_232_794, 109973)
			.saturating_add(Weight::from_parts(83_024, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `Subnets::SubnetEntries` (r:1 w:0)
	/// Proof: `Subnets::SubnetEntries` (`max_values`: Some(1), `max_size`: Some(1282), added: 1777, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::PendingEpochs` (r:1 w:0)
	/// Proof: `Subnets::PendingEpochs` (`max_values`: Some(1), `max_size`: Some(130), added: 625, mode: `MaxEncodedLen`)
	/// `s` in `[0, 64]`.
	fn on_initialize_scan(s: u32) -> Weight {
		// Proof size measured: 100 + s * 20 bytes.
		Weight::from_parts(6_991_851, 2767)
			.saturating_add(Weight::from_parts(15_318, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(0))
	}
	/// Storage: `Subnets::SubnetInfos` (r:1 w:1)
	/// Proof: `Subnets::SubnetInfos` (`max_values`: None, `max_size`: Some(147), added: 2622, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Keys` (r:1 w:0)
	/// Proof: `Subnets::Keys` (`max_values`: None, `max_size`: Some(131084), added: 133559, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegisteredAt` (r:1 w:0)
	/// Proof: `Subnets::RegisteredAt` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::LastUpdate` (r:1 w:0)
	/// Proof: `Subnets::LastUpdate` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Metagraph` (r:1 w:1)
	/// Proof: `Subnets::Metagraph` (`max_values`: None, `max_size`: Some(106508), added: 108983, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:4096 w:4096)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Weights` (r:65 w:0)
	/// Proof: `Subnets::Weights` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Bonds` (r:65 w:64)
	/// Proof: `Subnets::Bonds` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::PendingEmission` (r:1 w:1)
	/// Proof: `Emissions::PendingEmission` (`max_values`: None, `max_size`: Some(26), added: 2501, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::EpochAccounts` (r:1 w:1)
	/// Proof: `Subnets::EpochAccounts` (`max_values`: None, `max_size`: Some(102), added: 2577, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Owner` (r:4096 w:0)
	/// Proof: `Staking::Owner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Take` (r:4096 w:0)
	/// Proof: `Staking::Take` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Shares` (r:4096 w:4096)
	/// Proof: `Staking::Shares` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Registrations` (r:4096 w:0)
	/// Proof: `Subnets::Registrations` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetEntries` (r:1 w:1)
	/// Proof: `Subnets::SubnetEntries` (`max_values`: Some(1), `max_size`: Some(1282), added: 1777, mode: `MaxEncodedLen`)
	/// `n` in `[256, 4096]`.
	fn epoch(n: u32) -> Weight {
		// Proof size measured: 15294 + n * 475 bytes.
		Weight::from_parts(16_539_428_000, 1228255)
			.saturating_add(Weight::from_parts(71_805_593, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2653).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(141))
			.saturating_add(T::DbWeight::get().writes(72))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
}

/// The same weights priced with ParityDB's database weights (tests and mocks).
impl WeightInfo for () {
	fn create_subnet() -> Weight {
		Weight::from_parts(81_793_000, 3612)
			.saturating_add(ParityDbWeight::get().reads(6))
			.saturating_add(ParityDbWeight::get().writes(5))
	}
	fn dissolve_subnet(n: u32) -> Weight {
		Weight::from_parts(120_336_805, 134549)
			.saturating_add(Weight::from_parts(18_996_529, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 18881).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(8))
			.saturating_add(ParityDbWeight::get().writes(13))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(n.into())))
	}
	fn set_hyperparameter() -> Weight {
		Weight::from_parts(28_042_000, 134549)
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn set_bounds() -> Weight {
		Weight::from_parts(16_190_000, 1531)
			.saturating_add(ParityDbWeight::get().reads(1))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn register() -> Weight {
		Weight::from_parts(951_107_000, 134549)
			.saturating_add(ParityDbWeight::get().reads(14))
			.saturating_add(ParityDbWeight::get().writes(17))
	}
	fn serve() -> Weight {
		Weight::from_parts(27_010_000, 3612)
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn set_gpus() -> Weight {
		Weight::from_parts(30_737_000, 3612)
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn set_weights(w: u32) -> Weight {
		Weight::from_parts(79_001_773, 109973)
			.saturating_add(Weight::from_parts(87_266, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	fn commit_weights() -> Weight {
		Weight::from_parts(42_359_000, 109973)
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn reveal_weights(w: u32) -> Weight {
		Weight::from_parts(94_232_794, 109973)
			.saturating_add(Weight::from_parts(83_024, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(3))
	}
	fn on_initialize_scan(s: u32) -> Weight {
		Weight::from_parts(6_991_851, 2767)
			.saturating_add(Weight::from_parts(15_318, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(0))
	}
	fn epoch(n: u32) -> Weight {
		Weight::from_parts(16_539_428_000, 1228255)
			.saturating_add(Weight::from_parts(71_805_593, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2653).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(141))
			.saturating_add(ParityDbWeight::get().writes(72))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
}
