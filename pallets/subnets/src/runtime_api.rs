//! Typed views of subnets for wallets, explorers and validators' tooling.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use hearth_primitives::StakeInspect;
use scale_info::TypeInfo;

/// One neuron as the metagraph shows it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct NeuronView<AccountId, BlockNumber> {
	/// The neuron's uid in the subnet.
	pub uid: Uid,
	/// The neuron's hotkey.
	pub hotkey: AccountId,
	/// The hotkey's owner (coldkey).
	pub coldkey: Option<AccountId>,
	/// The hotkey's stake now.
	pub stake: u128,
	/// The block the neuron registered.
	pub registered_at: BlockNumber,
	/// The block of its last weights (validators) or registration.
	pub last_update: BlockNumber,
	/// The results of the subnet's last epoch.
	pub stats: NeuronStats,
	/// Where it serves, if published.
	pub endpoint: Option<Endpoint>,
	/// The GPUs it published.
	pub gpus: Vec<GpuSpec>,
}

/// A subnet with its neurons.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct MetagraphView<AccountId, BlockNumber> {
	/// The subnet's id.
	pub netuid: NetUid,
	/// Its owner, lock, hyperparameters and epoch counters.
	pub info: SubnetInfo<AccountId, u128, BlockNumber>,
	/// The block of its next epoch.
	pub next_epoch_at: BlockNumber,
	/// What registering costs now.
	pub registration_price: u128,
	/// Every neuron, by uid.
	pub neurons: Vec<NeuronView<AccountId, BlockNumber>>,
	/// What its last epoch paid.
	pub last_epoch: Option<EpochAccounting<BlockNumber>>,
}

sp_api::decl_runtime_apis! {
	/// Subnets, their neurons and their epochs.
	pub trait SubnetsApi<AccountId, BlockNumber> where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// Every subnet's netuid.
		fn netuids() -> Vec<NetUid>;
		/// A subnet with its neurons, or `None` if it does not exist.
		fn metagraph(netuid: NetUid) -> Option<MetagraphView<AccountId, BlockNumber>>;
		/// The lock to create a subnet now.
		fn lock_cost() -> u128;
	}
}

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
			.map(|(i, hotkey)| {
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
			})
			.collect();
		Some(MetagraphView {
			netuid,
			next_epoch_at: Self::next_epoch_at(netuid, info.params.tempo, now),
			registration_price: Self::registration_price(&info, now),
			info,
			neurons,
			last_epoch: EpochAccounts::<T>::get(netuid),
		})
	}

	/// Every subnet's netuid.
	pub fn netuids() -> Vec<NetUid> {
		SubnetEntries::<T>::get().iter().map(|e| e.netuid).collect()
	}
}
