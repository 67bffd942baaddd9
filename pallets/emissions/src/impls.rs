//! What the emissions pallet offers other pallets through `hearth-primitives`: the pot
//! each subnet's epoch is paid from, and the burn sink that counts what it burns.

use crate::pallet::*;
use frame_support::traits::{
	fungible::{Balanced, Credit},
	tokens::{Fortitude, Precision, Preservation},
	Imbalance, OnUnbalanced,
};
use hearth_primitives::{EmissionPot, NetUid};

impl<T: Config> EmissionPot<T::AccountId, T::Currency> for Pallet<T> {
	fn take_pending(netuid: NetUid) -> Credit<T::AccountId, T::Currency> {
		let amount = PendingEmission::<T>::take(netuid);
		match T::Currency::withdraw(
			&Self::account_id(),
			amount,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		) {
			Ok(credit) => credit,
			Err(_) => {
				// The pot always backs the pending amounts (try_state); should it not,
				// nothing is paid and the amount stays pending.
				frame_support::defensive!("the emission pot does not back a subnet's pending emission");
				PendingEmission::<T>::insert(netuid, amount);
				Credit::<T::AccountId, T::Currency>::zero()
			},
		}
	}

	fn return_pending(netuid: NetUid, unpaid: Credit<T::AccountId, T::Currency>) {
		let amount = unpaid.peek();
		if amount == 0 {
			return;
		}
		match T::Currency::resolve(&Self::account_id(), unpaid) {
			Ok(()) => PendingEmission::<T>::mutate(netuid, |p| *p = p.saturating_add(amount)),
			Err(credit) => <Self as OnUnbalanced<_>>::on_unbalanced(credit),
		}
	}

	fn burn_pending(netuid: NetUid) {
		let credit = Self::take_pending(netuid);
		let amount = credit.peek();
		<Self as OnUnbalanced<_>>::on_unbalanced(credit);
		if amount > 0 {
			Self::deposit_event(Event::PendingBurned { netuid, amount });
		}
	}
}

/// The burn sink: dropping the credit lowers total issuance; the amount is counted.
impl<T: Config> OnUnbalanced<Credit<T::AccountId, T::Currency>> for Pallet<T> {
	fn on_nonzero_unbalanced(amount: Credit<T::AccountId, T::Currency>) {
		Burned::<T>::mutate(|b| *b = b.saturating_add(amount.peek()));
		drop(amount);
	}
}
