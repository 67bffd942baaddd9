//! The layer operations both architectures are built from: int8 linear layers and
//! multi-head self-attention, each a product on the backend followed by the exact
//! integer epilogue.

use crate::error::InferError;
use crate::fixed::{clamp_act, ACT_FRAC, PROB_FRAC};
use crate::gemm::Int8Gemm;
use crate::model::Linear;
use crate::nonlinear::softmax_row;
use crate::quant::{quantize_row, quantize_rows, quantize_rows_into, ColumnScales, QRows};
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
	let mut out = LinearRows::product(backend, x, lin)?;
	for i in 0..x.rows {
		out.row(i);
	}
	Ok(out.acc)
}

/// A linear layer's products, requantized a row at a time ([`LinearRows::row`]), so
/// that what follows row by row (GELU and the next quantization, a residual and
/// LayerNorm) runs while the row is in cache instead of in further passes over the
/// matrix. No closures: everything stays inlined in the vectorized copy of the layer.
pub struct LinearRows<'a> {
	acc: Vec<i32>,
	wide: Vec<i64>,
	cols: ColumnScales,
	x: &'a QRows,
	lin: &'a Linear,
}

impl<'a> LinearRows<'a> {
	/// The int8 products `x · Wᵀ` on `backend`, in a [`recycled`] buffer (the product
	/// overwrites every value).
	#[inline(always)]
	pub fn product(backend: &dyn Int8Gemm, x: &'a QRows, lin: &'a Linear) -> Result<Self, InferError> {
		let (m, n, k) = (x.rows, lin.outputs(), lin.inputs());
		let mut acc = recycled(m * n);
		backend.gemm(&x.data, &lin.weight.data, m, n, k, &mut acc)?;
		Ok(LinearRows { acc, wide: vec![0i64; n], cols: ColumnScales::new(&lin.weight.scales), x, lin })
	}

	/// The products' memory, to [`recycle`].
	pub fn into_buffer(self) -> Vec<i32> {
		self.acc
	}

	/// Output row `i` (`i < x.rows`), requantized with the bias added and clamped.
	/// Call it once per row.
	#[inline(always)]
	pub fn row(&mut self, i: usize) -> &mut [i32] {
		let n = self.lin.outputs();
		let row = &mut self.acc[i * n..(i + 1) * n];
		self.cols.requant_row(row, self.x.scales[i], 0, &mut self.wide);
		for ((y, v), b) in row.iter_mut().zip(&self.wide).zip(&self.lin.bias) {
			*y = clamp_act(*v + *b as i64);
		}
		row
	}
}

/// Buffers of products kept for reuse on this thread (`std` builds), at most this many.
#[cfg(feature = "std")]
const SPARE_BUFFERS: usize = 8;

#[cfg(feature = "std")]
std::thread_local! {
	static SPARE: core::cell::RefCell<Vec<Vec<i32>>> = const { core::cell::RefCell::new(Vec::new()) };
}

/// A buffer of `len` values for a product to overwrite: one given back earlier on this
/// thread with that length ([`recycle`]; the next layer's products have the same
/// shapes, so nothing is zeroed or faulted in again), else a new one of zeros.
#[inline(always)]
pub fn recycled(len: usize) -> Vec<i32> {
	#[cfg(feature = "std")]
	if let Some(buffer) = SPARE.with(|spare| {
		let mut spare = spare.borrow_mut();
		spare.iter().position(|b| b.len() == len).map(|i| spare.swap_remove(i))
	}) {
		return buffer;
	}
	vec![0; len]
}

/// Gives a product buffer back for [`recycled`] (dropped when enough are kept).
#[inline(always)]
pub fn recycle(buffer: Vec<i32>) {
	#[cfg(feature = "std")]
	SPARE.with(|spare| {
		let mut spare = spare.borrow_mut();
		if spare.len() < SPARE_BUFFERS {
			spare.push(buffer);
		}
	});
	#[cfg(not(feature = "std"))]
	drop(buffer);
}

/// Quantizes `x` (`rows × cols`, Q12) row by row and applies `lin`.
#[inline(always)]
pub fn quantize_linear(backend: &dyn Int8Gemm, x: &[i32], rows: usize, lin: &Linear) -> Result<Vec<i32>, InferError> {
	let q = quantize_rows(x, rows, lin.inputs());
	linear(backend, &q, lin)
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
	let mut probs = vec![0i32; n];
	let mut pv = vec![0i32; n * d];
	let mut wide = vec![0i64; n.max(d)];
	let mut vt = vec![0i32; d * n];
	// One set of buffers for every head.
	let (mut qh, mut kh) = (QRows::zeroed(n, d), QRows::zeroed(n, d));
	let (mut pq, mut vq) = (QRows::zeroed(n, n), QRows::zeroed(d, n));
	for h in 0..heads {
		quantize_rows_into(q, hidden, h * d, &mut qh);
		quantize_rows_into(k, hidden, h * d, &mut kh);
		backend.gemm(&qh.data, &kh.data, n, n, d, &mut acc)?;
		let keys = ColumnScales::new(&kh.scales);
		// Each row of scores: requantized and scaled, its softmax, and the softmax
		// quantized for the product with V, while the row is in cache.
		let rows = acc.chunks_exact_mut(n.max(1)).zip(pq.data.chunks_exact_mut(n.max(1)));
		for (((row, p_row), sp), sq) in rows.zip(pq.scales.iter_mut()).zip(&qh.scales) {
			keys.requant_row(row, *sq, ACT_FRAC as i32, &mut wide);
			for (s, raw) in row.iter_mut().zip(&wide) {
				*s = clamp_act((clamp_act(*raw) as i64 * scale + (1 << 15)) >> 16);
			}
			softmax_row(row, &mut probs);
			*sp = quantize_row(&probs, p_row);
		}
		for (t, vrow) in v.chunks_exact(hidden.max(1)).enumerate().take(n) {
			for (c, value) in vrow[h * d..(h + 1) * d].iter().enumerate() {
				vt[c * n + t] = *value;
			}
		}
		quantize_rows_into(&vt, n, 0, &mut vq);
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
