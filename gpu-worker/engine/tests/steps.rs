//! A model run step by step is the whole run bit for bit, each step needs only its own
//! weights and the previous activation (sent as bytes), and the trace hashes each step.

use hearth_engine::activation::Activation;
use hearth_engine::gemm::CpuGemm;
use hearth_engine::import::{quantize, seeded};
use hearth_engine::model::Activation as Nonlinearity;
use hearth_engine::{run, run_traced, step, InferError, Input, Model, StepInput};

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

#[test]
fn every_step_in_order_is_the_run_bit_for_bit_and_the_trace_hashes_each_step() {
	let cpu = CpuGemm::new(1);
	for (label, model, seqs, features) in models() {
		let inputs: Vec<Input<'_>> =
			seqs.iter().map(|s| Input::Tokens(s)).chain(features.iter().map(|f| Input::Features(f))).collect();
		for input in inputs {
			let whole = run(&model, input, &cpu).expect("runs");
			let traced = run_traced(&model, input, &cpu).expect("runs step by step");
			assert_eq!(traced.output, whole, "{label}: the steps give the run's output");
			let steps = model.steps();
			assert_eq!(traced.trace.len(), steps.len(), "{label}: one trace element per step");
			// Each step again, alone, from the previous activation sent as bytes.
			let mut prev: Option<Activation> = match input {
				Input::Features(f) => Some(Activation::new(1, f.len() as u32, f.to_vec()).expect("in range")),
				Input::Tokens(_) => None,
			};
			for (i, s) in steps.iter().enumerate() {
				let x = match (&prev, input) {
					(Some(p), _) => {
						let received = Activation::decode(&p.encode()).expect("canonical bytes");
						step(s, StepInput::Activation(&received), &cpu).expect("the step runs")
					},
					(None, Input::Tokens(t)) => step(s, StepInput::Tokens(t), &cpu).expect("the step runs"),
					(None, Input::Features(_)) => unreachable!("an MLP starts from its features"),
				};
				assert_eq!(x.trace_hash(i as u32), traced.trace[i], "{label}: step {i} alone gives its trace element");
				prev = Some(x);
			}
			assert_eq!(prev.expect("at least one step").values(), &whole.values[..]);
		}
	}
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
	assert_eq!(run_traced(&bert, Input::Features(&[1]), &cpu), Err(InferError::WrongInputKind("token ids")));
}
