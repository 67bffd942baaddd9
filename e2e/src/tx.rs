//! Building signed extrinsics with the runtime's own types, as a wallet does: the same
//! transaction extensions, in the runtime's order, with the values the node reports.

use codec::Encode;
use hearth_runtime::{Hash, Nonce, RuntimeCall, SignedPayload, UncheckedExtrinsic};
use serde_json::{json, Value};
use sp_keyring::Sr25519Keyring;
use sp_runtime::generic::Era;

use crate::rpc::Rpc;
use std::time::Duration;

/// `Staking.register_hotkey` claiming `hotkey`'s key for `coldkey`, with the hotkey's
/// signature of the claim message (`b"hearth/claim-hotkey" ‖ genesis hash ‖ coldkey`),
/// as a wallet builds it.
pub fn claim_hotkey(
	ctx: &ChainContext,
	coldkey: Sr25519Keyring,
	hotkey: Sr25519Keyring,
) -> pallet_hearth_staking::Call<hearth_runtime::Runtime> {
	let message = pallet_hearth_staking::claim_payload(ctx.genesis_hash.as_ref(), &coldkey.to_account_id());
	pallet_hearth_staking::Call::register_hotkey { hotkey: hotkey.to_account_id(), proof: hotkey.sign(&message).into() }
}

/// What a signer needs to know about the chain it signs for.
#[derive(Clone, Copy, Debug)]
pub struct ChainContext {
	/// The hash of block 0 (signed into every transaction).
	pub genesis_hash: Hash,
	/// The runtime's spec version.
	pub spec_version: u32,
	/// The runtime's transaction version.
	pub transaction_version: u32,
}

impl ChainContext {
	/// Reads the genesis hash and runtime version from the node.
	pub async fn fetch(rpc: &Rpc) -> Self {
		let genesis_hash = rpc.block_hash(0).await.expect("the node knows its genesis block");
		let version: Value = rpc.call("state_getRuntimeVersion", vec![]).await.expect("runtime version");
		let field =
			|name: &str| version.get(name).and_then(Value::as_u64).unwrap_or_else(|| panic!("no {name}")) as u32;
		Self { genesis_hash, spec_version: field("specVersion"), transaction_version: field("transactionVersion") }
	}
}

/// `call` signed by `signer`'s key, claiming to come from `sender` (normally the same
/// key; a different one makes a transaction with a bad signature).
pub fn sign_as(
	ctx: &ChainContext,
	call: RuntimeCall,
	sender: Sr25519Keyring,
	signer: Sr25519Keyring,
	nonce: Nonce,
) -> UncheckedExtrinsic {
	let tx_ext = hearth_runtime::tx_extension(nonce, Era::Immortal, 0);
	// What the extensions add to the signed payload without putting it on the wire:
	// spec and transaction versions, genesis hash twice (genesis and immortal era),
	// and no metadata hash.
	let implicit =
		((), ctx.spec_version, ctx.transaction_version, ctx.genesis_hash, ctx.genesis_hash, (), (), (), None, ());
	let payload = SignedPayload::from_raw(call.clone(), tx_ext.clone(), implicit);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(call, sender.to_account_id().into(), signature.into(), tx_ext)
}

/// `call` signed by `signer`.
pub fn sign(ctx: &ChainContext, call: RuntimeCall, signer: Sr25519Keyring, nonce: Nonce) -> UncheckedExtrinsic {
	sign_as(ctx, call, signer, signer, nonce)
}

/// `0x`-hex of an extrinsic's SCALE encoding, as `author_submitExtrinsic` takes it.
pub fn to_hex(xt: &UncheckedExtrinsic) -> String {
	format!("0x{}", hex::encode(xt.encode()))
}

/// The next nonce of `who`, counting transactions in the pool.
pub async fn next_nonce(rpc: &Rpc, who: Sr25519Keyring) -> Nonce {
	let address = sp_core::crypto::Ss58Codec::to_ss58check(&who.to_account_id());
	rpc.call("system_accountNextIndex", vec![json!(address)]).await.expect("nonce")
}

/// How far to follow a submitted transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Until {
	/// Until a block includes it.
	InBlock,
	/// Until that block is finalized.
	Finalized,
}

/// Submits `xt` with `author_submitAndWatchExtrinsic` and follows its status; returns
/// the hash of the block that included it. Panics on a dropped or invalid transaction,
/// or after `timeout`.
pub async fn submit_and_watch(rpc: &Rpc, xt: &UncheckedExtrinsic, until: Until, timeout: Duration) -> Hash {
	let mut watch = rpc
		.subscribe("author_submitAndWatchExtrinsic", vec![json!(to_hex(xt))], "author_unwatchExtrinsic")
		.await
		.expect("the transaction is accepted into the pool");
	let mut in_block: Option<Hash> = None;
	tokio::time::timeout(timeout, async {
		loop {
			let status: Value = watch.next().await.expect("status stream open").expect("status");
			if let Some(hash) = status.get("inBlock") {
				let hash: Hash = serde_json::from_value(hash.clone()).expect("hash");
				if until == Until::InBlock {
					return hash;
				}
				in_block = Some(hash);
				continue;
			}
			if let Some(hash) = status.get("finalized") {
				let hash: Hash = serde_json::from_value(hash.clone()).expect("hash");
				assert_eq!(in_block, Some(hash), "finalized in the block it was included in");
				return hash;
			}
			assert!(
				status.is_string() || status.get("broadcast").is_some() || status.get("retracted").is_some(),
				"unexpected transaction status {status}"
			);
		}
	})
	.await
	.unwrap_or_else(|_| panic!("the transaction did not reach {until:?} within {timeout:?}"))
}

/// Signs `call` as `who` with its next nonce, submits it and waits for its block.
pub async fn send(rpc: &Rpc, ctx: &ChainContext, who: Sr25519Keyring, call: RuntimeCall) -> Hash {
	let nonce = next_nonce(rpc, who).await;
	let xt = sign(ctx, call, who, nonce);
	submit_and_watch(rpc, &xt, Until::InBlock, Duration::from_secs(60)).await
}
