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

/// The fee `who` paid in block `at`, from its `TransactionFeePaid` event.
pub async fn fee_paid(rpc: &Rpc, who: &AccountId, at: Hash) -> Balance {
	events(rpc, at)
		.await
		.iter()
		.find_map(|r| match &r.event {
			RuntimeEvent::TransactionPayment(pallet_transaction_payment::Event::TransactionFeePaid {
				who: payer,
				actual_fee,
				..
			}) if payer == who => Some(*actual_fee),
			_ => None,
		})
		.expect("the block records the fee")
}

/// The parent of block `at`.
pub async fn parent_of(rpc: &Rpc, at: Hash) -> Hash {
	let header: serde_json::Value = rpc.call("chain_getHeader", vec![json!(at)]).await.expect("header");
	serde_json::from_value(header["parentHash"].clone()).expect("parent hash")
}

/// A hotkey's stake pool in the state of block `at`.
pub async fn stake_pool(rpc: &Rpc, hotkey: &AccountId, at: Option<Hash>) -> pallet_hearth_staking::Pool<Balance> {
	let key = pallet_hearth_staking::Pools::<Runtime>::hashed_key_for(hotkey);
	match storage(rpc, &key, at).await {
		Some(bytes) => Decode::decode(&mut &bytes[..]).expect("a Pool decodes"),
		None => Default::default(),
	}
}

/// Calls runtime API `method` (e.g. `SubnetsApi_metagraph`) with SCALE-encoded `args`
/// through `state_call`, at block `at`, and decodes the answer.
pub async fn runtime_api<T: Decode>(rpc: &Rpc, method: &str, args: &[u8], at: Option<Hash>) -> T {
	let answer: String = rpc
		.call("state_call", vec![json!(method), json!(format!("0x{}", hex::encode(args))), json!(at)])
		.await
		.expect("state_call answers");
	T::decode(&mut &hex_bytes(&answer)[..]).unwrap_or_else(|e| panic!("{method} answer decodes: {e}"))
}

/// The events of one pallet, picked out of `events` by `pick` (e.g.
/// `|e| match e { RuntimeEvent::Leases(e) => Some(e.clone()), _ => None }`).
pub fn pallet_events<E>(events: &[EventRecord], pick: impl Fn(&RuntimeEvent) -> Option<E>) -> Vec<E> {
	events.iter().filter_map(|r| pick(&r.event)).collect()
}
