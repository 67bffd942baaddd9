//! Share pools and unbonding chunks.
//!
//! A [`Pool`] holds a value and the shares issued against it. Depositing `v` issues
//! `v · shares / value` shares (rounded down), redeeming `s` shares pays
//! `s · value / shares` (rounded down): rounding always favours the pool, so it never
//! creates value. The last holder to leave redeems every share and takes the whole
//! value, dust included, so nothing is stranded. Rewards and slashes change `value`
//! alone: O(1) whatever the number of holders.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{Saturating, Zero},
	ArithmeticError,
};

/// Value and shares of one pool.
#[derive(
	Clone, Copy, PartialEq, Eq, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Pool<Balance> {
	/// What the pool holds, in the smallest unit.
	pub value: Balance,
	/// Shares outstanding against `value`.
	pub shares: u128,
}

/// `floor(a · b / c)` with a 256-bit intermediate product; `None` when `c == 0` or the
/// quotient does not fit in u128 (`sp_arithmetic`'s 128-bit helper, rounding down).
pub fn mul_div(a: u128, b: u128, c: u128) -> Option<u128> {
	sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(a, b, c, sp_runtime::Rounding::Down)
}

impl<Balance> Pool<Balance>
where
	Balance: Copy + Into<u128> + TryFrom<u128> + Saturating + Zero + PartialOrd,
{
	/// Shares that `amount` buys: 1:1 for an empty pool, else pro rata (rounded down).
	/// `None` when the pool has shares but no value (fully slashed): nobody may buy
	/// into it until its holders leave.
	pub fn shares_for(&self, amount: Balance) -> Result<u128, ArithmeticError> {
		if self.shares == 0 {
			return Ok(amount.into());
		}
		let value: u128 = self.value.into();
		if value == 0 {
			return Err(ArithmeticError::DivisionByZero);
		}
		mul_div(amount.into(), self.shares, value).ok_or(ArithmeticError::Overflow)
	}

	/// Shares that must be burned to take out exactly `amount` (rounded up).
	pub fn shares_to_take(&self, amount: Balance) -> Result<u128, ArithmeticError> {
		let value: u128 = self.value.into();
		if value == 0 {
			return Err(ArithmeticError::DivisionByZero);
		}
		let floor = mul_div(amount.into(), self.shares, value).ok_or(ArithmeticError::Overflow)?;
		let exact = mul_div(floor, value, self.shares).ok_or(ArithmeticError::Overflow)? == amount.into();
		Ok(if exact { floor } else { floor.saturating_add(1) })
	}

	/// What `shares` are worth (rounded down).
	pub fn value_of(&self, shares: u128) -> Result<Balance, ArithmeticError> {
		if self.shares == 0 {
			return Ok(Zero::zero());
		}
		let v = mul_div(shares, self.value.into(), self.shares).ok_or(ArithmeticError::Overflow)?;
		Balance::try_from(v).map_err(|_| ArithmeticError::Overflow)
	}

	/// Adds `amount` for `shares` new shares.
	pub fn deposit(&mut self, amount: Balance, shares: u128) -> Result<(), ArithmeticError> {
		let value: u128 = self.value.into();
		let new_value = value.checked_add(amount.into()).ok_or(ArithmeticError::Overflow)?;
		self.value = Balance::try_from(new_value).map_err(|_| ArithmeticError::Overflow)?;
		self.shares = self.shares.checked_add(shares).ok_or(ArithmeticError::Overflow)?;
		Ok(())
	}

	/// Burns `shares` and takes out what they are worth; returns that value.
	pub fn redeem(&mut self, shares: u128) -> Result<Balance, ArithmeticError> {
		if shares > self.shares {
			return Err(ArithmeticError::Underflow);
		}
		let amount = self.value_of(shares)?;
		self.take(amount, shares)?;
		Ok(amount)
	}

	/// Takes out exactly `amount`, burning `shares`.
	pub fn take(&mut self, amount: Balance, shares: u128) -> Result<(), ArithmeticError> {
		if amount > self.value || shares > self.shares {
			return Err(ArithmeticError::Underflow);
		}
		self.value = self.value.saturating_sub(amount);
		self.shares = self.shares.saturating_sub(shares);
		Ok(())
	}
}

/// Stake on its way out: shares of the hotkey's unbonding pool (which slashes reach
/// too), withdrawable from `unlock_at`.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug)]
pub struct UnbondingChunk<AccountId, BlockNumber> {
	/// The hotkey the stake was on.
	pub hotkey: AccountId,
	/// Shares of that hotkey's unbonding pool.
	pub shares: u128,
	/// First block at which it can be withdrawn.
	pub unlock_at: BlockNumber,
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn mul_div_is_exact_floor_without_overflow() {
		assert_eq!(mul_div(10, 3, 4), Some(7));
		assert_eq!(mul_div(u128::MAX, u128::MAX, u128::MAX), Some(u128::MAX));
		assert_eq!(mul_div(u128::MAX / 2, 2, u128::MAX), Some(0));
		assert_eq!(mul_div(1, 1, 0), None);
		assert_eq!(mul_div(u128::MAX, 2, 1), None);
		assert_eq!(mul_div(1 << 100, 1 << 100, 1 << 101), Some(1 << 99));
	}

	#[test]
	fn pool_rounding_favours_the_pool() {
		let mut pool = Pool::<u128> { value: 0, shares: 0 };
		let s = pool.shares_for(100).unwrap();
		assert_eq!(s, 100);
		pool.deposit(100, s).unwrap();
		// A reward of 50: each share is worth 1.5.
		pool.value += 50;
		// 10 buys floor(10 · 100 / 150) = 6 shares, worth 6 · 160 / 106 = 9 (floor).
		let s = pool.shares_for(10).unwrap();
		assert_eq!(s, 6);
		pool.deposit(10, s).unwrap();
		assert_eq!(pool.value_of(6).unwrap(), 9);
		// Taking out exactly 9 burns ceil(9 · 106 / 160) = 6 shares.
		assert_eq!(pool.shares_to_take(9).unwrap(), 6);
		// Taking out 3 at 1.509... per share burns 2 shares (1.98 rounded up).
		assert_eq!(pool.shares_to_take(3).unwrap(), 2);
		// The last holder takes everything.
		let all = pool.shares;
		assert_eq!(pool.redeem(all).unwrap(), 160);
		assert_eq!(pool, Pool { value: 0, shares: 0 });
	}

	#[test]
	fn a_fully_slashed_pool_refuses_new_money() {
		let pool = Pool::<u128> { value: 0, shares: 10 };
		assert_eq!(pool.shares_for(5), Err(ArithmeticError::DivisionByZero));
		assert_eq!(pool.value_of(10).unwrap(), 0);
	}
}
