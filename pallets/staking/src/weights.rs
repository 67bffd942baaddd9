//! Weights of `pallet_hearth_staking`, measured by `frame-omni-bencher` (64.0.0) on 2026-11-23.
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
	/// The weight of `forget_hotkey`.
	fn forget_hotkey() -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_hotkey() -> Weight {
		// Set by hand until `make weights` measures it: the measured 14 µs did not
		// verify a signature (about 60 µs in wasm) or hold the deposit (2 reads, 2 writes).
		Weight::from_parts(80_000_000, 4026)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn add_stake() -> Weight {
		// Proof size measured: 767 bytes.
		Weight::from_parts(63_775_000, 6196)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	fn remove_stake() -> Weight {
		// Proof size measured: 2327 bytes.
		Weight::from_parts(46_118_000, 5178)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// `c` in `[1, 32]`.
	fn withdraw_unbonded(c: u32) -> Weight {
		// Proof size measured: 646 + c * 140 bytes.
		Weight::from_parts(50_338_717, 6196)
			.saturating_add(Weight::from_parts(6_133_107, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(c.into())))
	}
	fn set_take() -> Weight {
		// Proof size measured: 373 bytes.
		Weight::from_parts(19_239_000, 3545)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn move_stake() -> Weight {
		// Proof size measured: 835 bytes.
		Weight::from_parts(42_644_000, 6164)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Set by hand until `make weights` measures it: the owner, both pools, the
	/// subnets' and leases' records of the hotkey, its open offences, then the owner's
	/// list, the take records, the deposit and its hold.
	fn forget_hotkey() -> Weight {
		Weight::from_parts(45_000_000, 6_200)
			.saturating_add(T::DbWeight::get().reads(11))
			.saturating_add(T::DbWeight::get().writes(6))
	}
}

/// The same weights priced with ParityDB's database weights (tests and mocks).
impl WeightInfo for () {
	fn register_hotkey() -> Weight {
		Weight::from_parts(80_000_000, 4026)
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(5))
	}
	fn add_stake() -> Weight {
		Weight::from_parts(63_775_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(4))
	}
	fn remove_stake() -> Weight {
		Weight::from_parts(46_118_000, 5178)
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(4))
	}
	fn withdraw_unbonded(c: u32) -> Weight {
		Weight::from_parts(50_338_717, 6196)
			.saturating_add(Weight::from_parts(6_133_107, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(c.into()))
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(3))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(c.into())))
	}
	fn set_take() -> Weight {
		Weight::from_parts(19_239_000, 3545)
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	fn move_stake() -> Weight {
		Weight::from_parts(42_644_000, 6164)
			.saturating_add(ParityDbWeight::get().reads(7))
			.saturating_add(ParityDbWeight::get().writes(4))
	}
	/// Set by hand until `make weights` measures it: the owner, both pools, the
	/// subnets' and leases' records of the hotkey, its open offences, then the owner's
	/// list, the take records, the deposit and its hold.
	fn forget_hotkey() -> Weight {
		Weight::from_parts(45_000_000, 6_200)
			.saturating_add(ParityDbWeight::get().reads(11))
			.saturating_add(ParityDbWeight::get().writes(6))
	}
}
