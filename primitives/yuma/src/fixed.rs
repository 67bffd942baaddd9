//! Fixed-point numbers with exactly the semantics of the specification.
//!
//! [`I32F32`]: a signed 64-bit integer with 32 fraction bits.
//! - multiplication: `(a * b) >> 32` on the 128-bit product (floor), saturating;
//! - division: `(a << 32) / b`, truncating toward zero; division by zero, and a quotient
//!   that does not fit, give 0;
//! - addition and subtraction saturate.
//!
//! Stake normalisation is computed in I64F64 and truncated to I32F32; since stakes are
//! non-negative integers, `floor(floor(s * 2^64 / Σ) / 2^32) = floor(s * 2^32 / Σ)`,
//! which [`I32F32::ratio`] computes exactly.

use core::cmp::Ordering;

/// Fraction bits of [`I32F32`].
pub const FRAC_BITS: u32 = 32;

/// A signed fixed-point number with 32 integer and 32 fraction bits.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Debug)]
pub struct I32F32(i64);

impl I32F32 {
	/// Zero.
	pub const ZERO: Self = Self(0);
	/// One.
	pub const ONE: Self = Self(1 << FRAC_BITS);
	/// One half.
	pub const HALF: Self = Self(1 << (FRAC_BITS - 1));
	/// The largest value.
	pub const MAX: Self = Self(i64::MAX);

	/// From raw bits (the value times 2^32).
	pub const fn from_bits(bits: i64) -> Self {
		Self(bits)
	}

	/// The raw bits (the value times 2^32).
	pub const fn to_bits(self) -> i64 {
		self.0
	}

	/// An integer as a fixed-point number (saturating outside ±2^31).
	pub const fn from_int(n: i64) -> Self {
		if n > (i32::MAX as i64) {
			Self::MAX
		} else if n < (i32::MIN as i64) {
			Self(i64::MIN)
		} else {
			Self(n << FRAC_BITS)
		}
	}

	/// `n / d` for integers, as I32F32 (floor); 0 when `d == 0` or the quotient does not
	/// fit. Exact whenever `d < 2^96` (any sum of u64 stakes); larger operands are first
	/// shifted down together.
	pub fn ratio(n: u128, d: u128) -> Self {
		let excess = (128 - d.leading_zeros()).saturating_sub(96);
		let (n, d) = (n >> excess, d >> excess);
		if d == 0 {
			return Self::ZERO;
		}
		let bits = match n.checked_mul(1u128 << FRAC_BITS) {
			Some(scaled) => Some(scaled / d),
			// n >= 2^96 > d: the quotient has an integer part; r < d < 2^96 cannot overflow.
			None => (n / d).checked_mul(1u128 << FRAC_BITS).and_then(|hi| hi.checked_add(((n % d) << FRAC_BITS) / d)),
		};
		bits.and_then(|b| i64::try_from(b).ok()).map(Self).unwrap_or(Self::ZERO)
	}

	/// Floor multiplication on the 128-bit product, saturating.
	// Named like subtensor's fixed-point helpers; not `ops::Mul`, whose users expect
	// overflow to panic or wrap, never to saturate.
	#[allow(clippy::should_implement_trait)]
	#[inline]
	pub fn mul(self, rhs: Self) -> Self {
		if (self.0 | rhs.0) >= 0 {
			// Both non-negative (almost every product of an epoch): an unsigned product,
			// which can only overflow upward.
			let product = (u128::from(self.0 as u64) * u128::from(rhs.0 as u64)) >> FRAC_BITS;
			return Self(product.min(i64::MAX as u128) as i64);
		}
		let product = ((self.0 as i128) * (rhs.0 as i128)) >> FRAC_BITS;
		Self(product.clamp(i64::MIN as i128, i64::MAX as i128) as i64)
	}

	/// `(a << 32) / b`, truncating toward zero; 0 on division by zero or overflow.
	#[allow(clippy::should_implement_trait)]
	#[inline]
	pub fn div(self, rhs: Self) -> Self {
		self.checked_div(rhs).unwrap_or(Self::ZERO)
	}

	/// Saturating addition.
	#[allow(clippy::should_implement_trait)]
	#[inline]
	pub fn add(self, rhs: Self) -> Self {
		Self(self.0.saturating_add(rhs.0))
	}

	/// Saturating subtraction.
	#[allow(clippy::should_implement_trait)]
	#[inline]
	pub fn sub(self, rhs: Self) -> Self {
		Self(self.0.saturating_sub(rhs.0))
	}

	/// The smaller of two values.
	#[inline]
	pub fn min(self, rhs: Self) -> Self {
		core::cmp::min(self, rhs)
	}

	/// The larger of two values.
	#[inline]
	pub fn max(self, rhs: Self) -> Self {
		core::cmp::max(self, rhs)
	}

	/// Clamps into `[lo, hi]`.
	pub fn clamp(self, lo: Self, hi: Self) -> Self {
		self.max(lo).min(hi)
	}

	/// Whether the value is zero.
	#[inline]
	pub fn is_zero(self) -> bool {
		self.0 == 0
	}

	/// A stored u16 read as the integer it is (`65535` → 65535.0).
	#[inline]
	pub fn from_u16(v: u16) -> Self {
		Self((v as i64) << FRAC_BITS)
	}

	/// A u16 proportion read as `v / 65535`: `from_u16(v).div(from_u16(65535))`, which is
	/// `floor(v · 2^32 / 65535)` (the 2^32 factors of both operands cancel), computed
	/// as a 64-bit division by a constant.
	#[inline]
	pub fn from_u16_proportion(v: u16) -> Self {
		Self(((u64::from(v) << FRAC_BITS) / u64::from(u16::MAX)) as i64)
	}

	/// `floor(self * 65535)` clamped to u16: how outputs are stored. The floor
	/// multiplication by 65535 (as I32F32) followed by the integer part's floor is one
	/// floor of `bits * 65535 / 2^32`, computed in 64 bits for every value up to 2^47.
	#[inline]
	pub fn to_u16(self) -> u16 {
		let scaled = if (0..=1 << 47).contains(&self.0) {
			(self.0 * u16::MAX as i64) >> FRAC_BITS
		} else {
			self.mul(Self::from_u16(u16::MAX)).0 >> FRAC_BITS
		};
		scaled.clamp(0, u16::MAX as i64) as u16
	}

	/// `floor(self * amount)` for a non-negative share of an amount in the smallest unit,
	/// computed in 128 bits without overflow for any share below 2^32 and any amount.
	pub fn share_of(self, amount: u128) -> u128 {
		if self.0 <= 0 {
			return 0;
		}
		let share = self.0 as u128;
		let hi = (amount >> FRAC_BITS).saturating_mul(share);
		let lo = ((amount & ((1u128 << FRAC_BITS) - 1)) * share) >> FRAC_BITS;
		hi.saturating_add(lo)
	}

	/// `e^self` exactly as substrate-fixed 0.6.0's `transcendental::exp` computes it for
	/// I32F32, after subtensor's clamp of the input to `[-20, 20]`:
	/// - `e^0 = 1`; `e^1` is the crate's stored constant `E`, which has 23 fraction bits
	///   ([`E_23`]), not a computed series (only for +1: `e^-1` goes through the series);
	/// - otherwise, for `x = |self|`: `sum = 1 + x`, `term = x`, and for `i` in `2..32`
	///   `term = term * x` (floor) then `term = term / i` (truncating), `sum += term`;
	/// - for a negative input the result is `1 / sum` (truncating).
	///
	/// Any overflow in the series makes the crate fail, which subtensor maps to 0 for a
	/// non-positive input and to the largest value otherwise; inside `[-20, 20]` nothing
	/// overflows (the largest term, at `i = 20`, is below 2^26), but the rule is kept.
	pub fn exp(self) -> Self {
		let limit = Self::from_int(20);
		let x = self.clamp(Self(-limit.0), limit);
		let failed = if x.0 <= 0 { Self::ZERO } else { Self::MAX };
		x.exp_series().unwrap_or(failed)
	}

	/// The crate's `exp` on an I32F32 operand; `None` where it reports an error.
	fn exp_series(self) -> Option<Self> {
		if self.0 == 0 {
			return Some(Self::ONE);
		}
		if self == Self::ONE {
			return Some(Self(E_23 << (FRAC_BITS - 23)));
		}
		let sum = Self(self.0.checked_abs()?).series()?;
		if self.0 < 0 {
			Self::ONE.checked_div(sum)
		} else {
			Some(sum)
		}
	}

	/// The crate's series for a non-negative `x`: `1 + x + Σ_{i=2}^{31} term_i` with
	/// `term_i = term_{i-1} * x / i` (floor multiplication, truncating division).
	fn series(self) -> Option<Self> {
		let mut sum = self.checked_add(Self::ONE)?;
		let mut term = self;
		for i in 2..(FRAC_BITS as i64) {
			term = term.checked_mul(self)?.checked_div(Self::from_int(i))?;
			sum = sum.checked_add(term)?;
		}
		Some(sum)
	}

	/// Floor multiplication (the arithmetic shift floors toward negative infinity);
	/// `None` when the product does not fit.
	#[inline]
	fn checked_mul(self, rhs: Self) -> Option<Self> {
		let product = ((self.0 as i128) * (rhs.0 as i128)) >> FRAC_BITS;
		i64::try_from(product).ok().map(Self)
	}

	/// Truncating division; `None` on division by zero or when the quotient does not fit.
	#[inline]
	fn checked_div(self, rhs: Self) -> Option<Self> {
		if rhs.0 == 0 {
			return None;
		}
		i64::try_from(((self.0 as i128) << FRAC_BITS) / (rhs.0 as i128)).ok().map(Self)
	}

	/// Addition; `None` on overflow.
	fn checked_add(self, rhs: Self) -> Option<Self> {
		self.0.checked_add(rhs.0).map(Self)
	}
}

/// `floor(e * 2^23)`: the constant `E` of substrate-fixed's `transcendental` module, an
/// I9F23 (its 128-bit `consts::E` shifted right by 103 bits), which `exp(1)` returns.
pub const E_23: i64 = 22_802_600;

impl PartialOrd<i64> for I32F32 {
	fn partial_cmp(&self, other: &i64) -> Option<Ordering> {
		Some(self.cmp(&Self::from_int(*other)))
	}
}

impl PartialEq<i64> for I32F32 {
	fn eq(&self, other: &i64) -> bool {
		*self == Self::from_int(*other)
	}
}

/// Sum of a slice, saturating, in order.
pub fn sum(values: &[I32F32]) -> I32F32 {
	values.iter().fold(I32F32::ZERO, |acc, v| acc.add(*v))
}

#[cfg(test)]
mod tests {
	use super::*;

	const ONE: i64 = 1 << 32;

	#[test]
	fn multiplication_floors_toward_negative_infinity() {
		// 1.5 * 1.5 = 2.25 exactly.
		assert_eq!(I32F32(3 * ONE / 2).mul(I32F32(3 * ONE / 2)), I32F32(9 * ONE / 4));
		// The smallest positive value squared floors to 0; its negative floors to -1 bit.
		assert_eq!(I32F32(1).mul(I32F32(1)), I32F32(0));
		assert_eq!(I32F32(-1).mul(I32F32(1)), I32F32(-1));
		// 3 bits * 0.5 = 1.5 bits -> 1 bit.
		assert_eq!(I32F32(3).mul(I32F32::HALF), I32F32(1));
		// Saturates instead of wrapping.
		assert_eq!(I32F32::from_int(1 << 20).mul(I32F32::from_int(1 << 20)), I32F32::MAX);
	}

	#[test]
	fn division_truncates_toward_zero_and_is_safe() {
		// 1 / 3 = 0x0.55555555 truncated.
		assert_eq!(I32F32::ONE.div(I32F32::from_int(3)), I32F32(0x5555_5555));
		assert_eq!(I32F32(-ONE).div(I32F32::from_int(3)), I32F32(-0x5555_5555));
		assert_eq!(I32F32::ONE.div(I32F32::ZERO), I32F32::ZERO);
		// 2^30 / 2^-32 does not fit: 0.
		assert_eq!(I32F32::from_int(1 << 30).div(I32F32(1)), I32F32::ZERO);
	}

	#[test]
	fn addition_and_subtraction_saturate() {
		assert_eq!(I32F32::MAX.add(I32F32::ONE), I32F32::MAX);
		assert_eq!(I32F32(i64::MIN).sub(I32F32::ONE), I32F32(i64::MIN));
	}

	#[test]
	fn ratio_is_exact_floor() {
		assert_eq!(I32F32::ratio(1, 3), I32F32(0x5555_5555));
		assert_eq!(I32F32::ratio(2, 3), I32F32(0xAAAA_AAAA));
		assert_eq!(I32F32::ratio(5, 0), I32F32::ZERO);
		assert_eq!(I32F32::ratio(u64::MAX as u128, u64::MAX as u128), I32F32::ONE);
		// Operands beyond 2^96 are shifted down together.
		let n = (1u128 << 100) + 12345;
		let d = (1u128 << 100) * 3;
		assert_eq!(I32F32::ratio(n, d), I32F32(0x5555_5555));
		// A numerator beyond 2^96 over a small denominator: the split path.
		assert_eq!(I32F32::ratio(3u128 << 96, 3u128 << 96 >> 1), I32F32::from_int(2));
		assert_eq!(I32F32::ratio(1u128 << 97, 1), I32F32::ZERO, "does not fit");
	}

	#[test]
	fn u16_conversions() {
		assert_eq!(I32F32::from_u16_proportion(u16::MAX), I32F32::ONE);
		assert_eq!(I32F32::ONE.to_u16(), u16::MAX);
		assert_eq!(I32F32::HALF.to_u16(), 32767);
		assert_eq!(I32F32::ZERO.to_u16(), 0);
		assert_eq!(I32F32::from_int(2).to_u16(), u16::MAX, "clamped");
		assert_eq!(I32F32(-5).to_u16(), 0, "clamped");
		// kappa default 32767/65535 = 0.49999237...
		assert_eq!(I32F32::from_u16_proportion(32767), I32F32(((32767u128 << 32) / 65535) as i64));
	}

	#[test]
	fn storing_as_u16_is_the_floor_multiplication() {
		let general = |x: I32F32| (x.mul(I32F32::from_u16(u16::MAX)).0 >> FRAC_BITS).clamp(0, 65_535) as u16;
		for bits in [0, 1, 65_536, ONE - 1, ONE, ONE + 1, 1 << 47, (1 << 47) + 1, i64::MAX, -1, i64::MIN] {
			assert_eq!(I32F32(bits).to_u16(), general(I32F32(bits)), "{bits}");
		}
		for k in 0..100_000i64 {
			let bits = k * 42_949 + (k % 7);
			assert_eq!(I32F32(bits).to_u16(), general(I32F32(bits)), "{bits}");
		}
	}

	#[test]
	fn proportions_are_the_division_for_every_u16() {
		for v in 0..=u16::MAX {
			assert_eq!(I32F32::from_u16_proportion(v), I32F32::from_u16(v).div(I32F32::from_u16(u16::MAX)), "{v}");
		}
	}

	#[test]
	fn share_of_amount_is_floor_in_128_bits() {
		assert_eq!(I32F32::HALF.share_of(1001), 500);
		assert_eq!(I32F32::ONE.share_of(u128::MAX >> 1), u128::MAX >> 1);
		assert_eq!(I32F32(0x5555_5555).share_of(3_000_000_000), 999_999_999);
		assert_eq!(I32F32(-1).share_of(100), 0);
	}

	#[test]
	fn exp_follows_the_crates_special_cases() {
		assert_eq!(I32F32::ZERO.exp(), I32F32::ONE);
		// e^1 is the 23-fraction-bit constant: floor(e * 2^23) * 2^9.
		assert_eq!(I32F32::ONE.exp(), I32F32(E_23 << 9));
		// One bit away from 1, the series: e * 2^32 = 11674931554.5; the series with
		// floored terms lands a few bits below it.
		let near = I32F32(ONE - 1).exp().to_bits();
		assert!((11_674_931_500..11_674_931_555).contains(&near), "{near}");
		// e^-x = 1 / series(x), for -1 too (the constant is only for +1).
		let series_one = I32F32::ONE.series().expect("no overflow at 1");
		assert_ne!(series_one, I32F32::ONE.exp());
		assert_eq!(I32F32(-ONE).exp(), I32F32::ONE.div(series_one));
		// Clamped to [-20, 20].
		assert_eq!(I32F32::from_int(25).exp(), I32F32::from_int(20).exp());
		assert_eq!(I32F32::from_int(-25).exp(), I32F32::from_int(-20).exp());
		// e^20 = 485165195.4; 30 floored terms fall short of it.
		let e20 = I32F32::from_int(20).exp().to_bits() >> 32;
		assert!(e20 > 400_000_000 && e20 <= 485_165_195, "{e20}");
	}
}
