//! What the subnets pallet tells other pallets about its neurons.

use crate::NetUid;

/// Whether a hotkey is a neuron of a subnet (the leases pallet asks it of providers),
/// and whether a subnet exists (it asks that of orders).
pub trait SubnetNeurons<AccountId> {
	/// `true` when `hotkey` holds a uid on `netuid`.
	fn is_neuron(netuid: NetUid, hotkey: &AccountId) -> bool;
	/// `true` when `netuid` is a live subnet.
	fn subnet_exists(netuid: NetUid) -> bool;
}

/// What other pallets do when a subnet is dissolved: forget what they keep per netuid,
/// so that the next subnet on that netuid inherits nothing.
pub trait OnSubnetDissolved {
	/// `netuid` was dissolved.
	fn on_dissolved(netuid: NetUid);
}

impl OnSubnetDissolved for () {
	fn on_dissolved(_: NetUid) {}
}
