//! What the jobs pallet asks of the subnets and leases pallets.

use crate::NetUid;
use sp_runtime::DispatchResult;

/// The subnet facts the jobs pallet needs: who may register models on a subnet, and
/// which miners can be assigned an open job.
pub trait SubnetMiners<AccountId> {
	/// The subnet's owner, or `None` when no subnet has that netuid.
	fn owner(netuid: NetUid) -> Option<AccountId>;
	/// How many uids the subnet has (0 when it does not exist).
	fn neuron_count(netuid: NetUid) -> u32;
	/// The hotkey at `uid`, when it has served an endpoint (a miner others can reach).
	fn serving_miner(netuid: NetUid, uid: u32) -> Option<AccountId>;
}

/// A lease as a dispute sees it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct LeaseParties<AccountId> {
	/// The tenant.
	pub tenant: AccountId,
	/// The provider's hotkey.
	pub provider: AccountId,
	/// The subnet it is on.
	pub netuid: NetUid,
}

/// What the jobs pallet asks of the leases pallet.
pub trait LeaseDisputes<AccountId> {
	/// The parties of an open lease, or `None` when it is not open.
	fn parties(lease: u64) -> Option<LeaseParties<AccountId>>;
	/// A result its provider served under it was proven wrong: the lease closes as
	/// defaulted (the tenant gets the escrow left and the provider's bond). The offence
	/// itself is reported by the caller.
	fn close_proven_wrong(lease: u64) -> DispatchResult;
}
