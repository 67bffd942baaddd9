//! Leases and offers for tenants, providers and explorers.

use crate::types::{LeaseId, LeaseView, Offer, OfferId};
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
	}
}
