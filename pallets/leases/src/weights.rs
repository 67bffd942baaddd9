//! Weights of `pallet_hearth_leases`, measured by `frame-omni-bencher` (64.0.0) on 2026-11-23.
//!
//! Machine: `AMD EPYC` (`vm`); steps 10, repeat 3,
//! wasm execution `Compiled`. Regenerate with `make weights`.
//!
//! Command:
//!   /root/.cache/hearth/tools/bin/frame-omni-bencher
//!   v1
//!   benchmark
//!   pallet
//!   --runtime
//!   /work/main/target/weights/debug/wbuild/hearth-runtime/hearth_runtime.wasm
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
	fn publish_offer() -> Weight;
	fn remove_offer() -> Weight;
	fn open_order() -> Weight;
	fn cancel_order() -> Weight;
	fn bid() -> Weight;
	fn accept_bid() -> Weight;
	fn top_up() -> Weight;
	fn close_lease() -> Weight;
	fn withdraw() -> Weight;
	fn heartbeat() -> Weight;
	fn report_default() -> Weight;
	fn on_initialize(d: u32, ) -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn publish_offer() -> Weight {
		// Proof size measured: 754 bytes.
		Weight::from_parts(36_324_000, 3642)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn remove_offer() -> Weight {
		// Proof size measured: 759 bytes.
		Weight::from_parts(28_622_000, 3642)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn open_order() -> Weight {
		// Proof size measured: 322 bytes.
		Weight::from_parts(78_858_000, 6196)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn cancel_order() -> Weight {
		// Proof size measured: 3641 bytes.
		Weight::from_parts(672_664_000, 47844)
			.saturating_add(T::DbWeight::get().reads(20))
			.saturating_add(T::DbWeight::get().writes(20))
	}
	fn bid() -> Weight {
		// Proof size measured: 3920 bytes.
		Weight::from_parts(99_098_000, 6196)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn accept_bid() -> Weight {
		// Proof size measured: 3735 bytes.
		Weight::from_parts(609_059_000, 42638)
			.saturating_add(T::DbWeight::get().reads(20))
			.saturating_add(T::DbWeight::get().writes(21))
	}
	fn top_up() -> Weight {
		// Proof size measured: 833 bytes.
		Weight::from_parts(86_269_000, 6196)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn close_lease() -> Weight {
		// Proof size measured: 1054 bytes.
		Weight::from_parts(126_569_000, 8799)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	fn withdraw() -> Weight {
		// Proof size measured: 833 bytes.
		Weight::from_parts(82_272_000, 6196)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn heartbeat() -> Weight {
		// Proof size measured: 251 bytes.
		Weight::from_parts(13_971_000, 3517)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn report_default() -> Weight {
		// Proof size measured: 848 bytes.
		Weight::from_parts(103_124_000, 6196)
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().writes(11))
	}
	/// `d` in `[0, 64]`.
	fn on_initialize(d: u32, ) -> Weight {
		// Proof size measured: 444 + d * 350 bytes.
		Weight::from_parts(4_006_000, 6196)
			.saturating_add(Weight::from_parts(115_730_367, 0).saturating_mul(d.into()))
			.saturating_add(Weight::from_parts(0, 2637).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(3))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(d.into())))
	}
}

/// The same weights priced with ParityDB's database weights (tests and mocks).
impl WeightInfo for () {
	fn publish_offer() -> Weight {
		Weight::from_parts(36_324_000, 3642)
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(3))
	}
	fn remove_offer() -> Weight {
		Weight::from_parts(28_622_000, 3642)
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	fn open_order() -> Weight {
		Weight::from_parts(78_858_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(5))
	}
	fn cancel_order() -> Weight {
		Weight::from_parts(672_664_000, 47844)
			.saturating_add(ParityDbWeight::get().reads(20))
			.saturating_add(ParityDbWeight::get().writes(20))
	}
	fn bid() -> Weight {
		Weight::from_parts(99_098_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(6))
			.saturating_add(ParityDbWeight::get().writes(3))
	}
	fn accept_bid() -> Weight {
		Weight::from_parts(609_059_000, 42638)
			.saturating_add(ParityDbWeight::get().reads(20))
			.saturating_add(ParityDbWeight::get().writes(21))
	}
	fn top_up() -> Weight {
		Weight::from_parts(86_269_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(5))
	}
	fn close_lease() -> Weight {
		Weight::from_parts(126_569_000, 8799)
			.saturating_add(ParityDbWeight::get().reads(8))
			.saturating_add(ParityDbWeight::get().writes(8))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(82_272_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(5))
	}
	fn heartbeat() -> Weight {
		Weight::from_parts(13_971_000, 3517)
			.saturating_add(ParityDbWeight::get().reads(1))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn report_default() -> Weight {
		Weight::from_parts(103_124_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(12))
			.saturating_add(ParityDbWeight::get().writes(11))
	}
	fn on_initialize(d: u32, ) -> Weight {
		Weight::from_parts(4_006_000, 6196)
			.saturating_add(Weight::from_parts(115_730_367, 0).saturating_mul(d.into()))
			.saturating_add(Weight::from_parts(0, 2637).saturating_mul(d.into()))
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(3))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(d.into())))
	}
}
