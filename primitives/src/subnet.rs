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

impl<A: OnSubnetDissolved, B: OnSubnetDissolved> OnSubnetDissolved for (A, B) {
	fn on_dissolved(netuid: NetUid) {
		A::on_dissolved(netuid);
		B::on_dissolved(netuid);
	}
}

/// The models a subnet's miners serve (the jobs pallet's registry), for the
/// metagraph.
pub trait ServedModels {
	/// The identities of `netuid`'s registered models that are not retired.
	fn served_models(netuid: NetUid) -> alloc::vec::Vec<[u8; 32]>;
}

impl ServedModels for () {
	fn served_models(_: NetUid) -> alloc::vec::Vec<[u8; 32]> {
		alloc::vec::Vec::new()
	}
}
