//! What the leases pallet offers other pallets through `hearth-primitives`: the paid
//! demand of each subnet, which the emissions pallet blends into its split, and the
//! offences it sees before they are reported (staking keeps such a provider's stake in
//! place).

use crate::pallet::*;
use frame_support::traits::Get;
use hearth_primitives::NetUid;
use sp_runtime::traits::Saturating;

impl<T: Config> hearth_primitives::SubnetDemand<u128> for Pallet<T> {
	fn demand(netuid: NetUid) -> u128 {
		Self::decayed_demand(netuid, frame_system::Pallet::<T>::block_number())
	}

	fn burned(netuid: NetUid) -> u128 {
		Self::decayed_burn(netuid, frame_system::Pallet::<T>::block_number())
	}
}

/// A dissolved subnet's paid demand goes with it: a new subnet on the same netuid
/// starts from none.
impl<T: Config> hearth_primitives::OnSubnetDissolved for Pallet<T> {
	fn on_dissolved(netuid: NetUid) {
		Demand::<T>::remove(netuid);
		BurnRate::<T>::remove(netuid);
	}
}

/// A provider running leases has an open offence from its first missed heartbeat
/// interval (or, before its first heartbeat, at once): a lease may be heading for a
/// default, and its stake must still be there when the slash comes. A heartbeat closes
/// it again.
impl<T: Config> hearth_primitives::PendingSlash<T::AccountId> for Pallet<T> {
	fn is_pending(provider: &T::AccountId) -> bool {
		if ProviderLeaseCount::<T>::get(provider) == 0 {
			return false;
		}
		let now = frame_system::Pallet::<T>::block_number();
		ProviderHeartbeats::<T>::get(provider).is_none_or(|h| now > h.last.saturating_add(T::HeartbeatInterval::get()))
	}
}

/// A provider with a lease, an offer or a bid keeps its hotkey's owner.
impl<T: Config> hearth_primitives::HotkeyInUse<T::AccountId> for Pallet<T> {
	fn in_use(provider: &T::AccountId) -> bool {
		ProviderLeaseCount::<T>::get(provider) > 0
			|| ProviderOffers::<T>::decode_len(provider).unwrap_or(0) > 0
			|| OpenBids::<T>::get(provider) > 0
	}
}

/// A dispute names the lease a receipt was served under; a proven-wrong result closes
/// it with the tenant made whole from the escrow and the bond.
impl<T: Config> hearth_primitives::LeaseDisputes<T::AccountId> for Pallet<T> {
	fn parties(lease: u64) -> Option<hearth_primitives::LeaseParties<T::AccountId>> {
		OpenLeases::<T>::get(lease).map(|l| hearth_primitives::LeaseParties {
			tenant: l.tenant,
			provider: l.provider,
			netuid: l.netuid,
		})
	}

	fn close_proven_wrong(lease: u64) -> sp_runtime::DispatchResult {
		Self::close_proven_wrong(lease)
	}
}
