//! What the subnets pallet tells other pallets about its neurons.

use crate::NetUid;

/// Whether a hotkey is a neuron of a subnet (the leases pallet asks it of providers).
pub trait SubnetNeurons<AccountId> {
	/// `true` when `hotkey` holds a uid on `netuid`.
	fn is_neuron(netuid: NetUid, hotkey: &AccountId) -> bool;
}
