//! The client libraries people use, against a dev node with a `hearth-worker` serving:
//! @polkadot/api (`clients/js/tenant_story.cjs`) and py-substrate-interface
//! (`clients/python/tenant_story.py`), both at the versions `scripts/setup.sh` pins, each
//! running a tenant's whole story. Then the `hearth_*` JSON-RPC methods themselves:
//! answers equal to the runtime APIs they wrap, the block argument, errors, and the
//! lease subscription.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use codec::Encode;
use hearth_e2e::rpc::{error_code, Rpc};
use hearth_e2e::worker::{miner_config, subnet_with_tiny_model, MinerSetup, Worker};
use hearth_e2e::{
	first_finalized,
	node::{free_port, Node, NodeConfig, TempDir},
	state, tx, wait_until,
};
use hearth_runtime::{AccountId, BlockNumber, HTH};
use pallet_hearth_staking::runtime_api::StakeInfo;
use serde_json::{json, Value};
use sp_core::crypto::Ss58Codec;
use sp_keyring::Sr25519Keyring::{Alice, Ferdie};

fn repo(path: &str) -> PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

/// Runs a story script with `program`, as `suri`, against the node; its JSON.
fn story(mut command: Command, ws: &str, suri: &str) -> Value {
	let out = command
		.env("HEARTH_WS", ws)
		.env("HEARTH_NETUID", "1")
		.env("HEARTH_MODEL", "tiny")
		.env("HEARTH_SUBJECTS", Alice.to_account_id().to_ss58check())
		.env("SURI", suri)
		.output()
		.expect("the client runs");
	assert!(out.status.success(), "{command:?}: {}", String::from_utf8_lossy(&out.stderr));
	serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn amount(v: &Value) -> u128 {
	v.as_str().unwrap_or_else(|| panic!("{v} is a decimal string")).parse().expect("a u128")
}

/// What both stories must have seen: the order awarded to the miner, receipts the
/// runtime accepts, a top-up that raised the escrow, a close that refunded it.
fn assert_tenant_story(out: &Value, miner: &str) {
	assert_eq!(out["lease_rpc"]["lease"]["provider"], json!(miner), "{out}");
	assert_eq!(out["embeddings"].as_array().map(Vec::len), Some(2), "{out}");
	let receipts = out["receipts"].as_array().expect("receipts");
	assert_eq!(receipts.len(), 2);
	assert!(receipts.iter().all(|r| r["ok"] == json!(true)), "{receipts:?}");
	assert!(amount(&out["escrow"]["after_top_up"]) > amount(&out["escrow"]["before"]), "{}", out["escrow"]);
	assert!(!out["closed"].is_null(), "a LeaseClosed event: {out}");
	let (before, after) = (amount(&out["balance"]["before_close"]), amount(&out["balance"]["after_close"]));
	assert!(after > before, "closing refunds the escrow: {before} → {after}");
	assert!(out["lease_after_close"].is_null());
}

#[tokio::test(flavor = "multi_thread")]
async fn polkadot_js_and_py_substrate_interface_run_a_tenants_story_and_hearth_rpc_answers() {
	let dir = TempDir::new("clients");
	let node = Node::start(NodeConfig::new("clients-node", dir.path(), &["--dev"]));
	let rpc = node.rpc();
	first_finalized(&rpc).await;
	let ctx = tx::ChainContext::fetch(&rpc).await;
	let ferdie = Ferdie.to_account_id();
	let miner = ferdie.to_ss58check();
	subnet_with_tiny_model(&rpc, &ctx, &dir.path().join("models"), Ferdie).await;
	let setup = MinerSetup {
		dir: dir.path(),
		rpc_port: node.config.rpc_port,
		suri: "//Ferdie",
		models: &dir.path().join("models"),
		api_port: free_port(),
		ops_port: free_port(),
	};
	let config = miner_config(
		&setup,
		"[market]\nprice = \"0.001\"\nfloor_price = \"0.0005\"\nmax_leases = 2\nregion = \"test\"\n[heartbeat]\nevery = 3\n",
	);
	let _worker = Worker::start(&config, &dir.path().join("worker.log"));
	wait_until("the worker's offer", Duration::from_secs(120), || async {
		let offers: Vec<(u64, pallet_hearth_leases::Offer<AccountId>)> =
			state::runtime_api(&rpc, "LeasesApi_offers", &ferdie.encode(), None).await;
		(!offers.is_empty()).then_some(())
	})
	.await;
	let ws = format!("ws://127.0.0.1:{}", node.config.rpc_port);

	// @polkadot/api, from the modules setup.sh installed.
	let modules = std::env::var("HEARTH_JS_MODULES")
		.map(PathBuf::from)
		.unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").expect("HOME")).join(".cache/hearth/js/node_modules"));
	assert!(modules.join("@polkadot/api").exists(), "{} lacks @polkadot/api: run scripts/setup.sh", modules.display());
	let mut node_js = Command::new("node");
	node_js.arg(repo("clients/js/tenant_story.cjs")).env("NODE_PATH", &modules);
	let js = story(node_js, &ws, "//Charlie");
	assert_tenant_story(&js, &miner);
	for pallet in ["Subnets", "Staking", "Leases", "Jobs", "Slashing", "Emissions"] {
		assert!(js["pallets"].as_array().expect("pallets").contains(&json!(pallet)), "{pallet}: {}", js["pallets"]);
	}
	let apis = js["runtime_apis"].as_array().expect("runtime apis");
	for api in ["subnetsApi", "stakingApi", "leasesApi", "jobsApi", "emissionsApi", "slashingApi"] {
		assert!(apis.contains(&json!(api)), "api.call.{api} from the metadata: {apis:?}");
	}
	let docs = js["neuron_stats_docs"].as_array().expect("docs");
	assert!(
		docs.iter().any(|d| d.as_str().is_some_and(|d| d.starts_with("incentive") && d.contains("65535"))),
		"{docs:?}"
	);
	let calls = &js["runtime_calls"];
	assert_eq!(calls["subnetsApi.netuids"], json!([1]));
	assert_eq!(calls["jobsApi.checkReceipt"], json!({"ok": null}), "{calls}");
	assert_eq!(calls["leasesApi.offers"].as_array().map(Vec::len), Some(1), "{calls}");
	assert_eq!(calls["stakingApi.hotkeyInfo"]["owner"], json!(Alice.to_account_id().to_ss58check()), "{calls}");
	let updates = js["subscription"].as_array().expect("lease notifications");
	assert!(updates.len() >= 2 && updates.last() == Some(&Value::Null), "{updates:?}");
	// The JSON answer is the runtime API's value: Alice's stake, decoded from SCALE here.
	let stake: StakeInfo<AccountId, BlockNumber> =
		state::runtime_api(&rpc, "StakingApi_stake_info", &Alice.to_account_id().encode(), None).await;
	assert_eq!(amount(&js["hearth_stake"]["staked"]), stake.staked);
	let positions = js["hearth_stake"]["positions"].as_array().expect("positions");
	assert_eq!(positions.len(), stake.positions.len());
	assert!(positions.iter().any(|p| p["hotkey"] == json!(miner) && amount(&p["value"]) >= 100 * HTH), "{positions:?}");
	let version = js["metadata_version"].as_u64().expect("a version");
	assert!(version >= 15, "@polkadot/api reads metadata with runtime APIs (v15 or later), not v{version}");

	// py-substrate-interface, from the virtual environment setup.sh built.
	let python = std::env::var("HEARTH_PYTHON").map(PathBuf::from).unwrap_or_else(|_| {
		PathBuf::from(std::env::var("HOME").expect("HOME")).join(".cache/hearth/python/bin/python")
	});
	let mut py = Command::new(&python);
	py.arg(repo("clients/python/tenant_story.py"));
	let py = story(py, &ws, "//Dave");
	assert_tenant_story(&py, &miner);
	assert!(py["pallets"].as_array().expect("pallets").contains(&json!("Leases")));
	assert_eq!(py["metadata_version"], json!("V14"), "py-substrate-interface reads v14");
	let answers = py["rpc"].as_object().expect("rpc answers");
	assert_eq!(answers["hearth_subnets"], json!([1]));
	assert_eq!(answers["hearth_neuron"]["hotkey"], json!(miner));
	assert_eq!(answers["hearth_models"].as_array().map(Vec::len), Some(1));
	assert!(answers["hearth_leasesOf"].as_array().is_some_and(Vec::is_empty), "both leases closed");
	assert_eq!(py["bad_argument"]["code"], json!(9001), "{}", py["bad_argument"]);
	assert!(py["bad_argument"]["message"].as_str().is_some_and(|m| m.contains("not-an-address")));

	hearth_rpc_edges(&rpc).await;
}

/// The block argument, the error codes, and a subscription refused with a reason.
async fn hearth_rpc_edges(rpc: &Rpc) {
	let genesis: hearth_runtime::Hash = rpc.call("chain_getBlockHash", vec![json!(0)]).await.expect("genesis");
	let now: Value = rpc.call("hearth_metagraph", vec![json!(1)]).await.expect("metagraph");
	assert_eq!(now["netuid"], json!(1));
	let then: Value = rpc.call("hearth_metagraph", vec![json!(1), json!(genesis)]).await.expect("at genesis");
	assert!(then.is_null(), "no subnet at genesis: {then}");
	let unknown = rpc.call::<Value>("hearth_subnets", vec![json!(format!("0x{}", "11".repeat(32)))]).await;
	let err = unknown.expect_err("an unknown block");
	assert_eq!(error_code(&err), Some(9002), "{err}");
	let err = rpc.call::<Value>("hearth_minerJobs", vec![json!(Alice.to_account_id().to_ss58check()), json!(0)]).await;
	assert_eq!(error_code(&err.expect_err("limit 0")), Some(9001));
	let err = rpc.call::<Value>("hearth_ruling", vec![json!("0x1234")]).await.expect_err("2 bytes");
	assert!(err.to_string().contains("is 2 bytes, not 32"), "{err}");
	let refused = rpc.subscribe("hearth_subscribeLease", vec![json!(999)], "hearth_unsubscribeLease").await;
	let err = refused.expect_err("lease 999 does not exist");
	assert!(err.to_string().contains("lease 999 is not open"), "{err}");
	let mut epochs = rpc
		.subscribe("hearth_subscribeEpochs", vec![json!(1)], "hearth_unsubscribeEpochs")
		.await
		.expect("subnet 1 exists");
	let first = tokio::time::timeout(Duration::from_secs(10), epochs.next())
		.await
		.expect("a first notification")
		.expect("open")
		.expect("JSON");
	assert_eq!(first["metagraph"]["netuid"], json!(1), "{first}");
}
