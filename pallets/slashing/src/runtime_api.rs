//! Slashes waiting to be applied, for offenders, reporters and explorers. Applied
//! slashes are history: the `SlashApplied` and `SlashFailed` events record them.

use crate::types::PendingSlash;
use alloc::vec::Vec;
use hearth_primitives::SlashId;

sp_api::decl_runtime_apis! {
	/// The slashes in their deferral window.
	pub trait SlashingApi<AccountId, BlockNumber> where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// Every pending slash, or only `offender`'s, soonest first.
		fn pending_slashes(offender: Option<AccountId>) -> Vec<(SlashId, PendingSlash<AccountId, BlockNumber>)>;
	}
}
