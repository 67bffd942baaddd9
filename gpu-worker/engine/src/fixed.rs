//! The integer primitives every det-int8 step is built from: one rounding rule (to
//! nearest, ties toward +∞), the activation clamp, and an exact integer square root.

/// Fractional bits of every activation tensor (the hidden state, projections, GELU
/// outputs, pooled embeddings): an integer `v` stands for `v / 2^12`.
pub const ACT_FRAC: u32 = 12;

/// Fractional bits of attention probabilities: `p` stands for `p / 2^15`.
pub const PROB_FRAC: u32 = 15;

/// Every stored activation is clamped to `[-ACT_MAX, ACT_MAX]` (±2048.0 as a real
/// number). The bound is what keeps LayerNorm's sums inside `i64`.
pub const ACT_MAX: i32 = (1 << 23) - 1;

/// Clamps an intermediate value to the activation range.
#[inline(always)]
pub fn clamp_act(v: i64) -> i32 {
	v.clamp(-(ACT_MAX as i64), ACT_MAX as i64) as i32
}

/// `round(v / 2^s)` with ties toward +∞: `(v + 2^(s-1)) >> s`, an arithmetic shift.
///
/// `s = 0` is the identity. `s > 62` gives 0 (every caller keeps `|v| < 2^59`, so the
/// exact quotient is below one half). A negative `s` multiplies by `2^-s`, saturating.
#[inline(always)]
pub fn shift_round(v: i64, s: i32) -> i64 {
	if s > 62 {
		0
	} else if s > 0 {
		(v + (1i64 << (s - 1))) >> s
	} else if s == 0 {
		v
	} else {
		let up = (-s).min(62) as u32;
		v.saturating_mul(1i64 << up)
	}
}

/// `round(n / d)` with ties toward +∞, for `d > 0`: `floor((2n + d) / 2d)`.
///
/// Callers keep `|n| < 2^61` and `d < 2^61`. A non-positive `d` is a programming
/// error in this crate; it returns 0 rather than panicking.
#[inline(always)]
pub fn div_round(n: i64, d: i64) -> i64 {
	if d <= 0 {
		return 0;
	}
	(2 * n + d).div_euclid(2 * d)
}

/// [`div_round`] by one divisor, many times, with a multiplication instead of a
/// division per call (a row's quantization step, softmax sum or LayerNorm σ).
///
/// `div_round(n, d) = floor(N / D)` with `N = 2n + d`, `D = 2d`. For `x ≥ 0`,
/// `floor(x / D)` is `q0 = floor(x · M / 2^64)` with `M = floor((2^64 − 1) / D)`, plus
/// one when `x − q0·D ≥ D`. Why one correction suffices: `D·M > 2^64 − 1 − D`, so
/// `x/D − x·M/2^64 = x·(2^64 − D·M)/(D·2^64) ≤ x/2^64 < 1`, and `q0` is `floor(x/D)` or
/// one less. Negative `N` uses `floor(N/D) = −floor((−N + D − 1)/D)`. The same integers
/// as [`div_round`] for every `|n| < 2^61`, `0 < d < 2^61` (property-tested).
#[derive(Clone, Copy, Debug)]
pub struct RoundDiv {
	/// `2d`.
	d2: u64,
	/// `floor((2^64 − 1) / 2d)`.
	magic: u64,
	/// `d` (0 when the divisor was not positive: every quotient is 0, as `div_round`).
	d: i64,
}

impl RoundDiv {
	/// The divisor `d` (callers keep `0 < d < 2^61`; otherwise every quotient is 0).
	#[inline(always)]
	pub fn new(d: i64) -> Self {
		if d <= 0 {
			return RoundDiv { d2: 1, magic: 0, d: 0 };
		}
		let d2 = 2 * d as u64;
		RoundDiv { d2, magic: u64::MAX / d2, d }
	}

	#[inline(always)]
	fn floor(&self, x: u64) -> u64 {
		let q = ((u128::from(x) * u128::from(self.magic)) >> 64) as u64;
		if x - q * self.d2 >= self.d2 {
			q + 1
		} else {
			q
		}
	}

	/// `div_round(n, d)`.
	#[inline(always)]
	pub fn div(&self, n: i64) -> i64 {
		if self.d == 0 {
			return 0;
		}
		let num = 2 * n + self.d;
		if num >= 0 {
			self.floor(num as u64) as i64
		} else {
			-(self.floor(num.unsigned_abs() + self.d2 - 1) as i64)
		}
	}
}

/// [`div_round`] by one divisor through an `f64` reciprocal and an exact integer
/// correction: the vectorizable twin of [`RoundDiv`], used by `std` builds for whole
/// rows (the runtime's `no_std` build keeps to integers; both give the same integers).
///
/// `div_round(n, d) = floor(N / D)` with `N = 2n + d`, `D = 2d`. For `|n| < 2^51` and
/// `0 < d < 2^51`, `|N| < 2^53`, so `N` converts to `f64` exactly, and
/// `t = N · fl(1/D)` (two roundings, each within 2^-53 relative) is within
/// `|N/D| · 2^-51.9 < 1` of `N/D`. Truncating `t` toward zero then gives
/// `q ∈ {f − 1, f, f + 1, f + 2}` for `f = floor(N/D)` (a negative quotient rounds up),
/// and `r = N − q·D` says which: `r ≥ D` means `f − 1`, `−D ≤ r < 0` means `f + 1`,
/// `r < −D` means `f + 2`. So `q + [r ≥ D] − [r < 0] − [r < −D]` is `f`, exactly, with
/// no rounding mode or platform involved (property-tested against [`div_round`]).
#[cfg(feature = "std")]
#[derive(Clone, Copy, Debug)]
pub struct RecipDiv {
	/// `d`.
	d: i64,
	/// `2d`.
	d2: i64,
	/// `fl(1 / 2d)`.
	inv: f64,
}

#[cfg(feature = "std")]
impl RecipDiv {
	/// The largest magnitude of `n` and `d` it divides exactly (exclusive): 2^51.
	pub const LIMIT: i64 = 1 << 51;

	/// The divisor `d`, if `0 < d < 2^51`.
	#[inline(always)]
	pub fn new(d: i64) -> Option<Self> {
		(0 < d && d < Self::LIMIT).then(|| RecipDiv { d, d2: 2 * d, inv: 1.0 / (2 * d) as f64 })
	}

	/// `div_round(n, d)` for `|n| < 2^51`.
	#[inline(always)]
	pub fn div(&self, n: i64) -> i64 {
		let num = 2 * n + self.d;
		// SAFETY: |num · inv| < 2^52 + 1 (|num| < 2^53, inv ≤ 1/2), finite and inside
		// i64: the conversion without saturation checks (which would keep it scalar).
		let q: i64 = unsafe { (num as f64 * self.inv).to_int_unchecked() };
		let r = num - q * self.d2;
		q + i64::from(r >= self.d2) - i64::from(r < 0) - i64::from(r < -self.d2)
	}
}

/// `ceil(n / d)` for `n >= 0`, `d > 0`.
#[inline(always)]
pub fn div_ceil(n: i64, d: i64) -> i64 {
	if d <= 0 {
		return 0;
	}
	(n + d - 1) / d
}

/// `floor(sqrt(v))`, exact, bit by bit (no floating point anywhere).
pub fn isqrt(v: u64) -> u64 {
	let mut rem = v;
	let mut root = 0u64;
	let mut bit = 1u64 << 62;
	while bit > rem {
		bit >>= 2;
	}
	while bit != 0 {
		if rem >= root + bit {
			rem -= root + bit;
			root = (root >> 1) + bit;
		} else {
			root >>= 1;
		}
		bit >>= 2;
	}
	root
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn rounding_ties_go_up() {
		assert_eq!(shift_round(3, 1), 2); // 1.5 -> 2
		assert_eq!(shift_round(-3, 1), -1); // -1.5 -> -1
		assert_eq!(shift_round(5, 2), 1); // 1.25 -> 1
		assert_eq!(shift_round(-6, 2), -1); // -1.5 -> -1
		assert_eq!(div_round(7, 2), 4);
		assert_eq!(div_round(-7, 2), -3);
		assert_eq!(div_round(-8, 3), -3); // -2.67
		assert_eq!(shift_round(7, 0), 7);
		assert_eq!(shift_round(-3, -2), -12);
		assert_eq!(shift_round(i64::MAX / 2, -4), i64::MAX);
		assert_eq!(shift_round((1 << 58) - 1, 63), 0);
	}

	#[test]
	fn the_reciprocal_is_exact_at_the_edges() {
		let big = (1i64 << 61) - 1;
		for d in [1i64, 2, 3, 7, 127, 16513, 33026, 1 << 20, (1 << 40) + 1, big] {
			let r = RoundDiv::new(d);
			for n in [
				0i64,
				1,
				-1,
				d,
				-d,
				d / 2,
				-d / 2,
				d / 2 + 1,
				-(d / 2) - 1,
				big,
				-big,
				big - d,
				(3 * d + d / 2).min(big),
			] {
				assert_eq!(r.div(n), div_round(n, d), "{n} / {d}");
			}
		}
		assert_eq!(RoundDiv::new(0).div(5), div_round(5, 0));
		assert_eq!(RoundDiv::new(-3).div(5), div_round(5, -3));
	}

	#[test]
	fn the_float_reciprocal_is_exact_at_the_edges() {
		let top = RecipDiv::LIMIT - 1;
		assert!(RecipDiv::new(0).is_none() && RecipDiv::new(-1).is_none() && RecipDiv::new(RecipDiv::LIMIT).is_none());
		for d in [1i64, 2, 3, 7, 2839, 16513, 65536, 1 << 33, (1 << 40) + 1, top] {
			let r = RecipDiv::new(d).unwrap();
			for n in
				[0, 1, -1, d, -d, d / 2, -(d / 2), d / 2 + 1, -(d / 2) - 1, top, -top, top - d, d - top, 3 * (d / 2)]
			{
				assert_eq!(r.div(n), div_round(n, d), "{n} / {d}");
			}
		}
	}

	#[test]
	fn isqrt_edges() {
		assert_eq!(isqrt(0), 0);
		assert_eq!(isqrt(1), 1);
		assert_eq!(isqrt(3), 1);
		assert_eq!(isqrt(4), 2);
		assert_eq!(isqrt(u64::MAX), (1u64 << 32) - 1);
	}

	proptest! {
		#[test]
		fn isqrt_is_the_floor(v in any::<u64>()) {
			let r = isqrt(v) as u128;
			prop_assert!(r * r <= v as u128);
			prop_assert!((r + 1) * (r + 1) > v as u128);
		}

		#[test]
		fn shift_and_division_agree(v in -(1i64 << 58)..(1i64 << 58), s in 1i32..40) {
			prop_assert_eq!(shift_round(v, s), div_round(v, 1i64 << s));
		}

		#[test]
		fn the_reciprocal_divides_as_div_round(n in -(1i64 << 61) + 1..(1i64 << 61), d in 1i64..(1 << 61), small in -100_000i64..100_000, sd in 1i64..70_000) {
			prop_assert_eq!(RoundDiv::new(d).div(n), div_round(n, d));
			prop_assert_eq!(RoundDiv::new(sd).div(small), div_round(small, sd));
			prop_assert_eq!(RoundDiv::new(sd).div(n >> 20), div_round(n >> 20, sd));
		}

		#[test]
		fn the_float_reciprocal_divides_as_div_round(n in -(1i64 << 51) + 1..(1i64 << 51), d in 1i64..(1 << 51), small in -(1i64 << 36)..(1 << 36), sd in 1i64..(1 << 30), e in 0u32..51) {
			let r = RecipDiv::new(d).unwrap();
			prop_assert_eq!(r.div(n), div_round(n, d));
			prop_assert_eq!(r.div(n >> e), div_round(n >> e, d));
			let rs = RecipDiv::new(sd).unwrap();
			prop_assert_eq!(rs.div(small), div_round(small, sd));
			prop_assert_eq!(rs.div(n), div_round(n, sd));
			// Quotients next to a tie: n = q·d ± d/2 and around.
			let q = small >> 10;
			for n in [q * sd + sd / 2, q * sd + sd / 2 - 1, q * sd - sd / 2, q * sd - (sd + 1) / 2, q * sd] {
				prop_assert_eq!(rs.div(n), div_round(n, sd), "{} / {}", n, sd);
			}
		}

		#[test]
		fn division_is_within_half(n in -(1i64 << 50)..(1i64 << 50), d in 1i64..(1 << 30)) {
			let q = div_round(n, d) as i128;
			let (n, d) = (n as i128, d as i128);
			// |n/d - q| <= 1/2, with equality only when rounding up.
			prop_assert!((2 * n - 2 * q * d).abs() <= d);
			prop_assert!(2 * n - 2 * q * d != -d);
		}
	}
}
