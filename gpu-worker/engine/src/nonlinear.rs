//! Integer-only GELU, softmax and LayerNorm (after I-BERT, Kim et al. 2021), on
//! activations with [`ACT_FRAC`] fractional bits. Every constant is given as the
//! integer used; the real number it approximates is in the comment.

use crate::fixed::{clamp_act, div_round, isqrt, shift_round, RoundDiv, ACT_FRAC, PROB_FRAC};
#[cfg(feature = "std")]
use crate::fixed::{RecipDiv, ACT_MAX};

/// 1/√2 in Q16.
pub const INV_SQRT2_Q16: i64 = 46341;
/// −b = 1.769 in Q12: the clip point of the erf polynomial.
pub const ERF_CLIP_Q12: i64 = 7246;
/// a = −0.2888 in Q16: erf(t) ≈ sgn(t)·(a·(min(|t|, −b) + b)² + 1).
pub const ERF_A_Q16: i64 = -18927;
/// ln 2 in Q12.
pub const LN2_Q12: i64 = 2839;
/// exp(p) on (−ln 2, 0] as the cubic `c0 + c1·p + c2·p² + c3·p³` interpolating exp at
/// the four Chebyshev nodes of the interval, coefficients in Q16 (c0 … c3). Its
/// relative error is below 1.1·10⁻⁴ on every Q12 input (I-BERT's quadratic: 3·10⁻³).
pub const EXP_POLY_Q16: [i64; 4] = [65532, 65362, 31482, 7770];

const ONE_ACT: i64 = 1 << ACT_FRAC;

/// GELU(x) ≈ x/2 · (1 + erf(x/√2)) with I-BERT's second-order erf.
///
/// `t = min(round(|x|·46341 / 2^16), 7246)`, `e = round(−18927·(t − 7246)² / 2^28) + 4096`
/// (erf(|x|/√2) in Q12), `gelu = round(x·(4096 ± e) / 2^13)` with `+` for `x > 0`,
/// `−` for `x < 0` and 0 for `x = 0`; clamped.
#[inline(always)]
pub fn gelu(x: i32) -> i32 {
	let x = x as i64;
	let t = shift_round(x.abs() * INV_SQRT2_Q16, 16).min(ERF_CLIP_Q12);
	let d = t - ERF_CLIP_Q12;
	let erf_abs = shift_round(ERF_A_Q16 * d * d, 28) + ONE_ACT;
	// erf's sign is x's; at x = 0 the product is 0 whichever sign is taken.
	let erf = if x < 0 { -erf_abs } else { erf_abs };
	clamp_act(shift_round(x * (ONE_ACT + erf), ACT_FRAC as i32 + 1))
}

/// ReLU.
#[inline(always)]
pub fn relu(x: i32) -> i32 {
	x.max(0)
}

/// `ceil(2^37 / 2839)`: `floor(y / 2839) = (y · LN2_MAGIC) >> 37` for `0 ≤ y < 2^25`.
const LN2_MAGIC: u64 = (1u64 << 37).div_ceil(LN2_Q12 as u64);

/// `floor(y / 2839)` (`y` = −x, the distance below the row's maximum). For `0 ≤ y <
/// 2^25` (every score: they are clamped to ±(2^23 − 1)) by one multiplication: with
/// `e = LN2_MAGIC · 2839 − 2^37 < 2839 < 2^12`, `y · e < 2^37`, so the product exceeds
/// `y / 2839` by less than `1/2839` and has the same floor. Anything else divides.
#[inline(always)]
fn ln2_quotient(y: i64) -> i64 {
	if (0..1 << 25).contains(&y) {
		((y as u64 * LN2_MAGIC) >> 37) as i64
	} else {
		y.div_euclid(LN2_Q12)
	}
}

/// exp(x) for `x ≤ 0` in Q12, as a Q16 integer.
///
/// `z = floor(−x / 2839)`, `p = x + 2839·z ∈ (−ln 2, 0]`, then Horner in Q16:
/// `t = c3`, `t = shift_round(t·p, 12) + c` for `c = c2, c1, c0`; the result is
/// `shift_round(t, z)`, or 0 for `z > 62`.
#[inline(always)]
pub fn exp_neg(x: i64) -> i64 {
	let z = ln2_quotient(x.saturating_neg());
	let p = x + LN2_Q12 * z;
	let [c0, c1, c2, c3] = EXP_POLY_Q16;
	let mut t = c3;
	for c in [c2, c1, c0] {
		t = shift_round(t * p, ACT_FRAC as i32) + c;
	}
	if z > 62 {
		0
	} else {
		shift_round(t, z as i32)
	}
}

/// Softmax of one row of Q12 scores, as probabilities in Q15 (`p / 2^15`).
///
/// `e_j = exp_neg(s_j − max s)`, `p_j = round(e_j · 2^15 / Σ e)`. The maximum's term
/// is `c0` (about 2^16), so the sum is never zero.
#[inline(always)]
pub fn softmax_row(scores: &[i32], out: &mut [i32]) {
	#[cfg(feature = "std")]
	let (min, max) = scores.iter().fold((i32::MAX, i32::MIN), |(lo, hi), s| (lo.min(*s), hi.max(*s)));
	#[cfg(not(feature = "std"))]
	let max = scores.iter().copied().max().unwrap_or(0);
	#[cfg(feature = "std")]
	{
		if i64::from(max) - i64::from(min) < EXP_FAST_RANGE {
			let mut sum = 0u64;
			for (o, s) in out.iter_mut().zip(scores) {
				let e = exp_below(max.wrapping_sub(*s) as u32);
				*o = e as i32;
				sum += u64::from(e);
			}
			// Σe ≤ n·2^17 and e·2^15 < 2^33: inside RecipDiv's range for any row the
			// engine accepts (n < 2^22 values).
			if let Some(div) = RecipDiv::new(sum as i64) {
				for o in out.iter_mut() {
					*o = div.div(i64::from(*o) << PROB_FRAC) as i32;
				}
				return;
			}
		}
	}
	let max = max as i64;
	let mut sum = 0i64;
	for (o, s) in out.iter_mut().zip(scores) {
		let e = exp_neg(*s as i64 - max);
		*o = e as i32;
		sum += e;
	}
	let sum = RoundDiv::new(sum);
	for o in out.iter_mut() {
		*o = sum.div((*o as i64) << PROB_FRAC) as i32;
	}
}

/// Rows whose scores span less than this (2^24: every row of clamped scores) take
/// [`exp_below`].
#[cfg(feature = "std")]
const EXP_FAST_RANGE: i64 = 1 << 24;

/// [`exp_neg`]`(−y)` for `0 ≤ y < 2^24`, in 32-bit lanes (it vectorizes): the same
/// integers. `z = floor(y / 2839)` by [`LN2_MAGIC`] (`y < 2^25`), `p = 2839·z − y` in
/// `(−2839, 0]`; Horner's products `t·p` stay below 2^17 · 2^12 = 2^29 and every `t` is
/// positive (the cubic is at least 0.49 on the interval), so `shift_round(v, 12)` is
/// `(v + 2048) >> 12` in `i32`. The last shift: `t < 2^17`, so `shift_round(t, z)` is 0
/// for every `z ≥ 18`, and `z` is clamped to 31 (where the `u32` formula still gives 0).
/// Tested against [`exp_neg`] on every `y` below 2^18 (beyond it both are 0) and above.
#[cfg(feature = "std")]
#[inline(always)]
fn exp_below(y: u32) -> u32 {
	let z = ((u64::from(y) * LN2_MAGIC) >> 37) as u32;
	let p = (LN2_Q12 as u32).wrapping_mul(z).wrapping_sub(y) as i32;
	let [c0, c1, c2, c3] = EXP_POLY_Q16.map(|c| c as i32);
	let mut t = c3;
	for c in [c2, c1, c0] {
		t = ((t * p + (1 << (ACT_FRAC - 1))) >> ACT_FRAC) + c;
	}
	let z = z.min(31);
	(t as u32 + ((1u32 << z) >> 1)) >> z
}

/// LayerNorm of one row in place, with `gamma` and `beta` in Q12.
///
/// `μ = round(Σx / n)`, `d = x − μ`, `σ² = round(Σd² / n)` (Q24),
/// `σ = max(1, isqrt(σ² · 2^8))` (Q16), `y = round(d·γ·16 / σ) + β`, clamped.
/// With `|x| < 2^23` every intermediate stays below 2^57. ε (1e-12 for MiniLM) is
/// below the integer resolution and is left out.
#[inline(always)]
pub fn layer_norm(x: &mut [i32], gamma: &[i32], beta: &[i32]) {
	let n = x.len() as i64;
	if n == 0 {
		return;
	}
	let mean = div_round(x.iter().map(|v| *v as i64).sum(), n);
	let var = div_round(x.iter().map(|v| (*v as i64 - mean).pow(2)).sum(), n);
	let sigma = (isqrt((var as u64) << 8) as i64).max(1);
	#[cfg(feature = "std")]
	{
		// |d·γ·16| < 2^51 when every |d| < 2^24 and |γ| < 2^23 (the loader's bound):
		// inside RecipDiv's range (σ < 2^36 always).
		let (lo, hi) = x.iter().fold((i32::MAX, i32::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
		let g_max = gamma.iter().map(|g| g.unsigned_abs()).max().unwrap_or(0);
		if i64::from(hi) - i64::from(lo) < 1 << 24 && g_max <= ACT_MAX as u32 {
			if let Some(sigma) = RecipDiv::new(sigma) {
				for ((v, g), b) in x.iter_mut().zip(gamma).zip(beta) {
					let d = *v as i64 - mean;
					*v = clamp_act(sigma.div(d * *g as i64 * 16) + *b as i64);
				}
				return;
			}
		}
	}
	let sigma = RoundDiv::new(sigma);
	for ((v, g), b) in x.iter_mut().zip(gamma).zip(beta) {
		let d = *v as i64 - mean;
		*v = clamp_act(sigma.div(d * *g as i64 * 16) + *b as i64);
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::vec;
	use alloc::vec::Vec;

	fn q12(v: f64) -> i32 {
		(v * 4096.0).round() as i32
	}
	fn real(v: i64, frac: u32) -> f64 {
		v as f64 / (1u64 << frac) as f64
	}

	#[test]
	fn gelu_tracks_the_real_function() {
		for i in -800..=800 {
			let x = i as f64 / 100.0;
			let want = 0.5 * x * (1.0 + libm::erf(x / core::f64::consts::SQRT_2));
			let got = real(gelu(q12(x)) as i64, 12);
			assert!((got - want).abs() < 0.021, "gelu({x}) = {got}, want {want}");
		}
		assert_eq!(gelu(0), 0);
		assert_eq!(gelu(crate::fixed::ACT_MAX), crate::fixed::ACT_MAX);
		assert_eq!(gelu(-crate::fixed::ACT_MAX), 0);
	}

	#[test]
	fn the_ln2_quotient_is_the_division() {
		let step = LN2_Q12;
		for k in 0..=(1i64 << 25) / step + 1 {
			for y in [k * step - 1, k * step, k * step + 1, k * step + step / 2] {
				assert_eq!(ln2_quotient(y), y.div_euclid(step), "{y}");
			}
		}
		for y in [(1 << 25) - 1, 1 << 25, i64::MAX, -1, -5000] {
			assert_eq!(ln2_quotient(y), y.div_euclid(step), "{y}");
		}
	}

	#[test]
	fn exp_tracks_the_real_function() {
		for i in 0..=2000 {
			let x = -(i as f64) / 100.0;
			let got = real(exp_neg(q12(x) as i64), 16);
			let want = libm::exp(x);
			assert!((got - want).abs() < 2.0e-4 * want + 2.0e-5, "exp({x}) = {got}, want {want}");
		}
		assert_eq!(exp_neg(-(1 << 24)), 0);
	}

	#[test]
	fn the_32_bit_exp_is_exp_neg() {
		for y in (0..1u32 << 18).chain((18..24).flat_map(|b| [(1u32 << b) - 1, 1 << b, (1 << b) + 2839])) {
			assert_eq!(i64::from(exp_below(y)), exp_neg(-i64::from(y)), "y = {y}");
		}
		assert_eq!(exp_below((1 << 24) - 1), 0);
	}

	/// A row with scores spanning more than 2^24 takes the integer path: the same
	/// definition, so rows on both sides of the switch agree with a direct evaluation.
	#[test]
	fn softmax_rows_agree_with_the_definition_on_both_paths() {
		for spread in [1000i32, 1 << 20, (1 << 24) - 1, 1 << 24, i32::MAX / 2] {
			let scores: Vec<i32> = (0..37).map(|i| (i * 7919 % 37) * (spread / 36) - spread / 2).collect();
			let mut got = vec![0; scores.len()];
			softmax_row(&scores, &mut got);
			let max = *scores.iter().max().unwrap() as i64;
			let e: Vec<i64> = scores.iter().map(|s| exp_neg(*s as i64 - max)).collect();
			let sum: i64 = e.iter().sum();
			let want: Vec<i32> = e.iter().map(|e| div_round(e << PROB_FRAC, sum) as i32).collect();
			assert_eq!(got, want, "spread {spread}");
		}
	}

	/// Both LayerNorm paths (rows within 2^24 and wider ones, γ within the loader's
	/// bound and beyond) against the formula with plain divisions.
	#[test]
	fn layer_norm_is_the_formula_on_both_paths() {
		for (spread, g) in
			[(1000i64, 4096i32), ((1 << 23) - 1, crate::fixed::ACT_MAX), (1 << 24, 4096), (3000, i32::MAX / 64)]
		{
			let x: Vec<i32> = (0..48).map(|i| ((i * 7919 % 48) as i64 * spread / 47 - spread / 2) as i32).collect();
			let gamma: Vec<i32> = (0..48).map(|i| if i % 3 == 0 { -g } else { g / (i + 1) }).collect();
			let beta: Vec<i32> = (0..48).map(|i| i * 100 - 2400).collect();
			let mut got = x.clone();
			layer_norm(&mut got, &gamma, &beta);
			let n = x.len() as i64;
			let mean = div_round(x.iter().map(|v| *v as i64).sum(), n);
			let var = div_round(x.iter().map(|v| (*v as i64 - mean).pow(2)).sum(), n);
			let sigma = (isqrt((var as u64) << 8) as i64).max(1);
			let want: Vec<i32> = x
				.iter()
				.zip(&gamma)
				.zip(&beta)
				.map(|((v, g), b)| clamp_act(div_round((*v as i64 - mean) * *g as i64 * 16, sigma) + *b as i64))
				.collect();
			assert_eq!(got, want, "spread {spread}, gamma {g}");
		}
	}

	#[test]
	fn softmax_rows_sum_to_one() {
		let scores: Vec<i32> = [0.5, -1.0, 3.25, 3.0, -8.0].iter().map(|v| q12(*v)).collect();
		let mut p = vec![0; 5];
		softmax_row(&scores, &mut p);
		let total: i32 = p.iter().sum();
		assert!((total - (1 << 15)).abs() <= 3, "{total}");
		let exps: Vec<f64> = [0.5f64, -1.0, 3.25, 3.0, -8.0].iter().map(|v| libm::exp(*v)).collect();
		let z: f64 = exps.iter().sum();
		for (got, e) in p.iter().zip(exps) {
			assert!((real(*got as i64, 15) - e / z).abs() < 0.003);
		}
	}

	#[test]
	fn layer_norm_normalizes() {
		let mut x: Vec<i32> = (0..64).map(|i| q12(((i * 7) % 13) as f64 - 6.0)).collect();
		let ones = vec![4096; 64];
		let zeros = vec![0; 64];
		layer_norm(&mut x, &ones, &zeros);
		let mean: f64 = x.iter().map(|v| real(*v as i64, 12)).sum::<f64>() / 64.0;
		let var: f64 = x.iter().map(|v| real(*v as i64, 12).powi(2)).sum::<f64>() / 64.0;
		assert!(mean.abs() < 1e-3, "{mean}");
		assert!((var - 1.0).abs() < 2e-3, "{var}");
		let mut flat = vec![q12(3.0); 8];
		layer_norm(&mut flat, &ones[..8], &[7; 8]);
		assert_eq!(flat, vec![7; 8], "a constant row becomes beta");
	}
}
