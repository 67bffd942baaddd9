//! Receipts: what a miner signs for every answer it gives off chain, so that anyone
//! holding one can prove the answer wrong on chain (the jobs pallet's `challenge`) or
//! prove that the miner gave two different answers to one request (equivocation).
//!
//! A receipt is the SCALE encoding of [`Receipt`]; the miner's hotkey signs
//!
//! ```text
//! payload = "hearth-receipt-v1" (17 bytes) ‖ SCALE(receipt)
//! ```
//!
//! ([`Receipt::signing_payload`]), so a receipt's signature can never be replayed as a
//! signature of anything else the hotkey signs (a transaction starts with a call
//! index, an ownership proof with `"hearth-hotkey-claim"`). The worker, the validator,
//! the runtime and the clients all build these bytes from this one type.
//!
//! The **request key** of an off-chain request is
//! `blake2_256("hearth-request-v1" ‖ SCALE(requester) ‖ nonce: u64 LE)` and the **job
//! key** of an on-chain job `blake2_256("hearth-job-v1" ‖ job id: u64 LE)`: the 32-byte
//! `job_id` the engine's output hash binds (`hearth_engine::Output::hash`), so that one
//! output hash cannot be presented as the answer to another request or job.

use crate::NetUid;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// The domain separator that opens a receipt's signing payload.
pub const RECEIPT_DOMAIN: &[u8; 17] = b"hearth-receipt-v1";
/// The domain separator of a request key.
pub const REQUEST_DOMAIN: &[u8; 17] = b"hearth-request-v1";
/// The domain separator of a job key.
pub const JOB_DOMAIN: &[u8; 13] = b"hearth-job-v1";
/// The domain separator that opens the payload a requester signs to call a miner.
pub const CALL_DOMAIN: &[u8; 14] = b"hearth-call-v1";

/// The most steps of any model: 64 layers (the engine's `MAX_LAYERS`) and BERT's
/// embeddings and pooling.
pub const MAX_STEPS: u32 = 66;

/// A 32-byte hash (blake2-256).
pub type Hash32 = [u8; 32];

/// A model's identity (the engine's chunked model id).
pub type ModelId = Hash32;

/// A run's trace: `t_i` for every step.
pub type Trace = BoundedVec<Hash32, ConstU32<MAX_STEPS>>;

/// What a request was served under.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug)]
pub enum Served {
	/// A tenant's lease (its id in the leases pallet).
	Lease(u64),
	/// A validator's probe.
	Probe,
}

/// A miner's signed statement that, for `requester`'s request `nonce`, model `model`
/// on the input hashing to `input_hash` gave the output hashing to `output_hash`, with
/// trace `trace`.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug)]
pub struct Receipt<AccountId> {
	/// The chain's genesis hash: a receipt is only ever valid on one chain.
	pub genesis: Hash32,
	/// The subnet the miner served on.
	pub netuid: NetUid,
	/// The miner's hotkey (the signer).
	pub miner: AccountId,
	/// The model.
	pub model: ModelId,
	/// Who sent the request.
	pub requester: AccountId,
	/// The requester's nonce for this request.
	pub nonce: u64,
	/// The engine's hash of the input (`hearth_engine::Input::hash`).
	pub input_hash: Hash32,
	/// The engine's output hash, bound to [`request_key`] as its job id.
	pub output_hash: Hash32,
	/// The trace of the run.
	pub trace: Trace,
	/// What the request was served under.
	pub served: Served,
	/// The block (best block the miner saw) when it signed: the challenge window
	/// counts from here.
	pub block: u32,
}

impl<AccountId: Encode> Receipt<AccountId> {
	/// The bytes the miner's hotkey signs (module docs).
	pub fn signing_payload(&self) -> alloc::vec::Vec<u8> {
		let mut p = RECEIPT_DOMAIN.to_vec();
		self.encode_to(&mut p);
		p
	}

	/// This receipt's request key.
	pub fn request_key(&self) -> Hash32 {
		request_key(&self.requester, self.nonce)
	}

	/// The receipt's identity: blake2-256 of its SCALE encoding.
	pub fn hash(&self) -> Hash32 {
		blake2(&self.encode())
	}
}

/// A receipt and the miner hotkey's signature of its [`Receipt::signing_payload`].
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug)]
pub struct SignedReceipt<AccountId, Signature> {
	/// The receipt.
	pub receipt: Receipt<AccountId>,
	/// The miner's signature.
	pub signature: Signature,
}

/// What a requester signs to call a miner's endpoint (a tenant under its lease, or a
/// validator probing): the miner serves only a call whose signature verifies, whose
/// requester may be served as `served` says, and whose nonces it has not used. A call
/// with `n` inputs uses nonces `nonce .. nonce + n`, one receipt each.
///
/// ```text
/// payload = "hearth-call-v1" (14 bytes) ‖ SCALE(call)
/// ```
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug)]
pub struct Call<AccountId> {
	/// The chain's genesis hash.
	pub genesis: Hash32,
	/// The subnet.
	pub netuid: NetUid,
	/// The miner called (a signed call is good for one miner only).
	pub miner: AccountId,
	/// The caller.
	pub requester: AccountId,
	/// The first input's nonce.
	pub nonce: u64,
	/// The lease it is served under, or a probe.
	pub served: Served,
	/// blake2-256 of the request's body, exactly as sent.
	pub body_hash: Hash32,
}

impl<AccountId: Encode> Call<AccountId> {
	/// The bytes the requester signs (the type's docs).
	pub fn signing_payload(&self) -> alloc::vec::Vec<u8> {
		let mut p = CALL_DOMAIN.to_vec();
		self.encode_to(&mut p);
		p
	}
}

/// The job id the output hash of an off-chain request binds (module docs).
pub fn request_key<AccountId: Encode>(requester: &AccountId, nonce: u64) -> Hash32 {
	let mut p = REQUEST_DOMAIN.to_vec();
	requester.encode_to(&mut p);
	p.extend_from_slice(&nonce.to_le_bytes());
	blake2(&p)
}

/// The job id the output hash of an on-chain job binds (module docs).
pub fn job_key(job: u64) -> Hash32 {
	let mut p = JOB_DOMAIN.to_vec();
	p.extend_from_slice(&job.to_le_bytes());
	blake2(&p)
}

fn blake2(bytes: &[u8]) -> Hash32 {
	sp_crypto_hashing::blake2_256(bytes)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn receipt() -> Receipt<u64> {
		Receipt {
			genesis: [1; 32],
			netuid: 3,
			miner: 7,
			model: [2; 32],
			requester: 9,
			nonce: 5,
			input_hash: [3; 32],
			output_hash: [4; 32],
			trace: Trace::truncate_from(alloc::vec![[5; 32], [6; 32]]),
			served: Served::Lease(11),
			block: 100,
		}
	}

	#[test]
	fn the_signing_payload_is_the_domain_then_the_scale_bytes() {
		let r = receipt();
		let p = r.signing_payload();
		assert_eq!(&p[..17], b"hearth-receipt-v1");
		assert_eq!(&p[17..], &r.encode()[..]);
		// genesis, netuid LE, miner (u64 LE), model...
		assert_eq!(&p[17..49], &[1; 32]);
		assert_eq!(&p[49..51], &[3, 0]);
		assert_eq!(&p[51..59], &7u64.to_le_bytes());
	}

	#[test]
	fn a_call_is_signed_under_its_own_domain() {
		let call = Call {
			genesis: [1; 32],
			netuid: 3,
			miner: 7u64,
			requester: 9u64,
			nonce: 5,
			served: Served::Probe,
			body_hash: [8; 32],
		};
		let p = call.signing_payload();
		assert_eq!(&p[..14], b"hearth-call-v1");
		assert_eq!(&p[14..], &call.encode()[..]);
		assert_ne!(&p[..14], &receipt().signing_payload()[..14]);
	}

	#[test]
	fn keys_are_domain_separated_and_bind_their_parts() {
		let mut pre = b"hearth-request-v1".to_vec();
		pre.extend_from_slice(&9u64.to_le_bytes());
		pre.extend_from_slice(&5u64.to_le_bytes());
		assert_eq!(receipt().request_key(), sp_crypto_hashing::blake2_256(&pre));
		assert_ne!(request_key(&9u64, 5), request_key(&9u64, 6));
		assert_ne!(request_key(&9u64, 5), request_key(&8u64, 5));
		let mut job = b"hearth-job-v1".to_vec();
		job.extend_from_slice(&5u64.to_le_bytes());
		assert_eq!(job_key(5), sp_crypto_hashing::blake2_256(&job));
		assert_ne!(job_key(5), request_key(&0u64, 5));
	}
}
