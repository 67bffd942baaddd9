//! `hearth_validatorStatus`: what this node's scoring worker decided, and why, read from
//! its off-chain storage (pallet-hearth-scoring's `store` module lists the keys).
//!
//! ```text
//! hearth_validatorStatus(netuid, validator?) → [{
//!   "validator": SS58, "netuid", "tempo", "closed", "voted",
//!   "scores": [{"uid", "hotkey", "score", "banned_until"}],   score: parts per million
//!   "tallies": [{"uid", "probes", "correct", "wrong"}],        this tempo so far
//!   "pending_commits": [{"epoch", "hash"}],
//!   "challenges": [{"receipt", "uid", "sent", "proven"}],
//!   "decisions": [{"block", "kind", …}]                        newest last
//! }]
//! ```
//!
//! Without `validator`, every scoring key in the node's keystore is reported. Errors use
//! code 9001 (a bad argument), with a message naming it.

use hearth_offchain_worker::ledger::{Decision, Ledger};
use hearth_offchain_worker::score::Change;
use jsonrpsee::core::RpcResult;
use jsonrpsee::proc_macros::rpc;
use pallet_hearth_scoring::store::{self, SubnetState};
use serde_json::{json, Value};
use sp_core::crypto::{AccountId32, Ss58Codec};
use sp_core::offchain::OffchainStorage;

/// The validator status API.
#[rpc(server)]
pub trait ValidatorApi {
	/// The scoring state and recent decisions of this node's validator keys on `netuid`.
	#[method(name = "hearth_validatorStatus")]
	fn validator_status(&self, netuid: u16, validator: Option<String>) -> RpcResult<Vec<Value>>;
}

/// Serves [`ValidatorApiServer`] from the node's off-chain storage and keystore.
pub(crate) struct Validator<S> {
	storage: S,
	keystore: sp_keystore::KeystorePtr,
}

impl<S> Validator<S> {
	/// Over `storage` (the backend's off-chain storage) and `keystore`.
	pub(crate) fn new(storage: S, keystore: sp_keystore::KeystorePtr) -> Self {
		Self { storage, keystore }
	}
}

fn hex(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

impl<S: OffchainStorage + 'static> ValidatorApiServer for Validator<S> {
	fn validator_status(&self, netuid: u16, validator: Option<String>) -> RpcResult<Vec<Value>> {
		let accounts: Vec<AccountId32> = match validator {
			Some(text) => vec![super::account("validator", &text)?],
			None => self
				.keystore
				.sr25519_public_keys(pallet_hearth_scoring::crypto::KEY_TYPE)
				.into_iter()
				.map(|k| AccountId32::from(k.0))
				.collect(),
		};
		Ok(accounts.iter().map(|a| self.status(a, netuid)).collect())
	}
}

impl<S: OffchainStorage> Validator<S> {
	fn read<T: codec::Decode>(&self, key: &[u8]) -> Option<T> {
		let raw = self.storage.get(sp_core::offchain::STORAGE_PREFIX, key)?;
		T::decode(&mut &raw[..]).ok()
	}

	fn status(&self, account: &AccountId32, netuid: u16) -> Value {
		let state: SubnetState = self.read(&store::state_key(account, netuid)).unwrap_or_default();
		let ledger: Ledger = self.read(&store::ledger_key(account, netuid)).unwrap_or_default();
		json!({
			"validator": account.to_ss58check(),
			"netuid": netuid,
			"tempo": state.tempo,
			"closed": state.closed,
			"voted": state.voted,
			"scores": state.board.entries.iter().map(|(uid, e)| json!({
				"uid": uid, "hotkey": e.hotkey.to_ss58check(), "score": e.score, "banned_until": e.banned_until,
			})).collect::<Vec<_>>(),
			"tallies": state.tallies.iter().map(|(uid, t)| json!({
				"uid": uid, "probes": t.probes, "correct": t.correct, "wrong": t.wrong,
			})).collect::<Vec<_>>(),
			"pending_commits": state.pending.iter().map(|p| json!({"epoch": p.epoch, "hash": hex(&p.hash)})).collect::<Vec<_>>(),
			"challenges": state.challenges.iter().map(|c| json!({
				"receipt": hex(&c.receipt), "uid": c.uid, "sent": c.sent, "proven": c.proven,
			})).collect::<Vec<_>>(),
			"decisions": ledger.entries.iter().map(|(block, d)| decision(*block, d)).collect::<Vec<_>>(),
		})
	}
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

fn vote(v: &pallet_hearth_scoring::Vote) -> Value {
	json!({"uids": v.uids, "values": v.values})
}

/// One decision as JSON.
fn decision(block: u32, d: &Decision) -> Value {
	let mut v = match d {
		Decision::Probed { uid, inputs, correct, wrong, note } => json!({
			"kind": "probed", "uid": uid, "inputs": inputs, "correct": correct, "wrong": wrong, "note": text(note),
		}),
		Decision::Scored(Change::Sampled { uid, sample, from, to }) => {
			json!({"kind": "scored", "uid": uid, "sample": sample, "from": from, "to": to})
		},
		Decision::Scored(Change::Penalised { uid, until }) => json!({"kind": "penalised", "uid": uid, "until": until}),
		Decision::Scored(Change::Reset { uid }) => json!({"kind": "reset", "uid": uid}),
		Decision::Scored(Change::Dropped { uid }) => json!({"kind": "dropped", "uid": uid}),
		Decision::WeightsSet(v) => json!({"kind": "weights_set", "vote": vote(v)}),
		Decision::WeightsCommitted(hash) => json!({"kind": "weights_committed", "hash": hex(hash)}),
		Decision::WeightsRevealed(v) => json!({"kind": "weights_revealed", "vote": vote(v)}),
		Decision::Challenged { uid, receipt, step } => {
			json!({"kind": "challenged", "uid": uid, "receipt": hex(receipt), "step": step})
		},
		Decision::Skipped(why) => json!({"kind": "skipped", "why": text(why)}),
		Decision::ProvenWrong { uid, score } => json!({"kind": "proven_wrong", "uid": uid, "score_before": score}),
	};
	v["block"] = json!(block);
	v
}
