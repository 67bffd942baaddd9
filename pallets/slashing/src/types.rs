//! Offences and the slashes they lead to.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use hearth_primitives::{OffenceKind, Subject};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// How hard a kind of offence is punished.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct OffenceParams {
	/// The fraction of the offender's stake (pool and unbonding) taken.
	pub fraction: Perbill,
	/// The share of what is taken that goes to the reporter; the rest is burned.
	pub reporter_share: Perbill,
}

/// A slash waiting for its deferral window to pass.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug)]
pub struct PendingSlash<AccountId, BlockNumber> {
	/// What was done.
	pub kind: OffenceKind,
	/// The hotkey slashed.
	pub offender: AccountId,
	/// What it was about.
	pub subject: Subject,
	/// The fraction that will be taken (the largest reported for this subject).
	pub fraction: Perbill,
	/// The share of the slash paid to the reporter.
	pub reporter_share: Perbill,
	/// Who reported it, if anyone is to be paid.
	pub reporter: Option<AccountId>,
	/// The most it takes, in the smallest unit (the harm, when the reporting pallet
	/// knows it); `None`: the fraction alone.
	pub at_most: Option<u128>,
	/// The block in whose `on_initialize` it is applied.
	pub apply_at: BlockNumber,
}
