//! Offences: what a pallet that sees misbehaviour reports, and to whom (the slashing
//! pallet implements [`ReportOffence`]).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::DispatchError;

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
	/// A miner signed two receipts for one request with different outputs.
	Equivocation,
}

/// The thing an offence is about (a job id, a lease id...), 32 bytes.
pub type Subject = [u8; 32];

/// Identifier of a pending slash.
pub type SlashId = u64;

/// How other pallets report offences.
pub trait ReportOffence<AccountId> {
	/// Reports `offender` for `kind` about `subject`; `reporter` is paid its share (not
	/// if it is the offender or its coldkey; the reporting pallet leaves out the
	/// offence's counterparty). `at_most` caps what the slash takes, in the smallest
	/// unit, when the harm is known (a lease default: the tenant's loss), so that the
	/// slash is sized to the offence rather than to the offender's whole pool.
	fn report(
		kind: OffenceKind,
		offender: AccountId,
		subject: Subject,
		reporter: Option<AccountId>,
		at_most: Option<u128>,
	) -> Result<SlashId, DispatchError>;
}
