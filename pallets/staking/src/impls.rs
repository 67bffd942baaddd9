//! What the staking pallet offers other pallets through `hearth-primitives`: reading
//! stake, crediting rewards and slashing.

use crate::pallet::*;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Balanced, Credit},
		tokens::{Fortitude, Precision, Preservation},
		Imbalance,
	},
};
use hearth_primitives::{StakeInspect, StakeReward, StakeSlash};
use sp_runtime::{traits::Zero, Perbill};

impl<T: Config> StakeInspect<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn hotkey_stake(hotkey: &T::AccountId) -> BalanceOf<T> {
		Pools::<T>::get(hotkey).value
	}

	fn owner_of(hotkey: &T::AccountId) -> Option<T::AccountId> {
		Owner::<T>::get(hotkey)
	}
}

impl<T: Config> StakeReward<T::AccountId, T::Currency> for Pallet<T> {
	fn credit_reward(
		hotkey: &T::AccountId,
		reward: Credit<T::AccountId, T::Currency>,
	) -> Result<BalanceOf<T>, (Credit<T::AccountId, T::Currency>, DispatchError)> {
		let Some(owner) = Owner::<T>::get(hotkey) else {
			return Err((reward, Error::<T>::UnknownHotkey.into()));
		};
		let amount = reward.peek();
		if amount.is_zero() {
			return Ok(0);
		}
		let mut pool = Pools::<T>::get(hotkey);
		// With nobody staked, everything is the owner's; else the take is.
		let take = if pool.shares == 0 { amount } else { Take::<T>::get(hotkey).mul_floor(amount) };
		let to_pool = amount.saturating_sub(take);
		let Some(value) = pool.value.checked_add(to_pool) else {
			return Err((reward, sp_runtime::ArithmeticError::Overflow.into()));
		};
		pool.value = value;
		let shares = match pool.shares_for(take) {
			Ok(shares) => shares,
			Err(_) => return Err((reward, Error::<T>::PoolDepleted.into())),
		};
		if let Err(e) = pool.deposit(take, shares) {
			return Err((reward, e.into()));
		}
		// The account exists (it keeps an existential deposit), so this cannot fail.
		if let Err(reward) = T::Currency::resolve(&Self::account_id(), reward) {
			return Err((reward, Error::<T>::RewardNotDeposited.into()));
		}
		Shares::<T>::mutate(hotkey, &owner, |held| *held = held.saturating_add(shares));
		Pools::<T>::insert(hotkey, pool);
		Self::deposit_event(Event::RewardCredited { hotkey: hotkey.clone(), take, to_pool });
		Ok(amount)
	}
}

impl<T: Config> StakeSlash<T::AccountId, T::Currency> for Pallet<T> {
	fn slash(hotkey: &T::AccountId, fraction: Perbill) -> Result<Credit<T::AccountId, T::Currency>, DispatchError> {
		let mut pool = Pools::<T>::get(hotkey);
		let mut unbonding = UnbondingPools::<T>::get(hotkey);
		let from_pool = fraction.mul_floor(pool.value);
		let from_unbonding = fraction.mul_floor(unbonding.value);
		let total = from_pool.saturating_add(from_unbonding);
		let credit = T::Currency::withdraw(
			&Self::account_id(),
			total,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Force,
		)?;
		let before = pool.value;
		pool.value = pool.value.saturating_sub(from_pool);
		unbonding.value = unbonding.value.saturating_sub(from_unbonding);
		Self::lower_pool(hotkey, before, pool);
		Self::store_pool(hotkey, unbonding, true);
		Self::deposit_event(Event::Slashed { hotkey: hotkey.clone(), from_pool, from_unbonding });
		Ok(credit)
	}

	fn slashable(hotkey: &T::AccountId) -> BalanceOf<T> {
		Pools::<T>::get(hotkey).value.saturating_add(UnbondingPools::<T>::get(hotkey).value)
	}
}
