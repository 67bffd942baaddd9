//! Read-only views of the market: what the runtime API answers, computed at the
//! queried block.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{AccountIdConversion, Saturating};

impl<T: Config> Pallet<T> {
	/// The pallet's account: deposits, bonds, escrow and earnings sit here.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// A lease as of `now`, with what settling would pay (the runtime API's answer).
	pub fn lease_view(id: LeaseId) -> Option<LeaseView<T::AccountId, BlockNumberFor<T>>> {
		let lease = OpenLeases::<T>::get(id)?;
		let now = frame_system::Pallet::<T>::block_number();
		let s = Self::settlement(&lease, now);
		let escrow_remaining = lease.escrow.saturating_sub(s.paid);
		let withdrawable = lease.earned.saturating_add(s.paid.saturating_sub(s.take));
		let paid_blocks_left =
			Self::deadline(s.until, lease.end, escrow_remaining, lease.price).saturating_sub(s.until);
		let last_heartbeat = ProviderHeartbeats::<T>::get(&lease.provider).map(|h| h.last);
		Some(LeaseView { lease, escrow_remaining, withdrawable, paid_blocks_left, last_heartbeat })
	}

	/// A provider's offers (the runtime API's answer).
	pub fn offers_of(provider: &T::AccountId) -> Vec<(OfferId, Offer<T::AccountId>)> {
		ProviderOffers::<T>::get(provider).into_iter().filter_map(|id| Offers::<T>::get(id).map(|o| (id, o))).collect()
	}

	/// An open order, with when its bids close and the best price so far (the runtime
	/// API's answer); `None` once awarded or cancelled.
	pub fn order_view(id: OrderId) -> Option<OrderView<T::AccountId, BlockNumberFor<T>>> {
		let order = Orders::<T>::get(id)?;
		let closes_at = order
			.award_at
			.unwrap_or_else(|| order.opened_at.saturating_add(T::OrderLifetime::get()).saturating_sub(1u32.into()));
		let best_price = order.bids.iter().map(|b| b.price).min();
		Some(OrderView { order, closes_at, best_price })
	}

	/// The open orders of a tenant, oldest first. Walks the open orders: a read-only
	/// query, off the block's path.
	pub fn orders_of(tenant: &T::AccountId) -> Vec<OrderId> {
		let mut ids: Vec<OrderId> =
			Orders::<T>::iter().filter(|(_, order)| &order.tenant == tenant).map(|(id, _)| id).collect();
		ids.sort_unstable();
		ids
	}

	/// The open leases in which `who` is the tenant or the provider, oldest first.
	/// Walks the open leases: a read-only query, off the block's path.
	pub fn leases_of(who: &T::AccountId) -> Vec<LeaseId> {
		let mut ids: Vec<LeaseId> = OpenLeases::<T>::iter()
			.filter(|(_, lease)| &lease.tenant == who || &lease.provider == who)
			.map(|(id, _)| id)
			.collect();
		ids.sort_unstable();
		ids
	}
}
