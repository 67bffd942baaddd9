//! What the emissions pallet asks of other pallets (stake and demand per subnet), and
//! what it offers them (the pot each subnet's epoch is paid from).

use crate::NetUid;
use alloc::vec::Vec;
use frame_support::traits::fungible;

/// The subnets that share the block reward (implemented by the subnets pallet).
pub trait SubnetStakes<Balance> {
	/// Every subnet, with the stake its neurons held at its last epoch. At most
	/// `MaxSubnets` entries; emissions ignores any beyond.
	fn subnet_stakes() -> Vec<(NetUid, Balance)>;
}

/// Paid demand per subnet (the leases pallet feeds it: EMAs of lease payments and of
/// the take they burned, per block).
pub trait SubnetDemand<Balance> {
	/// The subnet's current demand, in the smallest unit.
	fn demand(netuid: NetUid) -> Balance;
	/// What the subnet's lease payments burn (the take), on the same scale: emissions
	/// caps the subnet's demand share at a fraction of it, so that wash trading (a
	/// provider leasing to itself) never earns back what it burns.
	fn burned(netuid: NetUid) -> Balance;
}

/// No market yet: no demand anywhere, so stake alone splits the reward.
impl<Balance: Default> SubnetDemand<Balance> for () {
	fn demand(_: NetUid) -> Balance {
		Balance::default()
	}
	fn burned(_: NetUid) -> Balance {
		Balance::default()
	}
}

/// The minted-but-unpaid emission of each subnet (implemented by this pallet).
pub trait EmissionPot<AccountId, Currency: fungible::Balanced<AccountId>> {
	/// Takes everything pending for `netuid` out of the pot, to be paid at its epoch.
	fn take_pending(netuid: NetUid) -> fungible::Credit<AccountId, Currency>;
	/// Puts back what an epoch did not pay (rounding dust, refused credits): it stays
	/// pending for the subnet's next epoch.
	fn return_pending(netuid: NetUid, unpaid: fungible::Credit<AccountId, Currency>);
	/// A dissolved subnet's pending emission is burned (and counted as burned).
	fn burn_pending(netuid: NetUid);
}
