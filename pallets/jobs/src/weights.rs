//! Weights of `pallet_hearth_jobs`.
//!
//! Not yet measured by `frame-omni-bencher`: the figures below are upper bounds set by
//! hand from the engine's measured speed (about 0.4 ns per multiply-add in the
//! runtime's wasm, `../shared/design/jobs.md`) and the storage each call touches, until
//! `make weights` replaces this file (the benchmarks are in `benchmarking.rs`).

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
	/// The weight of `challenge` ruling a step of the reference layer at `t` tokens.
	fn challenge_layer(t: u32) -> Weight;
	/// The weight of `challenge` hashing and decoding a chunk of `c` bytes (an MLP
	/// layer, whose step is negligible).
	fn challenge_chunk(c: u32) -> Weight;
	/// The weight of `report_equivocation`.
	fn report_equivocation() -> Weight;
	/// The hook assigning `n` jobs.
	fn assign(n: u32) -> Weight;
	/// The hook running `n` queued steps (each the costliest: a payment).
	fn run_due(n: u32) -> Weight;
}

/// The bounds, with `db` the weight of a storage read and write.
mod bounds {
	use super::*;
	use frame_support::weights::RuntimeDbWeight;

	pub(super) fn register_model(db: RuntimeDbWeight) -> Weight {
		Weight::from_parts(150_000_000, 10_000).saturating_add(db.reads_writes(4, 3))
	}
	pub(super) fn retire_model(db: RuntimeDbWeight) -> Weight {
		Weight::from_parts(40_000_000, 3_000).saturating_add(db.reads_writes(1, 1))
	}
	pub(super) fn remove_model(db: RuntimeDbWeight) -> Weight {
		Weight::from_parts(80_000_000, 5_000).saturating_add(db.reads_writes(4, 4))
	}
	pub(super) fn post_job(db: RuntimeDbWeight) -> Weight {
		Weight::from_parts(150_000_000, 20_000).saturating_add(db.reads_writes(8, 7))
	}
	pub(super) fn submit_result(db: RuntimeDbWeight) -> Weight {
		Weight::from_parts(150_000_000, 40_000).saturating_add(db.reads_writes(6, 5))
	}
	/// 0.5 ns per multiply-add of the reference layer, 40 ms of decoding and checks.
	pub(super) fn challenge_layer_cost(t: u32) -> u64 {
		crate::budget::reference_cost(t)
	}
	pub(super) fn challenge_layer(db: RuntimeDbWeight, t: u32) -> Weight {
		Weight::from_parts(40_000_000_000, 40_000)
			.saturating_add(Weight::from_parts(challenge_layer_cost(t).saturating_mul(500), 0))
			.saturating_add(db.reads_writes(10, 10))
	}
	/// Hashing and decoding: 10 ns per byte.
	pub(super) fn challenge_chunk(c: u32) -> Weight {
		Weight::from_parts(10_000_000 + u64::from(c).saturating_mul(10_000), 0)
	}
	pub(super) fn report_equivocation(db: RuntimeDbWeight) -> Weight {
		Weight::from_parts(300_000_000, 10_000).saturating_add(db.reads_writes(12, 10))
	}
	pub(super) fn assign(db: RuntimeDbWeight, n: u32) -> Weight {
		Weight::from_parts(5_000_000, 1_000)
			.saturating_add(db.reads_writes(1, 1))
			.saturating_add(Weight::from_parts(100_000_000, 40_000).saturating_mul(n.into()))
			.saturating_add(db.reads_writes(12, 4).saturating_mul(n.into()))
	}
	pub(super) fn run_due(db: RuntimeDbWeight, n: u32) -> Weight {
		Weight::from_parts(5_000_000, 1_000)
			.saturating_add(db.reads_writes(1, 1))
			.saturating_add(Weight::from_parts(150_000_000, 20_000).saturating_mul(n.into()))
			.saturating_add(db.reads_writes(8, 8).saturating_mul(n.into()))
	}
}

/// Implements [`WeightInfo`] for `$ty` with the database weights `$db`.
macro_rules! impl_weights {
	($ty:ty, $db:expr, $($generics:tt)*) => {
		impl<$($generics)*> WeightInfo for $ty {
			fn register_model() -> Weight { bounds::register_model($db) }
			fn retire_model() -> Weight { bounds::retire_model($db) }
			fn remove_model() -> Weight { bounds::remove_model($db) }
			fn post_job() -> Weight { bounds::post_job($db) }
			fn submit_result() -> Weight { bounds::submit_result($db) }
			fn challenge_layer(t: u32) -> Weight { bounds::challenge_layer($db, t) }
			fn challenge_chunk(c: u32) -> Weight { bounds::challenge_chunk(c) }
			fn report_equivocation() -> Weight { bounds::report_equivocation($db) }
			fn assign(n: u32) -> Weight { bounds::assign($db, n) }
			fn run_due(n: u32) -> Weight { bounds::run_due($db, n) }
		}
	};
}

/// The bounds in the runtime, with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl_weights!(SubstrateWeight<T>, T::DbWeight::get(), T: frame_system::Config);
// For tests: the same bounds with ParityDB's weights.
impl_weights!((), ParityDbWeight::get(),);
