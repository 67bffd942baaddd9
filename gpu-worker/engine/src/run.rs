//! Running a model: one input, or a batch split over threads without changing a bit.

use crate::error::InferError;
use crate::gemm::Int8Gemm;
use crate::model::Model;
use crate::output::Output;
#[cfg(feature = "std")]
use alloc::vec::Vec;

/// What a model is run on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input<'a> {
	/// Token ids, for BERT (no tokenizer in the engine).
	Tokens(&'a [u32]),
	/// Q12 features, for an MLP.
	Features(&'a [i32]),
}

/// Runs `model` on one input with `backend`.
pub fn run(model: &Model, input: Input<'_>, backend: &dyn Int8Gemm) -> Result<Output, InferError> {
	match (model, input) {
		(Model::Bert(b), Input::Tokens(t)) => crate::bert::embed(b, t, backend),
		(Model::Mlp(m), Input::Features(f)) => crate::mlp::forward(m, f, backend),
		(Model::Bert(_), Input::Features(_)) => Err(InferError::WrongInputKind("token ids")),
		(Model::Mlp(_), Input::Tokens(_)) => Err(InferError::WrongInputKind("Q12 features")),
	}
}

/// Runs `model` on every input, `threads` inputs at a time (contiguous chunks, one OS
/// thread each). Each result is exactly what [`run`] gives for that input.
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
	std::thread::scope(|scope| {
		let handles: Vec<_> = inputs
			.chunks(per)
			.map(|chunk| {
				(chunk.len(), scope.spawn(move || chunk.iter().map(|i| run(model, *i, backend)).collect::<Vec<_>>()))
			})
			.collect();
		handles
			.into_iter()
			.flat_map(|(len, h)| match h.join() {
				Ok(results) => results,
				Err(_) => (0..len).map(|_| Err(InferError::Backend("an inference thread panicked".into()))).collect(),
			})
			.collect()
	})
}
