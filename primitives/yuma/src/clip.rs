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
	/// The bonds penalty `beta` as a fraction.
	penalty: I32F32,
	/// `Σ_j min(W[i][j], C[j])` per validator `i`.
	validator_trust: Vec<I32F32>,
	/// `Σ_i A[i] · min(W[i][j], C[j])` per uid `j`, before normalisation.
	incentive: Vec<I32F32>,
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
		Self { consensus, stake, penalty, validator_trust: vec![I32F32::ZERO; n], incentive: vec![I32F32::ZERO; n] }
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
		w.add(self.penalty.mul(w.min(self.consensus(j)).sub(w)))
	}

	/// The bond weight of `W[i][j] = w`, crediting `min(w, C[j])` to `i`'s trust and
	/// `A[i]` times it to `j`'s incentive. Each weight must be credited once; every
	/// credited term is non-negative, so the order of the saturating sums does not matter.
	#[inline(always)]
	pub fn credit(&mut self, i: usize, j: u16, w: I32F32) -> I32F32 {
		let clipped = w.min(self.consensus(j));
		if let Some(trust) = self.validator_trust.get_mut(i) {
			*trust = trust.add(clipped);
		}
		if let (Some(incentive), Some(stake)) = (self.incentive.get_mut(j as usize), self.stake.get(i)) {
			*incentive = incentive.add(stake.mul(clipped));
		}
		w.add(self.penalty.mul(clipped.sub(w)))
	}

	/// The credited sums, incentive normalised.
	pub fn finish(self) -> Clipped {
		let mut incentive = self.incentive;
		normalize(&mut incentive);
		Clipped { validator_trust: self.validator_trust, incentive }
	}
}
