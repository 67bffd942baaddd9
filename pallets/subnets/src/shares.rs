//! Each subnet's stake in the split of the block reward.
//!
//! A hotkey holding uids on `k` subnets counts `stake / k` in each (one stake counts
//! once across subnets). A subnet's entry is set from its neurons at each epoch, so
//! between epochs it is a snapshot; left alone, stake that moved from a hotkey of
//! one subnet to a hotkey of another (or a hotkey that registered on one more subnet)
//! would count in the old snapshot and in the new subnet's next epoch. So every
//! decrease reaches the entries at once and increases wait for the next epoch:
//!
//! - stake leaving a hotkey (unbonded, moved, slashed) lowers each of its subnets'
//!   entries by what its share there lost ([`StakeLowered`]);
//! - a hotkey registering on one more subnet lowers its other subnets' entries from
//!   `stake / k` to `stake / (k + 1)`;
//! - a hotkey replaced on a subnet takes its share out of that subnet's entry.
//!
//! Hence at every block each entry is at most what its neurons hold now
//! (`Σ stake / k`, the invariant `try_state` checks), and no unit of stake is counted
//! by two subnets at once.

use crate::{pallet::*, types::NetUid};
use frame_support::{pallet_prelude::*, weights::Weight};
use hearth_primitives::{StakeInspect, StakeLowered};

impl<T: Config> Pallet<T> {
	/// What `stake` counts in each of `k` subnets.
	pub(crate) fn share_of(stake: u128, k: usize) -> u128 {
		stake / (k.max(1) as u128)
	}

	/// What `hotkey` counts now in each subnet where it holds a uid.
	pub(crate) fn counted_stake(hotkey: &T::AccountId) -> u128 {
		Self::share_of(T::Staking::hotkey_stake(hotkey), Registrations::<T>::decode_len(hotkey).unwrap_or(0))
	}

	/// Lowers by `cut` the entries of the subnets in `netuids`.
	fn lower_entries(netuids: &[NetUid], cut: u128) {
		if cut == 0 || netuids.is_empty() {
			return;
		}
		SubnetEntries::<T>::mutate(|list| {
			for entry in list.iter_mut().filter(|e| netuids.contains(&e.netuid)) {
				entry.stake = entry.stake.saturating_sub(cut);
			}
		});
	}

	/// Records that `hotkey` now holds a uid on `netuid`: its share in its other
	/// subnets drops from `stake / k` to `stake / (k + 1)` at once.
	pub(crate) fn add_registration(hotkey: &T::AccountId, netuid: NetUid) -> DispatchResult {
		let mut netuids = Registrations::<T>::get(hotkey);
		let stake = T::Staking::hotkey_stake(hotkey);
		let before = Self::share_of(stake, netuids.len());
		netuids.try_push(netuid).map_err(|_| Error::<T>::TooManyRegistrations)?;
		Self::lower_entries(&netuids[..netuids.len() - 1], before.saturating_sub(Self::share_of(stake, netuids.len())));
		Registrations::<T>::insert(hotkey, netuids);
		Ok(())
	}

	/// Records that `hotkey` no longer holds a uid on `netuid` (replaced, or the subnet
	/// dissolved): its share leaves that subnet's entry at once; what it gains in its
	/// other subnets counts from their next epochs.
	pub(crate) fn remove_registration(hotkey: &T::AccountId, netuid: NetUid) {
		let netuids = Registrations::<T>::get(hotkey);
		if !netuids.contains(&netuid) {
			return;
		}
		Self::lower_entries(&[netuid], Self::share_of(T::Staking::hotkey_stake(hotkey), netuids.len()));
		Registrations::<T>::mutate_exists(hotkey, |entry| {
			if let Some(list) = entry {
				list.retain(|n| *n != netuid);
				if list.is_empty() {
					*entry = None;
				}
			}
		});
	}
}

/// Stake that leaves a hotkey stops counting in its subnets' shares at once.
impl<T: Config> StakeLowered<T::AccountId, u128> for Pallet<T> {
	fn stake_lowered(hotkey: &T::AccountId, before: u128, after: u128) {
		let netuids = Registrations::<T>::get(hotkey);
		let k = netuids.len();
		Self::lower_entries(&netuids, Self::share_of(before, k).saturating_sub(Self::share_of(after, k)));
	}

	/// One read of the hotkey's subnets, one read and one write of the subnet list.
	fn weight() -> Weight {
		T::DbWeight::get().reads_writes(2, 1)
	}
}
