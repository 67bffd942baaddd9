//! Weights of `pallet_hearth_leases`, measured by `frame-omni-bencher` (64.0.0) on 2026-11-23.
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
//!   pallet_hearth_leases
//!   --extrinsic
//!   *
//!   --steps
//!   10
//!   --repeat
//!   3
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
	fn publish_offer() -> Weight {
		// Proof size measured: 754 bytes.
		Weight::from_parts(37_386_000, 3642)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn remove_offer() -> Weight {
		// Proof size measured: 759 bytes.
		Weight::from_parts(29_064_000, 3642)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn open_order() -> Weight {
		// Proof size measured: 322 bytes.
		Weight::from_parts(81_441_000, 6196)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn cancel_order() -> Weight {
		// Proof size measured: 3800 bytes.
		Weight::from_parts(982_165_000, 47844)
			.saturating_add(T::DbWeight::get().reads(21))
			.saturating_add(T::DbWeight::get().writes(21))
	}
	fn bid() -> Weight {
		// Proof size measured: 3953 bytes.
		Weight::from_parts(150_064_000, 6196)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// As `bid` (the same reads and writes: the order, the bond's transfer, the
	/// provider's open bids), one more of each counted for `OpenBids`; to be
	/// re-measured by `make weights`.
	fn withdraw_bid() -> Weight {
		// Proof size measured: 3953 bytes.
		Weight::from_parts(150_064_000, 6196)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	fn accept_bid() -> Weight {
		// Proof size measured: 3894 bytes.
		Weight::from_parts(648_668_000, 42638)
			.saturating_add(T::DbWeight::get().reads(21))
			.saturating_add(T::DbWeight::get().writes(22))
	}
	fn top_up() -> Weight {
		// Proof size measured: 866 bytes.
		Weight::from_parts(88_252_000, 6196)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn close_lease() -> Weight {
		// Proof size measured: 1213 bytes.
		Weight::from_parts(136_644_000, 8799)
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().writes(9))
	}
	fn withdraw() -> Weight {
		// Proof size measured: 866 bytes.
		Weight::from_parts(88_001_000, 6196)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn heartbeat() -> Weight {
		// Proof size measured: 284 bytes.
		Weight::from_parts(16_594_000, 3517)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn report_default() -> Weight {
		// Proof size measured: 1007 bytes.
		Weight::from_parts(109_423_000, 6196)
			.saturating_add(T::DbWeight::get().reads(13))
			.saturating_add(T::DbWeight::get().writes(12))
	}
	/// `d` in `[0, 64]`.
	fn on_initialize(d: u32) -> Weight {
		// Proof size measured: 603 + d * 350 bytes.
		Weight::from_parts(3_305_000, 6196)
			.saturating_add(Weight::from_parts(130_206_445, 0).saturating_mul(d.into()))
			.saturating_add(Weight::from_parts(0, 2637).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(d.into())))
	}
}

/// The same weights priced with ParityDB's database weights (tests and mocks).
impl WeightInfo for () {
	fn publish_offer() -> Weight {
		Weight::from_parts(37_386_000, 3642)
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(3))
	}
	fn remove_offer() -> Weight {
		Weight::from_parts(29_064_000, 3642)
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	fn open_order() -> Weight {
		Weight::from_parts(81_441_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(6))
	}
	fn cancel_order() -> Weight {
		Weight::from_parts(982_165_000, 47844)
			.saturating_add(ParityDbWeight::get().reads(21))
			.saturating_add(ParityDbWeight::get().writes(21))
	}
	fn bid() -> Weight {
		Weight::from_parts(150_064_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(7))
			.saturating_add(ParityDbWeight::get().writes(4))
	}
	/// Measured as `bid` (the same reads and writes: the order, the bond's transfer, the
	/// provider's open bids); to be re-measured by `make weights`.
	fn withdraw_bid() -> Weight {
		Weight::from_parts(150_064_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(7))
			.saturating_add(ParityDbWeight::get().writes(4))
	}
	fn accept_bid() -> Weight {
		Weight::from_parts(648_668_000, 42638)
			.saturating_add(ParityDbWeight::get().reads(21))
			.saturating_add(ParityDbWeight::get().writes(22))
	}
	fn top_up() -> Weight {
		Weight::from_parts(88_252_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(5))
	}
	fn close_lease() -> Weight {
		Weight::from_parts(136_644_000, 8799)
			.saturating_add(ParityDbWeight::get().reads(9))
			.saturating_add(ParityDbWeight::get().writes(9))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(88_001_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(5))
	}
	fn heartbeat() -> Weight {
		Weight::from_parts(16_594_000, 3517)
			.saturating_add(ParityDbWeight::get().reads(1))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn report_default() -> Weight {
		Weight::from_parts(109_423_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(13))
			.saturating_add(ParityDbWeight::get().writes(12))
	}
	fn on_initialize(d: u32) -> Weight {
		Weight::from_parts(3_305_000, 6196)
			.saturating_add(Weight::from_parts(130_206_445, 0).saturating_mul(d.into()))
			.saturating_add(Weight::from_parts(0, 2637).saturating_mul(d.into()))
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(4))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(d.into())))
	}
}
