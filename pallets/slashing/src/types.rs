//! Offences and the slashes they lead to.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// What an offender did.
#[derive(
	Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum OffenceKind {
	/// A miner posted an inference result proven wrong.
	WrongResult,
	/// A provider abandoned a lease (missed heartbeats).
	LeaseDefault,
	/// A validator attested a result that was proven wrong.
	FalseAttestation,
	/// Governance (root) found an offence; the fraction comes with the report.
	Governance,
}

/// The thing an offence is about (a job id, a lease id...), 32 bytes.
pub type Subject = [u8; 32];

/// Identifier of a pending slash.
pub type SlashId = u64;

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
	/// The block in whose `on_initialize` it is applied.
	pub apply_at: BlockNumber,
}
