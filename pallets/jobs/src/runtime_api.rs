//! Models, jobs and receipt checks for miners, validators, tenants and explorers.

use crate::types::{Job, JobId, JobResult, ModelInfo, ReceiptProblem, Ruling};
use alloc::vec::Vec;
use hearth_primitives::{ModelId, NetUid, SignedReceipt};

sp_api::decl_runtime_apis! {
	/// The verification loop on chain.
	pub trait JobsApi<AccountId, BlockNumber, Signature> where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
		Signature: codec::Codec,
	{
		/// The models a subnet's miners serve, in registration order.
		fn models(netuid: NetUid) -> Vec<(ModelId, ModelInfo<AccountId, BlockNumber>)>;
		/// A job and its result, if it has one; `None` once pruned.
		fn job(id: JobId) -> Option<(Job<AccountId, BlockNumber>, Option<JobResult<BlockNumber>>)>;
		/// A miner's jobs not yet pruned, newest first, at most `limit`.
		fn miner_jobs(miner: AccountId, limit: u32) -> Vec<JobId>;
		/// Whether the chain would rule on this receipt now (signature, chain, model,
		/// window), and if not, why.
		fn check_receipt(receipt: SignedReceipt<AccountId, Signature>) -> Result<(), ReceiptProblem>;
		/// What challenges established about a receipt (by its hash) or an on-chain
		/// job's result (by the job's key): proven wrong, or the steps upheld. `None`:
		/// never challenged, or forgotten once its challenge window closed.
		fn ruling(subject: [u8; 32]) -> Option<Ruling>;
	}
}
