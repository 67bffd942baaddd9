//! Stake: buying and selling pool shares, unbonding, withdrawing, moving stake.

use crate::{pallet::*, types::*, weights::WeightInfo};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::Mutate, tokens::Preservation},
};
use hearth_primitives::{PendingSlash, StakeLowered};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Stakes `amount` of the caller's free balance on `hotkey`.
	pub(crate) fn do_add_stake(coldkey: T::AccountId, hotkey: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		// Only a registered hotkey (claimed with its own signature) takes stake.
		ensure!(Owner::<T>::contains_key(&hotkey), Error::<T>::UnknownHotkey);
		T::Currency::transfer(&coldkey, &Self::account_id(), amount, Preservation::Preserve)?;
		let shares = Self::buy_shares(&hotkey, &coldkey, amount)?;
		Self::deposit_event(Event::StakeAdded { coldkey, hotkey, amount, shares });
		Ok(())
	}

	/// Removes `amount` of the caller's stake from `hotkey` into unbonding; it can be
	/// withdrawn after the unbonding period and stays slashable until then.
	pub(crate) fn do_remove_stake(coldkey: T::AccountId, hotkey: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(!T::PendingSlash::is_pending(&hotkey), Error::<T>::SlashPending);
		let amount = Self::sell_shares(&hotkey, &coldkey, amount)?;
		let mut unbonding = UnbondingPools::<T>::get(&hotkey);
		let shares = unbonding.shares_for(amount)?;
		unbonding.deposit(amount, shares)?;
		let unlock_at = frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get());
		Unbonding::<T>::try_mutate(&coldkey, |chunks| -> DispatchResult {
			match chunks.iter_mut().find(|c| c.hotkey == hotkey && c.unlock_at == unlock_at) {
				Some(chunk) => chunk.shares = chunk.shares.saturating_add(shares),
				None => chunks
					.try_push(UnbondingChunk { hotkey: hotkey.clone(), shares, unlock_at })
					.map_err(|_| Error::<T>::TooManyUnbondingChunks)?,
			}
			Ok(())
		})?;
		UnbondingPools::<T>::insert(&hotkey, unbonding);
		Self::deposit_event(Event::Unbonded { coldkey, hotkey, amount, unlock_at });
		Ok(())
	}

	/// Pays out every unbonding chunk of the caller whose unlock block has come.
	pub(crate) fn do_withdraw_unbonded(coldkey: T::AccountId) -> DispatchResultWithPostInfo {
		let now = frame_system::Pallet::<T>::block_number();
		let chunks = Unbonding::<T>::get(&coldkey);
		let before = chunks.len() as u32;
		// Chunks of a hotkey with an open offence stay until it is settled: the slash
		// takes its share of them first.
		let (matured, pending): (alloc::vec::Vec<_>, alloc::vec::Vec<_>) = chunks
			.into_inner()
			.into_iter()
			.partition(|chunk| chunk.unlock_at <= now && !T::PendingSlash::is_pending(&chunk.hotkey));
		if matured.is_empty() {
			let held = pending.iter().any(|chunk| chunk.unlock_at <= now);
			return Err(if held { Error::<T>::SlashPending } else { Error::<T>::NothingToWithdraw }.into());
		}
		let mut total: BalanceOf<T> = 0;
		for chunk in matured {
			let mut pool = UnbondingPools::<T>::get(&chunk.hotkey);
			total = total.saturating_add(pool.redeem(chunk.shares)?);
			Self::store_pool(&chunk.hotkey, pool, true);
		}
		if !total.is_zero() {
			T::Currency::transfer(&Self::account_id(), &coldkey, total, Preservation::Preserve)?;
		}
		if pending.is_empty() {
			Unbonding::<T>::remove(&coldkey);
		} else {
			Unbonding::<T>::insert(&coldkey, ChunksOf::<T>::truncate_from(pending));
		}
		Self::deposit_event(Event::Withdrawn { coldkey, amount: total });
		Ok(Some(T::WeightInfo::withdraw_unbonded(before)).into())
	}

	/// Moves `amount` of the caller's stake from one of its own hotkeys to another,
	/// without unbonding. Refused while a slash is pending on `from`.
	pub(crate) fn do_move_stake(
		coldkey: T::AccountId,
		from: T::AccountId,
		to: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(from != to, Error::<T>::SameHotkey);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::ensure_owner(&coldkey, &from)?;
		Self::ensure_owner(&coldkey, &to)?;
		ensure!(!T::PendingSlash::is_pending(&from), Error::<T>::SlashPending);
		let amount = Self::sell_shares(&from, &coldkey, amount)?;
		Self::buy_shares(&to, &coldkey, amount)?;
		Self::deposit_event(Event::StakeMoved { coldkey, from, to, amount });
		Ok(())
	}

	/// Puts `amount` (already in the pallet account) into `hotkey`'s pool for
	/// `coldkey`; the resulting position must be at least `MinStake`.
	pub(crate) fn buy_shares(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<u128, DispatchError> {
		let mut pool = Pools::<T>::get(hotkey);
		let shares = pool.shares_for(amount).map_err(|_| Error::<T>::PoolDepleted)?;
		pool.deposit(amount, shares)?;
		let held =
			Shares::<T>::get(hotkey, coldkey).checked_add(shares).ok_or(sp_runtime::ArithmeticError::Overflow)?;
		ensure!(pool.value_of(held)? >= T::MinStake::get(), Error::<T>::BelowMinimumStake);
		Shares::<T>::insert(hotkey, coldkey, held);
		Pools::<T>::insert(hotkey, pool);
		Ok(shares)
	}

	/// Takes exactly `amount` of `coldkey`'s stake out of `hotkey`'s pool (the funds
	/// stay in the pallet account). What remains must be zero or at least `MinStake`;
	/// shares left worth nothing are given up to the pool.
	/// Burns the caller's shares worth `amount` (rounded in the pool's favour).
	/// Returns what actually left the pool: `amount`, plus the pool's remaining dust
	/// when these were its last shares (the last holder to leave takes it).
	pub(crate) fn sell_shares(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let mut pool = Pools::<T>::get(hotkey);
		let before = pool.value;
		let held = Shares::<T>::get(hotkey, coldkey);
		ensure!(pool.value_of(held)? >= amount, Error::<T>::NotEnoughStake);
		let burn = pool.shares_to_take(amount)?.min(held);
		pool.take(amount, burn)?;
		let mut left = held.saturating_sub(burn);
		let left_value = pool.value_of(left)?;
		if left_value.is_zero() {
			// Worthless leftovers go back to the pool's other holders.
			pool.shares = pool.shares.saturating_sub(left);
			left = 0;
		} else {
			ensure!(left_value >= T::MinStake::get(), Error::<T>::BelowMinimumStake);
		}
		let mut sold = amount;
		if pool.shares == 0 && !pool.value.is_zero() {
			sold = sold.saturating_add(pool.value);
			pool.value = Zero::zero();
		}
		if left == 0 {
			Shares::<T>::remove(hotkey, coldkey);
		} else {
			Shares::<T>::insert(hotkey, coldkey, left);
		}
		Self::lower_pool(hotkey, before, pool);
		Ok(sold)
	}

	/// Writes a hotkey's pool whose value went down from `before`, and says so to
	/// [`Config::StakeLowered`].
	pub(crate) fn lower_pool(hotkey: &T::AccountId, before: BalanceOf<T>, pool: Pool<BalanceOf<T>>) {
		let after = pool.value;
		Self::store_pool(hotkey, pool, false);
		if after < before {
			T::StakeLowered::stake_lowered(hotkey, before, after);
		}
	}

	/// Writes a pool, removing it when empty.
	pub(crate) fn store_pool(hotkey: &T::AccountId, pool: Pool<BalanceOf<T>>, unbonding: bool) {
		let empty = pool.shares == 0 && pool.value.is_zero();
		match (unbonding, empty) {
			(false, true) => Pools::<T>::remove(hotkey),
			(false, false) => Pools::<T>::insert(hotkey, pool),
			(true, true) => UnbondingPools::<T>::remove(hotkey),
			(true, false) => UnbondingPools::<T>::insert(hotkey, pool),
		}
	}
}
