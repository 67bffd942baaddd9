//! # Hearth chain parameters
//!
//! Values that a network fixes in its genesis preset instead of in a cargo feature, so
//! that one `hearth-node` binary serves both a fast local chain for tests and a 6 s
//! production chain.
//!
//! - The **slot duration**: Aura reads it as its `SlotDuration` and Timestamp derives
//!   its `MinimumPeriod` (half a slot) from it, through the [`SlotDuration`] and
//!   [`MinimumPeriod`] getters. Bounds: [`MIN_SLOT_DURATION_MS`] ..=
//!   [`MAX_SLOT_DURATION_MS`], and even, so that half a slot is exact.
//! - The **unbonding period** (staking, [`UnbondingPeriod`]) and the **slash deferral
//!   window** (slashing, [`SlashDeferWindow`]), in blocks. The window is at least one
//!   block, and the window plus the slashing queue's look-ahead
//!   ([`Config::SlashScheduleLookahead`]) is strictly shorter than the unbonding period,
//!   so that stake leaving a hotkey stays slashable for any offence reported while it
//!   was bonded.
//!
//! Values are written once, at genesis, and there is deliberately no call to change
//! them: changing Aura's slot duration on a live chain renumbers slots and stops block
//! production. A genesis config outside the bounds is refused when the genesis state is
//! built, with a message that names the value.

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;

#[cfg(any(feature = "try-runtime", test))]
mod invariants;
mod types;
pub use types::{
	MinimumPeriod, SlashDeferWindow, SlotDuration, UnbondingPeriod, MAX_SLOT_DURATION_MS, MIN_SLOT_DURATION_MS,
};

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

#[frame_support::pallet]
pub mod pallet {
	use crate::types::{
		check_slot_duration, check_staking_periods, DefaultSlashDeferWindow, DefaultSlotDurationMs,
		DefaultUnbondingPeriod,
	};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::BlockNumberFor;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The pallet's values come from genesis; the check of the staking periods needs one
	/// constant of the slashing pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// How many blocks past its deferral window a slash may be applied (the slashing
		/// queue's look-ahead).
		#[pallet::constant]
		type SlashScheduleLookahead: Get<u32>;
	}

	/// Milliseconds between two Aura slots, fixed at genesis.
	#[pallet::storage]
	pub type SlotDurationMs<T> = StorageValue<_, u64, ValueQuery, DefaultSlotDurationMs>;

	/// Blocks between removing stake and being able to withdraw it, fixed at genesis.
	#[pallet::storage]
	pub type UnbondingPeriodBlocks<T> = StorageValue<_, u32, ValueQuery, DefaultUnbondingPeriod>;

	/// Blocks between an offence report and its slash, fixed at genesis.
	#[pallet::storage]
	pub type SlashDeferWindowBlocks<T> = StorageValue<_, u32, ValueQuery, DefaultSlashDeferWindow>;

	/// Genesis values of the chain parameters.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Milliseconds between two Aura slots (the target block time).
		#[serde(default = "crate::types::default_slot_duration_ms")]
		pub slot_duration_ms: u64,
		/// Blocks between removing stake and withdrawing it.
		#[serde(default = "crate::types::default_unbonding_period")]
		pub unbonding_period_blocks: u32,
		/// Blocks between an offence report and its slash.
		#[serde(default = "crate::types::default_slash_defer_window")]
		pub slash_defer_window_blocks: u32,
		#[serde(skip)]
		/// Ties the config to the runtime; holds nothing.
		pub _config: core::marker::PhantomData<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		/// A real network's 6 s slots.
		fn default() -> Self {
			Self {
				slot_duration_ms: crate::types::default_slot_duration_ms(),
				unbonding_period_blocks: crate::types::default_unbonding_period(),
				slash_defer_window_blocks: crate::types::default_slash_defer_window(),
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
			let lookahead = T::SlashScheduleLookahead::get();
			if let Err(why) =
				check_staking_periods(self.unbonding_period_blocks, self.slash_defer_window_blocks, lookahead)
			{
				panic!(
					"genesis `hearthParams.unbondingPeriodBlocks` = {}, `slashDeferWindowBlocks` = {} (look-ahead {}): {}",
					self.unbonding_period_blocks, self.slash_defer_window_blocks, lookahead, why
				);
			}
			UnbondingPeriodBlocks::<T>::put(self.unbonding_period_blocks);
			SlashDeferWindowBlocks::<T>::put(self.slash_defer_window_blocks);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
