//! Typed views of subnets for wallets, explorers and validators' tooling.

use crate::types::*;
use alloc::vec::Vec;
use codec::{Decode, Encode};
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
	/// The models its miners serve: the identities registered with the jobs pallet
	/// and not retired (`JobsApi_models` has the details).
	pub models: Vec<[u8; 32]>,
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
		/// One neuron of a subnet, or `None` if the subnet or the uid does not exist.
		fn neuron(netuid: NetUid, uid: Uid) -> Option<NeuronView<AccountId, BlockNumber>>;
		/// The lock to create a subnet now.
		fn lock_cost() -> u128;
	}
}
