//! Leases and offers for tenants, providers and explorers.

use crate::types::{LeaseId, LeaseView, Offer, OfferId, OrderId, OrderView};
use alloc::vec::Vec;

sp_api::decl_runtime_apis! {
	/// The compute market.
	pub trait LeasesApi<AccountId, BlockNumber> where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// A lease with the escrow really remaining and the provider's withdrawable
		/// earnings computed at this block; `None` once closed.
		fn lease(id: LeaseId) -> Option<LeaseView<AccountId, BlockNumber>>;
		/// A provider's offers.
		fn offers(provider: AccountId) -> Vec<(OfferId, Offer<AccountId>)>;
		/// An open order with when its bids close and its best price; `None` once
		/// awarded or cancelled (an expired order stays until its tenant cancels it).
		fn order(id: OrderId) -> Option<OrderView<AccountId, BlockNumber>>;
		/// A tenant's open orders, oldest first.
		fn orders_of(tenant: AccountId) -> Vec<OrderId>;
		/// The open leases in which an account is the tenant or the provider, oldest first.
		fn leases_of(account: AccountId) -> Vec<LeaseId>;
	}
}
