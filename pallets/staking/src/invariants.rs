//! The staking pallet's invariants, checked by `try_state` after every test and by
//! try-runtime:
//!
//! 1. Every pool's shares equal the sum of its holders' shares.
//! 2. A pool holding value has shares (the last holder to leave takes any dust).
//! 3. Every unbonding pool's shares equal the shares of the chunks pointing at it, and
//!    no chunk points at a missing unbonding pool.
//! 4. The pallet account holds exactly its existential deposit plus the value of every
//!    pool and every unbonding pool.
//! 5. Every hotkey's owner lists it among its hotkeys, and every listed hotkey is
//!    owned by the coldkey listing it (no empty lists kept).
//! 6. Deposits held = state owned: each coldkey's `HotkeyClaim` hold equals the
//!    deposits of the hotkeys it owns, and no deposit outlives its hotkey.

use crate::pallet::*;
use frame_support::{
	pallet_prelude::*,
	traits::fungible::{Inspect, InspectHold},
};

impl<T: Config> Pallet<T> {
	/// Invariants: funds match pools; shares match holdings; ownership is consistent.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut in_pools: u128 = 0;
		for (hotkey, pool) in Pools::<T>::iter() {
			in_pools = in_pools.saturating_add(pool.value);
			let held: u128 = Shares::<T>::iter_prefix(&hotkey).map(|(_, s)| s).sum();
			ensure!(held == pool.shares, "a pool's shares differ from its holders' shares");
			ensure!(pool.shares > 0 || pool.value == 0, "a pool holds value without shares");
		}
		let mut unbonding_shares: BTreeMap<T::AccountId, u128> = BTreeMap::new();
		for (_, chunks) in Unbonding::<T>::iter() {
			for chunk in chunks {
				*unbonding_shares.entry(chunk.hotkey).or_default() += chunk.shares;
			}
		}
		let mut in_unbonding: u128 = 0;
		for (hotkey, pool) in UnbondingPools::<T>::iter() {
			in_unbonding = in_unbonding.saturating_add(pool.value);
			ensure!(
				unbonding_shares.remove(&hotkey).unwrap_or_default() == pool.shares,
				"an unbonding pool's shares differ from its chunks"
			);
		}
		ensure!(unbonding_shares.values().all(|s| *s == 0), "chunks point at a missing unbonding pool");
		let held = T::Currency::balance(&Self::account_id());
		let expected = T::Currency::minimum_balance().saturating_add(in_pools).saturating_add(in_unbonding);
		ensure!(held == expected, "the pallet account differs from deposit + pools + unbonding");
		let mut deposits: BTreeMap<T::AccountId, u128> = BTreeMap::new();
		for (hotkey, owner) in Owner::<T>::iter() {
			ensure!(OwnedHotkeys::<T>::get(&owner).contains(&hotkey), "an owner does not list its hotkey");
			*deposits.entry(owner).or_default() += HotkeyDeposits::<T>::get(&hotkey).unwrap_or_default();
		}
		for (coldkey, owned) in OwnedHotkeys::<T>::iter() {
			ensure!(!owned.is_empty(), "an empty hotkey list is kept");
			ensure!(
				owned.iter().all(|h| Owner::<T>::get(h).as_ref() == Some(&coldkey)),
				"a coldkey lists a hotkey it does not own"
			);
		}
		ensure!(
			HotkeyDeposits::<T>::iter_keys().all(|h| Owner::<T>::contains_key(&h)),
			"a deposit is held for a hotkey nobody owns"
		);
		let reason = HoldReason::HotkeyClaim.into();
		for (coldkey, total) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&reason, &coldkey) == total,
				"a coldkey's held claim deposits differ from its hotkeys' deposits"
			);
		}
		Ok(())
	}
}
