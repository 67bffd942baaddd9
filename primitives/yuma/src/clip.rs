//! Steps 6–8 one weight at a time: clip `W[i][j]` to consensus, credit validator `i`'s
//! trust and `j`'s incentive with the clipped weight, and give the bond weight.
//!
//! Consensus credits each column's weights as soon as it has the column's median, while
//! its votes are still in cache ([`crate::median::consensus`]); the bonds pass computes
//! bond weights again from `W` and `C` ([`BondWeights`]). So neither the clipped nor the
//! bond matrix is ever written.

use crate::{fixed::I32F32, sparse::normalize};
use alloc::{vec, vec::Vec};

/// The sums that clipping credits, as consensus finds each column's median.
pub struct Clip<'a> {
	/// Active stake `A`, one per uid.
	stake: &'a [I32F32],
	/// The bonds penalty `beta`.
	penalty: Penalty,
	/// `Σ_j min(W[i][j], C[j])` per validator `i`.
	validator_trust: Vec<I32F32>,
	/// `Σ_i A[i] · min(W[i][j], C[j])` per uid `j`, before normalisation.
	incentive: Vec<I32F32>,
	/// `Σ_i Wb[i][j] · A[i]` per uid `j`: the column sums of the original Yuma's `ΔB`
	/// (empty when not asked for).
	delta: Vec<I32F32>,
	/// `Wb[i][j] · A[i]` for every voter's entry, voters' rows one after the other (with
	/// `delta`).
	products: Vec<I32F32>,
}

/// What the clipping credited.
pub struct Clipped {
	/// Validator trust per uid.
	pub validator_trust: Vec<I32F32>,
	/// Incentive per uid, normalised to sum to one.
	pub incentive: Vec<I32F32>,
	/// The column sums of `ΔB = Wb ∘ A` (empty unless asked for).
	pub delta_sums: Vec<I32F32>,
	/// `ΔB`'s entries before normalisation, voters' rows one after the other.
	pub delta: Vec<I32F32>,
}

impl<'a> Clip<'a> {
	/// Credits for `n` uids with active stake `stake` and bonds penalty `penalty`;
	/// `delta_entries` (the number of voters' entries) asks for `ΔB` too.
	pub fn new(n: usize, stake: &'a [I32F32], penalty: Penalty, delta_entries: Option<usize>) -> Self {
		Self {
			stake,
			penalty,
			validator_trust: vec![I32F32::ZERO; n],
			incentive: vec![I32F32::ZERO; n],
			delta: if delta_entries.is_some() { vec![I32F32::ZERO; n] } else { Vec::new() },
			products: vec![I32F32::ZERO; delta_entries.unwrap_or(0)],
		}
	}

	/// Credits column `j`'s weights `(i, W[i][j], position)` against its consensus `c`:
	/// for each, `min(w, c)` to `i`'s trust, `A[i]` times it to `j`'s incentive, and,
	/// when `ΔB` is asked for, the bond weight times `A[i]` to `j`'s `ΔB` sum and to
	/// `ΔB`'s entry at `position` (among all voters' entries, row after row). Each weight
	/// must be credited once; every term is non-negative, so the order of the saturating
	/// sums does not matter.
	#[inline(always)]
	pub fn credit(&mut self, j: u16, c: I32F32, weights: impl Iterator<Item = (usize, I32F32, usize)>) {
		let (mut incentive, mut delta) = (I32F32::ZERO, I32F32::ZERO);
		let track_delta = !self.delta.is_empty();
		for (i, w, position) in weights {
			let clipped = w.min(c);
			let stake = self.stake.get(i).copied().unwrap_or_default();
			if let Some(trust) = self.validator_trust.get_mut(i) {
				*trust = trust.add(clipped);
			}
			let credited = stake.mul(clipped);
			incentive = incentive.add(credited);
			if track_delta {
				// With the default penalty the bond weight is the clipped weight, whose
				// product with the stake was just taken (the product commutes).
				let bond = match self.penalty {
					Penalty::Full => credited,
					penalty => penalty.bond_weight(w, clipped).mul(stake),
				};
				delta = delta.add(bond);
				if let Some(product) = self.products.get_mut(position) {
					*product = bond;
				}
			}
		}
		if let Some(sum) = self.incentive.get_mut(j as usize) {
			*sum = sum.add(incentive);
		}
		if let Some(sum) = self.delta.get_mut(j as usize) {
			*sum = sum.add(delta);
		}
	}

	/// The credited sums, incentive normalised.
	pub fn finish(self) -> Clipped {
		let mut incentive = self.incentive;
		normalize(&mut incentive);
		Clipped { validator_trust: self.validator_trust, incentive, delta_sums: self.delta, delta: self.products }
	}
}

/// Bond weights `Wb[i][j] = w + beta · (min(w, C[j]) - w)`.
#[derive(Clone, Copy)]
pub struct BondWeights<'a> {
	/// Consensus `C`, one per uid.
	consensus: &'a [I32F32],
	/// The bonds penalty `beta`.
	penalty: Penalty,
}

impl<'a> BondWeights<'a> {
	/// Bond weights against `consensus` with penalty `penalty`.
	pub fn new(consensus: &'a [I32F32], penalty: Penalty) -> Self {
		Self { consensus, penalty }
	}

	/// `C[j]` (0 beyond the last uid).
	#[inline(always)]
	pub fn consensus(&self, j: u16) -> I32F32 {
		self.consensus.get(j as usize).copied().unwrap_or_default()
	}

	/// `Wb[i][j]` for `W[i][j] = w`.
	#[inline(always)]
	pub fn of(&self, j: u16, w: I32F32) -> I32F32 {
		self.penalty.bond_weight(w, w.min(self.consensus(j)))
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
