//! Read-only views of the emission: the pot, what is pending, the schedule.

use crate::{pallet::*, types::*, SCHEDULE};
use frame_support::pallet_prelude::*;
use sp_runtime::traits::AccountIdConversion;

impl<T: Config> Pallet<T> {
	/// The pot.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// Everything minted and not yet paid.
	pub fn pending_total() -> u128 {
		PendingEmission::<T>::iter_values().fold(0u128, |acc, p| acc.saturating_add(p))
	}

	/// The schedule at this block (the runtime API's answer).
	pub fn schedule_info() -> ScheduleInfo {
		let emitted = Emitted::<T>::get();
		let position = SCHEDULE.position(emitted);
		ScheduleInfo {
			cap: SCHEDULE.cap(),
			reward: position.reward,
			emitted,
			burned: Burned::<T>::get(),
			halvings: position.halvings,
			next_halving_at: position.next_halving_at,
			blocks_to_next_halving: position.blocks_to_next_halving,
			pending: Self::pending_total(),
		}
	}
}
