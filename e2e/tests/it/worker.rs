//! `hearth-worker run` against a dev node, started with only a config file: Ferdie's
//! hotkey (claimed and staked by Alice, who never gives it her key) registers itself,
//! serves its endpoint and GPUs (the CPU twin, declared as such), offers them, wins
//! Bob's auto-award order, heartbeats, serves Bob's `/v1/embeddings` with receipts the
//! runtime's `check_receipt` accepts (called directly and through OpenAI's Python
//! client), and withdraws. Then it is killed with SIGKILL
//! mid-lease and restarted: the lease does not default, the receipt it signed is still
//! answered from its journal, and no transaction was sent twice. The node stops: the
//! worker's `/readyz` says so, and it reconnects when the node returns.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use codec::{Decode, Encode};
use hearth_e2e::worker::{miner_config, subnet_with_tiny_model, MinerSetup, Worker};
use hearth_e2e::{
	first_finalized,
	node::{free_port, Node, NodeConfig, TempDir},
	rpc::Rpc,
	state, tx, wait_until,
};
use hearth_primitives::receipt::{Call, Served};
use hearth_runtime::{AccountId, BlockNumber, Hash, RuntimeEvent, HTH};
use hearth_worker::keys::Hotkey;
use hearth_worker::serve::WireReceipt;
use pallet_hearth_jobs::ReceiptProblem;
use pallet_hearth_leases::{Event as LeasesEvent, LeaseView};
use serde_json::{json, Value};
use sp_keyring::Sr25519Keyring::{Bob, Ferdie};

type Lease = LeaseView<AccountId, BlockNumber>;

/// One HTTP/1.1 exchange on loopback: status and body (None while nothing listens).
async fn http(port: u16, method: &str, path: &str, headers: &[(String, String)], body: &[u8]) -> Option<(u16, String)> {
	let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
	hearth_worker::serve::http::request(addr, method, path, headers, body).await.ok()
}

/// Every event from block 1 to the best block, with its block number.
async fn all_events(rpc: &Rpc) -> Vec<(u32, RuntimeEvent)> {
	let best = rpc.best_number().await.expect("best");
	let mut out = Vec::new();
	for n in 1..=best {
		let hash = rpc.block_hash(n).await.expect("a block hash");
		out.extend(state::events(rpc, hash).await.into_iter().map(|r| (n, r.event)));
	}
	out
}

/// Runs `hearth <args>` as Bob (key from `SURI`) against the node at `ws`; its JSON.
fn tenant(ws: &str, args: &[&str]) -> Value {
	let out = Command::new(hearth_e2e::worker::binary().with_file_name("hearth"))
		.args(["--node", ws])
		.args(args)
		.env("SURI", "//Bob")
		.output()
		.expect("hearth runs");
	assert!(out.status.success(), "hearth {args:?}: {}", String::from_utf8_lossy(&out.stderr));
	serde_json::from_slice(&out.stdout).expect("JSON")
}

/// Runs `clients/python/openai_embeddings.py` (OpenAI's client, the pinned version
/// `scripts/setup.sh` installs) as Bob under `lease`; its answer's items.
fn openai_client(
	port: u16,
	genesis: &[u8; 32],
	miner: &AccountId,
	lease: u64,
	nonce: u64,
	texts: &[&str],
) -> Vec<Value> {
	let python = std::env::var("HEARTH_PYTHON").map(PathBuf::from).unwrap_or_else(|_| {
		PathBuf::from(std::env::var("HOME").expect("HOME")).join(".cache/hearth/python/bin/python")
	});
	assert!(python.exists(), "{} does not exist: run scripts/setup.sh (or set HEARTH_PYTHON)", python.display());
	let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../clients/python/openai_embeddings.py");
	let out = Command::new(&python)
		.arg(&script)
		.args(["--base-url", &format!("http://127.0.0.1:{port}/v1")])
		.args(["--genesis", &format!("0x{}", hex::encode(genesis))])
		.args(["--netuid", "1", "--miner", &miner.to_string(), "--lease", &lease.to_string()])
		.args(["--nonce", &nonce.to_string(), "--model", "tiny"])
		.args(texts)
		.env("SURI", "//Bob")
		.output()
		.expect("python runs");
	assert!(out.status.success(), "OpenAI's client: {}", String::from_utf8_lossy(&out.stderr));
	let answer: Value = serde_json::from_slice(&out.stdout).expect("JSON");
	let data = answer["data"].as_array().expect("data").clone();
	let tokens: usize = data.iter().map(|d| d["hearth"]["tokens"].as_array().map_or(0, Vec::len)).sum();
	assert_eq!(answer["usage"]["prompt_tokens"], json!(tokens), "{answer}");
	assert_eq!(data.len(), texts.len());
	data
}

#[tokio::test(flavor = "multi_thread")]
async fn a_worker_with_only_a_config_file_mines_serves_survives_kill_9_and_node_restarts() {
	let dir = TempDir::new("worker");
	let mut node = Node::start(NodeConfig::new("worker-node", dir.path(), &["--dev"]));
	let rpc = node.rpc();
	first_finalized(&rpc).await;
	let ctx = tx::ChainContext::fetch(&rpc).await;
	let (ferdie, bob) = (Ferdie.to_account_id(), Bob.to_account_id());

	// Alice creates subnet 1, registers the tiny model and claims and stakes Ferdie's
	// hotkey. The worker does the rest with the hotkey alone.
	let models = dir.path().join("models");
	let model_id = subnet_with_tiny_model(&rpc, &ctx, &models, Ferdie).await;

	let (api_port, ops_port) = (free_port(), free_port());
	let setup = MinerSetup {
		dir: dir.path(),
		rpc_port: node.config.rpc_port,
		suri: "//Ferdie",
		models: &models,
		api_port,
		ops_port,
	};
	let config = miner_config(
		&setup,
		"[market]\nprice = \"0.001\"\nfloor_price = \"0.0005\"\nmax_leases = 2\nregion = \"test\"\n\
		 [heartbeat]\nevery = 3\n[withdraw]\nevery = 5\n",
	);
	let check = Command::new(hearth_e2e::worker::binary())
		.args(["config", "check", "--config"])
		.arg(&config)
		.output()
		.expect("runs");
	assert!(check.status.success(), "config check: {}", String::from_utf8_lossy(&check.stderr));
	let log = dir.path().join("worker.log");
	let mut worker = Worker::start(&config, &log);

	// It registers itself, serves its endpoint and GPUs, and offers them.
	let graph = wait_until("the worker's registration, endpoint and GPUs", Duration::from_secs(120), || async {
		let g: Option<pallet_hearth_subnets::runtime_api::MetagraphView<AccountId, BlockNumber>> =
			state::runtime_api(&rpc, "SubnetsApi_metagraph", &1u16.encode(), None).await;
		let n = g?.neurons.into_iter().find(|n| n.hotkey == ferdie)?;
		(n.endpoint.is_some() && !n.gpus.is_empty()).then_some(n)
	})
	.await;
	assert_eq!(graph.endpoint.map(|e| e.port), Some(api_port));
	assert_eq!(graph.gpus[0].model.to_vec(), b"CPU twin".to_vec(), "the CPU twin is declared as such");
	let offers: Vec<(u64, pallet_hearth_leases::Offer<AccountId>)> =
		wait_until("the worker's offer", Duration::from_secs(60), || async {
			let o: Vec<(u64, pallet_hearth_leases::Offer<AccountId>)> =
				state::runtime_api(&rpc, "LeasesApi_offers", &ferdie.encode(), None).await;
			(!o.is_empty()).then_some(o)
		})
		.await;
	assert_eq!((offers[0].1.price, offers[0].1.region.to_vec()), (HTH / 1_000, b"test".to_vec()));

	// Bob orders with the tenant's tool (auto-award); the worker bids and wins.
	let ws = format!("ws://127.0.0.1:{}", node.config.rpc_port);
	let hearth = |args: &[&str]| tenant(&ws, args);
	let ordered = hearth(&["order", "--netuid", "1", "--max-price", "0.002", "--duration", "1000", "--deposit", "2"]);
	let order = ordered["lease"].as_u64().expect("a lease id");
	assert_eq!(ordered["provider"], serde_json::json!(sp_core::crypto::Ss58Codec::to_ss58check(&ferdie)));
	assert_eq!(ordered["endpoint"], serde_json::json!(format!("127.0.0.1:{api_port}")));
	let lease: Lease = state::runtime_api::<Option<Lease>>(&rpc, "LeasesApi_lease", &order.encode(), None)
		.await
		.expect("the lease runs");
	assert_eq!((lease.lease.provider.clone(), lease.lease.price), (ferdie.clone(), HTH / 1_000));
	let first_beat = wait_until("a heartbeat", Duration::from_secs(60), || async {
		state::runtime_api::<Option<Lease>>(&rpc, "LeasesApi_lease", &order.encode(), None).await?.last_heartbeat
	})
	.await;

	// Bob calls /v1/embeddings under the lease; the receipts pass check_receipt.
	let bob_key = Hotkey::from_suri("//Bob").expect("dev key");
	let body = json!({"model": "tiny", "input": ["w5 w6 w7", "w8"]}).to_string().into_bytes();
	let call = Call {
		genesis: ctx.genesis_hash.0,
		netuid: 1,
		miner: ferdie.clone(),
		requester: bob.clone(),
		nonce: 7,
		served: Served::Lease(order),
		body_hash: sp_crypto_hashing::blake2_256(&body),
	};
	let headers = hearth_worker::serve::auth::call_headers(&bob_key, &call);
	let (status, answer) = http(api_port, "POST", "/v1/embeddings", &headers, &body).await.expect("the worker answers");
	assert_eq!(status, 200, "{answer}");
	let answer: Value = serde_json::from_str(&answer).expect("JSON");
	let mut receipts = BTreeMap::new();
	for item in answer["data"].as_array().expect("data") {
		let hex_receipt = item["hearth"]["receipt"].as_str().expect("receipt");
		let bytes = hex::decode(hex_receipt.trim_start_matches("0x")).expect("hex");
		let signed = WireReceipt::decode(&mut &bytes[..]).expect("a receipt");
		assert_eq!((signed.receipt.model, signed.receipt.miner.clone()), (model_id, ferdie.clone()));
		let ok: Result<(), ReceiptProblem> = state::runtime_api(&rpc, "JobsApi_check_receipt", &bytes, None).await;
		assert_eq!(ok, Ok(()), "the runtime accepts the worker's receipt");
		receipts.insert(signed.receipt.nonce, hex_receipt.to_string());
	}
	assert_eq!(receipts.keys().copied().collect::<Vec<_>>(), vec![7, 8]);
	// OpenAI's own Python client, pointed at the worker (its default base64 encoding),
	// signing through a request hook: the same receipts, the same numbers.
	for item in openai_client(api_port, &ctx.genesis_hash.0, &ferdie, order, 20, &["w5 w6 w7", "w9"]) {
		let bytes =
			hex::decode(item["hearth"]["receipt"].as_str().expect("receipt").trim_start_matches("0x")).expect("hex");
		let ok: Result<(), ReceiptProblem> = state::runtime_api(&rpc, "JobsApi_check_receipt", &bytes, None).await;
		assert_eq!(ok, Ok(()), "the runtime accepts the receipt OpenAI's client got");
		let scale = (1u64 << item["hearth"]["frac_bits"].as_u64().expect("frac_bits")) as f64;
		let exact: Vec<f64> = item["hearth"]["values"]
			.as_array()
			.expect("values")
			.iter()
			.map(|v| (v.as_i64().expect("an integer") as f64 / scale) as f32 as f64)
			.collect();
		let decoded: Vec<f64> = serde_json::from_value(item["embedding"].clone()).expect("floats");
		assert_eq!(decoded, exact, "OpenAI's client decodes the values as f32");
	}
	// The tenant's tool: embed with receipts saved, check them with the CPU twin, and
	// refuse to challenge an honest one (the bond would be lost).
	let receipt_dir = dir.path().join("receipts").display().to_string();
	let embedded = hearth(&[
		"embed",
		"--lease",
		&order.to_string(),
		"--model",
		"tiny",
		"--receipts",
		&receipt_dir,
		"w11 w12",
		"w13",
	]);
	let saved: Vec<String> = embedded["data"]
		.as_array()
		.expect("data")
		.iter()
		.map(|d| d["receipt"].as_str().expect("a receipt file").to_string())
		.collect();
	assert_eq!(saved.len(), 2);
	let model_file = models.join("tiny.hearth").display().to_string();
	let mut check_args = vec!["check", "--model", model_file.as_str()];
	check_args.extend(saved.iter().map(String::as_str));
	let checked = hearth(&check_args);
	assert_eq!((checked["checked"].as_u64(), checked["honest"].as_u64()), (Some(2), Some(2)), "{checked}");
	let refused = Command::new(hearth_e2e::worker::binary().with_file_name("hearth"))
		.args(["--node", &ws, "challenge", "--model", &model_file, &saved[0]])
		.env("SURI", "//Bob")
		.output()
		.expect("hearth runs");
	assert!(!refused.status.success());
	assert!(String::from_utf8_lossy(&refused.stderr).contains("the receipt is honest"));
	// Bad input gets one line naming the problem, exit status 1, and nothing sent.
	let bob_nonce = state::account(&rpc, &bob, None).await.nonce;
	let order_id = order.to_string();
	for (args, suri, why) in [
		(vec!["embed", "--lease", "999", "--model", "tiny", "x"], Some("//Bob"), "lease 999 is not running"),
		(vec!["embed", "--lease", &order_id, "--model", "tiny", "x"], Some("//Eve"), "belongs to another tenant"),
		(
			vec!["order", "--netuid", "1", "--max-price", "abc", "--duration", "10", "--deposit", "1"],
			Some("//Bob"),
			"--max-price",
		),
		(vec!["lease", "top-up", &order_id, "1"], None, "no key: pass --key FILE"),
		(vec!["lease", "status", "999"], Some("//Bob"), "lease 999 is not running"),
	] {
		let mut command = Command::new(hearth_e2e::worker::binary().with_file_name("hearth"));
		command.args(["--node", &ws]).args(&args).env_remove("SURI");
		if let Some(suri) = suri {
			command.env("SURI", suri);
		}
		let out = command.output().expect("hearth runs");
		let stderr = String::from_utf8_lossy(&out.stderr);
		assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
		assert!(stderr.starts_with("error: ") && stderr.contains(why), "{args:?}: {stderr}");
	}
	assert_eq!(state::account(&rpc, &bob, None).await.nonce, bob_nonce, "nothing was sent");

	// An outsider is refused with the reason.
	let (status, why) = http(api_port, "POST", "/v1/embeddings", &[], &body).await.expect("answers");
	assert_eq!(status, 401, "{why}");

	// It withdraws what the lease earned.
	let seen = std::sync::atomic::AtomicU32::new(lease.lease.start);
	wait_until("a withdrawal", Duration::from_secs(90), || async {
		let best = rpc.best_number().await?;
		for n in seen.load(std::sync::atomic::Ordering::Relaxed)..=best {
			let hash: Hash = rpc.block_hash(n).await?;
			if state::events(&rpc, hash)
				.await
				.into_iter()
				.any(|r| matches!(r.event, RuntimeEvent::Leases(LeasesEvent::Withdrawn { id, .. }) if id == order))
			{
				return Some(());
			}
			seen.store(n, std::sync::atomic::Ordering::Relaxed);
		}
		None
	})
	.await;

	// SIGKILL mid-lease, restart: the receipt is still answered as signed, heartbeats go on.
	worker.signal(libc::SIGKILL);
	let mut worker = Worker::start(&worker.config.clone(), &log);
	// Until it has seen the chain again it cannot tell who may call (503).
	let again = wait_until("the restarted worker to serve Bob", Duration::from_secs(60), || async {
		let (status, text) = http(api_port, "POST", "/v1/embeddings", &headers, &body).await?;
		(status == 200).then_some(text)
	})
	.await;
	let again: Value = serde_json::from_str(&again).expect("JSON");
	for item in again["data"].as_array().expect("data") {
		let nonce = item["hearth"]["nonce"].as_u64().expect("nonce");
		assert_eq!(item["hearth"]["receipt"].as_str(), Some(receipts[&nonce].as_str()), "the journaled receipt");
	}
	wait_until("a heartbeat after the restart", Duration::from_secs(90), || async {
		let l = state::runtime_api::<Option<Lease>>(&rpc, "LeasesApi_lease", &order.encode(), None).await?;
		(l.last_heartbeat? > first_beat + 3).then_some(())
	})
	.await;
	let lease = state::runtime_api::<Option<Lease>>(&rpc, "LeasesApi_lease", &order.encode(), None).await;
	assert!(lease.is_some(), "the lease did not default");

	// The node stops: /readyz says so; it comes back: the worker reconnects.
	let (status, _) = http(ops_port, "GET", "/readyz", &[], b"").await.expect("ops answers");
	assert_eq!(status, 200);
	node.stop();
	let text = wait_until("/readyz to notice", Duration::from_secs(60), || async {
		let (status, text) = http(ops_port, "GET", "/readyz", &[], b"").await?;
		(status == 503).then_some(text)
	})
	.await;
	assert!(text.contains("the chain is not connected"), "{text}");
	node.restart();
	wait_until("the worker to reconnect", Duration::from_secs(120), || async {
		let (status, _) = http(ops_port, "GET", "/readyz", &[], b"").await?;
		(status == 200).then_some(())
	})
	.await;
	let rpc = node.rpc();

	// Nothing was sent twice: one registration, one offer, one bid, and every signed
	// transaction of Ferdie's got its own nonce.
	let events = all_events(&rpc).await;
	let count = |f: &dyn Fn(&RuntimeEvent) -> bool| events.iter().filter(|(_, e)| f(e)).count();
	assert_eq!(
		count(
			&|e| matches!(e, RuntimeEvent::Subnets(pallet_hearth_subnets::Event::NeuronRegistered { hotkey, .. }) if *hotkey == ferdie)
		),
		1
	);
	assert_eq!(count(&|e| matches!(e, RuntimeEvent::Leases(LeasesEvent::OfferPublished { .. }))), 1);
	assert_eq!(
		count(&|e| matches!(e, RuntimeEvent::Leases(LeasesEvent::BidPlaced { provider, .. }) if *provider == ferdie)),
		1
	);
	let failed = count(&|e| matches!(e, RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { .. })));
	assert_eq!(failed, 0, "no transaction of the worker failed");

	// Bob tops up, then closes the lease: the escrow not yet earned comes back.
	let status = hearth(&["lease", "status", &order.to_string()]);
	let topped = hearth(&["lease", "top-up", &order.to_string(), "0.5"]);
	assert_eq!(topped["topped_up"], "0.5");
	let before: f64 = status["escrow_remaining"].as_str().expect("escrow").parse().expect("a number");
	let after: f64 = topped["now"]["escrow_remaining"].as_str().expect("escrow").parse().expect("a number");
	assert!(after > before, "{status} → {topped}");
	let closed = hearth(&["lease", "close", &order.to_string()]);
	assert!(closed["refund"].as_str().is_some_and(|r| r != "0"), "{closed}");

	// SIGTERM: a clean stop.
	let status = worker.signal(libc::SIGTERM).expect("exits");
	assert!(status.success(), "{status:?}\n{}", worker.log_tail());
}
