//! Weights of `pallet_hearth_staking`, measured by `frame-omni-bencher` (64.0.0) on 2026-12-03.
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
//!   pallet_hearth_staking
//!   --extrinsic
//!   *
//!   --steps
//!   20
//!   --repeat
//!   5
//!   --template
//!   scripts/weight-template.hbs
//!   --output
//!   pallets/staking/src/weights.rs

#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of each call and hook of the pallet.
pub trait WeightInfo {
	/// The weight of `register_hotkey`.
	fn register_hotkey() -> Weight;
	/// The weight of `forget_hotkey`.
	fn forget_hotkey() -> Weight;
	/// The weight of `add_stake`.
	fn add_stake() -> Weight;
	/// The weight of `remove_stake`.
	fn remove_stake() -> Weight;
	/// The weight of `withdraw_unbonded`.
	fn withdraw_unbonded(c: u32) -> Weight;
	/// The weight of `set_take`.
	fn set_take() -> Weight;
	/// The weight of `move_stake`.
	fn move_stake() -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Staking::Owner` (r:1 w:1)
	/// Proof: `Staking::Owner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Staking::OwnedHotkeys` (r:1 w:1)
	/// Proof: `Staking::OwnedHotkeys` (`max_values`: None, `max_size`: Some(561), added: 3036, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyDeposits` (r:0 w:1)
	/// Proof: `Staking::HotkeyDeposits` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Take` (r:0 w:1)
	/// Proof: `Staking::Take` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn register_hotkey() -> Weight {
		// Proof size measured: 308 bytes.
		Weight::from_parts(145_382_000, 4026)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Storage: `Staking::Owner` (r:1 w:1)
	/// Proof: `Staking::Owner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:1 w:0)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::UnbondingPools` (r:1 w:0)
	/// Proof: `Staking::UnbondingPools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Registrations` (r:1 w:0)
	/// Proof: `Subnets::Registrations` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderLeaseCount` (r:1 w:0)
	/// Proof: `Leases::ProviderLeaseCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderOffers` (r:1 w:0)
	/// Proof: `Leases::ProviderOffers` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	/// Storage: `Leases::OpenBids` (r:1 w:0)
	/// Proof: `Leases::OpenBids` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingOf` (r:1 w:0)
	/// Proof: `Slashing::PendingOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Staking::OwnedHotkeys` (r:1 w:1)
	/// Proof: `Staking::OwnedHotkeys` (`max_values`: None, `max_size`: Some(561), added: 3036, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyDeposits` (r:1 w:1)
	/// Proof: `Staking::HotkeyDeposits` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Take` (r:0 w:1)
	/// Proof: `Staking::Take` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::LastTakeIncrease` (r:0 w:1)
	/// Proof: `Staking::LastTakeIncrease` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn forget_hotkey() -> Weight {
		// Proof size measured: 1923 bytes.
		Weight::from_parts(138_198_000, 4026)
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().writes(7))
	}
	/// Storage: `Staking::Owner` (r:1 w:0)
	/// Proof: `Staking::Owner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:1 w:1)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Shares` (r:1 w:1)
	/// Proof: `Staking::Shares` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	fn add_stake() -> Weight {
		// Proof size measured: 800 bytes.
		Weight::from_parts(94_597_000, 6196)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Storage: `Slashing::PendingOf` (r:1 w:0)
	/// Proof: `Slashing::PendingOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderLeaseCount` (r:1 w:0)
	/// Proof: `Leases::ProviderLeaseCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:1 w:1)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Shares` (r:1 w:1)
	/// Proof: `Staking::Shares` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Registrations` (r:1 w:0)
	/// Proof: `Subnets::Registrations` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Staking::UnbondingPools` (r:1 w:1)
	/// Proof: `Staking::UnbondingPools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `HearthParams::UnbondingPeriodBlocks` (r:1 w:0)
	/// Proof: `HearthParams::UnbondingPeriodBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Unbonding` (r:1 w:1)
	/// Proof: `Staking::Unbonding` (`max_values`: None, `max_size`: Some(1713), added: 4188, mode: `MaxEncodedLen`)
	fn remove_stake() -> Weight {
		// Proof size measured: 2482 bytes.
		Weight::from_parts(70_693_000, 5178)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Storage: `Staking::Unbonding` (r:1 w:1)
	/// Proof: `Staking::Unbonding` (`max_values`: None, `max_size`: Some(1713), added: 4188, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingOf` (r:32 w:0)
	/// Proof: `Slashing::PendingOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderLeaseCount` (r:32 w:0)
	/// Proof: `Leases::ProviderLeaseCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::UnbondingPools` (r:32 w:32)
	/// Proof: `Staking::UnbondingPools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// `c` in `[1, 32]`.
	fn withdraw_unbonded(c: u32) -> Weight {
		// Proof size measured: 723 + c * 140 bytes.
		Weight::from_parts(86_325_129, 6196)
			.saturating_add(Weight::from_parts(12_987_742, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(c.into())))
	}
	/// Storage: `Staking::Owner` (r:1 w:0)
	/// Proof: `Staking::Owner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Take` (r:1 w:1)
	/// Proof: `Staking::Take` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::LastTakeIncrease` (r:1 w:1)
	/// Proof: `Staking::LastTakeIncrease` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn set_take() -> Weight {
		// Proof size measured: 406 bytes.
		Weight::from_parts(33_342_000, 3545)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Staking::Owner` (r:2 w:0)
	/// Proof: `Staking::Owner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::PendingOf` (r:1 w:0)
	/// Proof: `Slashing::PendingOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Leases::ProviderLeaseCount` (r:1 w:0)
	/// Proof: `Leases::ProviderLeaseCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:2 w:2)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Shares` (r:2 w:2)
	/// Proof: `Staking::Shares` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Registrations` (r:1 w:0)
	/// Proof: `Subnets::Registrations` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	fn move_stake() -> Weight {
		// Proof size measured: 986 bytes.
		Weight::from_parts(79_719_000, 6164)
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().writes(4))
	}
}

/// The same weights priced with ParityDB's database weights (tests and mocks).
impl WeightInfo for () {
	fn register_hotkey() -> Weight {
		Weight::from_parts(145_382_000, 4026)
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(6))
	}
	fn forget_hotkey() -> Weight {
		Weight::from_parts(138_198_000, 4026)
			.saturating_add(ParityDbWeight::get().reads(12))
			.saturating_add(ParityDbWeight::get().writes(7))
	}
	fn add_stake() -> Weight {
		Weight::from_parts(94_597_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(4))
	}
	fn remove_stake() -> Weight {
		Weight::from_parts(70_693_000, 5178)
			.saturating_add(ParityDbWeight::get().reads(8))
			.saturating_add(ParityDbWeight::get().writes(4))
	}
	fn withdraw_unbonded(c: u32) -> Weight {
		Weight::from_parts(86_325_129, 6196)
			.saturating_add(Weight::from_parts(12_987_742, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(c.into()))
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(3))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(c.into())))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(c.into())))
	}
	fn set_take() -> Weight {
		Weight::from_parts(33_342_000, 3545)
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	fn move_stake() -> Weight {
		Weight::from_parts(79_719_000, 6164)
			.saturating_add(ParityDbWeight::get().reads(9))
			.saturating_add(ParityDbWeight::get().writes(4))
	}
}
