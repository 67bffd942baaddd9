//! A `--dev` node: blocks are produced and finalized, a signed transfer is included and
//! finalized and moves exactly the amount plus the fee, Prometheus answers, and the
//! README's `hearth_*` RPC reference matches the node's `rpc_methods`.

use std::time::Duration;

use hearth_e2e::{
	first_finalized,
	node::{Node, NodeConfig, TempDir},
	state, tx, wait_until,
};
use hearth_runtime::{BalancesCall, RuntimeCall, RuntimeEvent, HTH};
use sp_keyring::Sr25519Keyring::{Alice, Ferdie};
use std::io::{Read, Write};

fn start_dev(dir: &TempDir) -> Node {
	Node::start(NodeConfig::new("dev", dir.path(), &["--dev"]))
}

/// Plain HTTP GET of the node's Prometheus endpoint.
fn metrics(port: u16) -> String {
	let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("prometheus listens");
	stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
	write!(stream, "GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").expect("request");
	let mut body = String::new();
	stream.read_to_string(&mut body).expect("response");
	body
}

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_produces_and_finalizes_blocks_and_serves_metrics() {
	let dir = TempDir::new("dev-blocks");
	let node = start_dev(&dir);
	let rpc = node.rpc();

	let (_, first) = first_finalized(&rpc).await;
	let (_, later) = wait_until("finality to advance by 3", Duration::from_secs(60), || async {
		rpc.finalized().await.filter(|(_, n)| *n >= first + 3)
	})
	.await;
	assert!(later >= first + 3);
	assert!(rpc.best_number().await.expect("best") >= later);

	let text = metrics(node.config.prometheus_port);
	assert!(text.starts_with("HTTP/1.") && text.contains(" 200 "), "{}", &text[..80.min(text.len())]);
	assert!(text.contains("substrate_block_height{status=\"finalized\""), "no block height metric");

	// The README's RPC reference is the node's: every hearth_* method the node serves is
	// documented there, and the README names none the node lacks.
	let methods: serde_json::Value = rpc.call("rpc_methods", vec![]).await.expect("rpc_methods");
	let served: std::collections::BTreeSet<String> = methods["methods"]
		.as_array()
		.expect("methods")
		.iter()
		.filter_map(|m| m.as_str())
		.filter(|m| m.starts_with("hearth_"))
		.map(str::to_string)
		.collect();
	let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).expect("README");
	let section =
		readme.split("## JSON-RPC surface").nth(1).expect("the RPC section").split("\n## ").next().unwrap_or("");
	let documented: std::collections::BTreeSet<String> = section
		.split('`')
		.filter(|w| w.starts_with("hearth_") && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
		.map(str::to_string)
		.collect();
	assert!(!served.is_empty(), "the node serves hearth_* methods");
	assert_eq!(served, documented, "README's JSON-RPC surface against rpc_methods");
}

#[tokio::test(flavor = "multi_thread")]
async fn signed_transfer_is_finalized_and_moves_exactly_amount_plus_fee() {
	let dir = TempDir::new("dev-transfer");
	let node = start_dev(&dir);
	let rpc = node.rpc();
	first_finalized(&rpc).await;

	let ctx = tx::ChainContext::fetch(&rpc).await;
	let amount = 12_345 * HTH + 678;
	let call =
		RuntimeCall::Balances(BalancesCall::transfer_keep_alive { dest: Ferdie.to_account_id().into(), value: amount });
	let nonce = tx::next_nonce(&rpc, Alice).await;
	let xt = tx::sign(&ctx, call, Alice, nonce);

	let finalized = tx::submit_and_watch(&rpc, &xt, tx::Until::Finalized, Duration::from_secs(90)).await;

	// Balances just before and just after the block, and what the block says was paid.
	let parent = state::parent_of(&rpc, finalized).await;
	let alice = Alice.to_account_id();
	let ferdie = Ferdie.to_account_id();
	let alice_before = state::account(&rpc, &alice, Some(parent)).await;
	let alice_after = state::account(&rpc, &alice, Some(finalized)).await;
	let ferdie_before = state::account(&rpc, &ferdie, Some(parent)).await;
	let ferdie_after = state::account(&rpc, &ferdie, Some(finalized)).await;

	let events = state::events(&rpc, finalized).await;
	let fee = state::fee_paid(&rpc, &alice, finalized).await;
	assert!(fee > 0, "transfers are not free");
	assert!(events.iter().any(|r| matches!(
		&r.event,
		RuntimeEvent::Balances(pallet_balances::Event::Transfer { from, to, amount: a })
			if *from == alice && *to == ferdie && *a == amount
	)));

	assert_eq!(alice_before.data.free - alice_after.data.free, amount + fee);
	assert_eq!(ferdie_after.data.free - ferdie_before.data.free, amount);
	assert_eq!(alice_after.nonce, alice_before.nonce + 1);
}
