//! The same bits whatever the thread count, the batch split or the encoding round
//! trip; and pinned output hashes for seeded models, so that any change to the
//! profile's arithmetic shows up here.

use hearth_engine::gemm::CpuGemm;
use hearth_engine::import::{quantize, seeded};
use hearth_engine::model::Activation;
use hearth_engine::{decode, encode, model_id, run, run_batch, Input, Model, Output, PROFILE_DET_INT8};

fn tiny_bert() -> Model {
	Model::Bert(quantize::bert(&seeded::bert(seeded::TINY, 1)).expect("a seeded BERT quantizes"))
}

fn mlp() -> Model {
	Model::Mlp(quantize::mlp(&seeded::mlp(&[16, 64, 64, 8], Activation::Gelu, 3)).expect("a seeded MLP quantizes"))
}

fn hex(h: [u8; 32]) -> String {
	h.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn one_thread_and_many_give_the_same_bits() {
	let model = Model::Bert(quantize::bert(&seeded::bert(seeded::MINILM, 11)).unwrap());
	let mut rng = seeded::SplitMix64::new(4);
	let seqs: Vec<Vec<u32>> =
		[128usize, 40, 7, 128, 1].iter().map(|n| (0..*n).map(|_| rng.token(seeded::MINILM.vocab)).collect()).collect();
	let inputs: Vec<Input<'_>> = seqs.iter().map(|s| Input::Tokens(s)).collect();
	let one: Vec<_> = inputs.iter().map(|i| run(&model, *i, &CpuGemm::new(1)).unwrap()).collect();
	for threads in [2, 3, 8] {
		// Threads inside every product...
		for (i, want) in inputs.iter().zip(&one) {
			assert_eq!(&run(&model, *i, &CpuGemm::new(threads)).unwrap(), want, "{threads} gemm threads");
		}
		// ...and sequences spread over threads.
		let batch: Vec<_> =
			run_batch(&model, &inputs, &CpuGemm::new(1), threads).into_iter().map(Result::unwrap).collect();
		assert_eq!(batch, one, "{threads} batch threads");
	}
}

#[test]
fn encoding_round_trips_byte_for_byte() {
	for model in [tiny_bert(), mlp()] {
		let bytes = encode(&model);
		let back = decode(&bytes).unwrap();
		assert_eq!(back, model);
		assert_eq!(encode(&back), bytes);
	}
}

/// The version-1 output hash (before format v2 and the trace), from the values: the
/// old pins still hold, so the arithmetic did not change with the formats.
fn v1_output_hash(out: &Output, job: &[u8; 32], v1_model: &str) -> String {
	let mut p = b"hearth-output-v1".to_vec();
	p.extend_from_slice(job);
	p.extend_from_slice(&unhex(v1_model));
	p.extend_from_slice(&[PROFILE_DET_INT8, 1, out.frac_bits, out.shape.len() as u8]);
	out.shape.iter().for_each(|d| p.extend_from_slice(&d.to_le_bytes()));
	out.values.iter().for_each(|v| p.extend_from_slice(&v.to_le_bytes()));
	hex(sp_crypto_hashing::blake2_256(&p))
}

fn unhex(s: &str) -> Vec<u8> {
	(0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect()
}

#[test]
fn seeded_outputs_are_pinned() {
	// Regenerating the arithmetic pins (V1_*_OUTPUT, from the values alone) means the
	// profile's arithmetic changed: every deployed model's outputs would change with
	// it. Bump the profile instead. The v2 pins change when the model format or the
	// output hash preimage does: format v2 (chunked identity) and output v2 (the
	// trace) replaced all four at once, with the values unchanged; the Merkle-hashed
	// word table of BERT's embeddings chunk (`proof`) replaced the BERT pins, the
	// outputs' values and the MLP's pins unchanged.
	let job = [7u8; 32];
	let bert = tiny_bert();
	let id = model_id(&encode(&bert)).unwrap();
	let out = run(&bert, Input::Tokens(&[1, 2, 3, 50, 96]), &CpuGemm::new(1)).unwrap();
	println!("tiny bert model {} output {}", hex(id), hex(out.hash(&job, &id, PROFILE_DET_INT8)));
	assert_eq!(v1_output_hash(&out, &job, V1_TINY_BERT_MODEL), V1_TINY_BERT_OUTPUT);
	assert_eq!(hex(id), TINY_BERT_MODEL);
	assert_eq!(hex(out.hash(&job, &id, PROFILE_DET_INT8)), TINY_BERT_OUTPUT);

	let mlp = mlp();
	let id = model_id(&encode(&mlp)).unwrap();
	let features: Vec<i32> = (0..16).map(|i| (i - 8) * 1000).collect();
	let out = run(&mlp, Input::Features(&features), &CpuGemm::new(1)).unwrap();
	println!("mlp model {} output {}", hex(id), hex(out.hash(&job, &id, PROFILE_DET_INT8)));
	assert_eq!(v1_output_hash(&out, &job, V1_MLP_MODEL), V1_MLP_OUTPUT);
	assert_eq!(hex(id), MLP_MODEL);
	assert_eq!(hex(out.hash(&job, &id, PROFILE_DET_INT8)), MLP_OUTPUT);
}

const V1_TINY_BERT_MODEL: &str = "6f271c962576ec60bbf5a0e9e17a5f8f7e83e499675ef98f49f75c5b444dd95c";
const V1_TINY_BERT_OUTPUT: &str = "959662f5fb1f2abb41ed298f739ae956296491de62b618c3f76482cfd4ac77f0";
const V1_MLP_MODEL: &str = "7cfc4509cab6384e0a5a21872f5573f3442f0b91d6f9852aac4490233fda6aa5";
const V1_MLP_OUTPUT: &str = "712df83d136e1d05615ee84c1fd584df93b14c74f37d25313f3c2448ff4c4d71";
const TINY_BERT_MODEL: &str = "3ffebec16ebdd297b3a2f51cb1fe384870b9b965f062a85e8cafdf8a156ae363";
const TINY_BERT_OUTPUT: &str = "cfcf6da2ad01715e31c6f8ea048c7f7ece3d50c3938a34cdf5c907c5019288ce";
const MLP_MODEL: &str = "5003d68110e93f2a702ec6f3acddeeebb74ad2ed2797419376030debf985891a";
const MLP_OUTPUT: &str = "beee56a404f0f20c6709462f53e1aff5e81d29b4046e5ce3efe201cd9f7ffed8";

#[test]
fn the_hash_binds_the_job_the_model_the_profile_and_every_trace_element() {
	let model = mlp();
	let features = [100i32; 16];
	let out = run(&model, Input::Features(&features), &CpuGemm::new(1)).unwrap();
	let (job, id) = ([1u8; 32], model_id(&encode(&model)).unwrap());
	let base = out.hash(&job, &id, PROFILE_DET_INT8);
	assert_ne!(out.hash(&[2u8; 32], &id, PROFILE_DET_INT8), base, "job id");
	assert_ne!(out.hash(&job, &[0u8; 32], PROFILE_DET_INT8), base, "model");
	assert_ne!(out.hash(&job, &id, 2), base, "profile");
	for i in 0..out.trace.len() {
		let mut other = out.clone();
		other.trace[i][31] ^= 1;
		assert_ne!(other.hash(&job, &id, PROFILE_DET_INT8), base, "trace element {i}");
	}
	let mut shorter = out.clone();
	shorter.trace.pop();
	assert_ne!(shorter.hash(&job, &id, PROFILE_DET_INT8), base, "step count");
	// The values enter through the last trace element.
	assert!(out.values_match_trace());
	let mut other = out.clone();
	other.values[3] ^= 1;
	assert!(!other.values_match_trace(), "values");
	let mut other = out.clone();
	other.values.push(0);
	assert!(!other.values_match_trace(), "shape");
	// The preimage is exactly the documented layout.
	let p = out.hash_preimage(&job, &id, PROFILE_DET_INT8);
	assert_eq!(&p[..16], b"hearth-output-v2");
	assert_eq!(&p[16..48], &job);
	assert_eq!(&p[48..80], &id);
	assert_eq!(p[80], PROFILE_DET_INT8);
	assert_eq!(&p[81..85], &3u32.to_le_bytes());
	assert_eq!(p.len(), 85 + 32 * 3);
	assert_eq!(&p[85..117], &out.trace[0]);
	assert_eq!(&p[149..181], &out.trace[2]);
}
