//! A model run step by step is the whole run bit for bit, each step needs only its own
//! chunk and the previous activation (both sent as bytes), the trace hashes each step,
//! and a corrupted chunk, activation or trace element is detected.

use hearth_engine::activation::Activation;
use hearth_engine::format::{identity, split};
use hearth_engine::gemm::CpuGemm;
use hearth_engine::import::{quantize, seeded};
use hearth_engine::model::Activation as Nonlinearity;
use hearth_engine::{
	decode_chunk, encode, encode_chunk, model_id, run, run_with, step, InferError, Input, Model, StepInput,
	PROFILE_DET_INT8,
};

fn models() -> Vec<(&'static str, Model, Vec<Vec<u32>>, Vec<Vec<i32>>)> {
	let tiny = Model::Bert(quantize::bert(&seeded::bert(seeded::TINY, 1)).expect("a seeded BERT quantizes"));
	let minilm = Model::Bert(quantize::bert(&seeded::bert(seeded::MINILM, 11)).expect("a seeded MiniLM quantizes"));
	let mlp = Model::Mlp(
		quantize::mlp(&seeded::mlp(&[16, 64, 64, 8], Nonlinearity::Gelu, 3)).expect("a seeded MLP quantizes"),
	);
	let mut rng = seeded::SplitMix64::new(5);
	let mut seqs = |vocab: u32, lens: &[usize]| -> Vec<Vec<u32>> {
		lens.iter().map(|n| (0..*n).map(|_| rng.token(vocab)).collect()).collect()
	};
	let tiny_seqs = seqs(seeded::TINY.vocab, &[1, 5, 16]);
	let minilm_seqs = seqs(seeded::MINILM.vocab, &[9]);
	let features: Vec<Vec<i32>> = (0..3).map(|k| (0..16i32).map(|i| i * 977 + k * 4096 - 8000).collect()).collect();
	vec![
		("tiny bert", tiny, tiny_seqs, Vec::new()),
		("minilm shape", minilm, minilm_seqs, Vec::new()),
		("mlp", mlp, Vec::new(), features),
	]
}

fn inputs<'a>(seqs: &'a [Vec<u32>], features: &'a [Vec<i32>]) -> Vec<Input<'a>> {
	seqs.iter().map(|s| Input::Tokens(s)).chain(features.iter().map(|f| Input::Features(f))).collect()
}

#[test]
fn every_step_alone_from_its_chunk_bytes_gives_the_runs_trace_and_output() {
	let cpu = CpuGemm::new(1);
	for (label, model, seqs, features) in models() {
		let steps = model.steps();
		// Each step's weights as the runtime gets them: bytes, decoded alone.
		let chunks: Vec<_> =
			steps.iter().map(|s| decode_chunk(&encode_chunk(s)).expect("a chunk decodes alone")).collect();
		for input in inputs(&seqs, &features) {
			let mut visited = Vec::new();
			let whole = run_with(&model, input, &cpu, |i, x| visited.push((i, x.clone()))).expect("runs");
			assert_eq!(whole, run(&model, input, &cpu).expect("runs"), "{label}: run is run_with, nothing visited");
			assert_eq!(whole.trace.len(), steps.len(), "{label}: one trace element per step");
			assert!(whole.values_match_trace(), "{label}: the last trace element hashes the values");
			let mut prev: Option<Activation> = match input {
				Input::Features(f) => Some(Activation::new(1, f.len() as u32, f.to_vec()).expect("in range")),
				Input::Tokens(_) => None,
			};
			for (i, chunk) in chunks.iter().enumerate() {
				let x = match (&prev, input) {
					(Some(p), _) => {
						let received = Activation::decode(&p.encode()).expect("canonical bytes");
						step(&chunk.step(), StepInput::Activation(&received), &cpu).expect("the step runs")
					},
					(None, Input::Tokens(t)) => step(&chunk.step(), StepInput::Tokens(t), &cpu).expect("the step runs"),
					(None, Input::Features(_)) => unreachable!("an MLP starts from its features"),
				};
				assert_eq!(x.trace_hash(i as u32), whole.trace[i], "{label}: step {i} alone gives its trace element");
				assert_eq!(visited[i], (i as u32, x.clone()), "{label}: the run visits step {i}'s activation");
				prev = Some(x);
			}
			assert_eq!(prev.expect("at least one step").values(), &whole.values[..]);
		}
	}
}

#[test]
fn the_identity_is_the_chunk_list_and_a_corrupted_chunk_changes_only_its_own_hash() {
	for (label, model, _, _) in models() {
		let bytes = encode(&model);
		let file = split(&bytes).expect("cuts");
		let hashes = file.chunk_hashes();
		assert_eq!(hashes.len(), model.steps().len(), "{label}: one chunk per step");
		let header = file.header_hash();
		assert_eq!(model_id(&bytes).unwrap(), identity(&header, &hashes), "{label}: the id is the hash list's");
		for (i, c) in model.steps().iter().enumerate() {
			assert_eq!(encode_chunk(c), file.chunks[i], "{label}: chunk {i} is the step's encoding");
		}
		// Flip one byte inside each chunk in turn: that chunk's hash and the id change,
		// no other chunk's does.
		let mut at = file.header.len();
		for (i, chunk) in file.chunks.iter().enumerate() {
			let mut corrupted = bytes.clone();
			corrupted[at + chunk.len() / 2] ^= 1;
			let cut = split(&corrupted).expect("same lengths");
			let changed: Vec<usize> = cut
				.chunk_hashes()
				.iter()
				.zip(&hashes)
				.enumerate()
				.filter(|(_, (a, b))| a != b)
				.map(|(j, _)| j)
				.collect();
			assert_eq!(changed, vec![i], "{label}: only chunk {i}'s hash changes");
			assert_ne!(cut.id(), file.id(), "{label}: the id changes with chunk {i}");
			at += chunk.len();
		}
	}
}

#[test]
fn a_corrupted_activation_or_trace_element_is_detected() {
	let cpu = CpuGemm::new(1);
	let (_, bert, seqs, _) = models().remove(0);
	let input = Input::Tokens(&seqs[1]);
	let mut acts = Vec::new();
	let out = run_with(&bert, input, &cpu, |_, x| acts.push(x.clone())).unwrap();
	let steps = bert.steps();
	// A challenger's x_{i-1} with one value off: its hash is not the miner's t_{i-1}, and
	// the step it feeds does not reproduce t_i.
	let mut values = acts[1].values().to_vec();
	values[3] += 1;
	let off = Activation::new(acts[1].rows(), acts[1].cols(), values).unwrap();
	assert_ne!(off.trace_hash(1), out.trace[1]);
	let x = step(&steps[2], StepInput::Activation(&off), &cpu).unwrap();
	assert_ne!(x.trace_hash(2), out.trace[2]);
	// A changed trace element changes the output hash; changed values no longer match it.
	let (job, id) = ([7u8; 32], model_id(&encode(&bert)).unwrap());
	let hash = out.hash(&job, &id, PROFILE_DET_INT8);
	for i in 0..out.trace.len() {
		let mut forged = out.clone();
		forged.trace[i][0] ^= 1;
		assert_ne!(forged.hash(&job, &id, PROFILE_DET_INT8), hash, "trace element {i} is bound");
	}
	let mut forged = out.clone();
	forged.values[0] += 1;
	assert!(!forged.values_match_trace(), "values that the last element does not hash are caught");
	assert_ne!(out.hash(&[8u8; 32], &id, PROFILE_DET_INT8), hash, "the job is bound");
}

#[test]
fn a_step_refuses_the_wrong_input_with_the_reason() {
	let cpu = CpuGemm::new(1);
	let (_, bert, _, _) = models().remove(0);
	let steps = bert.steps();
	let wrong = Activation::new(2, 3, vec![0; 6]).expect("valid");
	let hidden = seeded::TINY.hidden;
	assert_eq!(
		step(&steps[1], StepInput::Activation(&wrong), &cpu),
		Err(InferError::WrongActivationShape { rows: 2, cols: 3, expected_cols: hidden })
	);
	assert_eq!(step(&steps[0], StepInput::Activation(&wrong), &cpu), Err(InferError::WrongInputKind("token ids")));
	assert_eq!(
		step(&steps[1], StepInput::Tokens(&[1, 2]), &cpu),
		Err(InferError::WrongInputKind("the previous step's activation"))
	);
	let vocab = seeded::TINY.vocab;
	assert_eq!(
		step(&steps[0], StepInput::Tokens(&[vocab]), &cpu),
		Err(InferError::TokenOutOfRange { index: 0, token: vocab, vocab })
	);
	assert_eq!(run(&bert, Input::Features(&[1]), &cpu), Err(InferError::WrongInputKind("token ids")));
}
