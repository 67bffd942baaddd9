//! Steps 6–8 one weight at a time: clip `W[i][j]` to consensus, credit validator `i`'s
//! trust and `j`'s incentive with the clipped weight, and give the bond weight. The bond
//! pass calls it as it walks `W`, so the clipped and bond matrices are never written.

use crate::{fixed::I32F32, sparse::normalize};
use alloc::{vec, vec::Vec};

/// The clipping of one epoch and the sums it credits.
pub struct Clip<'a> {
	/// Consensus `C`, one per uid.
	consensus: &'a [I32F32],
	/// Active stake `A`, one per uid.
	stake: &'a [I32F32],
	/// The bonds penalty `beta`.
	penalty: Penalty,
	/// `Σ_j min(W[i][j], C[j])` per validator `i`.
	validator_trust: Vec<I32F32>,
	/// `Σ_i A[i] · min(W[i][j], C[j])` per uid `j`, before normalisation.
	incentive: Vec<I32F32>,
	/// Where the trust of a row beyond the last uid goes (nowhere that counts).
	spare: I32F32,
}

/// One validator's row being credited: `min(W[i][j], C[j])` to its trust, `A[i]` times
/// it to `j`'s incentive. Every credited term is non-negative, so the order of the
/// saturating sums does not matter.
pub struct RowCredit<'c> {
	consensus: &'c [I32F32],
	incentive: &'c mut [I32F32],
	stake: I32F32,
	penalty: Penalty,
	trust: &'c mut I32F32,
}

impl RowCredit<'_> {
	/// `C[j]` (0 beyond the last uid).
	#[inline(always)]
	pub fn consensus(&self, j: u16) -> I32F32 {
		self.consensus.get(j as usize).copied().unwrap_or_default()
	}

	/// Credits `W[i][j] = w` and returns its bond weight `w + beta · (min(w, C[j]) - w)`.
	#[inline(always)]
	pub fn credit(&mut self, j: u16, w: I32F32) -> I32F32 {
		let clipped = w.min(self.consensus(j));
		*self.trust = self.trust.add(clipped);
		if let Some(incentive) = self.incentive.get_mut(j as usize) {
			*incentive = incentive.add(self.stake.mul(clipped));
		}
		self.penalty.bond_weight(w, clipped)
	}
}

/// The bonds penalty `beta`, with its two common values told apart: `beta = 1` (the
/// default) makes the bond weight the clipped weight, `beta = 0` the weight, exactly as
/// `w + beta · (clipped - w)` computes them (`1 · x = x` and `0 · x = 0` in I32F32).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Penalty {
	/// `beta = 1`.
	Full,
	/// `beta = 0`.
	None,
	/// Any other `beta`.
	Partial(I32F32),
}

impl Penalty {
	/// The penalty `beta`.
	pub fn new(beta: I32F32) -> Self {
		if beta == I32F32::ONE {
			Self::Full
		} else if beta.is_zero() {
			Self::None
		} else {
			Self::Partial(beta)
		}
	}

	/// `w + beta · (clipped - w)`.
	#[inline(always)]
	pub fn bond_weight(self, w: I32F32, clipped: I32F32) -> I32F32 {
		match self {
			Self::Full => clipped,
			Self::None => w,
			Self::Partial(beta) => w.add(beta.mul(clipped.sub(w))),
		}
	}
}

/// What the clipping credited: validator trust, and incentive normalised to sum to one.
pub struct Clipped {
	/// Validator trust per uid.
	pub validator_trust: Vec<I32F32>,
	/// Incentive per uid, normalised.
	pub incentive: Vec<I32F32>,
}

impl<'a> Clip<'a> {
	/// A clipping to `consensus`, crediting incentive by `stake`, with bonds penalty
	/// `penalty`.
	pub fn new(consensus: &'a [I32F32], stake: &'a [I32F32], penalty: I32F32) -> Self {
		let n = consensus.len();
		Self {
			consensus,
			stake,
			penalty: Penalty::new(penalty),
			validator_trust: vec![I32F32::ZERO; n],
			incentive: vec![I32F32::ZERO; n],
			spare: I32F32::ZERO,
		}
	}

	/// `C[j]` (0 beyond the last uid).
	#[inline(always)]
	pub fn consensus(&self, j: u16) -> I32F32 {
		self.consensus.get(j as usize).copied().unwrap_or_default()
	}

	/// The bond weight of `W[i][j] = w`: `w + beta · (min(w, C[j]) - w)`, crediting
	/// nothing.
	#[inline(always)]
	pub fn bond_weight(&self, j: u16, w: I32F32) -> I32F32 {
		self.penalty.bond_weight(w, w.min(self.consensus(j)))
	}

	/// Crediting validator `i`'s row (each row once).
	#[inline(always)]
	pub fn row(&mut self, i: usize) -> RowCredit<'_> {
		let stake = self.stake.get(i).copied().unwrap_or_default();
		let trust = self.validator_trust.get_mut(i).unwrap_or(&mut self.spare);
		RowCredit { consensus: self.consensus, incentive: &mut self.incentive, stake, penalty: self.penalty, trust }
	}

	/// The credited sums, incentive normalised.
	pub fn finish(self) -> Clipped {
		let mut incentive = self.incentive;
		normalize(&mut incentive);
		Clipped { validator_trust: self.validator_trust, incentive }
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_two_common_penalties_are_the_formula() {
		let values = [0i64, 1, 3, 1 << 31, (1 << 32) - 1, 1 << 32];
		for beta in [I32F32::ONE, I32F32::ZERO, I32F32::HALF, I32F32::from_bits(12_345)] {
			for &w in &values {
				for &c in &values {
					let (w, c) = (I32F32::from_bits(w), I32F32::from_bits(c));
					let clipped = w.min(c);
					assert_eq!(Penalty::new(beta).bond_weight(w, clipped), w.add(beta.mul(clipped.sub(w))));
				}
			}
		}
		assert_eq!(Penalty::new(I32F32::from_u16_proportion(u16::MAX)), Penalty::Full, "65535 is exactly one");
	}
}
