//! GPU against CPU, bit for bit, on every test model. Without a usable GPU the test
//! prints why and passes as skipped (nextest shows its output: see
//! `.config/nextest.toml`).
#![cfg(feature = "cuda")]

mod common;

use hearth_engine::cuda::{probe, CudaGemm};
use hearth_engine::import::{quantize, seeded};
use hearth_engine::model::Activation;
use hearth_engine::{run, CpuGemm, Input, Model};

fn compare(label: &str, model: &Model, inputs: &[Input<'_>]) {
	let gpu = CudaGemm::new(0, &model.gemm_weights()).expect("CUDA backend");
	let cpu = CpuGemm::new(2);
	for (i, input) in inputs.iter().enumerate() {
		let want = run(model, *input, &cpu).expect("cpu");
		let got = run(model, *input, &gpu).expect("gpu");
		assert_eq!(got, want, "{label}, input {i}: GPU and CPU differ");
	}
	println!("{label}: {} inputs, GPU == CPU bit for bit", inputs.len());
}

#[test]
fn gpu_and_cpu_give_the_same_bits_on_every_test_model() {
	let info = match probe() {
		Ok(info) => info,
		Err(reason) => {
			println!("SKIPPED gpu == cpu bit-equality: no usable GPU: {reason}");
			eprintln!("SKIPPED gpu == cpu bit-equality: no usable GPU: {reason}");
			return;
		},
	};
	println!(
		"GPU: {} (compute {}.{}), {} device(s)",
		info.name, info.compute_capability.0, info.compute_capability.1, info.devices
	);
	let mut rng = seeded::SplitMix64::new(21);
	let mut seqs = |vocab: u32, lens: &[usize]| -> Vec<Vec<u32>> {
		lens.iter().map(|n| (0..*n).map(|_| rng.token(vocab)).collect()).collect()
	};

	let mlp = Model::Mlp(quantize::mlp(&seeded::mlp(&[16, 64, 64, 8], Activation::Gelu, 3)).unwrap());
	let features: Vec<Vec<i32>> =
		(0..4).map(|s| (0..16).map(|i| (i * 977 + s * 131) % 9000 - 4500).collect()).collect();
	compare("mlp", &mlp, &features.iter().map(|f| Input::Features(f)).collect::<Vec<_>>());

	let tiny = Model::Bert(quantize::bert(&seeded::bert(seeded::TINY, 1)).unwrap());
	let tiny_seqs = seqs(seeded::TINY.vocab, &[1, 5, 17, 40]);
	compare("tiny bert", &tiny, &tiny_seqs.iter().map(|s| Input::Tokens(s)).collect::<Vec<_>>());

	let minilm_shape = Model::Bert(quantize::bert(&seeded::bert(seeded::MINILM, 7)).unwrap());
	let shape_seqs = seqs(seeded::MINILM.vocab, &[3, 128]);
	compare("seeded MiniLM shape", &minilm_shape, &shape_seqs.iter().map(|s| Input::Tokens(s)).collect::<Vec<_>>());

	if let Some((_, q)) = common::minilm() {
		let real = Model::Bert(q);
		let seqs = common::sequences();
		compare("all-MiniLM-L6-v2", &real, &seqs.iter().map(|s| Input::Tokens(s)).collect::<Vec<_>>());
	}
}

#[test]
fn the_probe_never_panics_and_explains_a_fallback() {
	match probe() {
		Ok(info) => assert!(info.devices >= 1),
		Err(reason) => {
			assert!(!reason.is_empty());
			println!("fallback reason: {reason}");
		},
	}
}
