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

impl<T: Config> Pallet<T> {
	/// A coldkey's stake (the runtime API's answer). Finding its positions walks every
	/// `(hotkey, coldkey)` share entry: a read-only query, off the block's path.
	pub fn stake_info(
		coldkey: &T::AccountId,
	) -> crate::runtime_api::StakeInfo<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>> {
		use crate::runtime_api::{StakePosition, UnbondingPosition};
		let now = frame_system::Pallet::<T>::block_number();
		let mut positions: alloc::vec::Vec<_> = Shares::<T>::iter()
			.filter(|(_, holder, shares)| holder == coldkey && *shares > 0)
			.map(|(hotkey, _, shares)| {
				let value = Pools::<T>::get(&hotkey).value_of(shares).unwrap_or_default();
				StakePosition { hotkey, shares, value }
			})
			.collect();
		positions.sort_by_key(|p| core::cmp::Reverse(p.value));
		let unbonding: alloc::vec::Vec<_> = Unbonding::<T>::get(coldkey)
			.into_iter()
			.map(|chunk| {
				let value = UnbondingPools::<T>::get(&chunk.hotkey).value_of(chunk.shares).unwrap_or_default();
				UnbondingPosition { hotkey: chunk.hotkey, shares: chunk.shares, value, unlock_at: chunk.unlock_at }
			})
			.collect();
		crate::runtime_api::StakeInfo {
			staked: total(positions.iter().map(|p| p.value)),
			unbonding_total: total(unbonding.iter().map(|u| u.value)),
			withdrawable: total(unbonding.iter().filter(|u| u.unlock_at <= now).map(|u| u.value)),
			positions,
			unbonding,
			hotkeys: OwnedHotkeys::<T>::get(coldkey).into_inner(),
		}
	}

	/// A claimed hotkey with its delegators (the runtime API's answer).
	pub fn hotkey_info(
		hotkey: &T::AccountId,
	) -> Option<crate::runtime_api::HotkeyInfo<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>>> {
		let owner = Owner::<T>::get(hotkey)?;
		let pool = Pools::<T>::get(hotkey);
		let mut delegators: alloc::vec::Vec<_> = Shares::<T>::iter_prefix(hotkey)
			.filter(|(_, shares)| *shares > 0)
			.map(|(coldkey, shares)| crate::runtime_api::Delegator {
				coldkey,
				shares,
				value: pool.value_of(shares).unwrap_or_default(),
			})
			.collect();
		delegators.sort_by_key(|d| core::cmp::Reverse(d.value));
		Some(crate::runtime_api::HotkeyInfo {
			owner,
			take: Take::<T>::get(hotkey),
			last_take_increase: LastTakeIncrease::<T>::get(hotkey),
			pool,
			unbonding_pool: UnbondingPools::<T>::get(hotkey),
			delegators,
			deposit: HotkeyDeposits::<T>::get(hotkey).unwrap_or_default(),
		})
	}
}

/// The saturating sum of amounts.
fn total(values: impl Iterator<Item = u128>) -> u128 {
	values.fold(0, u128::saturating_add)
}
