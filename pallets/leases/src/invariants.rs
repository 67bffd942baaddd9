//! The leases pallet's invariants, checked by `try_state` after every test and by
//! try-runtime:
//!
//! 1. The pallet account holds exactly its existential deposit plus every open order's
//!    deposit and bids' bonds plus every open lease's escrow, earnings and bond.
//! 2. Every open lease's deadline is queued in the block its `closes_at` names.
//! 3. That block is marked in the deadline index (so the hook looks at it), and it is
//!    after the current block: nothing waits in a block whose hook already ran.
//! 4. Heartbeat records belong to providers that run a lease (they go with the last
//!    one).
//! 5. Each provider's `OpenBids` counts its bids in open orders, at most `MaxOpenBids`.

use crate::{pallet::*, types::*};
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// Invariant: the pallet's account holds exactly its existential deposit plus every
	/// open order's deposit and bonds plus every lease's escrow, earnings and bond; every
	/// lease's deadline is queued where it says.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::Inspect;
		let mut held = T::Currency::minimum_balance();
		let mut bids: alloc::collections::BTreeMap<T::AccountId, u32> = Default::default();
		for (_, order) in Orders::<T>::iter() {
			held = held.saturating_add(order.deposit);
			for bid in order.bids.iter() {
				held = held.saturating_add(bid.bond);
				*bids.entry(bid.provider.clone()).or_default() += 1;
			}
		}
		for (provider, count) in OpenBids::<T>::iter() {
			ensure!(bids.remove(&provider) == Some(count), "a provider's open bids must match its bids");
			ensure!(count <= T::MaxOpenBids::get(), "a provider has more open bids than allowed");
		}
		ensure!(bids.is_empty(), "every bid must be counted in its provider's open bids");
		for (id, lease) in OpenLeases::<T>::iter() {
			held = held.saturating_add(lease.escrow).saturating_add(lease.earned).saturating_add(lease.bond);
			ensure!(
				Deadlines::<T>::get(lease.closes_at).contains(&Deadline::Close(id)),
				"a lease's deadline must be queued at its closes_at"
			);
			ensure!(Self::is_marked(lease.closes_at), "a lease's deadline block must be marked in the index");
			ensure!(
				lease.closes_at > frame_system::Pallet::<T>::block_number(),
				"a lease's deadline must be after the current block"
			);
		}
		ensure!(
			ProviderHeartbeats::<T>::iter_keys().all(|p| ProviderLeaseCount::<T>::get(&p) > 0),
			"a heartbeat record must belong to a provider running a lease"
		);
		ensure!(T::Currency::balance(&Self::account_id()) == held, "the leases account must hold exactly what it owes");
		Ok(())
	}
}
