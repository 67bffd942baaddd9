//! The network doing its job: a dev node whose keystore holds Charlie's scoring key
//! (Charlie is a validator on subnet 1), a local `hearth-worker verifier`, two honest
//! `hearth-worker run` miners (Dave, Eve) and one (Ferdie) built to lie on a fraction f
//! of its answers (`HEARTH_TEST_WRONG_FRACTION`, debug builds only). Nobody sets
//! weights or sends a challenge by hand: the node's off-chain worker probes, re-runs,
//! challenges Ferdie's wrong receipts (proven wrong on chain, slashed), sets weights
//! that give Ferdie nothing, and the next epoch pays Dave and Eve. The honest miners
//! are never challenged. The test prints how many tempos the catch took against the
//! expected catch rate 1 - (1 - f)^k for k probes a tempo.

use std::collections::BTreeSet;
use std::process::Command;
use std::time::{Duration, Instant};

use codec::Encode;
use hearth_e2e::worker::{miner_config, tiny_model, MinerSetup, Worker};
use hearth_e2e::{
	first_finalized,
	node::{free_port, Node, NodeConfig, TempDir},
	rpc::Rpc,
	state, tx, wait_until,
};
use hearth_engine::format;
use hearth_runtime::{AccountId, BlockNumber, RuntimeCall, RuntimeEvent, HTH};
use pallet_hearth_jobs::Event as JobsEvent;
use pallet_hearth_subnets::{runtime_api::MetagraphView, Call as SubnetsCall, Hyperparameter};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};

type Metagraph = MetagraphView<AccountId, BlockNumber>;

/// The fraction of answers Ferdie gets wrong.
const F: f64 = 0.5;
/// Probe inputs per miner per tempo (the runtime's `ProbeInputs`).
const K: i32 = 4;

async fn metagraph(rpc: &Rpc) -> Metagraph {
	state::runtime_api::<Option<Metagraph>>(rpc, "SubnetsApi_metagraph", &1u16.encode(), None).await.expect("subnet 1")
}

/// Every event from block `from` to the best block.
async fn events_since(rpc: &Rpc, from: u32) -> Vec<(u32, RuntimeEvent)> {
	let best = rpc.best_number().await.expect("best");
	let mut out = Vec::new();
	for n in from..=best {
		let hash = rpc.block_hash(n).await.expect("a block hash");
		out.extend(state::events(rpc, hash).await.into_iter().map(|r| (n, r.event)));
	}
	out
}

#[tokio::test(flavor = "multi_thread")]
async fn a_validator_node_scores_miners_catches_the_cheater_and_pays_the_honest() {
	let dir = TempDir::new("scoring");
	let config = NodeConfig::new("scoring", dir.path(), &["--dev"]);
	// Charlie's scoring key goes into the node's keystore the way an operator puts it.
	let inserted = Command::new(hearth_e2e::node::node_binary())
		.args(["key", "insert", "--chain", "dev", "--key-type", "hscr", "--scheme", "sr25519", "--suri", "//Charlie"])
		.arg("--base-path")
		.arg(dir.path())
		.output()
		.expect("hearth-node key insert runs");
	assert!(inserted.status.success(), "key insert: {}", String::from_utf8_lossy(&inserted.stderr));
	let node = Node::start(config);
	let rpc = node.rpc();
	first_finalized(&rpc).await;
	let ctx = tx::ChainContext::fetch(&rpc).await;

	let models = dir.path().join("models");
	std::fs::create_dir_all(&models).expect("models dir");
	let (_, bytes) = tiny_model(&models);
	let file = format::split(&bytes).expect("splits");

	// Alice runs subnet 1 (weights at most every 5 blocks, a tempo is 6) with the tiny
	// model, and stakes the miners' hotkeys; Bob stakes Charlie's, the validator.
	let mut calls = vec![
		RuntimeCall::Subnets(SubnetsCall::create_subnet { max_lock: 100 * HTH }),
		RuntimeCall::Jobs(pallet_hearth_jobs::Call::register_model {
			netuid: 1,
			header: file.header.to_vec().try_into().expect("a header"),
			chunk_hashes: file.chunk_hashes().try_into().expect("hashes"),
			max_input: 40,
		}),
	];
	for m in [Dave, Eve, Ferdie] {
		calls.push(RuntimeCall::Staking(tx::claim_hotkey(&ctx, Alice, m)));
		calls.push(RuntimeCall::Staking(pallet_hearth_staking::Call::add_stake {
			hotkey: m.to_account_id(),
			amount: 100 * HTH,
		}));
	}
	tx::send(&rpc, &ctx, Alice, RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })).await;
	// Hyperparameters are frozen in the blocks before each epoch: retry past the freeze.
	let rate = RuntimeCall::Subnets(SubnetsCall::set_hyperparameter {
		netuid: 1,
		change: Hyperparameter::WeightsRateLimit(5),
	});
	wait_until("the weights rate limit set outside the epoch freeze", Duration::from_secs(60), || async {
		let at = tx::send(&rpc, &ctx, Alice, rate.clone()).await;
		let failed = state::events(&rpc, at)
			.await
			.iter()
			.any(|r| matches!(r.event, RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { .. })));
		(!failed).then_some(())
	})
	.await;
	let charlie = Charlie.to_account_id();
	let validator = vec![
		RuntimeCall::Staking(tx::claim_hotkey(&ctx, Bob, Charlie)),
		RuntimeCall::Staking(pallet_hearth_staking::Call::add_stake { hotkey: charlie.clone(), amount: 10_000 * HTH }),
		RuntimeCall::Subnets(SubnetsCall::register { netuid: 1, hotkey: charlie.clone(), max_burn: HTH }),
	];
	tx::send(&rpc, &ctx, Bob, RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: validator })).await;
	let start = rpc.best_number().await.expect("best");

	// The validator's verifier on its default address, and three miners.
	let _verifier = Worker::spawn(
		&["verifier", "--models", &models.display().to_string(), "--listen", "127.0.0.1:9617"],
		&models,
		&dir.path().join("verifier.log"),
		&[],
	);
	let fraction = F.to_string();
	let miners: Vec<(Sr25519Keyring, Worker)> = [(Dave, None), (Eve, None), (Ferdie, Some(fraction.as_str()))]
		.into_iter()
		.map(|(who, lie)| {
			let name = format!("{who:?}").to_lowercase();
			let suri = format!("//{who:?}");
			let setup = MinerSetup {
				dir: &dir.path().join(&name),
				rpc_port: node.config.rpc_port,
				suri: &suri,
				models: &models,
				api_port: free_port(),
				ops_port: free_port(),
			};
			let config = miner_config(&setup, "");
			let env: Vec<(&str, &str)> = lie.map(|f| ("HEARTH_TEST_WRONG_FRACTION", f)).into_iter().collect();
			let args = ["run", "--config", &config.display().to_string()];
			(who, Worker::spawn(&args, &config, &dir.path().join(format!("{name}.log")), &env))
		})
		.collect();

	// Every miner registers and serves; Charlie gets a permit at an epoch.
	let served = wait_until("three miners serving and Charlie's permit", Duration::from_secs(180), || async {
		let g = metagraph(&rpc).await;
		let serving = g.neurons.iter().filter(|n| n.endpoint.is_some()).count();
		let permit = g.neurons.iter().any(|n| n.hotkey == charlie && n.stats.validator_permit);
		(serving == 3 && permit).then_some(g.info.epochs)
	})
	.await;
	let began = Instant::now();
	let first_block = rpc.best_number().await.expect("best");
	println!("scoring starts at epoch {served}, block {first_block}");

	// Ferdie's wrong receipt is challenged by Charlie's node and proven wrong.
	let (proven_at, proven_epoch) =
		wait_until("a challenge proving Ferdie wrong", Duration::from_secs(300), || async {
			let events = events_since(&rpc, start).await;
			let at = events.iter().find_map(|(n, e)| match e {
				RuntimeEvent::Jobs(JobsEvent::ProvenWrong { miner, challenger, .. })
					if *miner == Ferdie.to_account_id() && *challenger == charlie =>
				{
					Some(*n)
				},
				_ => None,
			})?;
			Some((at, metagraph(&rpc).await.info.epochs))
		})
		.await;
	let tempos = proven_epoch.saturating_sub(served).max(1);
	let rate = 1.0 - (1.0 - F).powi(K);
	println!(
		"caught after {tempos} tempo(s) ({:.0} s): the expected catch rate per tempo is 1 - (1 - {F})^{K} = {rate:.3}, \
		 {:.2} tempos on average",
		began.elapsed().as_secs_f64(),
		1.0 / rate
	);

	// Slashed, after the deferral window.
	wait_until("Ferdie's slash applied", Duration::from_secs(120), || async {
		events_since(&rpc, proven_at).await.into_iter().find_map(|(_, e)| match e {
			RuntimeEvent::Slashing(pallet_hearth_slashing::Event::SlashApplied { offender, amount, .. })
				if offender == Ferdie.to_account_id() && amount > 0 =>
			{
				Some(())
			},
			_ => None,
		})
	})
	.await;

	// Weights from the validator's node give Ferdie nothing; the next epoch pays the
	// honest miners and not Ferdie.
	let paid = wait_until("an epoch paying Dave and Eve and not Ferdie", Duration::from_secs(180), || async {
		let g = metagraph(&rpc).await;
		let incentive =
			|who: Sr25519Keyring| g.neurons.iter().find(|n| n.hotkey == who.to_account_id()).map(|n| n.stats.incentive);
		let (d, e, f) = (incentive(Dave)?, incentive(Eve)?, incentive(Ferdie)?);
		(g.info.epochs > proven_epoch + 1 && d > 0 && e > 0 && f == 0).then_some((d, e))
	})
	.await;
	println!("incentive after the catch: Dave {}, Eve {}, Ferdie 0", paid.0, paid.1);

	// Nobody set weights or challenged by hand: every weights update and challenge came
	// from Charlie's node, and no honest miner was ever challenged.
	let events = events_since(&rpc, start).await;
	let weights_by: BTreeSet<u16> = events
		.iter()
		.filter_map(|(_, e)| match e {
			RuntimeEvent::Subnets(pallet_hearth_subnets::Event::WeightsSet { uid, .. }) => Some(*uid),
			_ => None,
		})
		.collect();
	let charlie_uid = metagraph(&rpc).await.neurons.iter().find(|n| n.hotkey == charlie).expect("Charlie").uid;
	assert_eq!(weights_by, BTreeSet::from([charlie_uid]), "weights come from the scoring node only");
	let honest: BTreeSet<AccountId> = [Dave, Eve].iter().map(|k| k.to_account_id()).collect();
	let challenged_honest = events.iter().any(|(_, e)| match e {
		RuntimeEvent::Jobs(JobsEvent::ProvenWrong { miner, .. })
		| RuntimeEvent::Jobs(JobsEvent::ChallengeFailed { miner, .. }) => honest.contains(miner),
		_ => false,
	});
	assert!(!challenged_honest, "an honest miner was challenged");
	let slashed_honest = events.iter().any(|(_, e)| {
		matches!(e, RuntimeEvent::Slashing(pallet_hearth_slashing::Event::OffenceReported { offender, .. })
			if honest.contains(offender))
	});
	assert!(!slashed_honest, "an honest miner was reported");

	// Blocks kept coming at the slot rate while the node scored (2 s dev slots).
	let blocks = rpc.best_number().await.expect("best") - first_block;
	let seconds = began.elapsed().as_secs_f64();
	println!(
		"while scoring: {blocks} blocks in {seconds:.0} s = {:.2} s a block (slot 2 s), finalized #{}",
		seconds / f64::from(blocks.max(1)),
		rpc.finalized().await.expect("finalized").1
	);

	// The operator sees why: hearth_validatorStatus reads the node's scoring state.
	let status: Vec<serde_json::Value> =
		rpc.call("hearth_validatorStatus", vec![serde_json::json!(1)]).await.expect("hearth_validatorStatus");
	assert_eq!(status.len(), 1, "one scoring key in the keystore");
	let status = &status[0];
	let ferdie_uid = metagraph(&rpc).await.neurons.iter().find(|n| n.hotkey == Ferdie.to_account_id()).expect("F").uid;
	let score_of = |uid: u16| {
		status["scores"].as_array().expect("scores").iter().find(|s| s["uid"] == uid).map(|s| s["score"].clone())
	};
	assert_eq!(score_of(ferdie_uid), Some(serde_json::json!(0)), "{status}");
	assert!(status["decisions"]
		.as_array()
		.expect("decisions")
		.iter()
		.any(|d| d["kind"] == "challenged" && d["uid"] == ferdie_uid));
	let bad = rpc
		.call::<serde_json::Value>("hearth_validatorStatus", vec![serde_json::json!(1), serde_json::json!("nobody")])
		.await
		.expect_err("a bad address is refused");
	assert_eq!(hearth_e2e::rpc::error_code(&bad), Some(9001), "{bad}");
	drop(miners);
}
