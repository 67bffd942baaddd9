//! The layer operations both architectures are built from: int8 linear layers and
//! multi-head self-attention, each a product on the backend followed by the exact
//! integer epilogue.

use crate::error::InferError;
use crate::fixed::{clamp_act, ACT_FRAC, PROB_FRAC};
use crate::gemm::Int8Gemm;
use crate::model::Linear;
use crate::nonlinear::softmax_row;
use crate::quant::{quantize_rows, ColumnScales, QRows};
use alloc::vec;
use alloc::vec::Vec;

/// `1/√d` in Q16 for a head width `d`: `round(2^32 / isqrt(d · 2^32))`.
pub fn attention_scale_q16(head_dim: usize) -> i64 {
	let root = crate::fixed::isqrt((head_dim as u64) << 32) as i64;
	crate::fixed::div_round(1i64 << 32, root.max(1))
}

/// `y = x · Wᵀ + b` for quantized rows `x` (Q12 domain): each output is
/// `clamp(round(acc · m_x · m_w / 2^(k_x + k_w)) + b)`, in Q12.
#[inline(always)]
pub fn linear(backend: &dyn Int8Gemm, x: &QRows, lin: &Linear) -> Result<Vec<i32>, InferError> {
	let (m, n, k) = (x.rows, lin.outputs(), lin.inputs());
	let mut acc = vec![0i32; m * n];
	backend.gemm(&x.data, &lin.weight.data, m, n, k, &mut acc)?;
	let cols = ColumnScales::new(&lin.weight.scales);
	let mut wide = vec![0i64; n];
	for (row, sx) in acc.chunks_exact_mut(n.max(1)).zip(&x.scales) {
		cols.requant_row(row, *sx, 0, &mut wide);
		for ((y, v), b) in row.iter_mut().zip(&wide).zip(&lin.bias) {
			*y = clamp_act(*v + *b as i64);
		}
	}
	Ok(acc)
}

/// Quantizes `x` (`rows × cols`, Q12) row by row and applies `lin`.
#[inline(always)]
pub fn quantize_linear(backend: &dyn Int8Gemm, x: &[i32], rows: usize, lin: &Linear) -> Result<Vec<i32>, InferError> {
	let q = quantize_rows(x, rows, lin.inputs());
	linear(backend, &q, lin)
}

/// Columns `[h·d, (h+1)·d)` of a `rows × width` matrix, as a `rows × d` matrix.
#[inline(always)]
fn head_slice(x: &[i32], rows: usize, width: usize, h: usize, d: usize) -> Vec<i32> {
	let mut out = Vec::with_capacity(rows * d);
	for r in 0..rows {
		out.extend_from_slice(&x[r * width + h * d..r * width + (h + 1) * d]);
	}
	out
}

/// Multi-head self-attention over `n` tokens given Q12 projections `q`, `k`, `v`
/// (`n × hidden` each); returns the Q12 context (`n × hidden`), before the output
/// projection. Every token attends to every token of its own sequence.
///
/// Per head `h` (width `d`):
/// 1. `Q_h`, `K_h` are quantized per token row; `s_ij = round(round(acc · m_q · m_k /
///    2^(k_q + k_k + 12)) · scale / 2^16)` with `scale` = [`attention_scale_q16`].
/// 2. `P = softmax_row(s_i)` in Q15, quantized per row (domain fraction 15).
/// 3. `V_hᵀ` (`d × n`) is quantized per row (one feature over all tokens).
/// 4. `ctx_ic = clamp(round(acc · m_p · m_v / 2^(k_p + k_v + 15)))`.
#[inline(always)]
pub fn attention(
	backend: &dyn Int8Gemm,
	q: &[i32],
	k: &[i32],
	v: &[i32],
	n: usize,
	hidden: usize,
	heads: usize,
) -> Result<Vec<i32>, InferError> {
	let d = hidden / heads;
	let scale = attention_scale_q16(d);
	let mut ctx = vec![0i32; n * hidden];
	let mut acc = vec![0i32; n * n];
	let mut probs = vec![0i32; n * n];
	let mut pv = vec![0i32; n * d];
	let mut wide = vec![0i64; n.max(d)];
	for h in 0..heads {
		let qh = quantize_rows(&head_slice(q, n, hidden, h, d), n, d);
		let kh = quantize_rows(&head_slice(k, n, hidden, h, d), n, d);
		backend.gemm(&qh.data, &kh.data, n, n, d, &mut acc)?;
		let keys = ColumnScales::new(&kh.scales);
		for ((row, p), sq) in acc.chunks_exact_mut(n.max(1)).zip(probs.chunks_exact_mut(n.max(1))).zip(&qh.scales) {
			keys.requant_row(row, *sq, ACT_FRAC as i32, &mut wide);
			for (s, raw) in row.iter_mut().zip(&wide) {
				*s = clamp_act((clamp_act(*raw) as i64 * scale + (1 << 15)) >> 16);
			}
			softmax_row(row, p);
		}
		let pq = quantize_rows(&probs, n, n);
		let mut vt = vec![0i32; d * n];
		for t in 0..n {
			for c in 0..d {
				vt[c * n + t] = v[t * hidden + h * d + c];
			}
		}
		let vq = quantize_rows(&vt, d, n);
		backend.gemm(&pq.data, &vq.data, n, d, n, &mut pv)?;
		let values = ColumnScales::new(&vq.scales);
		for ((row, out), sp) in pv.chunks_exact(d.max(1)).zip(ctx.chunks_exact_mut(hidden.max(1))).zip(&pq.scales) {
			values.requant_row(row, *sp, PROB_FRAC as i32, &mut wide[..d]);
			for (c, y) in out[h * d..(h + 1) * d].iter_mut().zip(&wide) {
				*c = clamp_act(*y);
			}
		}
	}
	Ok(ctx)
}

/// `x += y`, clamped.
#[inline(always)]
pub fn add_residual(x: &mut [i32], y: &[i32]) {
	for (a, b) in x.iter_mut().zip(y) {
		*a = clamp_act(*a as i64 + *b as i64);
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn attention_scale_is_one_over_root_d() {
		assert_eq!(attention_scale_q16(32), 11585); // 65536/√32 = 11585.24
		assert_eq!(attention_scale_q16(64), 8192);
		assert_eq!(attention_scale_q16(1), 65536);
	}
}
