//! Every way a model file or an input can be refused, each with its exact error.

use hearth_engine::chunk::{KIND_BERT_POOLING, KIND_MLP_LAYER};
use hearth_engine::format::{split, ARCH_BERT, MAGIC};
use hearth_engine::import::{quantize, seeded};
use hearth_engine::model::Activation;
use hearth_engine::{decode, decode_chunk, encode, run, CpuGemm, InferError, Input, LoadError, Model};

fn mlp_bytes() -> Vec<u8> {
	encode(&Model::Mlp(quantize::mlp(&seeded::mlp(&[4, 3, 2], Activation::Relu, 9)).expect("a seeded MLP quantizes")))
}

fn bert_bytes() -> Vec<u8> {
	encode(&Model::Bert(quantize::bert(&seeded::bert(seeded::TINY, 2)).expect("a seeded BERT quantizes")))
}

/// Bytes of a version-2 BERT header with the given dimensions (no chunks).
fn bert_header(dims: [u32; 7]) -> Vec<u8> {
	let mut b = MAGIC.to_vec();
	b.extend_from_slice(&2u16.to_le_bytes());
	b.extend_from_slice(&[1, ARCH_BERT]);
	for d in dims {
		b.extend_from_slice(&d.to_le_bytes());
	}
	b
}

// The MLP 4 → 3 → 2: a 30-byte header (12 + input_dim + layers + 2 × (out_dim,
// activation)), then step 0's chunk: kind, inputs, outputs, activation (10 bytes),
// 3 row scales (9), 3 × 4 weights (12), 3 biases (12).
const CHUNK0: usize = 30;
const SCALES: usize = CHUNK0 + 10;
const WEIGHTS: usize = SCALES + 9;
const BIAS: usize = WEIGHTS + 12;

#[test]
fn every_truncation_is_named_never_a_panic() {
	for bytes in [mlp_bytes(), bert_bytes()] {
		for len in 0..bytes.len() {
			match decode(&bytes[..len]) {
				Err(LoadError::Truncated { needed, available, .. }) => assert!(needed > available),
				Err(LoadError::BadMagic) if len < 8 => {},
				other => panic!("prefix of {len} bytes: {other:?}"),
			}
		}
	}
	let bytes = mlp_bytes();
	let err = decode(&bytes[..bytes.len() - 2]).unwrap_err();
	assert_eq!(err.to_string(), "truncated model: step 1 chunk (mlp layer) needs 30 bytes but only 28 remain");
}

#[test]
fn trailing_bytes_are_refused() {
	let mut bytes = mlp_bytes();
	let len = bytes.len();
	bytes.push(0);
	assert_eq!(decode(&bytes), Err(LoadError::TrailingBytes { expected: len, actual: len + 1 }));
}

#[test]
fn header_errors() {
	let good = mlp_bytes();
	let mut b = good.clone();
	b[0] = b'X';
	assert_eq!(decode(&b), Err(LoadError::BadMagic));
	let mut b = good.clone();
	b[8] = 1;
	assert_eq!(decode(&b), Err(LoadError::FormatV1));
	assert!(LoadError::FormatV1.to_string().contains("re-run `hearth-worker model import`"));
	let mut b = good.clone();
	b[8] = 3;
	assert_eq!(decode(&b), Err(LoadError::UnsupportedVersion(3)));
	let mut b = good.clone();
	b[10] = 7;
	assert_eq!(decode(&b), Err(LoadError::UnknownProfile(7)));
	let mut b = good.clone();
	b[11] = 3;
	assert_eq!(decode(&b), Err(LoadError::UnknownArchitecture(3)));
	// MLP layer 0's activation tag sits after input_dim, layers and out_dim.
	let mut b = good.clone();
	b[24] = 9;
	let err = decode(&b).unwrap_err();
	assert_eq!(err, LoadError::UnknownActivation { at: "header mlp layer 0".into(), tag: 9 });
	assert_eq!(err.to_string(), "header mlp layer 0: unknown activation tag 9 (0 identity, 1 relu, 2 gelu)");
	let mut b = good;
	b[12..16].copy_from_slice(&0u32.to_le_bytes());
	assert_eq!(decode(&b), Err(LoadError::DimensionOutOfRange { field: "mlp input_dim", value: 0, min: 1, max: 4096 }));
}

#[test]
fn bert_dimension_errors() {
	let err = decode(&bert_header([100, 64, 2, 48, 2, 5, 96])).unwrap_err();
	assert_eq!(err, LoadError::Inconsistent("hidden 48 is not a multiple of heads 5".into()));
	let err = decode(&bert_header([100, 64, 2, 8192, 2, 4, 96])).unwrap_err();
	assert_eq!(err, LoadError::DimensionOutOfRange { field: "bert hidden", value: 8192, min: 1, max: 4096 });
	let err = decode(&bert_header([1 << 20, 4096, 2, 4096, 64, 64, 4096])).unwrap_err();
	assert!(matches!(err, LoadError::TooLarge { max: 1073741824, .. }), "{err:?}");
	assert!(err.to_string().starts_with("model too large"));
}

#[test]
fn chunk_errors_in_a_file_name_the_step() {
	let good = mlp_bytes();
	let mut b = good.clone();
	b[CHUNK0] = 9;
	assert_eq!(decode(&b), Err(LoadError::UnknownChunkKind(9)));
	let mut b = good.clone();
	b[CHUNK0] = KIND_BERT_POOLING;
	let err = decode(&b).unwrap_err();
	assert_eq!(err, LoadError::WrongChunk { step: 0, expected: KIND_MLP_LAYER, found: KIND_BERT_POOLING });
	assert_eq!(err.to_string(), "step 0: a bert mean pooling chunk where the header puts a mlp layer chunk");
	// The chunk says GELU where the header says ReLU: same length, other function.
	let mut b = good;
	b[CHUNK0 + 9] = 2;
	let err = decode(&b).unwrap_err();
	assert_eq!(err, LoadError::Inconsistent("step 0: the chunk's activation tag is 2, the header's 1".into()));
	// A BERT layer chunk whose heads differ from the header's.
	let bert = bert_bytes();
	let file = split(&bert).unwrap();
	let layer_at = file.header.len() + file.chunks[0].len();
	let mut b = bert.clone();
	b[layer_at + 5..layer_at + 9].copy_from_slice(&1u32.to_le_bytes());
	let err = decode(&b).unwrap_err();
	assert_eq!(
		err,
		LoadError::Inconsistent(format!("step 1: the chunk's heads is 1, the header's {}", seeded::TINY.heads))
	);
}

#[test]
fn tensor_content_errors() {
	let good = mlp_bytes();
	let mut b = good.clone();
	b[WEIGHTS + 5] = 0x80;
	assert_eq!(decode(&b), Err(LoadError::ForbiddenWeight { tensor: "step 0 linear.weight".into(), row: 1, col: 1 }));
	let mut b = good.clone();
	b[SCALES + 3..SCALES + 5].copy_from_slice(&100u16.to_le_bytes());
	assert_eq!(decode(&b), Err(LoadError::BadScale { tensor: "step 0 linear.weight".into(), row: 1, m: 100 }));
	let mut b = good;
	b[BIAS + 4..BIAS + 8].copy_from_slice(&(1i32 << 24).to_le_bytes());
	let err = decode(&b).unwrap_err();
	assert_eq!(err, LoadError::ValueOutOfRange { tensor: "step 0 linear.bias".into(), index: 1, value: 1 << 24 });
	assert_eq!(err.to_string(), "step 0 linear.bias[1] = 16777216 is outside the activation range ±8388607");
}

/// The runtime decodes a challenger's chunk alone: every fault named, never a panic.
#[test]
fn a_chunk_alone_is_refused_with_the_reason() {
	assert_eq!(decode_chunk(&[]), Err(LoadError::Truncated { what: "chunk kind".into(), needed: 1, available: 0 }));
	assert_eq!(decode_chunk(&[9, 0, 0]), Err(LoadError::UnknownChunkKind(9)));
	let mut pooling = vec![KIND_BERT_POOLING];
	pooling.extend_from_slice(&0u32.to_le_bytes());
	assert_eq!(
		decode_chunk(&pooling),
		Err(LoadError::DimensionOutOfRange { field: "pooling hidden", value: 0, min: 1, max: 4096 })
	);
	let bytes = mlp_bytes();
	let chunk = split(&bytes).unwrap().chunks[0].to_vec();
	assert!(decode_chunk(&chunk).is_ok());
	let mut longer = chunk.clone();
	longer.push(0);
	assert_eq!(decode_chunk(&longer), Err(LoadError::TrailingBytes { expected: chunk.len(), actual: chunk.len() + 1 }));
	let err = decode_chunk(&chunk[..chunk.len() - 1]).unwrap_err();
	assert_eq!(err.to_string(), "truncated model: chunk linear.bias needs 12 bytes but only 11 remain");
	// Arbitrary bytes after each kind tag: an error or a chunk, never a panic.
	let mut rng = seeded::SplitMix64::new(17);
	for kind in 0..6u8 {
		for len in [0usize, 3, 17, 64, 300] {
			let mut b = vec![kind];
			b.extend((0..len).map(|_| rng.token(256) as u8));
			let _ = decode_chunk(&b);
		}
	}
}

#[test]
fn input_errors() {
	let bert = decode(&bert_bytes()).unwrap();
	let mlp = decode(&mlp_bytes()).unwrap();
	let cpu = CpuGemm::new(1);
	assert_eq!(run(&bert, Input::Tokens(&[]), &cpu), Err(InferError::EmptyInput));
	assert_eq!(run(&bert, Input::Tokens(&[1; 41]), &cpu), Err(InferError::TooLong { len: 41, max: 40 }));
	let err = run(&bert, Input::Tokens(&[1, 97]), &cpu).unwrap_err();
	assert_eq!(err, InferError::TokenOutOfRange { index: 1, token: 97, vocab: 97 });
	assert_eq!(err.to_string(), "token 97 at position 1 is outside the vocabulary (size 97)");
	assert_eq!(run(&bert, Input::Features(&[1]), &cpu), Err(InferError::WrongInputKind("token ids")));
	assert_eq!(run(&mlp, Input::Tokens(&[1]), &cpu), Err(InferError::WrongInputKind("Q12 features")));
	assert_eq!(run(&mlp, Input::Features(&[1, 2]), &cpu), Err(InferError::WrongInputWidth { expected: 4, got: 2 }));
	assert_eq!(
		run(&mlp, Input::Features(&[0, 0, 1 << 23, 0]), &cpu),
		Err(InferError::FeatureOutOfRange { index: 2, value: 1 << 23 })
	);
	assert_eq!(run(&mlp, Input::Features(&[]), &cpu), Err(InferError::EmptyInput));
}
