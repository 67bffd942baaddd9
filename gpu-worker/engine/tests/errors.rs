//! Every way a model file or an input can be refused, each with its exact error.

use hearth_engine::format::{ARCH_BERT, MAGIC};
use hearth_engine::import::{quantize, seeded};
use hearth_engine::model::Activation;
use hearth_engine::{decode, encode, run, CpuGemm, InferError, Input, LoadError, Model};

fn mlp_bytes() -> Vec<u8> {
	encode(&Model::Mlp(quantize::mlp(&seeded::mlp(&[4, 3, 2], Activation::Relu, 9)).expect("a seeded MLP quantizes")))
}

fn bert_bytes() -> Vec<u8> {
	encode(&Model::Bert(quantize::bert(&seeded::bert(seeded::TINY, 2)).expect("a seeded BERT quantizes")))
}

/// Bytes of a BERT header with the given dimensions (no tensors).
fn bert_header(dims: [u32; 7]) -> Vec<u8> {
	let mut b = MAGIC.to_vec();
	b.extend_from_slice(&1u16.to_le_bytes());
	b.extend_from_slice(&[1, ARCH_BERT]);
	for d in dims {
		b.extend_from_slice(&d.to_le_bytes());
	}
	b
}

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
	assert_eq!(err.to_string(), "truncated model: mlp layer 1.bias needs 8 bytes but only 6 remain");
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
	b[8] = 2;
	assert_eq!(decode(&b), Err(LoadError::UnsupportedVersion(2)));
	let mut b = good.clone();
	b[10] = 7;
	assert_eq!(decode(&b), Err(LoadError::UnknownProfile(7)));
	let mut b = good.clone();
	b[11] = 3;
	assert_eq!(decode(&b), Err(LoadError::UnknownArchitecture(3)));
	// MLP layer 0's activation tag sits after input_dim, layers and out_dim.
	let mut b = good.clone();
	b[24] = 9;
	assert_eq!(decode(&b), Err(LoadError::UnknownActivation { layer: 0, tag: 9 }));
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
fn tensor_content_errors() {
	let good = mlp_bytes();
	// Layer 0's weights start after the header (12 + 8 + 2·5 bytes) and 3 row scales.
	let scales = 12 + 8 + 10;
	let weights = scales + 9;
	let mut b = good.clone();
	b[weights + 5] = 0x80;
	assert_eq!(decode(&b), Err(LoadError::ForbiddenWeight { tensor: "mlp layer 0.weight".into(), row: 1, col: 1 }));
	let mut b = good.clone();
	b[scales + 3..scales + 5].copy_from_slice(&100u16.to_le_bytes());
	assert_eq!(decode(&b), Err(LoadError::BadScale { tensor: "mlp layer 0.weight".into(), row: 1, m: 100 }));
	let bias = weights + 12;
	let mut b = good;
	b[bias + 4..bias + 8].copy_from_slice(&(1i32 << 24).to_le_bytes());
	let err = decode(&b).unwrap_err();
	assert_eq!(err, LoadError::ValueOutOfRange { tensor: "mlp layer 0.bias".into(), index: 1, value: 1 << 24 });
	assert_eq!(err.to_string(), "mlp layer 0.bias[1] = 16777216 is outside the activation range ±8388607");
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
