//! Sending a tenant's transaction and reading what it did: signed like a wallet signs
//! (the worker's [`crate::chain::tx::sign`]), submitted, then found in the block that
//! includes it, with the events it emitted; a failed dispatch is an error naming the
//! pallet's error.

use crate::chain::tx::{sign, Anchor};
use crate::chain::Chain;
use crate::keys::Hotkey;
use codec::Decode;
use hearth_runtime::{Hash, RuntimeCall, RuntimeEvent};
use serde_json::Value;
use std::time::{Duration, Instant};

/// What an included transaction did.
pub struct Included {
	/// The block's number.
	pub number: u32,
	/// Its events, in order.
	pub events: Vec<RuntimeEvent>,
}

type Record = frame_system::EventRecord<RuntimeEvent, Hash>;

/// Signs `call` with `key`, submits it and waits (at most `timeout`) for its block.
pub async fn send(chain: &Chain, key: &Hotkey, call: RuntimeCall, timeout: Duration) -> Result<Included, String> {
	let (hash, number) = chain.best().await.map_err(|e| e.to_string())?;
	let nonce = chain.pool_nonce(&key.account()).await.map_err(|e| e.to_string())?;
	let xt = sign(chain, key.pair(), call, nonce, Anchor { number, hash });
	let xt_hash = sp_crypto_hashing::blake2_256(&xt);
	chain.submit(&xt).await.map_err(|e| format!("the node refused the transaction: {e}"))?;
	let deadline = Instant::now() + timeout;
	let mut next = number.saturating_add(1);
	while Instant::now() < deadline {
		let (_, best) = chain.best().await.map_err(|e| e.to_string())?;
		while next <= best {
			if let Some(found) = find(chain, next, &xt_hash).await? {
				return found;
			}
			next += 1;
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	Err(format!("the transaction was not included within {} s", timeout.as_secs()))
}

/// The outcome of the extrinsic hashing to `xt_hash` if block `number` holds it.
async fn find(chain: &Chain, number: u32, xt_hash: &[u8; 32]) -> Result<Option<Result<Included, String>>, String> {
	let hash: Hash = chain
		.call::<Option<Hash>>("chain_getBlockHash", vec![serde_json::json!(number)])
		.await
		.map_err(|e| e.to_string())?
		.ok_or_else(|| format!("no block {number}"))?;
	let block: Value = chain.call("chain_getBlock", vec![serde_json::json!(hash)]).await.map_err(|e| e.to_string())?;
	let extrinsics = block.pointer("/block/extrinsics").and_then(Value::as_array).cloned().unwrap_or_default();
	let index = extrinsics.iter().position(|x| {
		x.as_str()
			.and_then(|h| hex::decode(h.trim_start_matches("0x")).ok())
			.is_some_and(|bytes| sp_crypto_hashing::blake2_256(&bytes) == *xt_hash)
	});
	let Some(index) = index else { return Ok(None) };
	let key = frame_support::storage::storage_prefix(b"System", b"Events");
	let records: Vec<Record> = chain.storage(&key, Some(hash)).await.map_err(|e| e.to_string())?.unwrap_or_default();
	let events: Vec<RuntimeEvent> = records
		.into_iter()
		.filter(|r| r.phase == frame_system::Phase::ApplyExtrinsic(index as u32))
		.map(|r| r.event)
		.collect();
	for e in &events {
		if let RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { dispatch_error, .. }) = e {
			let named = hearth_runtime::RuntimeError::from_dispatch_error(*dispatch_error)
				.map(|e| format!("{e:?}"))
				.unwrap_or_else(|| format!("{dispatch_error:?}"));
			return Ok(Some(Err(format!("the transaction failed in block {number}: {named}"))));
		}
	}
	Ok(Some(Ok(Included { number, events })))
}

/// Decodes `T` from `0x`-hex.
pub fn decode_hex<T: Decode>(text: &str, what: &str) -> Result<T, String> {
	let bytes = hex::decode(text.trim_start_matches("0x")).map_err(|e| format!("{what}: not hex ({e})"))?;
	T::decode(&mut &bytes[..]).map_err(|e| format!("{what}: does not decode ({e})"))
}
