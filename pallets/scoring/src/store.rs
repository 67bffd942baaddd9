//! What the scoring worker keeps in the node's persistent off-chain storage (never on
//! chain), SCALE-encoded:
//!
//! | key | value |
//! |---|---|
//! | `hearth-scoring/seed` | 32 bytes of the node's randomness, drawn once: probe inputs and timing |
//! | `hearth-scoring/state/` ‖ account ‖ netuid (u16 LE) | [`SubnetState`]: scores, this tempo's tallies, pending commits, challenges |
//! | `hearth-scoring/ledger/` ‖ account ‖ netuid | [`hearth_offchain_worker::ledger::Ledger`]: the last decisions, for the operator |
//! | `hearth-scoring/nonce/` ‖ account | the account's reserved nonces ([`hearth_offchain_worker::nonce`]) |
//! | `hearth-scoring/lock/` ‖ account ‖ netuid | the lock one run holds while it scores the subnet |
//! | [`VERIFIER_URL_KEY`] | the verifier's base URL (UTF-8; default [`DEFAULT_VERIFIER_URL`]) |

use alloc::collections::BTreeMap;
use alloc::vec::Vec;
use codec::{Decode, Encode};
use hearth_offchain_worker::ledger::Ledger;
use hearth_offchain_worker::nonce::{Cell, Reserved};
use hearth_offchain_worker::score::{Scoreboard, Tally};
use hearth_offchain_worker::weights::Pending;
use hearth_primitives::receipt::Hash32;
use hearth_primitives::{NetUid, Uid};
use scale_info::TypeInfo;
use sp_runtime::offchain::storage::StorageValueRef;
use sp_runtime::AccountId32;

/// Where an operator may set the verifier's base URL.
pub const VERIFIER_URL_KEY: &[u8] = b"hearth-scoring/verifier-url";
/// The verifier's default base URL (`hearth-worker verifier`'s default listen address).
pub const DEFAULT_VERIFIER_URL: &str = "http://127.0.0.1:9617";
/// The most challenges remembered per subnet (older ones are settled or expired).
pub const MAX_CHALLENGES: usize = 128;

/// A challenge the validator sent.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Challenge {
	/// The receipt's hash.
	pub receipt: Hash32,
	/// The miner.
	pub uid: Uid,
	/// The block it was sent at.
	pub sent: u32,
	/// Whether the chain has ruled it wrong.
	pub proven: bool,
}

/// One validator's scoring state on one subnet.
#[derive(Clone, Default, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct SubnetState {
	/// The tempo the tallies belong to.
	pub tempo: u32,
	/// This tempo's probe outcomes, by uid.
	pub tallies: BTreeMap<Uid, Tally>,
	/// The scores.
	pub board: Scoreboard<AccountId32>,
	/// The last tempo whose tallies became scores.
	pub closed: Option<u32>,
	/// The last tempo whose weights were sent (set or committed).
	pub voted: Option<u32>,
	/// Commits waiting for their reveal.
	pub pending: Vec<Pending>,
	/// Challenges sent, newest last.
	pub challenges: Vec<Challenge>,
}

fn key(prefix: &[u8], account: &AccountId32, netuid: Option<NetUid>) -> Vec<u8> {
	let mut k = prefix.to_vec();
	k.extend_from_slice(account.as_ref());
	if let Some(n) = netuid {
		k.extend_from_slice(&n.to_le_bytes());
	}
	k
}

/// The state key of `account` on `netuid`.
pub fn state_key(account: &AccountId32, netuid: NetUid) -> Vec<u8> {
	key(b"hearth-scoring/state/", account, Some(netuid))
}

/// The ledger key of `account` on `netuid`.
pub fn ledger_key(account: &AccountId32, netuid: NetUid) -> Vec<u8> {
	key(b"hearth-scoring/ledger/", account, Some(netuid))
}

/// The lock key of `account` on `netuid`.
pub fn lock_key(account: &AccountId32, netuid: NetUid) -> Vec<u8> {
	key(b"hearth-scoring/lock/", account, Some(netuid))
}

/// The nonce key of `account`.
pub fn nonce_key(account: &AccountId32) -> Vec<u8> {
	key(b"hearth-scoring/nonce/", account, None)
}

fn read<V: Decode>(k: &[u8]) -> Option<V> {
	StorageValueRef::persistent(k).get::<V>().ok().flatten()
}

/// The state (fresh if none, or if it no longer decodes).
pub fn load_state(account: &AccountId32, netuid: NetUid) -> SubnetState {
	read(&state_key(account, netuid)).unwrap_or_default()
}

/// Saves the state.
pub fn save_state(account: &AccountId32, netuid: NetUid, state: &SubnetState) {
	StorageValueRef::persistent(&state_key(account, netuid)).set(state);
}

/// The ledger.
pub fn load_ledger(account: &AccountId32, netuid: NetUid) -> Ledger {
	read(&ledger_key(account, netuid)).unwrap_or_default()
}

/// Saves the ledger.
pub fn save_ledger(account: &AccountId32, netuid: NetUid, ledger: &Ledger) {
	StorageValueRef::persistent(&ledger_key(account, netuid)).set(ledger);
}

/// The node's probe seed, drawn from its randomness on first use.
pub fn seed() -> [u8; 32] {
	let store = StorageValueRef::persistent(b"hearth-scoring/seed");
	if let Some(seed) = store.get::<[u8; 32]>().ok().flatten() {
		return seed;
	}
	let seed = sp_io::offchain::random_seed();
	store.set(&seed);
	seed
}

/// The verifier's base URL.
pub fn verifier_url() -> alloc::string::String {
	sp_io::offchain::local_storage_get(sp_core::offchain::StorageKind::PERSISTENT, VERIFIER_URL_KEY)
		.and_then(|raw| alloc::string::String::from_utf8(raw).ok())
		.map(|url| url.trim_end_matches('/').into())
		.unwrap_or_else(|| DEFAULT_VERIFIER_URL.into())
}

/// The account's nonce cell, compare-and-set on the node's storage.
pub struct NonceCell(pub Vec<u8>);

impl Cell for NonceCell {
	fn get(&self) -> Option<Reserved> {
		read(&self.0)
	}

	fn compare_and_set(&mut self, old: Option<Reserved>, new: Reserved) -> bool {
		StorageValueRef::persistent(&self.0)
			.mutate::<Reserved, (), _>(|current| match current {
				Ok(current) if current == old => Ok(new),
				_ => Err(()),
			})
			.is_ok()
	}
}
