//! Embeddings proofs: a challenge of BERT's step 0 carries its tokens' word rows with
//! their Merkle paths, and the step run from the proof is the step run from the whole
//! chunk.

use hearth_engine::gemm::CpuGemm;
use hearth_engine::import::{quantize, seeded};
use hearth_engine::model::BertConfig;
use hearth_engine::proof::{proof_len, prove, EmbeddingsProof};
use hearth_engine::{encode, encode_chunk, format, InferError, Model, StepInput};

fn bert(config: BertConfig, seed: u64) -> Model {
	Model::Bert(quantize::bert(&seeded::bert(config, seed)).expect("a seeded BERT quantizes"))
}

/// Vocabularies of 1 (no path), 2, an odd 97 (carried nodes) and 1000.
fn models() -> Vec<Model> {
	[1u32, 2, 97, 1000]
		.iter()
		.map(|vocab| bert(BertConfig { vocab: *vocab, ..seeded::TINY }, u64::from(*vocab)))
		.collect()
}

fn embeddings_chunk(model: &Model) -> Vec<u8> {
	encode_chunk(&model.steps()[0])
}

#[test]
fn a_proof_runs_step_zero_exactly_and_hashes_to_the_registered_chunk() {
	for model in models() {
		let chunk = embeddings_chunk(&model);
		let file_bytes = encode(&model);
		let file = format::split(&file_bytes).unwrap();
		let Model::Bert(b) = &model else { unreachable!() };
		let vocab = b.config.vocab;
		let mut rng = seeded::SplitMix64::new(vocab.into());
		let tokens: Vec<u32> = (0..20).map(|_| rng.token(vocab)).collect();
		let proof = prove(&chunk, &tokens).unwrap();
		let decoded = EmbeddingsProof::decode(&proof).unwrap();
		assert_eq!(decoded.chunk_hash(), file.chunk_hashes()[0], "vocab {vocab}");
		assert_eq!(decoded.chunk_hash(), format::chunk_hash(&chunk));
		let whole = hearth_engine::step(&model.steps()[0], StepInput::Tokens(&tokens), &CpuGemm::default()).unwrap();
		assert_eq!(decoded.run(&tokens).unwrap(), whole, "vocab {vocab}");
		let c = &b.config;
		let distinct = decoded.tokens().len() as u32;
		assert!(proof.len() as u64 <= proof_len(c.vocab, c.max_positions, c.type_vocab, c.hidden, distinct));
	}
}

#[test]
fn a_proof_is_much_smaller_than_the_chunk() {
	let model = bert(BertConfig { vocab: 30522, max_positions: 64, hidden: 48, ..seeded::TINY }, 5);
	let chunk = embeddings_chunk(&model);
	let tokens: Vec<u32> = (0..64).map(|i| i * 401).collect();
	let proof = prove(&chunk, &tokens).unwrap();
	assert!(proof.len() * 20 < chunk.len(), "{} of {}", proof.len(), chunk.len());
	assert_eq!(proof.len() as u64, proof_len(30522, 64, 2, 48, 64));
}

#[test]
fn a_tampered_proof_is_refused_or_hashes_elsewhere() {
	let model = &models()[2];
	let chunk = embeddings_chunk(model);
	let want = format::chunk_hash(&chunk);
	let tokens = [3u32, 50, 96];
	let proof = prove(&chunk, &tokens).unwrap();
	// Every single-byte change is refused, or decodes to another chunk's hash.
	for at in (0..proof.len()).step_by(7) {
		let mut bad = proof.clone();
		bad[at] ^= 0x01;
		if let Ok(p) = EmbeddingsProof::decode(&bad) {
			assert_ne!(p.chunk_hash(), want, "byte {at} changed and still matched");
		}
	}
	// Truncated, extended.
	assert!(EmbeddingsProof::decode(&proof[..proof.len() - 1]).is_err());
	let mut longer = proof.clone();
	longer.push(0);
	assert!(EmbeddingsProof::decode(&longer).is_err());
	// A token the proof does not carry.
	let p = EmbeddingsProof::decode(&proof).unwrap();
	assert_eq!(p.run(&[3, 4]), Err(InferError::TokenNotProven { index: 1, token: 4 }));
	// Not an embeddings chunk; a token outside the vocabulary.
	assert!(prove(&encode_chunk(&model.steps()[1]), &tokens).is_err());
	assert!(prove(&chunk, &[97]).is_err());
}

#[test]
fn other_chunks_hash_their_bytes_whole() {
	let model = &models()[2];
	for step in 1..model.steps().len() {
		let bytes = encode_chunk(&model.steps()[step]);
		assert_eq!(format::chunk_hash(&bytes), sp_crypto_hashing::blake2_256(&bytes));
	}
	assert_ne!(format::chunk_hash(&embeddings_chunk(model)), sp_crypto_hashing::blake2_256(&embeddings_chunk(model)));
}
