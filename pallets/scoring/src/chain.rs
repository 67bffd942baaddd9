//! What the scoring worker reads from the chain and the calls it sends, as the runtime
//! provides them (the subnets and jobs pallets are never imported here).

use alloc::vec::Vec;
use hearth_offchain_worker::weights::Vote;
use hearth_primitives::receipt::{Hash32, ModelId};
use hearth_primitives::{NetUid, Uid};
use sp_runtime::AccountId32;

/// A subnet's parameters and clock, as of the block the worker runs at.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct SubnetFacts {
	/// Blocks from one epoch to the next.
	pub tempo_len: u32,
	/// Where the block is in the scoring tempo: the epoch runs at offset 0.
	pub offset: u32,
	/// The scoring tempo's index (epochs so far, by the block clock).
	pub tempo: u32,
	/// The subnet's epoch counter (what commit-reveal counts).
	pub epochs: u64,
	/// Blocks between two weight submissions (or commits).
	pub rate_limit: u32,
	/// Whether weights are committed, then revealed.
	pub commit_reveal: bool,
	/// Epochs after a commit in which it is revealed.
	pub reveal_period: u8,
	/// The version key weights must carry at least.
	pub version_key: u64,
}

/// A miner the worker probes.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct MinerFacts {
	/// Its uid.
	pub uid: Uid,
	/// Its hotkey.
	pub hotkey: AccountId32,
	/// Its `http://ip:port` (IPv4 and IPv6), when it serves one.
	pub url: Option<alloc::string::String>,
}

/// A model a subnet's miners serve.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ModelFacts {
	/// Its identity.
	pub id: ModelId,
	/// Its token vocabulary.
	pub vocab: u32,
	/// The longest input it was registered for.
	pub max_input: u32,
}

/// The chain, as the scoring worker needs it, and the calls it sends.
pub trait ScoringChain<Call> {
	/// The chain's genesis hash.
	fn genesis() -> Hash32;
	/// The subnets on which `who` holds a validator permit, with its uid there.
	fn validated_by(who: &AccountId32) -> Vec<(NetUid, Uid)>;
	/// A subnet's clock and weight rules.
	fn subnet(netuid: NetUid) -> Option<SubnetFacts>;
	/// The subnet's neurons other than the validator.
	fn miners(netuid: NetUid, own: Uid) -> Vec<MinerFacts>;
	/// The models registered on the subnet (the first is probed).
	fn models(netuid: NetUid) -> Vec<ModelFacts>;
	/// Blocks since the validator's last weight submission (or commit, under
	/// commit-reveal) that the rate limit counts; `None` if there was none.
	fn since_update(netuid: NetUid, uid: Uid, who: &AccountId32) -> Option<u32>;
	/// Whether a receipt (by its hash) has been proven wrong on chain.
	fn proven_wrong(receipt: &Hash32) -> bool;
	/// Whether `signature` (SCALE bytes) is `signer`'s over `payload`.
	fn verify(payload: &[u8], signature: &[u8], signer: &AccountId32) -> bool;
	/// `Subnets.set_weights`.
	fn set_weights(netuid: NetUid, vote: Vote, version_key: u64) -> Call;
	/// `Subnets.commit_weights`.
	fn commit_weights(netuid: NetUid, hash: Hash32) -> Call;
	/// `Subnets.reveal_weights`.
	fn reveal_weights(netuid: NetUid, vote: Vote, salt: Vec<u16>, version_key: u64) -> Call;
	/// `Jobs.challenge` of a signed receipt (SCALE) at `step` with the verifier's
	/// `input` (SCALE `StepInput`) and `chunk`; `None` if they do not decode.
	fn challenge(receipt: &[u8], step: u32, input: &[u8], chunk: Vec<u8>) -> Option<Call>;
}
