//! # Hearth chain parameters
//!
//! Values that a network fixes in its genesis preset instead of in a cargo feature, so
//! that one `hearth-node` binary serves both a fast local chain for tests and a 6 s
//! production chain.
//!
//! Today this is the **slot duration**: Aura reads it as its `SlotDuration` and
//! Timestamp derives its `MinimumPeriod` (half a slot) from it, through the
//! [`SlotDuration`] and [`MinimumPeriod`] getters. The value is written once, at
//! genesis, and there is deliberately no call to change it: changing Aura's slot
//! duration on a live chain renumbers slots and stops block production.
//!
//! Bounds: [`MIN_SLOT_DURATION_MS`] ..= [`MAX_SLOT_DURATION_MS`], and even, so that
//! half a slot is exact. A genesis config outside them is refused when the genesis
//! state is built, with a message that names the value.

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;

mod types;
pub use types::{MinimumPeriod, SlotDuration, MAX_SLOT_DURATION_MS, MIN_SLOT_DURATION_MS};

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

#[frame_support::pallet]
pub mod pallet {
	use crate::types::{check_slot_duration, DefaultSlotDurationMs};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::BlockNumberFor;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The pallet has no configuration of its own: its values come from genesis.
	#[pallet::config]
	pub trait Config: frame_system::Config {}

	/// Milliseconds between two Aura slots, fixed at genesis.
	#[pallet::storage]
	pub type SlotDurationMs<T> = StorageValue<_, u64, ValueQuery, DefaultSlotDurationMs>;

	/// Genesis values of the chain parameters.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Milliseconds between two Aura slots (the target block time).
		#[serde(default = "crate::types::default_slot_duration_ms")]
		pub slot_duration_ms: u64,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		/// A real network's 6 s slots.
		fn default() -> Self {
			Self {
				slot_duration_ms: crate::types::default_slot_duration_ms(),
				_config: Default::default(),
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Err(why) = check_slot_duration(self.slot_duration_ms) {
				panic!("genesis `hearthParams.slotDurationMs` = {}: {}", self.slot_duration_ms, why);
			}
			SlotDurationMs::<T>::put(self.slot_duration_ms);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// Invariants: the stored slot duration is within bounds and even.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			check_slot_duration(SlotDurationMs::<T>::get()).map_err(Into::into)
		}
	}
}
