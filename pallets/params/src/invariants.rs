//! The params pallet's invariants, checked by `try_state` after every test and by
//! try-runtime:
//!
//! 1. The slot duration is within the bounds the genesis check enforces.
//! 2. The slash deferral window is at least one block, and it plus the slashing
//!    queue's look-ahead is shorter than the unbonding period.

use crate::{pallet::*, types::*};
use frame_support::traits::Get;

impl<T: Config> Pallet<T> {
	/// Checks the invariants listed in the module docs.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		check_slot_duration(SlotDurationMs::<T>::get())?;
		check_staking_periods(
			UnbondingPeriodBlocks::<T>::get(),
			SlashDeferWindowBlocks::<T>::get(),
			T::SlashScheduleLookahead::get(),
		)?;
		Ok(())
	}
}
