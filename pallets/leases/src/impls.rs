//! What the leases pallet offers other pallets through `hearth-primitives`: the paid
//! demand of each subnet, which the emissions pallet blends into its split.

use crate::pallet::*;
use hearth_primitives::NetUid;

impl<T: Config> hearth_primitives::SubnetDemand<u128> for Pallet<T> {
	fn demand(netuid: NetUid) -> u128 {
		Self::decayed_demand(netuid, frame_system::Pallet::<T>::block_number())
	}
}
