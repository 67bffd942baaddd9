//! Reading and decoding runtime state over `state_getStorage`, with the runtime's own
//! types.

use codec::Decode;
use hearth_runtime::{AccountId, Balance, Hash, Nonce, Runtime, RuntimeEvent};
use serde_json::json;

use crate::rpc::Rpc;

/// An account's nonce and balances, as frame-system stores them.
pub type AccountInfo = frame_system::AccountInfo<Nonce, pallet_balances::AccountData<Balance>>;
/// One event with its phase and topics.
pub type EventRecord = frame_system::EventRecord<RuntimeEvent, Hash>;

fn hex_bytes(value: &str) -> Vec<u8> {
	hex::decode(value.trim_start_matches("0x")).expect("the node returns valid hex")
}

/// Raw storage value at `key` in the state of block `at` (best block when `None`).
pub async fn storage(rpc: &Rpc, key: &[u8], at: Option<Hash>) -> Option<Vec<u8>> {
	let value: Option<String> = rpc
		.call("state_getStorage", vec![json!(format!("0x{}", hex::encode(key))), json!(at)])
		.await
		.expect("state_getStorage answers");
	value.map(|v| hex_bytes(&v))
}

/// `who`'s account in the state of block `at` (default when it does not exist).
pub async fn account(rpc: &Rpc, who: &AccountId, at: Option<Hash>) -> AccountInfo {
	let key = frame_system::Account::<Runtime>::hashed_key_for(who);
	match storage(rpc, &key, at).await {
		Some(bytes) => AccountInfo::decode(&mut &bytes[..]).expect("an AccountInfo decodes"),
		None => AccountInfo::default(),
	}
}

/// The events deposited by block `at`.
pub async fn events(rpc: &Rpc, at: Hash) -> Vec<EventRecord> {
	let key = frame_support::storage::storage_prefix(b"System", b"Events");
	match storage(rpc, &key, Some(at)).await {
		Some(bytes) => Vec::<EventRecord>::decode(&mut &bytes[..]).expect("events decode"),
		None => Vec::new(),
	}
}
