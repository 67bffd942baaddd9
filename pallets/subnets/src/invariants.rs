//! The subnets pallet's invariants, checked by `try_state` after every test and by
//! try-runtime:
//!
//! 1. The per-block subnet list names exactly the stored subnets, sorted by netuid,
//!    each with its subnet's tempo.
//! 2. No subnet has more neurons than its `max_uids`.
//! 3. Every per-uid vector (registration block, last update, metagraph) has one entry
//!    per uid, and `Uids` and `Keys` are inverse maps.
//! 4. Weights, bonds, endpoints and GPUs exist only for existing uids.
//! 5. Each hotkey's `Registrations` lists, once each, exactly the subnets where it
//!    holds a uid.
//! 6. No subnet's stake in the reward split exceeds what its neurons count now
//!    (`Σ stake / k`): stake that left, or a hotkey that spread over more subnets,
//!    lowered it at once.

use crate::{pallet::*, types::*};
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// Invariants: per-uid vectors agree in length with `Keys` and with `Uids`; the
	/// list names exactly the stored subnets; nobody exceeds `max_uids`.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let list = SubnetEntries::<T>::get();
		let mut registrations: alloc::collections::BTreeMap<T::AccountId, alloc::vec::Vec<NetUid>> = Default::default();
		for netuid in SubnetInfos::<T>::iter_keys() {
			for hotkey in Keys::<T>::get(netuid) {
				registrations.entry(hotkey).or_default().push(netuid);
			}
		}
		for (hotkey, netuids) in Registrations::<T>::iter() {
			let mut listed = netuids.into_inner();
			listed.sort();
			ensure!(listed.windows(2).all(|w| w[0] < w[1]), "a hotkey's registrations must not repeat a subnet");
			let mut held = registrations.remove(&hotkey).unwrap_or_default();
			held.sort();
			ensure!(listed == held, "a hotkey's registrations must match its uids");
		}
		ensure!(registrations.is_empty(), "every registration must be counted");
		ensure!(list.len() == SubnetInfos::<T>::iter_keys().count(), "the subnet list must match the subnets");
		ensure!(list.windows(2).all(|w| w[0].netuid < w[1].netuid), "the subnet list must be sorted");
		for entry in list.iter() {
			let info = SubnetInfos::<T>::get(entry.netuid).ok_or("a listed subnet must exist")?;
			ensure!(entry.tempo == info.params.tempo, "the listed tempo must be the subnet's");
			let keys = Keys::<T>::get(entry.netuid);
			let counted = keys.iter().fold(0u128, |acc, h| acc.saturating_add(Self::counted_stake(h)));
			ensure!(entry.stake <= counted, "a subnet's stake in the split must not exceed what its neurons hold");
			let n = keys.len();
			ensure!(n <= info.params.max_uids as usize, "a subnet must not exceed max_uids");
			ensure!(RegisteredAt::<T>::decode_len(entry.netuid).unwrap_or(0) == n, "registered_at per uid");
			ensure!(LastUpdate::<T>::decode_len(entry.netuid).unwrap_or(0) == n, "last_update per uid");
			ensure!(Metagraph::<T>::decode_len(entry.netuid).unwrap_or(0) == n, "metagraph per uid");
			ensure!(Uids::<T>::iter_prefix(entry.netuid).count() == n, "one uid per hotkey");
			for (uid, hotkey) in keys.iter().enumerate() {
				ensure!(Uids::<T>::get(entry.netuid, hotkey) == Some(uid as Uid), "uids and keys must agree");
			}
			ensure!(
				Weights::<T>::iter_key_prefix(entry.netuid).all(|uid| (uid as usize) < n),
				"weights only for existing uids"
			);
		}
		Ok(())
	}
}
