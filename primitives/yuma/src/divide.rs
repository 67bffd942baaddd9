//! Exact division by a divisor that is used many times (a row's or a column's sum).
//!
//! [`I32F32::div`] divides a 96-bit numerator by a 64-bit divisor, which costs a 128-bit
//! division per entry: the largest cost of an epoch over dense weights. [`Divisor`]
//! precomputes a reciprocal once and then divides with two multiplications, giving the
//! same bits as [`I32F32::div`] for every numerator. The method is the 2-by-1 division
//! with a precomputed reciprocal of Möller and Granlund ("Improved division by invariant
//! integers", IEEE Transactions on Computers, 2011, algorithm 4): for a divisor `d`
//! normalised so that its top bit is set and `v = floor((2^128 - 1) / d) - 2^64`, the
//! quotient of a 128-bit `u = (u1, u0)` with `u1 < d` is found from `v * u1 + u` with at
//! most two corrections.
//!
//! Numerators below one (raw bits below 2^32, so `x · 2^32 < 2^64`: every normalised
//! weight, bond and share) take a shorter path, the round-up reciprocal of Granlund and
//! Montgomery ("Division by invariant integers using multiplication", PLDI 1994,
//! Theorem 4.2): with `l = ceil(log2 d)` and `m = ceil(2^(64 + l) / d)`,
//! `m · d - 2^(64 + l) < d ≤ 2^l`, hence `floor(n · m / 2^(64 + l)) = floor(n / d)` for
//! every `n < 2^64`. `m` has 65 bits; with `m = 2^64 + low` and `h = floor(n · low /
//! 2^64) <= n`, the quotient is `floor((n + h) / 2^l)`, computed without a 65-bit sum as
//! `(((n - h) >> 1) + h) >> (l - 1)`: one multiplication. It is taken for divisors of at
//! least 2 raw (`l >= 1`), whose quotients of such numerators stay below 2^63.

use crate::fixed::{FRAC_BITS, I32F32};
use alloc::vec::Vec;

/// A positive fixed-point divisor with its reciprocal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Divisor {
	/// The divisor's raw bits.
	raw: i64,
	/// The divisor shifted left until its top bit is set (0 for a non-positive divisor).
	normalized: u64,
	/// How far it was shifted.
	shift: u32,
	/// `floor((2^128 - 1) / normalized) - 2^64`.
	reciprocal: u64,
	/// `ceil(2^(64 + l) / raw) - 2^64`, for numerators below one.
	low: u64,
	/// `l - 1` with `l = ceil(log2 raw)`, for a divisor of at least 2 raw; `u32::MAX`
	/// when numerators below one do not take the short path.
	short_shift: u32,
}

impl Divisor {
	/// Prepares division by `d`. A zero or negative divisor is kept as it is and every
	/// division by it takes [`I32F32::div`]'s own path.
	pub fn new(d: I32F32) -> Self {
		let raw = d.to_bits();
		if raw <= 0 {
			return Self { raw, normalized: 0, shift: 0, reciprocal: 0, low: 0, short_shift: u32::MAX };
		}
		let shift = (raw as u64).leading_zeros();
		let normalized = (raw as u64) << shift;
		// floor((2^128 - 1) / d) - 2^64 = floor(((2^64 - 1 - d) * 2^64 + 2^64 - 1) / d): the
		// same value as a quotient below 2^64 (d >= 2^63), which is one hardware division.
		let numerator = (u128::from(!normalized) << 64) | u128::from(u64::MAX);
		let reciprocal = (numerator / u128::from(normalized)) as u64;
		let l = u64::BITS - (raw as u64 - 1).leading_zeros();
		// Below 2^65 (d > 2^(l - 1)) and at least 2^64 (d <= 2^l): the low 64 bits.
		let low = ((1u128 << (64 + l)).div_ceil(raw as u128) - (1u128 << 64)) as u64;
		let short_shift = if raw >= 2 { l - 1 } else { u32::MAX };
		Self { raw, normalized, shift, reciprocal, low, short_shift }
	}

	/// The divisor.
	pub fn value(&self) -> I32F32 {
		I32F32::from_bits(self.raw)
	}

	/// `x.div(divisor)`, bit for bit: `(x << 32) / d` truncated toward zero, and 0 when
	/// the divisor is zero or the quotient does not fit.
	#[inline]
	pub fn divide(&self, x: I32F32) -> I32F32 {
		let a = x.to_bits();
		// 0 <= a < 2^32 and a divisor of at least 2 raw.
		if (a as u64) < 1 << FRAC_BITS && self.short_shift != u32::MAX {
			let n = (a as u64) << FRAC_BITS;
			let h = ((u128::from(n) * u128::from(self.low)) >> 64) as u64;
			return I32F32::from_bits((((n - h) >> 1) + h).wrapping_shr(self.short_shift) as i64);
		}
		self.divide_long(x)
	}

	/// [`Self::divide`] for every numerator: the 2-by-1 division.
	fn divide_long(&self, x: I32F32) -> I32F32 {
		let a = x.to_bits();
		if self.normalized == 0 || a < 0 {
			return x.div(self.value());
		}
		let numerator = (a as u128) << FRAC_BITS;
		// A quotient of 2^64 or more does not fit (and would break the method below).
		if (numerator >> 64) as u64 >= self.raw as u64 {
			return I32F32::ZERO;
		}
		// Below d * 2^64, so the normalised numerator fits in 128 bits with u1 < d.
		let u = numerator << self.shift;
		let (u1, u0) = ((u >> 64) as u64, u as u64);
		// u1 * (v + 2^64) + u0 < 2^128 because u1 < d (see the paper, or: v + 2^64 <=
		// (2^128 - 1) / d).
		let product = u128::from(self.reciprocal) * u128::from(u1) + u;
		let mut quotient = ((product >> 64) as u64).wrapping_add(1);
		let low = product as u64;
		let mut remainder = u0.wrapping_sub(quotient.wrapping_mul(self.normalized));
		if remainder > low {
			quotient = quotient.wrapping_sub(1);
			remainder = remainder.wrapping_add(self.normalized);
		}
		if remainder >= self.normalized {
			quotient = quotient.wrapping_add(1);
		}
		i64::try_from(quotient).map(I32F32::from_bits).unwrap_or(I32F32::ZERO)
	}

	/// Normalisation's division: `x / d`, except that a zero divisor leaves `x` as it is
	/// (a column or row summing to zero is left untouched).
	#[inline]
	pub fn scale(&self, x: I32F32) -> I32F32 {
		if self.raw == 0 {
			x
		} else {
			self.divide(x)
		}
	}
}

/// One divisor per value (a column's sum or maximum).
pub fn divisors(values: &[I32F32]) -> Vec<Divisor> {
	values.iter().map(|v| Divisor::new(*v)).collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	/// A small deterministic generator (xorshift), enough to cover the bit patterns.
	fn values(seed: u64, count: usize) -> Vec<i64> {
		let mut state = seed | 1;
		(0..count)
			.map(|_| {
				state ^= state << 13;
				state ^= state >> 7;
				state ^= state << 17;
				// Every magnitude: shift a random word right by a random amount.
				(state >> (state % 64)) as i64
			})
			.collect()
	}

	#[test]
	fn agrees_with_division_bit_for_bit() {
		let edges = [
			0,
			1,
			2,
			3,
			(1 << 32) - 1,
			1 << 32,
			(1 << 32) + 1,
			i64::MAX,
			i64::MAX - 1,
			1 << 62,
			-1,
			-(1 << 32),
			i64::MIN,
		];
		let mut divisors: Vec<i64> = values(7, 300);
		divisors.extend(edges);
		let mut numerators: Vec<i64> = values(11, 300);
		numerators.extend(edges);
		for &d in &divisors {
			let divisor = Divisor::new(I32F32::from_bits(d));
			for &x in &numerators {
				let x = I32F32::from_bits(x);
				assert_eq!(divisor.divide(x), x.div(I32F32::from_bits(d)), "{x:?} / {d}");
			}
			// Numerators at or just below the divisor: quotients at and around one.
			for delta in [0, 1, 2, 1000] {
				let x = I32F32::from_bits(d.saturating_sub(delta).max(0));
				assert_eq!(divisor.divide(x), x.div(I32F32::from_bits(d)), "{x:?} / {d}");
			}
		}
	}

	#[test]
	fn numerators_below_one_take_the_short_path_exactly() {
		// Divisors at every power of two and its neighbours (where l and the rounding of
		// the reciprocal change), numerators across [0, 1) and at its top.
		let mut divisors: Vec<i64> = (0..63).flat_map(|k| [(1i64 << k) - 1, 1 << k, (1 << k) + 1]).collect();
		divisors.extend([i64::MAX, i64::MAX - 1]);
		divisors.extend(values(23, 100));
		let mut numerators: Vec<i64> = values(29, 200).into_iter().map(|x| x & 0xFFFF_FFFF).collect();
		numerators.extend([0, 1, 2, (1 << 31) - 1, 1 << 31, (1 << 32) - 2, (1 << 32) - 1]);
		for &d in divisors.iter().filter(|d| **d > 0) {
			let divisor = Divisor::new(I32F32::from_bits(d));
			for &x in &numerators {
				let x = I32F32::from_bits(x);
				assert_eq!(divisor.divide(x), x.div(I32F32::from_bits(d)), "{x:?} / {d}");
			}
		}
	}

	proptest::proptest! {
		#[test]
		fn agrees_with_division_below_one(x in 0i64..(1 << 32), d in 1i64..) {
			let (x, d) = (I32F32::from_bits(x), I32F32::from_bits(d));
			proptest::prop_assert_eq!(Divisor::new(d).divide(x), x.div(d));
		}
	}

	#[test]
	fn the_reciprocal_is_the_papers() {
		for d in [1u64 << 63, (1 << 63) + 1, u64::MAX, 0xB504_F333_F9DE_6484] {
			let divisor = Divisor::new(I32F32::from_bits((d >> 1) as i64));
			assert_eq!(divisor.normalized, d & !1);
			let expected = (u128::MAX / u128::from(d & !1)) - (1u128 << 64);
			assert_eq!(u128::from(divisor.reciprocal), expected);
		}
	}

	#[test]
	fn scale_leaves_a_zero_sum_alone() {
		let x = I32F32::from_int(3);
		assert_eq!(Divisor::new(I32F32::ZERO).scale(x), x);
		assert_eq!(Divisor::new(I32F32::ZERO).divide(x), I32F32::ZERO);
		assert_eq!(Divisor::new(I32F32::from_int(4)).scale(x), I32F32::ratio(3, 4));
	}
}
