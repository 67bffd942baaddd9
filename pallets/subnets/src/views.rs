//! Read-only views of subnets: what the runtime API answers (the metagraph and its
//! neurons), computed at the queried block.

use crate::{pallet::*, runtime_api::*, types::*};
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use hearth_primitives::StakeInspect;

impl<T: Config> Pallet<T> {
	/// The metagraph view of `netuid` (the runtime API's answer).
	pub fn metagraph(netuid: NetUid) -> Option<MetagraphView<T::AccountId, BlockNumberFor<T>>> {
		let info = SubnetInfos::<T>::get(netuid)?;
		let now = frame_system::Pallet::<T>::block_number();
		let registered = RegisteredAt::<T>::get(netuid);
		let last_update = LastUpdate::<T>::get(netuid);
		let stats = Metagraph::<T>::get(netuid);
		let neurons = Keys::<T>::get(netuid)
			.into_iter()
			.enumerate()
			.map(|(i, hotkey)| Self::neuron_at(netuid, i, hotkey, &registered, &last_update, &stats))
			.collect();
		Some(MetagraphView {
			netuid,
			next_epoch_at: Self::next_epoch_at(netuid, info.params.tempo, now),
			registration_price: Self::registration_price(&info, now),
			info,
			neurons,
			last_epoch: EpochAccounts::<T>::get(netuid),
			models: <T::Models as hearth_primitives::ServedModels>::served_models(netuid),
		})
	}

	/// One neuron of `netuid` (the runtime API's answer); `None` if the subnet or the uid
	/// does not exist.
	pub fn neuron(netuid: NetUid, uid: Uid) -> Option<NeuronView<T::AccountId, BlockNumberFor<T>>> {
		let i = usize::from(uid);
		let hotkey = Keys::<T>::get(netuid).get(i).cloned()?;
		let registered = RegisteredAt::<T>::get(netuid);
		let last_update = LastUpdate::<T>::get(netuid);
		let stats = Metagraph::<T>::get(netuid);
		Some(Self::neuron_at(netuid, i, hotkey, &registered, &last_update, &stats))
	}

	/// The view of uid `i` from the subnet's per-uid vectors, read once by the caller.
	fn neuron_at(
		netuid: NetUid,
		i: usize,
		hotkey: T::AccountId,
		registered: &[BlockNumberFor<T>],
		last_update: &[BlockNumberFor<T>],
		stats: &[NeuronStats],
	) -> NeuronView<T::AccountId, BlockNumberFor<T>> {
		let uid = i as Uid;
		NeuronView {
			uid,
			coldkey: T::Staking::owner_of(&hotkey),
			stake: T::Staking::hotkey_stake(&hotkey),
			hotkey,
			registered_at: registered.get(i).copied().unwrap_or_default(),
			last_update: last_update.get(i).copied().unwrap_or_default(),
			stats: stats.get(i).copied().unwrap_or_default(),
			endpoint: Endpoints::<T>::get(netuid, uid),
			gpus: Gpus::<T>::get(netuid, uid).map(|g| g.into_inner()).unwrap_or_default(),
		}
	}

	/// Every subnet's netuid.
	pub fn netuids() -> Vec<NetUid> {
		SubnetEntries::<T>::get().iter().map(|e| e.netuid).collect()
	}
}
