//! The jobs pallet's tests, one module per topic; the helpers below serve them all:
//! seeded engine models, their registration, honest and lying miners, and
//! challengers.

use crate::{mock::*, pallet::*, types::*};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect, BoundedVec};
use hearth_engine::activation::Activation;
use hearth_engine::import::{quantize, seeded};
use hearth_engine::model::Activation as Act;
use hearth_engine::{encode, encode_chunk, format, CpuGemm, Model, Output, PROFILE_DET_INT8};
use hearth_primitives::{receipt::job_key, ModelId, Receipt, Served, SignedReceipt, Trace};
use sp_runtime::testing::TestSignature;

mod conservation;
mod disputes;
mod jobs;
mod models;
mod receipts;

/// The seeded tiny BERT (vocab 97, 40 positions, hidden 48, 2 layers: 4 steps).
fn tiny_bert() -> Model {
	Model::Bert(quantize::bert(&seeded::bert(seeded::TINY, 1)).expect("a seeded BERT quantizes"))
}

/// A seeded MLP 16 → 64 → 64 → 8 with GELU (3 steps).
fn mlp() -> Model {
	Model::Mlp(quantize::mlp(&seeded::mlp(&[16, 64, 64, 8], Act::Gelu, 3)).expect("a seeded MLP quantizes"))
}

/// A model's header and chunk hashes, as a subnet owner registers them.
fn registration(model: &Model) -> (Header, ChunkHashes) {
	let bytes = encode(model);
	let file = format::split(&bytes).expect("an encoded model splits");
	(Header::truncate_from(file.header.to_vec()), ChunkHashes::truncate_from(file.chunk_hashes()))
}

/// The model's identity.
fn id_of(model: &Model) -> ModelId {
	format::model_id(&encode(model)).expect("an encoded model has an id")
}

/// OWNER registers `model` on subnet 1 with `max_input`; returns its id.
fn register(model: &Model, max_input: u32) -> ModelId {
	let (header, hashes) = registration(model);
	assert_ok!(Jobs::register_model(RuntimeOrigin::signed(OWNER), NETUID, header, hashes, max_input));
	id_of(model)
}

/// What a challenge of step `i` carries as its weights: the chunk, or for BERT's step
/// 0 a proof of every word row (the tests' vocabulary is small).
fn chunk(model: &Model, i: usize) -> ChunkBytes {
	let bytes = encode_chunk(&model.steps()[i]);
	match model {
		Model::Bert(b) if i == 0 => proof(&bytes, &(0..b.config.vocab).collect::<Vec<_>>()),
		_ => ChunkBytes::truncate_from(bytes),
	}
}

/// An embeddings proof of `tokens`' rows of the embeddings chunk `bytes`.
fn proof(bytes: &[u8], tokens: &[u32]) -> ChunkBytes {
	ChunkBytes::truncate_from(hearth_engine::proof::prove(bytes, tokens).expect("an embeddings chunk"))
}

fn tokens(ids: &[u32]) -> JobInput {
	JobInput::Tokens(BoundedVec::truncate_from(ids.to_vec()))
}

fn features(values: &[i32]) -> JobInput {
	JobInput::Features(BoundedVec::truncate_from(values.to_vec()))
}

/// Sixteen Q12 features for the MLP.
fn mlp_input() -> JobInput {
	features(&(0..16).map(|i| (i - 8) * 700).collect::<Vec<_>>())
}

/// A run step by step: every activation and the trace. With `lie_at = Some(k)`, the
/// miner changes one value of `x_k` and carries on from it, as a miner that got step
/// `k` wrong would: its trace is right before `k` and wrong from `k` on.
struct Run {
	activations: Vec<Activation>,
	trace: Vec<[u8; 32]>,
}

impl Run {
	fn of(model: &Model, input: &JobInput, lie_at: Option<usize>) -> Run {
		let backend = CpuGemm::default();
		let mut activations: Vec<Activation> = Vec::new();
		for (i, s) in model.steps().iter().enumerate() {
			let x = match (i, input) {
				(0, JobInput::Tokens(t)) => hearth_engine::step(s, hearth_engine::StepInput::Tokens(t), &backend),
				(0, JobInput::Features(f)) => {
					let x = Activation::new(1, f.len() as u32, f.to_vec()).expect("features in range");
					hearth_engine::step(s, hearth_engine::StepInput::Activation(&x), &backend)
				},
				_ => hearth_engine::step(s, hearth_engine::StepInput::Activation(&activations[i - 1]), &backend),
			}
			.expect("the step runs");
			let x = if lie_at == Some(i) {
				let mut v = x.values().to_vec();
				v[0] = if v[0] > 0 { v[0] - 1 } else { v[0] + 1 };
				Activation::new(x.rows(), x.cols(), v).expect("still in range")
			} else {
				x
			};
			activations.push(x);
		}
		let trace = activations.iter().enumerate().map(|(i, x)| x.trace_hash(i as u32)).collect();
		Run { activations, trace }
	}

	fn trace(&self) -> Trace {
		Trace::truncate_from(self.trace.clone())
	}

	fn output(&self) -> BoundedVec<i32, frame_support::traits::ConstU32<MAX_OUTPUT_LEN>> {
		BoundedVec::truncate_from(self.activations.last().expect("a step").values().to_vec())
	}

	/// What a challenger sends as step `i`'s input.
	fn step_input(&self, input: &JobInput, i: usize) -> StepInput {
		if i == 0 {
			StepInput::Input(input.clone())
		} else {
			StepInput::Activation(ActivationBytes::truncate_from(self.activations[i - 1].encode()))
		}
	}

	/// The output hash of this run as the answer to `job_id`.
	fn output_hash(&self, job_id: &[u8; 32], model: &ModelId) -> [u8; 32] {
		Output { shape: vec![], frac_bits: 12, values: vec![], trace: self.trace.clone() }.hash(
			job_id,
			model,
			PROFILE_DET_INT8,
		)
	}
}

/// TENANT posts a job under LEASE (M1 answers at once); returns its id.
fn post_leased(model: ModelId, input: JobInput, fee: Balance) -> JobId {
	let id = NextJobId::<Test>::get();
	assert_ok!(Jobs::post_job(RuntimeOrigin::signed(TENANT), NETUID, model, input, fee, 10, Some(LEASE)));
	id
}

/// M1 answers job `id` with `run`.
fn answer(id: JobId, run: &Run) {
	assert_ok!(Jobs::submit_result(RuntimeOrigin::signed(M1), id, run.output(), run.trace()));
}

/// M1's signed receipt of `run` for TENANT's request `nonce` under LEASE, at block 1.
fn receipt(model: ModelId, input: &JobInput, run: &Run, nonce: u64) -> SignedReceiptOf<Test> {
	let request = hearth_primitives::receipt::request_key(&TENANT, nonce);
	let r = Receipt {
		genesis: [0x42; 32],
		netuid: NETUID,
		miner: M1,
		model,
		requester: TENANT,
		nonce,
		input_hash: input.hash(),
		output_hash: run.output_hash(&request, &model),
		trace: run.trace(),
		served: Served::Lease(LEASE),
		block: 1,
	};
	sign(r)
}

/// `r` signed by its miner.
fn sign(r: Receipt<AccountId>) -> SignedReceiptOf<Test> {
	let signature = TestSignature(r.miner, r.signing_payload());
	SignedReceipt { receipt: r, signature }
}

fn balance(who: AccountId) -> Balance {
	Balances::balance(&who)
}

/// CHALLENGER challenges `subject` at step `i` with the honest run's evidence.
fn challenge(
	subject: SubjectOf<Test>,
	model: &Model,
	honest: &Run,
	input: &JobInput,
	i: usize,
) -> sp_runtime::DispatchResultWithInfo<frame_support::dispatch::PostDispatchInfo> {
	Jobs::challenge(RuntimeOrigin::signed(CHALLENGER), subject, i as u32, honest.step_input(input, i), chunk(model, i))
}
