//! The BERT encoder with mean pooling (all-MiniLM-L6-v2's shape): embeddings,
//! post-LayerNorm encoder layers, and the mean over every token.

use crate::error::InferError;
use crate::fixed::{clamp_act, div_round, ACT_FRAC};
use crate::gemm::Int8Gemm;
use crate::model::{BertLayer, Norm};
use crate::nonlinear::{gelu, layer_norm};
use crate::ops::{add_residual, attention, linear, quantize_linear};
use crate::quant::{dequant, quantize_rows, QRows};
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

/// `LayerNorm(word[t_i] + position[i] + token_type[0])`, each table row dequantized
/// to Q12 with [`dequant`]. The tokens were checked ([`check_tokens`]).
pub(crate) fn embeddings(word: &QRows, position: &QRows, token_type: &QRows, norm: &Norm, tokens: &[u32]) -> Vec<i32> {
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

/// One post-LayerNorm encoder layer, in place:
/// `x = LN(x + O(attn(x)))`, then `x = LN(x + W2 · gelu(W1 · x))`.
pub(crate) fn encoder_layer(
	heads: usize,
	l: &BertLayer,
	x: &mut [i32],
	n: usize,
	backend: &dyn Int8Gemm,
) -> Result<(), InferError> {
	let h = l.query.inputs();
	let xq = quantize_rows(x, n, h);
	let q = linear(backend, &xq, &l.query)?;
	let k = linear(backend, &xq, &l.key)?;
	let v = linear(backend, &xq, &l.value)?;
	let ctx = attention(backend, &q, &k, &v, n, h, heads)?;
	let attn = quantize_linear(backend, &ctx, n, &l.attn_out)?;
	add_residual(x, &attn);
	for row in x.chunks_mut(h) {
		layer_norm(row, &l.attn_norm.gamma, &l.attn_norm.beta);
	}
	let mut inner = quantize_linear(backend, x, n, &l.ffn_in)?;
	inner.iter_mut().for_each(|v| *v = gelu(*v));
	let out = quantize_linear(backend, &inner, n, &l.ffn_out)?;
	add_residual(x, &out);
	for row in x.chunks_mut(h) {
		layer_norm(row, &l.ffn_norm.gamma, &l.ffn_norm.beta);
	}
	Ok(())
}
