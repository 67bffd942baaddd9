//! The BERT encoder with mean pooling (all-MiniLM-L6-v2's shape): embeddings,
//! post-LayerNorm encoder layers, and the mean over every token.

use crate::error::InferError;
use crate::fixed::{clamp_act, div_round, ACT_FRAC};
use crate::gemm::Int8Gemm;
use crate::model::{Bert, BertLayer};
use crate::nonlinear::{gelu, layer_norm};
use crate::ops::{add_residual, attention, linear, quantize_linear};
use crate::output::Output;
use crate::quant::{dequant, quantize_rows};
use alloc::vec;
use alloc::vec::Vec;

/// Checks a token sequence against the model: non-empty, within the positions, every
/// id inside the vocabulary.
pub fn check_tokens(bert: &Bert, tokens: &[u32]) -> Result<(), InferError> {
	if tokens.is_empty() {
		return Err(InferError::EmptyInput);
	}
	let max = bert.config.max_positions as usize;
	if tokens.len() > max {
		return Err(InferError::TooLong { len: tokens.len(), max });
	}
	let vocab = bert.config.vocab;
	if let Some((index, token)) = tokens.iter().enumerate().find(|(_, t)| **t >= vocab) {
		return Err(InferError::TokenOutOfRange { index, token: *token, vocab });
	}
	Ok(())
}

/// The pooled embedding of one sequence (token type 0 everywhere, every token
/// attended): `hidden` integers in Q12.
pub fn embed(bert: &Bert, tokens: &[u32], backend: &dyn Int8Gemm) -> Result<Output, InferError> {
	check_tokens(bert, tokens)?;
	let h = bert.config.hidden as usize;
	let n = tokens.len();
	let mut x = embeddings(bert, tokens);
	for layer in &bert.layers {
		encoder_layer(bert, layer, &mut x, n, backend)?;
	}
	let pooled = (0..h).map(|c| div_round((0..n).map(|i| x[i * h + c] as i64).sum(), n as i64) as i32).collect();
	Ok(Output { shape: vec![h as u32], frac_bits: ACT_FRAC as u8, values: pooled })
}

/// `LayerNorm(word[t_i] + position[i] + token_type[0])`, each table row dequantized
/// to Q12 with [`dequant`].
fn embeddings(bert: &Bert, tokens: &[u32]) -> Vec<i32> {
	let h = bert.config.hidden as usize;
	let mut x = vec![0i32; tokens.len() * h];
	let ty = bert.token_type.row(0);
	let ty_s = bert.token_type.scales[0];
	for (i, t) in tokens.iter().enumerate() {
		let (w, w_s) = (bert.word.row(*t as usize), bert.word.scales[*t as usize]);
		let (p, p_s) = (bert.position.row(i), bert.position.scales[i]);
		let row = &mut x[i * h..(i + 1) * h];
		for c in 0..h {
			let sum = dequant(w[c], w_s, ACT_FRAC) + dequant(p[c], p_s, ACT_FRAC) + dequant(ty[c], ty_s, ACT_FRAC);
			row[c] = clamp_act(sum);
		}
		layer_norm(row, &bert.embed_norm.gamma, &bert.embed_norm.beta);
	}
	x
}

/// One post-LayerNorm encoder layer, in place:
/// `x = LN(x + O(attn(x)))`, then `x = LN(x + W2 · gelu(W1 · x))`.
fn encoder_layer(
	bert: &Bert,
	l: &BertLayer,
	x: &mut [i32],
	n: usize,
	backend: &dyn Int8Gemm,
) -> Result<(), InferError> {
	let h = bert.config.hidden as usize;
	let xq = quantize_rows(x, n, h);
	let q = linear(backend, &xq, &l.query)?;
	let k = linear(backend, &xq, &l.key)?;
	let v = linear(backend, &xq, &l.value)?;
	let ctx = attention(backend, &q, &k, &v, n, h, bert.config.heads as usize)?;
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
