//! Running a model: one input, or a batch split over threads without changing a bit.

use crate::error::InferError;
use crate::gemm::Int8Gemm;
use crate::model::Model;
use crate::output::Output;
use alloc::vec::Vec;

/// What a model is run on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input<'a> {
	/// Token ids, for BERT (no tokenizer in the engine).
	Tokens(&'a [u32]),
	/// Q12 features, for an MLP.
	Features(&'a [i32]),
}

/// The domain separator that opens an input hash's preimage.
pub const INPUT_DOMAIN: &[u8; 15] = b"hearth-input-v1";

impl Input<'_> {
	/// The input's hash, what a receipt or a job names and what a challenge of step 0
	/// checks its input against:
	///
	/// ```text
	/// blake2_256("hearth-input-v1" ‖ kind: u8 (1 = token ids, 2 = Q12 features)
	///            ‖ len: u32 LE ‖ len × (u32 LE token id | i32 LE feature))
	/// ```
	pub fn hash(&self) -> [u8; 32] {
		let (kind, len) = match self {
			Input::Tokens(t) => (1u8, t.len()),
			Input::Features(f) => (2u8, f.len()),
		};
		let mut p = Vec::with_capacity(INPUT_DOMAIN.len() + 5 + 4 * len);
		p.extend_from_slice(INPUT_DOMAIN);
		p.push(kind);
		p.extend_from_slice(&(len as u32).to_le_bytes());
		match self {
			Input::Tokens(t) => t.iter().for_each(|v| p.extend_from_slice(&v.to_le_bytes())),
			Input::Features(f) => f.iter().for_each(|v| p.extend_from_slice(&v.to_le_bytes())),
		}
		sp_crypto_hashing::blake2_256(&p)
	}
}

/// Runs `model` on one input with `backend`: every step in order, the trace computed
/// as it goes ([`crate::step`]).
pub fn run(model: &Model, input: Input<'_>, backend: &dyn Int8Gemm) -> Result<Output, InferError> {
	crate::step::run_with(model, input, backend, |_, _| {})
}

/// Runs `model` on every input, `threads` inputs at a time (contiguous chunks, one on the
/// calling thread and the others on the engine's kept worker threads). Each result is
/// exactly what [`run`] gives for that input.
#[cfg(feature = "std")]
pub fn run_batch(
	model: &Model,
	inputs: &[Input<'_>],
	backend: &dyn Int8Gemm,
	threads: usize,
) -> Vec<Result<Output, InferError>> {
	let threads = threads.clamp(1, inputs.len().max(1));
	if threads == 1 {
		return inputs.iter().map(|i| run(model, *i, backend)).collect();
	}
	let per = inputs.len().div_ceil(threads);
	let parts: Vec<&[Input<'_>]> = inputs.chunks(per).collect();
	let results: Vec<std::sync::Mutex<Vec<Result<Output, InferError>>>> =
		parts.iter().map(|_| std::sync::Mutex::new(Vec::new())).collect();
	let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
		crate::pool::run(parts.len(), &|i| {
			let out: Vec<_> = parts[i].iter().map(|input| run(model, *input, backend)).collect();
			*results[i].lock().unwrap_or_else(std::sync::PoisonError::into_inner) = out;
		})
	}));
	if ran.is_err() {
		return inputs.iter().map(|_| Err(InferError::Backend("an inference thread panicked".into()))).collect();
	}
	results.into_iter().flat_map(|r| r.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner)).collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_input_hash_is_the_documented_preimage() {
		let mut tokens = b"hearth-input-v1".to_vec();
		tokens.extend_from_slice(&[1, 2, 0, 0, 0, 7, 0, 0, 0, 1, 1, 0, 0]);
		assert_eq!(Input::Tokens(&[7, 257]).hash(), sp_crypto_hashing::blake2_256(&tokens));
		let mut features = b"hearth-input-v1".to_vec();
		features.extend_from_slice(&[2, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
		assert_eq!(Input::Features(&[-1]).hash(), sp_crypto_hashing::blake2_256(&features));
	}
}
