//! The same bits whatever the thread count, the batch split or the encoding round
//! trip; and pinned output hashes for seeded models, so that any change to the
//! profile's arithmetic shows up here.

use hearth_engine::gemm::CpuGemm;
use hearth_engine::import::{quantize, seeded};
use hearth_engine::model::Activation;
use hearth_engine::{decode, encode, model_hash, run, run_batch, Input, Model, PROFILE_DET_INT8};

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

#[test]
fn seeded_outputs_are_pinned() {
	// Regenerating these means the profile's arithmetic changed: every deployed
	// model's outputs would change with it. Bump the profile instead.
	let job = [7u8; 32];
	let bert = tiny_bert();
	let bert_bytes = encode(&bert);
	let out = run(&bert, Input::Tokens(&[1, 2, 3, 50, 96]), &CpuGemm::new(1)).unwrap();
	println!(
		"tiny bert model {} output {}",
		hex(model_hash(&bert_bytes)),
		hex(out.hash(&job, &model_hash(&bert_bytes), PROFILE_DET_INT8))
	);
	assert_eq!(hex(model_hash(&bert_bytes)), TINY_BERT_MODEL);
	assert_eq!(hex(out.hash(&job, &model_hash(&bert_bytes), PROFILE_DET_INT8)), TINY_BERT_OUTPUT);

	let mlp = mlp();
	let mlp_bytes = encode(&mlp);
	let features: Vec<i32> = (0..16).map(|i| (i - 8) * 1000).collect();
	let out = run(&mlp, Input::Features(&features), &CpuGemm::new(1)).unwrap();
	println!(
		"mlp model {} output {}",
		hex(model_hash(&mlp_bytes)),
		hex(out.hash(&job, &model_hash(&mlp_bytes), PROFILE_DET_INT8))
	);
	assert_eq!(hex(model_hash(&mlp_bytes)), MLP_MODEL);
	assert_eq!(hex(out.hash(&job, &model_hash(&mlp_bytes), PROFILE_DET_INT8)), MLP_OUTPUT);
}

const TINY_BERT_MODEL: &str = "6f271c962576ec60bbf5a0e9e17a5f8f7e83e499675ef98f49f75c5b444dd95c";
const TINY_BERT_OUTPUT: &str = "959662f5fb1f2abb41ed298f739ae956296491de62b618c3f76482cfd4ac77f0";
const MLP_MODEL: &str = "7cfc4509cab6384e0a5a21872f5573f3442f0b91d6f9852aac4490233fda6aa5";
const MLP_OUTPUT: &str = "712df83d136e1d05615ee84c1fd584df93b14c74f37d25313f3c2448ff4c4d71";

#[test]
fn the_hash_binds_every_field() {
	let model = mlp();
	let features = [100i32; 16];
	let out = run(&model, Input::Features(&features), &CpuGemm::new(1)).unwrap();
	let (job, mh) = ([1u8; 32], model_hash(&encode(&model)));
	let base = out.hash(&job, &mh, PROFILE_DET_INT8);
	assert_ne!(out.hash(&[2u8; 32], &mh, PROFILE_DET_INT8), base, "job id");
	assert_ne!(out.hash(&job, &[0u8; 32], PROFILE_DET_INT8), base, "model");
	assert_ne!(out.hash(&job, &mh, 2), base, "profile");
	let mut other = out.clone();
	other.shape = vec![2, 4];
	assert_ne!(other.hash(&job, &mh, PROFILE_DET_INT8), base, "shape");
	let mut other = out.clone();
	other.frac_bits = 11;
	assert_ne!(other.hash(&job, &mh, PROFILE_DET_INT8), base, "scale");
	let mut other = out.clone();
	other.values[3] ^= 1;
	assert_ne!(other.hash(&job, &mh, PROFILE_DET_INT8), base, "values");
	// The preimage is exactly the documented layout.
	let p = out.hash_preimage(&job, &mh, PROFILE_DET_INT8);
	assert_eq!(&p[..16], b"hearth-output-v1");
	assert_eq!(&p[16..48], &job);
	assert_eq!(&p[48..80], &mh);
	assert_eq!(&p[80..84], &[1, 1, 12, 1]);
	assert_eq!(&p[84..88], &8u32.to_le_bytes());
	assert_eq!(p.len(), 88 + 4 * 8);
	assert_eq!(&p[88..92], &out.values[0].to_le_bytes());
}
