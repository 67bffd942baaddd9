//! The cost model: what each step of a model costs at an input length, and the longest
//! input whose every step stays within a budget. The jobs pallet prices a dispute (one
//! step re-run in the runtime) with it, and refuses at registration a model whose
//! costliest step at its longest accepted input exceeds the dispute budget.
//!
//! A step's cost is counted in two exact integers ([`StepCost`]):
//!
//! - `multiply_adds`: the int8 products of its matrix multiplications, which dominate
//!   its time (one multiply-add each);
//! - `values`: the values of the activation it writes (every elementwise pass —
//!   quantization, LayerNorm, GELU, residual, pooling — is linear in these).
//!
//! The steps, for `n` tokens (BERT: hidden `h`, feed-forward `f`), in order:
//!
//! | step | multiply-adds | values |
//! |---|---|---|
//! | BERT embeddings | 0 | `n·h` |
//! | BERT encoder layer (each) | `4·n·h² + 2·n²·h + 2·n·h·f` (Q, K, V, O; scores and context over all heads; the feed-forward pair) | `n·h` |
//! | BERT mean pooling | 0 | `h` |
//! | MLP layer `in → out` (each) | `in·out` | `out` |
//!
//! An MLP's input length is its input width; it has no other. For all-MiniLM-L6-v2 at
//! 128 tokens an encoder layer is 239,075,328 multiply-adds.
//!
//! Everything here is a function of the [`Architecture`] alone, which a model file's
//! header declares ([`crate::format::decode_header`]): the chain prices a model from
//! its header without its weights.

use crate::model::{Architecture, BertConfig, Model};
use alloc::vec::Vec;

/// What one step costs (module docs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct StepCost {
	/// Int8 multiply-adds of its matrix products.
	pub multiply_adds: u64,
	/// Values of the activation it writes.
	pub values: u64,
}

impl StepCost {
	/// Whether it fits a budget of `max_multiply_adds` and `max_values`.
	pub fn fits(&self, max_multiply_adds: u64, max_values: u64) -> bool {
		self.multiply_adds <= max_multiply_adds && self.values <= max_values
	}
}

/// The steps of a BERT encoder with dimensions `config` at `n` tokens.
pub fn bert_steps(config: &BertConfig, n: u64) -> Vec<StepCost> {
	let (h, f) = (u64::from(config.hidden), u64::from(config.ffn));
	let layer = StepCost {
		multiply_adds: 4u64
			.saturating_mul(n)
			.saturating_mul(h)
			.saturating_mul(h)
			.saturating_add(2u64.saturating_mul(n).saturating_mul(n).saturating_mul(h))
			.saturating_add(2u64.saturating_mul(n).saturating_mul(h).saturating_mul(f)),
		values: n.saturating_mul(h),
	};
	let mut steps = Vec::with_capacity(config.layers as usize + 2);
	steps.push(StepCost { multiply_adds: 0, values: n.saturating_mul(h) });
	steps.extend(core::iter::repeat_n(layer, config.layers as usize));
	steps.push(StepCost { multiply_adds: 0, values: h });
	steps
}

/// The steps of an MLP taking `input_dim` features through layers of the given output
/// widths.
pub fn mlp_steps(input_dim: u32, outputs: impl IntoIterator<Item = u32>) -> Vec<StepCost> {
	let mut width = u64::from(input_dim);
	outputs
		.into_iter()
		.map(|out| {
			let out = u64::from(out);
			let step = StepCost { multiply_adds: width.saturating_mul(out), values: out };
			width = out;
			step
		})
		.collect()
}

impl Architecture {
	/// Each step's cost for an input of `len` tokens (BERT) — an MLP's steps do not
	/// depend on it.
	pub fn step_costs(&self, len: u32) -> Vec<StepCost> {
		match self {
			Architecture::Bert(config) => bert_steps(config, u64::from(len)),
			Architecture::Mlp { input_dim, layers } => {
				mlp_steps(*input_dim, layers.iter().map(|(outputs, _)| *outputs))
			},
		}
	}

	/// The bytes a challenge of each step carries as its weights at an input of `len`
	/// tokens: the chunk, except for BERT's embeddings, whose proof carries only the
	/// word rows of at most `len` distinct tokens ([`crate::proof::proof_len`]).
	pub fn dispute_lens(&self, len: u32) -> Vec<u64> {
		let mut lens = self.chunk_lens();
		if let (Architecture::Bert(c), Some(first)) = (self, lens.first_mut()) {
			let tokens = len.min(c.vocab);
			*first = crate::proof::proof_len(c.vocab, c.max_positions, c.type_vocab, c.hidden, tokens);
		}
		lens
	}

	/// The costliest step at `len`: most multiply-adds, then most values.
	pub fn costliest_step(&self, len: u32) -> StepCost {
		self.step_costs(len).into_iter().max().unwrap_or_default()
	}

	/// The longest input (tokens for BERT, at most its positions; the input width for an
	/// MLP) whose every step fits the budget, or `None` when not even the shortest does.
	/// Costs grow with the length, so this is a binary search.
	pub fn longest_input(&self, max_multiply_adds: u64, max_values: u64) -> Option<u32> {
		let fits = |len: u32| self.step_costs(len).iter().all(|s| s.fits(max_multiply_adds, max_values));
		match self {
			Architecture::Mlp { input_dim, .. } => fits(*input_dim).then_some(*input_dim),
			Architecture::Bert(config) => {
				if !fits(1) {
					return None;
				}
				// Invariant: `fits(lo)`, and every length above `hi` does not fit.
				let (mut lo, mut hi) = (1u32, config.max_positions.max(1));
				while lo < hi {
					let mid = lo + (hi - lo).div_ceil(2);
					if fits(mid) {
						lo = mid;
					} else {
						hi = mid - 1;
					}
				}
				Some(lo)
			},
		}
	}
}

impl Model {
	/// [`Architecture::step_costs`] of this model.
	pub fn step_costs(&self, len: u32) -> Vec<StepCost> {
		self.architecture().step_costs(len)
	}

	/// [`Architecture::costliest_step`] of this model.
	pub fn costliest_step(&self, len: u32) -> StepCost {
		self.architecture().costliest_step(len)
	}

	/// [`Architecture::longest_input`] of this model.
	pub fn longest_input(&self, max_multiply_adds: u64, max_values: u64) -> Option<u32> {
		self.architecture().longest_input(max_multiply_adds, max_values)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const MINILM: BertConfig =
		BertConfig { vocab: 30522, max_positions: 512, type_vocab: 2, hidden: 384, layers: 6, heads: 12, ffn: 1536 };

	#[test]
	fn a_minilm_layer_at_128_tokens_is_239m_multiply_adds() {
		let steps = bert_steps(&MINILM, 128);
		assert_eq!(steps.len(), 8, "embeddings, six layers, pooling");
		assert_eq!(steps[1], StepCost { multiply_adds: 239_075_328, values: 128 * 384 });
		assert_eq!(steps[0], StepCost { multiply_adds: 0, values: 128 * 384 });
		assert_eq!(steps[7], StepCost { multiply_adds: 0, values: 384 });
		// By hand: Q, K, V, O; scores and context; the feed-forward pair.
		let by_hand = 4 * 128 * 384 * 384 + 2 * 128 * 128 * 384 + 2 * 128 * 384 * 1536;
		assert_eq!(steps[3].multiply_adds, by_hand);
	}

	#[test]
	fn mlp_steps_chain_their_widths() {
		let steps = mlp_steps(16, [32, 8, 1]);
		let macs: Vec<u64> = steps.iter().map(|s| s.multiply_adds).collect();
		assert_eq!(macs, [16 * 32, 32 * 8, 8]);
		assert_eq!(steps[2].values, 1);
	}

	#[test]
	fn the_longest_input_is_the_last_length_whose_steps_all_fit() {
		let layer = |n: u32| bert_steps(&MINILM, n.into())[1].multiply_adds;
		let bert = |config| {
			Model::Bert(crate::model::Bert {
				config,
				word: Default::default(),
				position: Default::default(),
				token_type: Default::default(),
				embed_norm: crate::model::Norm { gamma: Vec::new(), beta: Vec::new() },
				layers: Vec::new(),
			})
		};
		let model = bert(MINILM);
		let budget = layer(128);
		assert_eq!(model.longest_input(budget, u64::MAX), Some(128));
		assert_eq!(model.longest_input(budget - 1, u64::MAX), Some(127));
		assert_eq!(model.longest_input(u64::MAX, u64::MAX), Some(512), "capped at the positions");
		assert_eq!(model.longest_input(layer(1) - 1, u64::MAX), None);
		assert_eq!(model.longest_input(u64::MAX, 384 * 100), Some(100), "the values' budget binds too");
		assert_eq!(model.costliest_step(128), StepCost { multiply_adds: budget, values: 128 * 384 });
	}

	#[test]
	fn a_minilm_challenge_carries_its_layer_chunk_or_a_proof_of_its_tokens() {
		let arch = Architecture::Bert(MINILM);
		let lens = arch.dispute_lens(469);
		// The embeddings' 12 MB chunk becomes a proof of 469 rows; the layers' chunks
		// (1.8 MB each) and pooling's are sent whole.
		assert_eq!(arch.chunk_lens()[0], 12_014_021);
		assert!(lens[0] < 700_000, "{}", lens[0]);
		assert_eq!(lens[1..], arch.chunk_lens()[1..]);
		assert_eq!(lens.iter().max(), Some(&1_799_825));
		// An MLP's are its chunks.
		let mlp = Architecture::Mlp { input_dim: 4, layers: vec![(2, crate::model::Activation::Relu)] };
		assert_eq!(mlp.dispute_lens(4), mlp.chunk_lens());
	}
}
