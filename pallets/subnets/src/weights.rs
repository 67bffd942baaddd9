//! Weights of `pallet_hearth_subnets`, measured by `frame-omni-bencher` (64.0.0) on 2026-11-23.
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
//!   pallet_hearth_subnets
//!   --extrinsic
//!   *
//!   --steps
//!   10
//!   --repeat
//!   3
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
	fn create_subnet() -> Weight {
		// Proof size measured: 285 bytes.
		Weight::from_parts(56_014_000, 3611)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// `n` in `[0, 256]`.
	fn dissolve_subnet(n: u32) -> Weight {
		// Proof size measured: 967 + n * 140 bytes.
		Weight::from_parts(82_467_934, 134549)
			.saturating_add(Weight::from_parts(4_429_497, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 18881).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(11))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
	}
	fn set_hyperparameter() -> Weight {
		// Proof size measured: 359 bytes.
		Weight::from_parts(15_253_000, 134549)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_bounds() -> Weight {
		// Proof size measured: 111 bytes.
		Weight::from_parts(8_542_000, 1531)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn register() -> Weight {
		// Proof size measured: 258339 bytes.
		Weight::from_parts(780_224_000, 134549)
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().writes(14))
	}
	fn serve() -> Weight {
		// Proof size measured: 385 bytes.
		Weight::from_parts(15_824_000, 3611)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_gpus() -> Weight {
		// Proof size measured: 385 bytes.
		Weight::from_parts(17_647_000, 3611)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// `w` in `[1, 4096]`.
	fn set_weights(w: u32) -> Weight {
		// Proof size measured: 1544 + w * 30 bytes.
		Weight::from_parts(54_472_230, 109973)
			.saturating_add(Weight::from_parts(94_678, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn commit_weights() -> Weight {
		// Proof size measured: 766 bytes.
		Weight::from_parts(27_280_000, 109973)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// `w` in `[1, 4096]`.
	fn reveal_weights(w: u32) -> Weight {
		// Proof size measured: 1647 + w * 30 bytes.
		Weight::from_parts(106_730_921, 109973)
			.saturating_add(Weight::from_parts(63_478, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// `s` in `[0, 64]`.
	fn on_initialize_scan(s: u32) -> Weight {
		// Proof size measured: 100 + s * 20 bytes.
		Weight::from_parts(4_631_722, 2767)
			.saturating_add(Weight::from_parts(9_198, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(0))
	}
	/// `n` in `[256, 4096]`.
	fn epoch(n: u32) -> Weight {
		// Proof size measured: 6698 + n * 152 bytes.
		Weight::from_parts(1_754_408_000, 1228255)
			.saturating_add(Weight::from_parts(5_821_187, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(75))
			.saturating_add(T::DbWeight::get().writes(5))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
	}
}

/// The same weights priced with ParityDB's database weights (tests and mocks).
impl WeightInfo for () {
	fn create_subnet() -> Weight {
		Weight::from_parts(56_014_000, 3611)
			.saturating_add(ParityDbWeight::get().reads(6))
			.saturating_add(ParityDbWeight::get().writes(5))
	}
	fn dissolve_subnet(n: u32) -> Weight {
		Weight::from_parts(82_467_934, 134549)
			.saturating_add(Weight::from_parts(4_429_497, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 18881).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(8))
			.saturating_add(ParityDbWeight::get().writes(11))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(n.into())))
	}
	fn set_hyperparameter() -> Weight {
		Weight::from_parts(15_253_000, 134549)
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn set_bounds() -> Weight {
		Weight::from_parts(8_542_000, 1531)
			.saturating_add(ParityDbWeight::get().reads(1))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn register() -> Weight {
		Weight::from_parts(780_224_000, 134549)
			.saturating_add(ParityDbWeight::get().reads(9))
			.saturating_add(ParityDbWeight::get().writes(14))
	}
	fn serve() -> Weight {
		Weight::from_parts(15_824_000, 3611)
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn set_gpus() -> Weight {
		Weight::from_parts(17_647_000, 3611)
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn set_weights(w: u32) -> Weight {
		Weight::from_parts(54_472_230, 109973)
			.saturating_add(Weight::from_parts(94_678, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	fn commit_weights() -> Weight {
		Weight::from_parts(27_280_000, 109973)
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	fn reveal_weights(w: u32) -> Weight {
		Weight::from_parts(106_730_921, 109973)
			.saturating_add(Weight::from_parts(63_478, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().writes(3))
	}
	fn on_initialize_scan(s: u32) -> Weight {
		Weight::from_parts(4_631_722, 2767)
			.saturating_add(Weight::from_parts(9_198, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(2))
			.saturating_add(ParityDbWeight::get().writes(0))
	}
	fn epoch(n: u32) -> Weight {
		Weight::from_parts(1_754_408_000, 1228255)
			.saturating_add(Weight::from_parts(5_821_187, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(75))
			.saturating_add(ParityDbWeight::get().writes(5))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
	}
}
