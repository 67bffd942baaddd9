//! What the subnets pallet offers other pallets through `hearth-primitives`.

use crate::{pallet::*, types::NetUid};
use alloc::vec::Vec;

/// Emissions splits the block reward by the stake each subnet held at its last epoch.
impl<T: Config> hearth_primitives::SubnetStakes<u128> for Pallet<T> {
	fn subnet_stakes() -> Vec<(NetUid, u128)> {
		SubnetEntries::<T>::get().iter().map(|e| (e.netuid, e.stake)).collect()
	}
}

/// Leases accept offers only from neurons of the subnet.
impl<T: Config> hearth_primitives::SubnetNeurons<T::AccountId> for Pallet<T> {
	fn is_neuron(netuid: NetUid, hotkey: &T::AccountId) -> bool {
		Uids::<T>::contains_key(netuid, hotkey)
	}

	fn subnet_exists(netuid: NetUid) -> bool {
		SubnetInfos::<T>::contains_key(netuid)
	}
}

/// A hotkey holding a uid on some subnet keeps its owner.
impl<T: Config> hearth_primitives::HotkeyInUse<T::AccountId> for Pallet<T> {
	fn in_use(hotkey: &T::AccountId) -> bool {
		Registrations::<T>::contains_key(hotkey)
	}
}

/// The jobs pallet lets a subnet's owner register its models, and assigns open jobs to
/// the subnet's serving miners.
impl<T: Config> hearth_primitives::SubnetMiners<T::AccountId> for Pallet<T> {
	fn owner(netuid: NetUid) -> Option<T::AccountId> {
		SubnetInfos::<T>::get(netuid).map(|s| s.owner)
	}

	fn neuron_count(netuid: NetUid) -> u32 {
		Keys::<T>::decode_len(netuid).unwrap_or(0) as u32
	}

	fn serving_miner(netuid: NetUid, uid: u32) -> Option<T::AccountId> {
		let uid = hearth_primitives::Uid::try_from(uid).ok()?;
		if !Endpoints::<T>::contains_key(netuid, uid) {
			return None;
		}
		Keys::<T>::get(netuid).get(usize::from(uid)).cloned()
	}
}
