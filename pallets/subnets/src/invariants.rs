//! The subnets pallet's invariants, checked by `try_state` after every test and by
//! try-runtime:
//!
//! 1. The per-block subnet list names exactly the stored subnets, sorted by netuid,
//!    each with its subnet's tempo.
//! 2. No subnet has more neurons than its `max_uids`.
//! 3. Every per-uid vector (registration block, last update, metagraph) has one entry
//!    per uid, and `Uids` and `Keys` are inverse maps.
//! 4. Weights, bonds, endpoints and GPUs exist only for existing uids.
//! 5. Each hotkey's `Registrations` counts the subnets where it holds a uid.

use crate::{pallet::*, types::*};
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// Invariants: per-uid vectors agree in length with `Keys` and with `Uids`; the
	/// list names exactly the stored subnets; nobody exceeds `max_uids`.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let list = SubnetEntries::<T>::get();
		let mut registrations: alloc::collections::BTreeMap<T::AccountId, u16> = Default::default();
		for netuid in SubnetInfos::<T>::iter_keys() {
			for hotkey in Keys::<T>::get(netuid) {
				*registrations.entry(hotkey).or_default() += 1;
			}
		}
		for (hotkey, count) in Registrations::<T>::iter() {
			ensure!(registrations.remove(&hotkey) == Some(count), "a hotkey's registrations must match its uids");
		}
		ensure!(registrations.is_empty(), "every registration must be counted");
		ensure!(list.len() == SubnetInfos::<T>::iter_keys().count(), "the subnet list must match the subnets");
		ensure!(list.windows(2).all(|w| w[0].netuid < w[1].netuid), "the subnet list must be sorted");
		for entry in list.iter() {
			let info = SubnetInfos::<T>::get(entry.netuid).ok_or("a listed subnet must exist")?;
			ensure!(entry.tempo == info.params.tempo, "the listed tempo must be the subnet's");
			let keys = Keys::<T>::get(entry.netuid);
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
