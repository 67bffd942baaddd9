//! A four-authority `local_testnet` network on 127.0.0.1: all nodes peer and finalize;
//! with one node killed, finality continues (three of four GRANDPA voters remain);
//! restarted on its base path, the node catches up and its earlier blocks are intact.

use std::time::Duration;

use hearth_e2e::{
	node::{generate_node_key, Node, NodeConfig, TempDir},
	rpc::{Hash, Rpc},
	wait_until,
};

const NAMES: [&str; 4] = ["alice", "bob", "charlie", "dave"];

/// Waits until `rpc`'s finalized head is at least `number`, and returns it.
async fn finalized_at_least(what: &str, rpc: &Rpc, number: u32, timeout: Duration) -> u32 {
	wait_until(what, timeout, || async { rpc.finalized().await.map(|(_, n)| n).filter(|n| *n >= number) }).await
}

/// The hashes of blocks 1..=up_to on `rpc`'s chain.
async fn hashes(rpc: &Rpc, up_to: u32) -> Vec<Hash> {
	let mut out = Vec::new();
	for n in 1..=up_to {
		out.push(rpc.block_hash(n).await.unwrap_or_else(|| panic!("block {n} is known")));
	}
	out
}

#[tokio::test(flavor = "multi_thread")]
async fn four_authorities_finalize_survive_one_down_and_the_restarted_node_catches_up() {
	let dir = TempDir::new("local-network");
	let base = |name: &str| dir.path().join(name);

	// Authorities on a non-dev chain need a persisted node key; Alice's peer id is
	// everyone's bootnode.
	let peer_ids: Vec<String> = NAMES.iter().map(|n| generate_node_key(&base(n), "local")).collect();
	let alice_cfg = NodeConfig::new("alice", &base("alice"), &["--chain", "local", "--alice", "--validator"]);
	let bootnode = format!("/ip4/127.0.0.1/tcp/{}/p2p/{}", alice_cfg.p2p_port, peer_ids[0]);
	let mut nodes = vec![Node::start(alice_cfg)];
	for name in &NAMES[1..] {
		let flag = format!("--{name}");
		let cfg =
			NodeConfig::new(name, &base(name), &["--chain", "local", &flag, "--validator", "--bootnodes", &bootnode]);
		nodes.push(Node::start(cfg));
	}
	let rpcs: Vec<Rpc> = nodes.iter().map(Node::rpc).collect();

	// Everyone peers with everyone and finalizes.
	for (rpc, name) in rpcs.iter().zip(NAMES) {
		wait_until(&format!("{name} to have 3 peers"), Duration::from_secs(120), || async {
			rpc.peers().await.filter(|p| *p >= 3)
		})
		.await;
	}
	for (rpc, name) in rpcs.iter().zip(NAMES) {
		finalized_at_least(&format!("{name} to finalize block 3"), rpc, 3, Duration::from_secs(180)).await;
	}

	// Kill Dave as a crash would, remembering what he had finalized.
	let dave_finalized = rpcs[3].finalized().await.expect("dave answers").1;
	let dave_blocks = hashes(&rpcs[3], dave_finalized).await;
	nodes[3].kill();
	assert!(!nodes[3].is_running());

	// Finality goes on with three voters of four.
	let at_kill = rpcs[0].finalized().await.expect("alice answers").1;
	for (rpc, name) in rpcs[..3].iter().zip(NAMES) {
		finalized_at_least(
			&format!("{name} to finalize 3 more blocks without dave"),
			rpc,
			at_kill + 3,
			Duration::from_secs(150),
		)
		.await;
	}

	// Dave comes back on the same base path and catches up.
	nodes[3].restart();
	let target = rpcs[0].finalized().await.expect("alice answers").1;
	finalized_at_least("dave to catch up with alice's finality", &rpcs[3], target, Duration::from_secs(150)).await;

	// His earlier blocks are intact, and they are everyone's blocks.
	assert_eq!(hashes(&rpcs[3], dave_finalized).await, dave_blocks, "dave's database kept its blocks");
	assert_eq!(hashes(&rpcs[0], dave_finalized).await, dave_blocks, "dave and alice share one chain");
	let alice_at_target = rpcs[0].block_hash(target).await.expect("alice has the target block");
	assert_eq!(rpcs[3].block_hash(target).await, Some(alice_at_target));
}
