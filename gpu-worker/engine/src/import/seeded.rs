//! Models generated from a seed (SplitMix64), for tests and benches: no download,
//! the same weights on every machine.

use super::float::{BertF32, BertLayerF32, LinearF32, MlpF32, NormF32};
use crate::model::{Activation, BertConfig};

/// SplitMix64: a tiny, well-mixed generator with a fixed output sequence.
pub struct SplitMix64(u64);

impl SplitMix64 {
	/// A generator from `seed`.
	pub fn new(seed: u64) -> Self {
		SplitMix64(seed)
	}

	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// Uniform in `[-a, a)`.
	pub fn uniform(&mut self, a: f32) -> f32 {
		let unit = (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32;
		(2.0 * unit - 1.0) * a
	}

	/// `n` values uniform in `[-a, a)`.
	pub fn fill(&mut self, n: usize, a: f32) -> Vec<f32> {
		(0..n).map(|_| self.uniform(a)).collect()
	}

	/// A token id below `vocab`.
	pub fn token(&mut self, vocab: u32) -> u32 {
		(self.next_u64() % vocab as u64) as u32
	}
}

fn linear(rng: &mut SplitMix64, out: usize, inp: usize) -> LinearF32 {
	// Glorot-like uniform, scaled so activations keep a BERT-like magnitude.
	let a = (3.0 / inp as f32).sqrt();
	LinearF32 { out, inp, weight: rng.fill(out * inp, a), bias: rng.fill(out, 0.05) }
}

fn norm(rng: &mut SplitMix64, h: usize) -> NormF32 {
	NormF32 { gamma: rng.fill(h, 0.2).into_iter().map(|g| 1.0 + g).collect(), beta: rng.fill(h, 0.1), eps: 1e-12 }
}

/// A BERT with `config`'s shape and weights drawn from `seed`.
pub fn bert(config: BertConfig, seed: u64) -> BertF32 {
	let mut rng = SplitMix64::new(seed);
	let (h, f) = (config.hidden as usize, config.ffn as usize);
	let word = rng.fill(config.vocab as usize * h, 0.1);
	let position = rng.fill(config.max_positions as usize * h, 0.05);
	let token_type = rng.fill(config.type_vocab as usize * h, 0.02);
	let embed_norm = norm(&mut rng, h);
	let layers = (0..config.layers)
		.map(|_| BertLayerF32 {
			query: linear(&mut rng, h, h),
			key: linear(&mut rng, h, h),
			value: linear(&mut rng, h, h),
			attn_out: linear(&mut rng, h, h),
			attn_norm: norm(&mut rng, h),
			ffn_in: linear(&mut rng, f, h),
			ffn_out: linear(&mut rng, h, f),
			ffn_norm: norm(&mut rng, h),
		})
		.collect();
	BertF32 { config, word, position, token_type, embed_norm, layers }
}

/// An MLP `dims[0] → dims[1] → …` with `activation` between layers (identity last).
pub fn mlp(dims: &[usize], activation: Activation, seed: u64) -> MlpF32 {
	let mut rng = SplitMix64::new(seed);
	let layers = dims
		.windows(2)
		.enumerate()
		.map(|(i, w)| {
			(linear(&mut rng, w[1], w[0]), if i + 2 == dims.len() { Activation::Identity } else { activation })
		})
		.collect();
	MlpF32 { input_dim: dims.first().copied().unwrap_or(0), layers }
}

/// all-MiniLM-L6-v2's dimensions.
pub const MINILM: BertConfig =
	BertConfig { vocab: 30522, max_positions: 512, type_vocab: 2, hidden: 384, layers: 6, heads: 12, ffn: 1536 };

/// A small BERT for unit tests.
pub const TINY: BertConfig =
	BertConfig { vocab: 97, max_positions: 40, type_vocab: 2, hidden: 48, layers: 2, heads: 4, ffn: 96 };
