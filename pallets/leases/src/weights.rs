//! Weights of `pallet_hearth_leases`, measured by `frame-omni-bencher` (64.0.0) on 2026-12-03.
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
//!   pallet_hearth_leases
//!   --extrinsic
//!   *
//!   --steps
//!   20
//!   --repeat
//!   5
//!   --template
//!   scripts/weight-template.hbs
//!   --output
//!   pallets/leases/src/weights.rs

#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of each call and hook of the pallet.
pub trait WeightInfo {
	/// The weight of `publish_offer`.
	fn publish_offer() -> Weight;
	/// The weight of `remove_offer`.
	fn remove_offer() -> Weight;
	/// The weight of `open_order`.
	fn open_order() -> Weight;
	/// The weight of `cancel_order`.
	fn cancel_order() -> Weight;
	/// The weight of `bid`.
	fn bid() -> Weight;
	/// The weight of `withdraw_bid`.
	fn withdraw_bid() -> Weight;
	/// The weight of `accept_bid`.
	fn accept_bid() -> Weight;
	/// The weight of `top_up`.
	fn top_up() -> Weight;
	/// The weight of `close_lease`.
	fn close_lease() -> Weight;
	/// The weight of `withdraw`.
	fn withdraw() -> Weight;
	/// The weight of `heartbeat`.
	fn heartbeat() -> Weight;
	/// The weight of `report_default`.
	fn report_default() -> Weight;
	/// The weight of `on_initialize`.
	fn on_initialize(d: u32) -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Staking::Pools` (r:1 w:0)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Leases::NextId` (r:1 w:1)
	/// Proof: `Leases::NextId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderOffers` (r:1 w:1)
	/// Proof: `Leases::ProviderOffers` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Offers` (r:0 w:1)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	fn publish_offer() -> Weight {
		// Proof size measured: 754 bytes.
		Weight::from_parts(41_367_000, 3642)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `Leases::Offers` (r:1 w:1)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderOffers` (r:1 w:1)
	/// Proof: `Leases::ProviderOffers` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	fn remove_offer() -> Weight {
		// Proof size measured: 759 bytes.
		Weight::from_parts(32_761_000, 3642)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Subnets::SubnetInfos` (r:1 w:0)
	/// Proof: `Subnets::SubnetInfos` (`max_values`: None, `max_size`: Some(147), added: 2622, mode: `MaxEncodedLen`)
	/// Storage: `Leases::NextId` (r:1 w:1)
	/// Proof: `Leases::NextId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Deadlines` (r:1 w:1)
	/// Proof: `Leases::Deadlines` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CurrentWindow` (r:1 w:1)
	/// Proof: `Leases::CurrentWindow` (`max_values`: Some(1), `max_size`: Some(136), added: 631, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Orders` (r:0 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(1580), added: 4055, mode: `MaxEncodedLen`)
	fn open_order() -> Weight {
		// Proof size measured: 493 bytes.
		Weight::from_parts(87_424_000, 6196)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Storage: `Leases::Orders` (r:1 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(1580), added: 4055, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:18 w:18)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OpenBids` (r:16 w:16)
	/// Proof: `Leases::OpenBids` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Deadlines` (r:1 w:1)
	/// Proof: `Leases::Deadlines` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CurrentWindow` (r:1 w:1)
	/// Proof: `Leases::CurrentWindow` (`max_values`: Some(1), `max_size`: Some(136), added: 631, mode: `MaxEncodedLen`)
	fn cancel_order() -> Weight {
		// Proof size measured: 4776 bytes.
		Weight::from_parts(952_840_000, 47844)
			.saturating_add(T::DbWeight::get().reads(37))
			.saturating_add(T::DbWeight::get().writes(37))
	}
	/// Storage: `Leases::Orders` (r:1 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(1580), added: 4055, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Offers` (r:1 w:0)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OpenBids` (r:1 w:1)
	/// Proof: `Leases::OpenBids` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:1 w:0)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn bid() -> Weight {
		// Proof size measured: 4333 bytes.
		Weight::from_parts(132_798_000, 6196)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Storage: `Leases::Orders` (r:1 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(1580), added: 4055, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OpenBids` (r:1 w:1)
	/// Proof: `Leases::OpenBids` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn withdraw_bid() -> Weight {
		// Proof size measured: 2604 bytes.
		Weight::from_parts(97_202_000, 6196)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Storage: `Leases::Orders` (r:1 w:1)
	/// Proof: `Leases::Orders` (`max_values`: None, `max_size`: Some(1580), added: 4055, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Offers` (r:1 w:0)
	/// Proof: `Leases::Offers` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:1 w:0)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Deadlines` (r:2 w:2)
	/// Proof: `Leases::Deadlines` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CurrentWindow` (r:1 w:1)
	/// Proof: `Leases::CurrentWindow` (`max_values`: Some(1), `max_size`: Some(136), added: 631, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:16 w:16)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OpenBids` (r:16 w:16)
	/// Proof: `Leases::OpenBids` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderLeaseCount` (r:1 w:1)
	/// Proof: `Leases::ProviderLeaseCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OpenLeases` (r:0 w:1)
	/// Proof: `Leases::OpenLeases` (`max_values`: None, `max_size`: Some(162), added: 2637, mode: `MaxEncodedLen`)
	fn accept_bid() -> Weight {
		// Proof size measured: 6423 bytes.
		Weight::from_parts(907_596_000, 42638)
			.saturating_add(T::DbWeight::get().reads(40))
			.saturating_add(T::DbWeight::get().writes(38))
	}
	/// Storage: `Leases::OpenLeases` (r:1 w:1)
	/// Proof: `Leases::OpenLeases` (`max_values`: None, `max_size`: Some(162), added: 2637, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderHeartbeats` (r:1 w:0)
	/// Proof: `Leases::ProviderHeartbeats` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Burned` (r:1 w:1)
	/// Proof: `Emissions::Burned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Demand` (r:1 w:1)
	/// Proof: `Leases::Demand` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `Leases::BurnRate` (r:1 w:1)
	/// Proof: `Leases::BurnRate` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	fn top_up() -> Weight {
		// Proof size measured: 893 bytes.
		Weight::from_parts(126_146_000, 6196)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Storage: `Leases::OpenLeases` (r:1 w:1)
	/// Proof: `Leases::OpenLeases` (`max_values`: None, `max_size`: Some(162), added: 2637, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderHeartbeats` (r:1 w:1)
	/// Proof: `Leases::ProviderHeartbeats` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Burned` (r:1 w:1)
	/// Proof: `Emissions::Burned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Demand` (r:1 w:1)
	/// Proof: `Leases::Demand` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `Leases::BurnRate` (r:1 w:1)
	/// Proof: `Leases::BurnRate` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderLeaseCount` (r:1 w:1)
	/// Proof: `Leases::ProviderLeaseCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Deadlines` (r:1 w:1)
	/// Proof: `Leases::Deadlines` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CurrentWindow` (r:1 w:1)
	/// Proof: `Leases::CurrentWindow` (`max_values`: Some(1), `max_size`: Some(136), added: 631, mode: `MaxEncodedLen`)
	fn close_lease() -> Weight {
		// Proof size measured: 1243 bytes.
		Weight::from_parts(195_165_000, 8799)
			.saturating_add(T::DbWeight::get().reads(11))
			.saturating_add(T::DbWeight::get().writes(11))
	}
	/// Storage: `Leases::OpenLeases` (r:1 w:1)
	/// Proof: `Leases::OpenLeases` (`max_values`: None, `max_size`: Some(162), added: 2637, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderHeartbeats` (r:1 w:0)
	/// Proof: `Leases::ProviderHeartbeats` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Burned` (r:1 w:1)
	/// Proof: `Emissions::Burned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Demand` (r:1 w:1)
	/// Proof: `Leases::Demand` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `Leases::BurnRate` (r:1 w:1)
	/// Proof: `Leases::BurnRate` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	fn withdraw() -> Weight {
		// Proof size measured: 893 bytes.
		Weight::from_parts(126_927_000, 6196)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Storage: `Leases::ProviderLeaseCount` (r:1 w:0)
	/// Proof: `Leases::ProviderLeaseCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderHeartbeats` (r:1 w:1)
	/// Proof: `Leases::ProviderHeartbeats` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
	fn heartbeat() -> Weight {
		// Proof size measured: 313 bytes.
		Weight::from_parts(25_167_000, 3526)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Leases::OpenLeases` (r:1 w:1)
	/// Proof: `Leases::OpenLeases` (`max_values`: None, `max_size`: Some(162), added: 2637, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderHeartbeats` (r:1 w:1)
	/// Proof: `Leases::ProviderHeartbeats` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
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
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderLeaseCount` (r:1 w:1)
	/// Proof: `Leases::ProviderLeaseCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Deadlines` (r:1 w:1)
	/// Proof: `Leases::Deadlines` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
	/// Storage: `Leases::CurrentWindow` (r:1 w:1)
	/// Proof: `Leases::CurrentWindow` (`max_values`: Some(1), `max_size`: Some(136), added: 631, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Pending` (r:0 w:1)
	/// Proof: `Slashing::Pending` (`max_values`: None, `max_size`: Some(143), added: 2618, mode: `MaxEncodedLen`)
	fn report_default() -> Weight {
		// Proof size measured: 1333 bytes.
		Weight::from_parts(153_857_000, 6196)
			.saturating_add(T::DbWeight::get().reads(13))
			.saturating_add(T::DbWeight::get().writes(12))
	}
	/// Storage: `Leases::CurrentWindow` (r:1 w:1)
	/// Proof: `Leases::CurrentWindow` (`max_values`: Some(1), `max_size`: Some(136), added: 631, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Deadlines` (r:1 w:1)
	/// Proof: `Leases::Deadlines` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OpenLeases` (r:64 w:64)
	/// Proof: `Leases::OpenLeases` (`max_values`: None, `max_size`: Some(162), added: 2637, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderHeartbeats` (r:64 w:64)
	/// Proof: `Leases::ProviderHeartbeats` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:66 w:66)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Emissions::Burned` (r:1 w:1)
	/// Proof: `Emissions::Burned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Leases::Demand` (r:1 w:1)
	/// Proof: `Leases::Demand` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `Leases::BurnRate` (r:1 w:1)
	/// Proof: `Leases::BurnRate` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderLeaseCount` (r:64 w:64)
	/// Proof: `Leases::ProviderLeaseCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// `d` in `[0, 64]`.
	fn on_initialize(d: u32) -> Weight {
		// Proof size measured: 891 + d * 355 bytes.
		Weight::from_parts(19_334_140, 6196)
			.saturating_add(Weight::from_parts(151_020_932, 0).saturating_mul(d.into()))
			.saturating_add(Weight::from_parts(0, 2637).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(6))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(d.into())))
	}
}

/// The same weights priced with ParityDB's database weights (tests and mocks).
impl WeightInfo for () {
	fn publish_offer() -> Weight {
		Weight::from_parts(41_367_000, 3642)
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(3))
	}
	fn remove_offer() -> Weight {
		Weight::from_parts(32_761_000, 3642)
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	fn open_order() -> Weight {
		Weight::from_parts(87_424_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(6))
			.saturating_add(ParityDbWeight::get().writes(6))
	}
	fn cancel_order() -> Weight {
		Weight::from_parts(952_840_000, 47844)
			.saturating_add(ParityDbWeight::get().reads(37))
			.saturating_add(ParityDbWeight::get().writes(37))
	}
	fn bid() -> Weight {
		Weight::from_parts(132_798_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(7))
			.saturating_add(ParityDbWeight::get().writes(4))
	}
	fn withdraw_bid() -> Weight {
		Weight::from_parts(97_202_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(4))
	}
	fn accept_bid() -> Weight {
		Weight::from_parts(907_596_000, 42638)
			.saturating_add(ParityDbWeight::get().reads(40))
			.saturating_add(ParityDbWeight::get().writes(38))
	}
	fn top_up() -> Weight {
		Weight::from_parts(126_146_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(7))
			.saturating_add(ParityDbWeight::get().writes(6))
	}
	fn close_lease() -> Weight {
		Weight::from_parts(195_165_000, 8799)
			.saturating_add(ParityDbWeight::get().reads(11))
			.saturating_add(ParityDbWeight::get().writes(11))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(126_927_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(7))
			.saturating_add(ParityDbWeight::get().writes(6))
	}
	fn heartbeat() -> Weight {
		Weight::from_parts(25_167_000, 3526)
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn report_default() -> Weight {
		Weight::from_parts(153_857_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(13))
			.saturating_add(ParityDbWeight::get().writes(12))
	}
	fn on_initialize(d: u32) -> Weight {
		Weight::from_parts(19_334_140, 6196)
			.saturating_add(Weight::from_parts(151_020_932, 0).saturating_mul(d.into()))
			.saturating_add(Weight::from_parts(0, 2637).saturating_mul(d.into()))
			.saturating_add(ParityDbWeight::get().reads(6))
			.saturating_add(ParityDbWeight::get().writes(6))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(d.into())))
	}
}
