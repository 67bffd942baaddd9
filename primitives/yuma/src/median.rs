//! Consensus: the stake-weighted median of each column, by the deterministic
//! quickselect of the specification (pivot at position `len / 2` of the current list;
//! ties and rounding decide results, so the loop is followed exactly).

use crate::{
	fixed::I32F32,
	sparse::{normalize, Sparse},
};
use alloc::{vec, vec::Vec};

/// The kappa-weighted median of one column. `stake[k]` and `score[k]` belong to the
/// k-th validator with active stake; `minority = σ - kappa`.
pub fn weighted_median(stake: &[I32F32], score: &[I32F32], minority: I32F32, total: I32F32) -> I32F32 {
	let mut current: Vec<usize> = (0..stake.len()).collect();
	let (mut lo, mut hi) = (I32F32::ZERO, total);
	let mut lower = Vec::new();
	let mut upper = Vec::new();
	loop {
		if current.is_empty() {
			return I32F32::ZERO;
		}
		let pivot = score[current[current.len() / 2]];
		lower.clear();
		upper.clear();
		let (mut lower_stake, mut upper_stake) = (I32F32::ZERO, I32F32::ZERO);
		for &k in &current {
			if score[k] < pivot {
				lower_stake = lower_stake.add(stake[k]);
				lower.push(k);
			} else if score[k] > pivot {
				upper_stake = upper_stake.add(stake[k]);
				upper.push(k);
			}
		}
		if minority < lo.add(lower_stake) && !lower.is_empty() {
			hi = lo.add(lower_stake);
			core::mem::swap(&mut current, &mut lower);
		} else if hi.sub(upper_stake) <= minority && !upper.is_empty() {
			lo = hi.sub(upper_stake);
			core::mem::swap(&mut current, &mut upper);
		} else {
			return pivot;
		}
	}
}

/// Consensus `C[j]` for every column of `weights`, with validators' active stake `a`.
///
/// Only validators with `a > 0` vote; their stake is renormalised. A column no voter
/// weighs is 0 without running the selection (the median of zeros), so the cost is
/// O(validators × weighted columns + non-zeros), never n².
pub fn consensus(weights: &Sparse, a: &[I32F32], kappa: I32F32, n: usize) -> Vec<I32F32> {
	let voters: Vec<usize> = (0..a.len()).filter(|&i| a[i] > I32F32::ZERO).collect();
	let mut stake: Vec<I32F32> = voters.iter().map(|&i| a[i]).collect();
	normalize(&mut stake);
	let total = stake.iter().fold(I32F32::ZERO, |acc, s| acc.add(*s));
	let minority = total.sub(kappa);

	// Column-major scores of the voters, only for columns some voter weighs.
	let mut columns: Vec<Vec<(usize, I32F32)>> = vec![Vec::new(); n];
	for (k, &i) in voters.iter().enumerate() {
		for &(j, w) in weights.get(i).map(Vec::as_slice).unwrap_or(&[]) {
			if let Some(col) = columns.get_mut(j as usize) {
				col.push((k, w));
			}
		}
	}
	let mut score = vec![I32F32::ZERO; voters.len()];
	columns
		.iter()
		.map(|col| {
			if col.iter().all(|(_, w)| w.is_zero()) {
				return I32F32::ZERO;
			}
			for &(k, w) in col {
				score[k] = w;
			}
			let median = weighted_median(&stake, &score, minority, total);
			for &(k, _) in col {
				score[k] = I32F32::ZERO;
			}
			median
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	fn p(n: u128, d: u128) -> I32F32 {
		I32F32::ratio(n, d)
	}

	fn median(stake: &[I32F32], score: &[I32F32], kappa: I32F32) -> I32F32 {
		let total = stake.iter().fold(I32F32::ZERO, |a, s| a.add(*s));
		weighted_median(stake, score, total.sub(kappa), total)
	}

	#[test]
	fn equal_stake_odd_count_is_the_middle_value() {
		let stake = vec![p(1, 3); 3];
		let score = vec![p(1, 10), p(9, 10), p(5, 10)];
		assert_eq!(median(&stake, &score, I32F32::HALF), p(5, 10));
	}

	#[test]
	fn a_majority_holder_decides() {
		let stake = vec![p(6, 10), p(2, 10), p(2, 10)];
		let score = vec![p(3, 10), p(9, 10), p(9, 10)];
		assert_eq!(median(&stake, &score, I32F32::HALF), p(3, 10));
	}

	#[test]
	fn ties_collapse_to_the_tied_value() {
		let stake = vec![p(1, 4); 4];
		let score = vec![p(1, 2); 4];
		assert_eq!(median(&stake, &score, I32F32::HALF), p(1, 2));
	}

	#[test]
	fn zero_stake_voters_do_not_move_the_median() {
		// Three voters; the one with zero stake scores highest.
		let stake = vec![p(1, 2), p(1, 2), I32F32::ZERO];
		let score = vec![p(2, 10), p(4, 10), I32F32::ONE];
		let with = median(&stake, &score, I32F32::HALF);
		let without = median(&stake[..2], &score[..2], I32F32::HALF);
		assert_eq!(with, without);
	}

	#[test]
	fn kappa_moves_the_median_up_and_down() {
		let stake = vec![p(1, 4); 4];
		let score = vec![p(1, 10), p(2, 10), p(3, 10), p(4, 10)];
		// kappa = the stake that must support the value: more kappa, lower consensus.
		let low = median(&stake, &score, p(9, 10));
		let mid = median(&stake, &score, I32F32::HALF);
		let high = median(&stake, &score, p(1, 10));
		assert!(low <= mid && mid <= high, "{low:?} {mid:?} {high:?}");
		assert_eq!(low, p(1, 10));
		assert_eq!(high, p(4, 10));
	}

	#[test]
	fn no_voters_means_zero() {
		assert_eq!(median(&[], &[], I32F32::HALF), I32F32::ZERO);
	}

	#[test]
	fn consensus_skips_unweighted_columns_and_counts_missing_as_zero() {
		let weights: Sparse = vec![vec![(1, p(1, 1))], vec![(1, p(1, 2)), (2, p(1, 2))], vec![]];
		let a = vec![p(1, 2), p(1, 2), I32F32::ZERO];
		let c = consensus(&weights, &a, I32F32::HALF, 3);
		assert_eq!(c[0], I32F32::ZERO);
		// Column 1: scores 1 and 1/2 at equal stake. With kappa exactly 1/2, the voter
		// scoring 1 holds kappa of the stake alone, so 1 is supported.
		assert_eq!(c[1], p(1, 1));
		// Column 2: scores 0 (missing) and 1/2: the voter at 1/2 holds kappa.
		assert_eq!(c[2], p(1, 2));
		// With kappa a hair above 1/2, one voter alone supports nothing above the other.
		let c = consensus(&weights, &a, p(1, 2).add(I32F32::from_bits(1)), 3);
		assert_eq!(c[1], p(1, 2));
		assert_eq!(c[2], I32F32::ZERO);
	}
}
