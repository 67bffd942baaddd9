//! Read-only views of stake: what wallets, explorers and the runtime API show.

use crate::pallet::*;
use frame_support::pallet_prelude::*;
use sp_runtime::traits::AccountIdConversion;

impl<T: Config> Pallet<T> {
	/// The account holding all staked and unbonding funds.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The value of `coldkey`'s shares on `hotkey`.
	pub fn stake_of(hotkey: &T::AccountId, coldkey: &T::AccountId) -> BalanceOf<T> {
		Pools::<T>::get(hotkey).value_of(Shares::<T>::get(hotkey, coldkey)).unwrap_or_default()
	}

	/// What `coldkey`'s unbonding chunks are worth now, and how much of it is unlocked.
	pub fn unbonding_of(coldkey: &T::AccountId) -> (BalanceOf<T>, BalanceOf<T>) {
		let now = frame_system::Pallet::<T>::block_number();
		Unbonding::<T>::get(coldkey).iter().fold((0, 0), |(all, free), chunk| {
			let v = UnbondingPools::<T>::get(&chunk.hotkey).value_of(chunk.shares).unwrap_or_default();
			(all.saturating_add(v), if chunk.unlock_at <= now { free.saturating_add(v) } else { free })
		})
	}
}
