//! The emissions pallet's invariants, checked by `try_state` after every test and by
//! try-runtime:
//!
//! 1. Supply identity: total issuance plus everything burned equals the genesis
//!    issuance plus everything emitted (nothing is minted or burned unseen).
//! 2. The pot holds exactly its existential deposit plus every subnet's pending
//!    emission.

use crate::pallet::*;
use frame_support::{pallet_prelude::*, traits::fungible::Inspect};

impl<T: Config> Pallet<T> {
	/// The supply identity and the pot's backing.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let issuance = T::Currency::total_issuance();
		ensure!(
			issuance.checked_add(Burned::<T>::get()) == GenesisIssuance::<T>::get().checked_add(Emitted::<T>::get()),
			"total issuance + burned must equal genesis issuance + emitted"
		);
		let pot = T::Currency::balance(&Self::account_id());
		ensure!(
			Some(pot) == T::Currency::minimum_balance().checked_add(Self::pending_total()),
			"the pot must hold its existential deposit plus every pending emission"
		);
		Ok(())
	}
}
