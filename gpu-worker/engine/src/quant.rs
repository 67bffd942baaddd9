//! Row scales and the dynamic int8 quantization of activation rows.
//!
//! Every int8 row, weight or activation, carries a [`Scale`] `(m, k)`: the integer
//! it stands for is `q · m · 2^-k`. Weights are stored with their scale (per output
//! channel); activations get one per row at run time from the row itself.

use crate::fixed::{div_ceil, shift_round, RoundDiv, ACT_MAX};
use alloc::vec::Vec;

/// The scale of one int8 row: the row's `q` stands for `q · m · 2^-k`.
///
/// Weights keep `m` in `[2^14, 2^16)` and `k` in `0..=255`; activation rows get
/// `m` in `[16513, 33026]` and `k` in `-10..=21`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
	/// Mantissa, at most 2^16.
	pub m: u32,
	/// Exponent: the row is divided by `2^k`.
	pub k: i32,
}

impl Scale {
	/// The scale of an all-zero row.
	pub const ZERO_ROW: Scale = Scale { m: 1 << 14, k: 0 };
}

/// An int8 matrix with one scale per row, row-major.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QRows {
	/// Rows.
	pub rows: usize,
	/// Columns (the length of each row).
	pub cols: usize,
	/// `rows × cols` values in `[-127, 127]`.
	pub data: Vec<i8>,
	/// One scale per row.
	pub scales: Vec<Scale>,
}

impl QRows {
	/// `rows × cols` zeros with [`Scale::ZERO_ROW`] scales (a buffer to quantize into).
	pub fn zeroed(rows: usize, cols: usize) -> Self {
		QRows { rows, cols, data: alloc::vec![0; rows * cols], scales: alloc::vec![Scale::ZERO_ROW; rows] }
	}

	/// Row `r`'s values.
	pub fn row(&self, r: usize) -> &[i8] {
		&self.data[r * self.cols..(r + 1) * self.cols]
	}
}

/// Quantizes one row of integers to int8 (the det-int8 rule; see the crate docs).
///
/// `amax = max |x|`; for `amax = 0` every `q` is 0 with [`Scale::ZERO_ROW`].
/// Otherwise `L` = the bit length of `amax`, `k = 22 - L`,
/// `m = ceil(amax · 2^k / 127)`, `q = round(x · 2^k / m)` (ties toward +∞), all
/// computed exactly in integers (for `k < 0` the `2^k` moves to the divisor).
#[inline(always)]
pub fn quantize_row(x: &[i32], out: &mut [i8]) -> Scale {
	let amax = i64::from(x.iter().map(|v| v.unsigned_abs()).max().unwrap_or(0));
	if amax == 0 {
		out.iter_mut().for_each(|q| *q = 0);
		return Scale::ZERO_ROW;
	}
	let bits = 64 - amax.leading_zeros() as i32;
	let k = 22 - bits;
	// `2^k` multiplies the values for k ≥ 0 and divides them (moved to the divisor)
	// for k < 0, so every quotient is exact integer arithmetic.
	let (up, down) = if k >= 0 { (k, 0) } else { (0, -k) };
	// The usual case (k ≥ 0) divides by the constant 127, which compiles to a
	// multiplication: one division a row fewer (attention quantizes 416 rows a head).
	let m = if down == 0 { ((amax << up) + 126) / 127 } else { div_ceil(amax, 127i64 << down) };
	if amax <= ACT_MAX as i64 {
		quantize_in_range(x, out, up, m << down);
	} else {
		let den = RoundDiv::new(m << down);
		for (q, v) in out.iter_mut().zip(x) {
			*q = den.div((*v as i64) << up) as i8;
		}
	}
	Scale { m: m as u32, k }
}

/// `q = div_round(v · 2^up, den)` for a row within the activation range, by one
/// multiplication per value in 32 × 32 → 64 bits (which vectorizes), exactly.
///
/// With `amax ≤ 2^23 − 1`: `L ≤ 23`, so `k ≥ −1`, `|v · 2^up| < 2^23`, and
/// `den = m · 2^down < 2^17`. `div_round(n, den) = floor(N / D)` with `N = 2n + den`,
/// `D = 2·den < 2^18`; since `|q| ≤ 127`, `N' = N + 128·D` is in `[0, 2^26)` and
/// `q = floor(N' / D) − 128`. With `M = ceil(2^44 / D) < 2^29` (as `D > 2^15`) and
/// `e = M·D − 2^44 ∈ [0, D)`: `N'·M / 2^44 = N'/D + N'·e / (D·2^44)`, and
/// `N'·e < 2^26 · 2^18 = 2^44`, so the excess is below `1/D` and cannot reach the next
/// integer: `floor(N'·M / 2^44) = floor(N'/D)`. Property-tested against `div_round`.
#[inline(always)]
fn quantize_in_range(x: &[i32], out: &mut [i8], up: i32, den: i64) {
	let d = 2 * den as u64;
	let magic = (1u64 << 44).div_ceil(d);
	let bias = (128 * d + den as u64) as i64;
	#[cfg(feature = "std")]
	{
		// In 32-bit lanes: |v·2^(up+1)| < 2^24 and N' < 2^26 fit i32; the quotient is
		// estimated in f32 and corrected exactly (see `quotient_f32`).
		let (d32, bias32, inv) = (d as i32, bias as i32, 1.0 / d as f32);
		for (q, v) in out.iter_mut().zip(x) {
			let n = (*v << (up + 1)) + bias32;
			*q = (quotient_f32(n, d32, inv) - 128) as i8;
		}
	}
	#[cfg(not(feature = "std"))]
	for (q, v) in out.iter_mut().zip(x) {
		// N' = 2·v·2^up + den + 128·D, below 2^26: a u32.
		let n = ((i64::from(*v) << (up + 1)) + bias) as u32;
		*q = (((u64::from(n) * magic) >> 44) as i32 - 128) as i8;
	}
	#[cfg(feature = "std")]
	let _ = magic;
}

/// `floor(n / d)` for `0 ≤ n < 2^26`, `2^15 < d < 2^18`, in 32-bit lanes: `fl(n)` is
/// within 2 of `n` (f32 keeps 24 bits), and `fl(fl(n) · fl(1/d))` within
/// `2/d + (n/d)·2^-22.9 < 2^-13` of `n/d`, so truncating it gives `floor(n/d)` or one
/// either side; `r = n − q·d` says which (`r < 0`: one less, `r ≥ d`: one more).
#[cfg(feature = "std")]
#[inline(always)]
fn quotient_f32(n: i32, d: i32, inv: f32) -> i32 {
	// SAFETY: 0 ≤ n·inv < 2^11 + 1, finite and inside i32 (no saturation checks, which
	// would keep the loop scalar).
	let q: i32 = unsafe { (n as f32 * inv).to_int_unchecked() };
	let r = n - q * d;
	q - i32::from(r < 0) + i32::from(r >= d)
}

/// Quantizes each of the `rows` rows of `x` (row-major, `cols` wide).
#[inline(always)]
pub fn quantize_rows(x: &[i32], rows: usize, cols: usize) -> QRows {
	let mut out = QRows::zeroed(rows, cols);
	quantize_rows_into(x, cols, 0, &mut out);
	out
}

/// Quantizes `out.rows` rows of `out.cols` values into `out`, row `r` read from
/// `x[r·stride + offset ..]` (one head's columns of a wider matrix, with no copy).
#[inline(always)]
pub fn quantize_rows_into(x: &[i32], stride: usize, offset: usize, out: &mut QRows) {
	let cols = out.cols;
	for (r, (q, s)) in out.data.chunks_exact_mut(cols.max(1)).zip(out.scales.iter_mut()).enumerate() {
		*s = quantize_row(&x[r * stride + offset..r * stride + offset + cols], q);
	}
}

/// Requantizes one int32 dot product of rows with scales `a` and `b` to an integer
/// with `out_frac` fractional bits: `round(acc · m_a · m_b / 2^s)`,
/// `s = k_a + k_b + frac_a + frac_b - out_frac` (ties toward +∞).
///
/// `|acc| ≤ 127² · 4096 < 2^26` and both mantissas are below 2^16 + 2^15, so the
/// product stays below 2^59.
#[inline(always)]
pub fn requant(acc: i32, a: Scale, b: Scale, frac_shift: i32) -> i64 {
	let v = acc as i64 * a.m as i64 * b.m as i64;
	shift_round(v, a.k + b.k + frac_shift)
}

/// The scales of `B`'s rows (the columns of a product), laid out for requantizing
/// whole rows of products: mantissas and exponents as `i64` lanes, and the exponents'
/// range, which decides per row whether every shift is an ordinary right shift.
pub struct ColumnScales {
	m: Vec<u32>,
	k: Vec<i64>,
	k_min: i32,
	k_max: i32,
}

impl ColumnScales {
	/// The layout of `scales`.
	pub fn new(scales: &[Scale]) -> Self {
		ColumnScales {
			m: scales.iter().map(|s| s.m).collect(),
			k: scales.iter().map(|s| i64::from(s.k)).collect(),
			k_min: scales.iter().map(|s| s.k).min().unwrap_or(0),
			k_max: scales.iter().map(|s| s.k).max().unwrap_or(0),
		}
	}

	/// `out[j] = requant(acc[j], a, scales[j], frac_shift)` for a row of products.
	///
	/// When every shift `a.k + k_j + frac_shift` is in `1..=62` (the usual case:
	/// weights have `k ≥ 0`, activations `k ≥ −10`), `shift_round` is
	/// `(v + 2^(s−1)) >> s` in every lane, which vectorizes with per-lane shifts;
	/// otherwise each value takes [`requant`] itself. The same integers either way.
	#[inline(always)]
	pub fn requant_row(&self, acc: &[i32], a: Scale, frac_shift: i32, out: &mut [i64]) {
		let base = a.k + frac_shift;
		if base + self.k_min >= 1 && base + self.k_max <= 62 {
			let base = i64::from(base);
			for ((o, v), (m, k)) in out.iter_mut().zip(acc).zip(self.m.iter().zip(&self.k)) {
				// m_a · m_b < 2^34 from two u32s (one 32 × 32 → 64 multiply); the product
				// with acc stays below 2^61.
				let mm = (u64::from(a.m) * u64::from(*m)) as i64;
				let s = base + k;
				*o = (i64::from(*v) * mm + (1 << (s - 1))) >> s;
			}
		} else {
			for ((o, v), (m, k)) in out.iter_mut().zip(acc).zip(self.m.iter().zip(&self.k)) {
				*o = requant(*v, a, Scale { m: *m, k: *k as i32 }, frac_shift);
			}
		}
	}
}

/// The integer a weight row's element stands for, with `frac` fractional bits:
/// `round(q · m · 2^(frac - k))`. Used for embedding tables.
#[inline(always)]
pub fn dequant(q: i8, s: Scale, frac: u32) -> i64 {
	shift_round(q as i64 * s.m as i64, s.k - frac as i32)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::fixed::div_round;
	use alloc::vec::Vec;
	use proptest::prelude::*;

	#[test]
	fn zero_row_has_the_fixed_scale() {
		let mut q = [5i8; 3];
		assert_eq!(quantize_row(&[0, 0, 0], &mut q), Scale::ZERO_ROW);
		assert_eq!(q, [0, 0, 0]);
	}

	#[test]
	fn the_fast_path_is_exact_at_the_range_edges() {
		let top = ACT_MAX;
		for row in [[top, -top, 1, -1], [top, top - 1, -(top / 2), 0], [1, -1, 0, 1], [4096, -2048, 2047, -4095]] {
			let mut q = [0i8; 4];
			let s = quantize_row(&row, &mut q);
			let (up, down) = if s.k >= 0 { (s.k, 0) } else { (0, -s.k) };
			for (v, q) in row.iter().zip(q) {
				assert_eq!(i64::from(q), div_round(i64::from(*v) << up, i64::from(s.m) << down), "{v} in {row:?}");
			}
		}
	}

	/// The f32 quotient at every boundary it could miss: multiples of `d` and their
	/// neighbours, for divisors across its range (each correction is needed somewhere).
	#[cfg(feature = "std")]
	#[test]
	fn the_f32_quotient_is_the_floor_at_every_boundary() {
		let mut corrected = (0, 0);
		for d in (32769..262143).step_by(97).chain([32769, 65535, 65536, 131071, 262143]) {
			let inv = 1.0 / d as f32;
			for q in 0..(1i64 << 26) / d as i64 {
				for n in [q * d as i64 - 1, q * d as i64, q * d as i64 + 1, q * d as i64 + d as i64 / 2] {
					if !(0..1 << 26).contains(&n) {
						continue;
					}
					let n = n as i32;
					// SAFETY: as in quotient_f32.
					let raw: i32 = unsafe { (n as f32 * inv).to_int_unchecked() };
					corrected.0 += i32::from(raw > n / d);
					corrected.1 += i32::from(raw < n / d);
					assert_eq!(quotient_f32(n, d, inv), n / d, "{n} / {d}");
				}
			}
		}
		assert!(corrected.0 > 0 && corrected.1 > 0, "both corrections exercised: {corrected:?}");
	}

	#[test]
	fn the_largest_value_maps_to_127() {
		let mut q = [0i8; 3];
		let s = quantize_row(&[4096, -2048, 1], &mut q);
		// amax = 4096 (13 bits): k = 9, m = ceil(4096·512/127) = ceil(16513.008) = 16514.
		assert_eq!(s, Scale { m: 16514, k: 9 });
		assert_eq!(q, [127, -63, 0]); // -2048·512/16514 = -63.496
		let big = crate::fixed::ACT_MAX;
		let s = quantize_row(&[big, -big], &mut q[..2]);
		assert_eq!(s.k, -1);
		assert_eq!(&q[..2], &[127, -127]);
	}

	proptest! {
		/// Rows of products requantized at once give `requant`'s integers, on the shift
		/// path (every shift in 1..=62) and off it (negative, zero or huge shifts).
		#[test]
		fn requantized_rows_are_requant(acc in proptest::collection::vec(-(1i32 << 26)..(1 << 26), 1..40), ka in -10i32..22, kb in proptest::collection::vec(-12i32..70, 40), ma in 16513u32..33027, frac in 0i32..16) {
			let scales: Vec<Scale> = kb.iter().enumerate().map(|(j, k)| Scale { m: (1 << 14) + (j as u32 * 977) % (1 << 16), k: *k }).collect();
			let a = Scale { m: ma, k: ka };
			let cols = ColumnScales::new(&scales[..acc.len()]);
			let mut got = alloc::vec![0i64; acc.len()];
			cols.requant_row(&acc, a, frac, &mut got);
			for (j, (g, v)) in got.iter().zip(&acc).enumerate() {
				prop_assert_eq!(*g, requant(*v, a, scales[j], frac));
			}
			let usual = ColumnScales::new(&scales.iter().map(|s| Scale { m: s.m, k: s.k.clamp(0, 40) }).collect::<Vec<_>>()[..acc.len()]);
			usual.requant_row(&acc, a, frac, &mut got);
			for (j, (g, v)) in got.iter().zip(&acc).enumerate() {
				prop_assert_eq!(*g, requant(*v, a, Scale { m: scales[j].m, k: scales[j].k.clamp(0, 40) }, frac));
			}
		}

		/// The in-range fast path gives `div_round`'s integers for every value of a row.
		#[test]
		fn the_fast_path_is_the_division(x in proptest::collection::vec(-(1i32 << 23) + 1..(1 << 23), 1..48), shift in 0u32..23) {
			// Rows of every magnitude: shifting right gives small amax (large k).
			let x: Vec<i32> = x.iter().map(|v| v >> shift).collect();
			let mut fast = alloc::vec![0i8; x.len()];
			let s = quantize_row(&x, &mut fast);
			let (up, down) = if s.k >= 0 { (s.k, 0) } else { (0, -s.k) };
			for (v, q) in x.iter().zip(&fast) {
				prop_assert_eq!(i64::from(*q), div_round(i64::from(*v) << up, i64::from(s.m) << down));
			}
		}

		/// Rows beyond the activation range (any i32) take the general path: the same
		/// `div_round` integers.
		#[test]
		fn the_general_path_is_the_division(x in proptest::collection::vec(any::<i32>(), 1..32)) {
			let mut q = alloc::vec![0i8; x.len()];
			let s = quantize_row(&x, &mut q);
			let (up, down) = if s.k >= 0 { (s.k, 0) } else { (0, -s.k) };
			for (v, q) in x.iter().zip(&q) {
				prop_assert_eq!(i64::from(*q), div_round(i64::from(*v) << up, i64::from(s.m) << down));
			}
		}

		#[test]
		fn rows_stay_in_range_and_reconstruct(x in proptest::collection::vec(-(1i32 << 23)..(1 << 23), 1..64)) {
			let mut q = alloc::vec![0i8; x.len()];
			let s = quantize_row(&x, &mut q);
			prop_assert!(s.m >= 16513 && s.m <= 33026 || s == Scale::ZERO_ROW);
			let amax = x.iter().map(|v| (*v as i64).abs()).max().unwrap();
			for (v, q) in x.iter().zip(&q) {
				prop_assert!(*q >= -127);
				// q·m·2^-k is within half a step (m·2^-k) of v: |v·2^k - q·m| ≤ m/2.
				let err = ((*v as i128) << 40) - ((*q as i128 * s.m as i128) << (40 - s.k));
				prop_assert!(err.abs() <= (s.m as i128) << (39 - s.k));
			}
			// The largest value lands at the top of the range.
			let top = q.iter().map(|q| q.unsigned_abs()).max().unwrap();
			prop_assert!(amax == 0 || top >= 126, "top {} for amax {}", top, amax);
		}
	}
}
