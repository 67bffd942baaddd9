//! The BERT encoder with mean pooling (all-MiniLM-L6-v2's shape): embeddings,
//! post-LayerNorm encoder layers, and the mean over every token.

use crate::error::InferError;
use crate::fixed::{clamp_act, div_round, ACT_FRAC};
use crate::gemm::Int8Gemm;
use crate::model::{BertLayer, Norm};
use crate::nonlinear::{gelu, layer_norm};
use crate::ops::{add_residual, attention, linear, recycle, LinearRows};
use crate::quant::{dequant, quantize_row, quantize_rows, QRows, Scale};
use alloc::vec;
use alloc::vec::Vec;

/// Checks a token sequence against the embedding tables: non-empty, within the
/// positions, every id inside the vocabulary.
pub fn check_tokens(word: &QRows, position: &QRows, tokens: &[u32]) -> Result<(), InferError> {
	if tokens.is_empty() {
		return Err(InferError::EmptyInput);
	}
	let max = position.rows;
	if tokens.len() > max {
		return Err(InferError::TooLong { len: tokens.len(), max });
	}
	let vocab = word.rows as u32;
	if let Some((index, token)) = tokens.iter().enumerate().find(|(_, t)| **t >= vocab) {
		return Err(InferError::TokenOutOfRange { index, token: *token, vocab });
	}
	Ok(())
}

/// The mean over the `n` rows of `x` (`n × h`), per feature: `div_round(Σ_i x_i, n)`.
pub(crate) fn mean_pool(x: &[i32], n: usize, h: usize) -> Vec<i32> {
	(0..h).map(|c| div_round((0..n).map(|i| x[i * h + c] as i64).sum(), n as i64) as i32).collect()
}

/// The embeddings step, inlined into each compiled copy.
#[inline(always)]
fn embeddings_inline(word: &QRows, position: &QRows, token_type: &QRows, norm: &Norm, tokens: &[u32]) -> Vec<i32> {
	let h = word.cols;
	let mut x = vec![0i32; tokens.len() * h];
	let ty = token_type.row(0);
	let ty_s = token_type.scales[0];
	for (i, t) in tokens.iter().enumerate() {
		let (w, w_s) = (word.row(*t as usize), word.scales[*t as usize]);
		let (p, p_s) = (position.row(i), position.scales[i]);
		let row = &mut x[i * h..(i + 1) * h];
		for c in 0..h {
			let sum = dequant(w[c], w_s, ACT_FRAC) + dequant(p[c], p_s, ACT_FRAC) + dequant(ty[c], ty_s, ACT_FRAC);
			row[c] = clamp_act(sum);
		}
		layer_norm(row, &norm.gamma, &norm.beta);
	}
	x
}

/// Defines `$name`, which runs `$inline` as a copy compiled for AVX-512 (`$fast`) when
/// the CPU has it, else as built. The element-wise loops are `#[inline(always)]` so
/// they compile inside each copy, where LLVM vectorizes them 8 or 16 lanes wide;
/// integer code gives the same integers whatever instructions compute it.
macro_rules! with_avx512_copy {
	($(#[$doc:meta])* fn $name:ident / $fast:ident ($($arg:ident: $ty:ty),*) -> $ret:ty = $inline:ident) => {
		$(#[$doc])*
		pub(crate) fn $name($($arg: $ty),*) -> $ret {
			#[cfg(all(feature = "std", target_arch = "x86_64"))]
			if avx512() {
				// SAFETY: the CPU has every feature the copy is compiled for (just probed).
				return unsafe { $fast($($arg),*) };
			}
			$inline($($arg),*)
		}

		/// The function above compiled for AVX-512 (F, BW, DQ, VL).
		///
		/// # Safety
		/// The CPU must have those features ([`avx512`]).
		#[cfg(all(feature = "std", target_arch = "x86_64"))]
		#[target_feature(enable = "avx512f,avx512bw,avx512dq,avx512vl")]
		unsafe fn $fast($($arg: $ty),*) -> $ret {
			$inline($($arg),*)
		}
	};
}

/// Whether the CPU runs the AVX-512 copies (each probe is a cached load).
#[cfg(all(feature = "std", target_arch = "x86_64"))]
fn avx512() -> bool {
	std::is_x86_feature_detected!("avx512f")
		&& std::is_x86_feature_detected!("avx512bw")
		&& std::is_x86_feature_detected!("avx512dq")
		&& std::is_x86_feature_detected!("avx512vl")
}

with_avx512_copy! {
	/// One post-LayerNorm encoder layer, in place:
	/// `x = LN(x + O(attn(x)))`, then `x = LN(x + W2 · gelu(W1 · x))`.
	fn encoder_layer / encoder_layer_avx512 (
		heads: usize, l: &BertLayer, x: &mut [i32], n: usize, backend: &dyn Int8Gemm
	) -> Result<(), InferError> = encoder_layer_inline
}

with_avx512_copy! {
	/// `LayerNorm(word[t_i] + position[i] + token_type[0])`, each table row dequantized
	/// to Q12 with [`dequant`]. The tokens were checked ([`check_tokens`]).
	fn embeddings / embeddings_avx512 (
		word: &QRows, position: &QRows, token_type: &QRows, norm: &Norm, tokens: &[u32]
	) -> Vec<i32> = embeddings_inline
}

/// The layer itself, inlined into each compiled copy.
#[inline(always)]
fn encoder_layer_inline(
	heads: usize,
	l: &BertLayer,
	x: &mut [i32],
	n: usize,
	backend: &dyn Int8Gemm,
) -> Result<(), InferError> {
	let h = l.query.inputs();
	let mut xq = quantize_rows(x, n, h);
	let q = linear(backend, &xq, &l.query)?;
	let k = linear(backend, &xq, &l.key)?;
	let v = linear(backend, &xq, &l.value)?;
	let ctx = attention(backend, &q, &k, &v, n, h, heads)?;
	// Each row of the attention output, as it comes: the residual, LayerNorm, and the
	// quantization the feed-forward product reads (into `xq`, free again).
	let ctx = quantize_rows(&ctx, n, h);
	let mut attn = LinearRows::product(backend, &ctx, &l.attn_out)?;
	for i in 0..n {
		let row = &mut x[i * h..(i + 1) * h];
		add_residual(row, attn.row(i));
		layer_norm(row, &l.attn_norm.gamma, &l.attn_norm.beta);
		xq.scales[i] = quantize_row(row, &mut xq.data[i * h..(i + 1) * h]);
	}
	// The inner rows: GELU, then quantized for the output product.
	let f = l.ffn_in.outputs();
	let mut inner = QRows { rows: n, cols: f, data: vec![0; n * f], scales: vec![Scale::ZERO_ROW; n] };
	recycle(attn.into_buffer());
	let mut up = LinearRows::product(backend, &xq, &l.ffn_in)?;
	for i in 0..n {
		let y = up.row(i);
		for v in y.iter_mut() {
			*v = gelu(*v);
		}
		inner.scales[i] = quantize_row(y, &mut inner.data[i * f..(i + 1) * f]);
	}
	let mut down = LinearRows::product(backend, &inner, &l.ffn_out)?;
	for i in 0..n {
		let row = &mut x[i * h..(i + 1) * h];
		add_residual(row, down.row(i));
		layer_norm(row, &l.ffn_norm.gamma, &l.ffn_norm.beta);
	}
	// The next layer's products have these shapes: its buffers, neither zeroed nor
	// faulted in again.
	for buffer in [q, k, v, up.into_buffer(), down.into_buffer()] {
		recycle(buffer);
	}
	Ok(())
}

#[cfg(all(test, feature = "std"))]
mod tests {
	use super::*;
	use crate::import::{quantize, seeded};
	use crate::CpuGemm;

	/// The AVX-512 copies (where this CPU has AVX-512) give the bits of the code as
	/// built, on MiniLM's shapes at odd lengths and on the tiny model; run twice, so
	/// the second run takes recycled product buffers full of the first run's values.
	#[test]
	fn the_compiled_copies_give_the_same_bits() {
		#[cfg(target_arch = "x86_64")]
		if !avx512() {
			println!("SKIPPED: no AVX-512 here, so only one copy runs");
		}
		for (config, lengths) in [(seeded::MINILM, [1usize, 37, 128]), (seeded::TINY, [2, 17, 40])] {
			let bert = quantize::bert(&seeded::bert(config, 11)).expect("quantize");
			let mut rng = seeded::SplitMix64::new(5);
			let cpu = CpuGemm::new(1);
			for n in lengths {
				let tokens: Vec<u32> = (0..n).map(|_| rng.token(config.vocab)).collect();
				let (word, position, token_type, norm) =
					(&bert.word, &bert.position, &bert.token_type, &bert.embed_norm);
				let x0 = embeddings(word, position, token_type, norm, &tokens);
				assert_eq!(x0, embeddings_inline(word, position, token_type, norm, &tokens), "embeddings, {n} tokens");
				for layer in &bert.layers {
					let heads = config.heads as usize;
					let (mut fast, mut built, mut again) = (x0.clone(), x0.clone(), x0.clone());
					encoder_layer(heads, layer, &mut fast, n, &cpu).expect("layer");
					encoder_layer_inline(heads, layer, &mut built, n, &cpu).expect("layer");
					encoder_layer(heads, layer, &mut again, n, &cpu).expect("layer");
					assert_eq!(fast, built, "layer, {n} tokens");
					assert_eq!(fast, again, "layer again, {n} tokens");
				}
			}
		}
	}
}
