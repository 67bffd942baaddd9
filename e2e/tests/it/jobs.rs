//! The real all-MiniLM-L6-v2 on a dev node: Alice registers it on her subnet; Charlie,
//! a staked miner, signs receipts for Bob; a receipt whose trace is wrong from step 3
//! is proven wrong by Dave in one extrinsic carrying layer 3's real 1.8 MB chunk and
//! `x_2`, and Charlie is reported; an honest receipt challenged the same way costs Dave
//! its bond, which goes to Charlie; a receipt wrong from step 0 is proven with an
//! embeddings proof of the input's word rows. Prints each challenge's size, weight,
//! and the time the node took to build its block.

use std::time::Duration;

use codec::Encode;
use hearth_e2e::{
	first_finalized,
	node::{Node, NodeConfig, TempDir},
	rpc::Rpc,
	state, tx,
};
use hearth_engine::{
	activation::Activation,
	encode, encode_chunk, format,
	import::{minilm, quantize, safetensors::SafeTensors},
	CpuGemm, Model, Output, StepInput, PROFILE_DET_INT8,
};
use hearth_primitives::{receipt::request_key, Receipt, Served, SignedReceipt};
use hearth_runtime::{AccountId, Hash, RuntimeCall, RuntimeEvent, HTH};
use pallet_hearth_jobs::{Call as JobsCall, Event as JobsEvent, ReceiptProblem, StepInput as ChallengeInput, Subject};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave};

/// The real MiniLM from the setup script's cache, quantized; `None` (and a visible
/// skip) when it is missing and not required.
fn minilm() -> Option<Model> {
	let dir = minilm::cache_dir();
	let st = dir.join("model.safetensors");
	if !st.exists() {
		assert_ne!(
			std::env::var("HEARTH_REQUIRE_MODELS").as_deref(),
			Ok("1"),
			"{} is missing: run scripts/setup.sh",
			st.display()
		);
		eprintln!("SKIPPED: {} is missing (run scripts/setup.sh)", st.display());
		return None;
	}
	let (config, eps) =
		minilm::parse_config(&std::fs::read(dir.join("config.json")).expect("config.json")).expect("a BERT config");
	let bytes = std::fs::read(&st).expect("model.safetensors");
	let float =
		minilm::load_bert(&SafeTensors::parse(&bytes).expect("safetensors"), config, eps).expect("MiniLM's tensors");
	Some(Model::Bert(quantize::bert(&float).expect("MiniLM quantizes")))
}

/// Every step's activation, lying at step `lie_at` (one value changed, then carried on
/// from it as a miner that got that step wrong would).
fn activations(model: &Model, tokens: &[u32], lie_at: Option<usize>) -> Vec<Activation> {
	let backend = CpuGemm::default();
	let mut xs: Vec<Activation> = Vec::new();
	for (i, s) in model.steps().iter().enumerate() {
		let input = if i == 0 { StepInput::Tokens(tokens) } else { StepInput::Activation(&xs[i - 1]) };
		let x = hearth_engine::step(s, input, &backend).expect("the step runs");
		let x = if lie_at == Some(i) {
			let mut v = x.values().to_vec();
			v[0] += if v[0] > 0 { -1 } else { 1 };
			Activation::new(x.rows(), x.cols(), v).expect("still in range")
		} else {
			x
		};
		xs.push(x);
	}
	xs
}

/// Charlie's signed receipt of the run `xs` for Bob's request `nonce`, at `block`.
fn receipt(
	genesis: Hash,
	netuid: u16,
	model: [u8; 32],
	tokens: &[u32],
	xs: &[Activation],
	nonce: u64,
	block: u32,
) -> SignedReceipt<AccountId, hearth_runtime::Signature> {
	let trace: Vec<[u8; 32]> = xs.iter().enumerate().map(|(i, x)| x.trace_hash(i as u32)).collect();
	let out = Output { shape: vec![384], frac_bits: 12, values: xs.last().expect("steps").values().to_vec(), trace };
	let requester = Bob.to_account_id();
	let receipt = Receipt {
		genesis: genesis.0,
		netuid,
		miner: Charlie.to_account_id(),
		model,
		requester: requester.clone(),
		nonce,
		input_hash: hearth_engine::Input::Tokens(tokens).hash(),
		output_hash: out.hash(&request_key(&requester, nonce), &model, PROFILE_DET_INT8),
		trace: out.trace.clone().try_into().expect("8 steps"),
		served: Served::Probe,
		block,
	};
	let signature = Charlie.sign(&receipt.signing_payload()).into();
	SignedReceipt { receipt, signature }
}

fn job_events(events: &[state::EventRecord]) -> Vec<JobsEvent<hearth_runtime::Runtime>> {
	state::pallet_events(events, |e| match e {
		RuntimeEvent::Jobs(e) => Some(e.clone()),
		_ => None,
	})
}

async fn free(rpc: &Rpc, who: &AccountId, at: Hash) -> u128 {
	state::account(rpc, who, Some(at)).await.data.free
}

/// `x_{i-1}` as a challenge carries it.
fn previous(x: &Activation) -> ChallengeInput {
	ChallengeInput::Activation(x.encode().try_into().expect("within the bound"))
}

/// Dave challenges `signed` at `step` with its input and the step's weights; returns
/// the block it landed in, after printing its size, weight and the block's build time.
async fn challenge(
	node: &Node,
	rpc: &Rpc,
	ctx: &tx::ChainContext,
	signed: SignedReceipt<AccountId, hearth_runtime::Signature>,
	step: u32,
	input: ChallengeInput,
	chunk: Vec<u8>,
) -> Hash {
	let call = RuntimeCall::Jobs(JobsCall::challenge {
		subject: Subject::Receipt(signed),
		step,
		input,
		chunk: chunk.try_into().expect("within the bound"),
	});
	let nonce = tx::next_nonce(rpc, Dave).await;
	let xt = tx::sign(ctx, call, Dave, nonce);
	let at = tx::submit_and_watch(rpc, &xt, tx::Until::InBlock, Duration::from_secs(120)).await;
	let events = state::events(rpc, at).await;
	let weight = events.iter().find_map(|r| match &r.event {
		RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { dispatch_info })
			if dispatch_info.weight.ref_time() > 1_000_000_000 =>
		{
			Some(dispatch_info.weight)
		},
		_ => None,
	});
	let number = rpc.block_number(Some(at)).await.expect("its block");
	// The author's log line for the block: "Prepared block for proposing at N (T ms)".
	let marker = format!("Prepared block for proposing at {number} (");
	let built = hearth_e2e::wait_until("the block's authoring log line", Duration::from_secs(10), || {
		let line = node.log_tail(4_000).lines().find(|l| l.contains(&marker)).map(str::to_owned);
		async move { line }
	})
	.await;
	let built = built.split(&marker).nth(1).and_then(|l| l.split(')').next()).unwrap_or("?").to_owned();
	println!(
		"challenge of step {step}: extrinsic {} bytes, weight {:.1} ms charged, block #{number} built in {built}",
		xt.encode().len(),
		weight.map_or(f64::NAN, |w| w.ref_time() as f64 / 1e9),
	);
	at
}

#[tokio::test(flavor = "multi_thread")]
async fn minilm_on_chain_a_wrong_receipt_is_proven_and_an_honest_one_upheld() {
	let Some(model) = minilm() else { return };
	let file_bytes = encode(&model);
	let file = format::split(&file_bytes).expect("an encoded model splits");
	let model_id = file.id();

	let dir = TempDir::new("jobs");
	let node = Node::start(NodeConfig::new("jobs", dir.path(), &["--dev"]));
	let rpc = node.rpc();
	first_finalized(&rpc).await;
	let ctx = tx::ChainContext::fetch(&rpc).await;
	let (charlie, dave) = (Charlie.to_account_id(), Dave.to_account_id());

	// Alice runs subnet 1, registers MiniLM on it (at most 256 tokens), and makes
	// Charlie's key a staked miner there.
	let setup = RuntimeCall::Utility(pallet_utility::Call::batch_all {
		calls: vec![
			RuntimeCall::Subnets(pallet_hearth_subnets::Call::create_subnet { max_lock: 100 * HTH }),
			RuntimeCall::Jobs(JobsCall::register_model {
				netuid: 1,
				header: file.header.to_vec().try_into().expect("a header"),
				chunk_hashes: file.chunk_hashes().try_into().expect("8 hashes"),
				max_input: 256,
			}),
			RuntimeCall::Staking(tx::claim_hotkey(&ctx, Alice, Charlie)),
			RuntimeCall::Staking(pallet_hearth_staking::Call::add_stake { hotkey: charlie.clone(), amount: 100 * HTH }),
			RuntimeCall::Subnets(pallet_hearth_subnets::Call::register {
				netuid: 1,
				hotkey: charlie.clone(),
				max_burn: HTH,
			}),
		],
	});
	let registered = tx::send(&rpc, &ctx, Alice, setup).await;
	assert!(
		job_events(&state::events(&rpc, registered).await)
			.iter()
			.any(|e| matches!(e, JobsEvent::ModelRegistered { model, steps: 8, .. } if *model == model_id)),
		"MiniLM registered with its 8 steps"
	);

	// 128 tokens of a sentence-length request.
	let tokens: Vec<u32> = (0..128u32).map(|i| 101 + (i * 7919) % 29_000).collect();
	let honest = activations(&model, &tokens, None);
	let lying = activations(&model, &tokens, Some(3));
	let layer3 = encode_chunk(&model.steps()[3]);
	assert_eq!(layer3.len(), 1_799_825);

	// The wrong receipt: the runtime API says the chain would rule on it; Dave re-runs,
	// finds step 3 first differs, and proves it.
	let block = rpc.best_number().await.expect("best block");
	let wrong = receipt(ctx.genesis_hash, 1, model_id, &tokens, &lying, 1, block);
	let ok: Result<(), ReceiptProblem> = state::runtime_api(&rpc, "JobsApi_check_receipt", &wrong.encode(), None).await;
	assert_eq!(ok, Ok(()));
	let first_wrong =
		(0..8).find(|i| wrong.receipt.trace[*i] != honest[*i].trace_hash(*i as u32)).expect("a step differs");
	assert_eq!(first_wrong, 3);
	let at = challenge(&node, &rpc, &ctx, wrong.clone(), 3, previous(&honest[2]), layer3.clone()).await;
	let events = job_events(&state::events(&rpc, at).await);
	assert!(
		events.iter().any(|e| matches!(e, JobsEvent::ProvenWrong { miner, challenger, step: 3, .. }
			if *miner == charlie && *challenger == dave)),
		"proven wrong: {events:?}"
	);
	let reported = state::events(&rpc, at).await.iter().any(|r| {
		matches!(&r.event, RuntimeEvent::Slashing(pallet_hearth_slashing::Event::OffenceReported { offender, .. })
			if *offender == charlie)
	});
	assert!(reported, "Charlie's wrong result went to slashing");

	// The honest receipt: the same challenge finds Charlie right; Dave's bond is his.
	let block = rpc.best_number().await.expect("best block");
	let right = receipt(ctx.genesis_hash, 1, model_id, &tokens, &honest, 2, block);
	let before = free(&rpc, &charlie, at).await;
	let at = challenge(&node, &rpc, &ctx, right, 3, previous(&honest[2]), layer3).await;
	let events = job_events(&state::events(&rpc, at).await);
	let bond = events
		.iter()
		.find_map(|e| match e {
			JobsEvent::ChallengeFailed { miner, bond, .. } if *miner == charlie => Some(*bond),
			_ => None,
		})
		.unwrap_or_else(|| panic!("upheld: {events:?}"));
	assert_eq!(free(&rpc, &charlie, at).await, before + bond);

	// Wrong at step 0: the 12 MB embeddings chunk cannot travel, so Dave sends a proof
	// of the input's word rows with their Merkle paths.
	let block = rpc.best_number().await.expect("best block");
	let wrong0 = receipt(ctx.genesis_hash, 1, model_id, &tokens, &activations(&model, &tokens, Some(0)), 3, block);
	let proof = hearth_engine::proof::prove(&encode_chunk(&model.steps()[0]), &tokens).expect("an embeddings chunk");
	println!("embeddings proof of {} tokens: {} bytes", tokens.len(), proof.len());
	let input = ChallengeInput::Input(pallet_hearth_jobs::JobInput::Tokens(tokens.clone().try_into().expect("bound")));
	let at = challenge(&node, &rpc, &ctx, wrong0, 0, input, proof).await;
	let events = job_events(&state::events(&rpc, at).await);
	assert!(
		events.iter().any(|e| matches!(e, JobsEvent::ProvenWrong { step: 0, .. })),
		"proven wrong at step 0: {events:?}"
	);
}
