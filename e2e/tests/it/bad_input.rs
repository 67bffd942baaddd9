//! Bad input over JSON-RPC gets a JSON-RPC error, and the node keeps producing blocks.

use std::time::Duration;

use hearth_e2e::{
	first_finalized,
	node::{Node, NodeConfig, TempDir},
	rpc::{error_code, Rpc},
	tx, wait_until,
};
use hearth_runtime::{BalancesCall, RuntimeCall, HTH};
use serde_json::{json, Value};
use sp_keyring::Sr25519Keyring::{Alice, Bob};

/// Submits `hex` and returns the error the node answers with.
async fn submit_error(rpc: &Rpc, hex: &str) -> (i32, String) {
	let err = rpc
		.call::<Value>("author_submitExtrinsic", vec![json!(hex)])
		.await
		.expect_err("the node refuses the extrinsic");
	(error_code(&err).unwrap_or_else(|| panic!("not a JSON-RPC error: {err}")), err.to_string())
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_gets_json_rpc_errors_and_the_chain_goes_on() {
	let dir = TempDir::new("bad-input");
	let mut node = Node::start(NodeConfig::new("bad-input", dir.path(), &["--dev"]));
	let rpc = node.rpc();
	first_finalized(&rpc).await;

	// Malformed extrinsic bytes: not a valid SCALE extrinsic.
	let (code, message) = submit_error(&rpc, "0x0badc0de").await;
	assert_eq!(code, 1040, "a client (decode) error: {message}");
	assert!(message.contains("Could not decode"), "{message}");
	let (code, message) = submit_error(&rpc, "not hex at all").await;
	assert_eq!(code, -32602, "invalid params: {message}");

	// A well-formed transfer whose signature is Bob's, claiming to be Alice's.
	let ctx = tx::ChainContext::fetch(&rpc).await;
	let call =
		RuntimeCall::Balances(BalancesCall::transfer_keep_alive { dest: Bob.to_account_id().into(), value: HTH });
	let nonce = tx::next_nonce(&rpc, Alice).await;
	let forged = tx::sign_as(&ctx, call, Alice, Bob, nonce);
	let (code, message) = submit_error(&rpc, &tx::to_hex(&forged)).await;
	assert_eq!(code, 1010, "an invalid transaction: {message}");
	assert!(message.to_lowercase().contains("bad signature"), "{message}");

	// An unknown method.
	let err = rpc.call::<Value>("hearth_noSuchMethod", vec![]).await.expect_err("unknown");
	assert_eq!(error_code(&err), Some(-32601), "method not found: {err}");

	// Wrong parameter types.
	let err = rpc.call::<Value>("chain_getBlockHash", vec![json!({"not": "a number"})]).await.expect_err("wrong type");
	assert_eq!(error_code(&err), Some(-32602), "invalid params: {err}");
	let err = rpc.call::<Value>("state_getStorage", vec![json!(42)]).await.expect_err("wrong type");
	assert_eq!(error_code(&err), Some(-32602), "invalid params: {err}");

	// Nothing of the above reached the chain, and the node keeps going.
	assert_eq!(tx::next_nonce(&rpc, Alice).await, nonce, "no transaction from Alice was pooled");
	let best = rpc.best_number().await.expect("best");
	wait_until("two more blocks", Duration::from_secs(60), || async {
		rpc.best_number().await.filter(|n| *n >= best + 2)
	})
	.await;
	assert!(node.is_running());
}
