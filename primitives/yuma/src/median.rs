//! Consensus: the stake-weighted median of each column.
//!
//! The specification defines it by a quickselect (pivot at position `len / 2` of the
//! current list), kept here as [`weighted_median`] and used by the dense reference. All
//! its sums are exact integer additions, so its answer does not depend on the pivots:
//! with `F(p)` the stake of the scores strictly below `p`, it returns **the largest score
//! `p` present in the column with `F(p) <= minority`**, or the smallest score when there
//! is none (a negative minority, when kappa exceeds the voters' total). The epoch finds
//! that value with [`Selector`], which partitions without branches, picks its pivots by
//! median of three, and sorts what is left after a bounded number of rounds, so a
//! column costs O(v log v) even for scores chosen to defeat the pivots.

use crate::{csr::Csr, fixed::I32F32, sparse::normalize};
use alloc::{vec, vec::Vec};

/// The kappa-weighted median of one column, by the specification's quickselect.
/// `stake[k]` and `score[k]` belong to the k-th voter; `minority = total - kappa`.
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

/// One voter's entry in a column: its score and its (normalised) stake, raw bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Vote {
	/// The score (a weight), raw I32F32 bits.
	pub score: i64,
	/// The voter's stake, raw I32F32 bits (non-negative).
	pub stake: i64,
}

/// Scratch space for weighted medians, reused across columns.
pub struct Selector {
	current: Vec<Vote>,
	lower: Vec<Vote>,
	upper: Vec<Vote>,
}

impl Selector {
	/// Room for columns of up to `voters` entries.
	pub fn new(voters: usize) -> Self {
		Self {
			current: vec![Vote::default(); voters],
			lower: vec![Vote::default(); voters],
			upper: vec![Vote::default(); voters],
		}
	}

	/// The largest score `p` among `votes` whose lower stake `F(p)` is at most
	/// `minority`, or the smallest score when none is: the specification's weighted
	/// median. 0 for no votes. Stakes are non-negative.
	pub fn weighted_median(&mut self, votes: &[Vote], minority: i64) -> i64 {
		let len = votes.len();
		if len == 0 {
			return 0;
		}
		self.ensure(len);
		self.current[..len].copy_from_slice(votes);
		// Every partial sum below is at most the total: when it fits, no addition can
		// overflow and the loop needs no saturation.
		let Some(mut in_range) = votes.iter().try_fold(0i64, |acc, v| acc.checked_add(v.stake)) else {
			return self.by_sorting(len, 0, None, minority);
		};
		let mut len = len;
		// Stake of the votes below the current range; the best candidate so far.
		let mut below: i64 = 0;
		let mut best: Option<i64> = None;
		let mut pivot = 0;
		// Sampled pivots split well on any real column; past this many rounds the
		// scores were chosen against them, and sorting bounds the cost.
		let mut rounds = 2 * (usize::BITS - len.leading_zeros()) + 2;
		while len > 0 {
			if rounds == 0 {
				return self.by_sorting(len, below, best, minority);
			}
			rounds -= 1;
			let current = &self.current[..len];
			pivot = sampled_pivot(current, minority.saturating_sub(below), in_range);
			// Branch-free three-way split: every vote is written to both sides and the
			// side it belongs to keeps it.
			let (mut nl, mut nu) = (0, 0);
			let (mut stake_lower, mut stake_upper) = (0i64, 0i64);
			for vote in current {
				let (is_lower, is_upper) = (vote.score < pivot, vote.score > pivot);
				self.lower[nl] = *vote;
				self.upper[nu] = *vote;
				nl += usize::from(is_lower);
				nu += usize::from(is_upper);
				stake_lower += vote.stake & -i64::from(is_lower);
				stake_upper += vote.stake & -i64::from(is_upper);
			}
			if below + stake_lower <= minority {
				// The pivot is a candidate; a larger one can only be above it.
				best = Some(pivot);
				below += in_range - stake_upper;
				in_range = stake_upper;
				core::mem::swap(&mut self.current, &mut self.upper);
				len = nu;
			} else {
				in_range = stake_lower;
				core::mem::swap(&mut self.current, &mut self.lower);
				len = nl;
			}
		}
		// Without a candidate every round went down, so the last pivot is the minimum.
		best.unwrap_or(pivot)
	}

	/// The rest of a selection by sorting the remaining votes.
	fn by_sorting(&mut self, len: usize, mut below: i64, mut best: Option<i64>, minority: i64) -> i64 {
		let current = &mut self.current[..len];
		current.sort_unstable_by_key(|v| v.score);
		let Some(smallest) = current.first().map(|v| v.score) else { return best.unwrap_or(0) };
		let mut k = 0;
		while k < len {
			let score = current[k].score;
			if below > minority {
				break;
			}
			best = Some(score);
			while k < len && current[k].score == score {
				below = below.saturating_add(current[k].stake);
				k += 1;
			}
		}
		best.unwrap_or(smallest)
	}

	fn ensure(&mut self, len: usize) {
		if self.current.len() < len {
			for buffer in [&mut self.current, &mut self.lower, &mut self.upper] {
				buffer.resize(len, Vote::default());
			}
		}
	}
}

/// A pivot near the answer: five scores sampled across the votes, sorted, and the one
/// whose rank matches the share of the range's stake (`in_range`) that may lie below
/// the answer (`room`). Any pivot gives the same result; a close one saves rounds.
fn sampled_pivot(votes: &[Vote], room: i64, in_range: i64) -> i64 {
	let last = votes.len() - 1;
	let mut sample = [0, last / 4, last / 2, last - last / 4, last].map(|k| votes[k].score);
	// Five keys: insertion sort.
	for i in 1..sample.len() {
		let mut k = i;
		while k > 0 && sample[k - 1] > sample[k] {
			sample.swap(k - 1, k);
			k -= 1;
		}
	}
	// The rank: how many fifths of the range's stake fit in the room.
	let (room, in_range) = (i128::from(room.max(0)), i128::from(in_range));
	let rank = (1..5).filter(|&j| room * 5 >= in_range * j).count();
	sample[rank]
}

/// Columns gathered at a time: a tile of `TILE × voters` votes stays in cache.
const TILE: usize = 64;

/// Consensus `C[j]` for every column of `weights` (rows indexed by uid), with the
/// validators' active stake `a`.
///
/// Only validators with `a > 0` vote; their stake is renormalised, and a voter without
/// an entry in a column scores 0 there. A column with no entry is 0 (the median of
/// zeros) without a selection, so the cost is O(n + entries + voted columns × log v).
/// Columns are gathered `TILE` at a time from all voters' rows (each row read once, in
/// order); the voters missing from a column count as one vote of 0 with their summed
/// stake, which the selection cannot tell from separate votes.
pub fn consensus(weights: &Csr, a: &[I32F32], kappa: I32F32, n: usize) -> Vec<I32F32> {
	let voters: Vec<usize> = (0..a.len()).filter(|&i| a[i] > I32F32::ZERO).collect();
	let mut stake: Vec<I32F32> = voters.iter().map(|&i| a[i]).collect();
	normalize(&mut stake);
	let total = stake.iter().fold(I32F32::ZERO, |acc, s| acc.add(*s)).to_bits();
	let minority = I32F32::from_bits(total).sub(kappa).to_bits();

	let mut consensus = vec![I32F32::ZERO; n];
	let rows: Vec<(&[u16], &[I32F32])> = voters.iter().map(|&i| weights.row(i)).collect();
	let mut cursor = vec![0usize; voters.len()];
	let mut tile = vec![Vote::default(); TILE * (voters.len() + 1)];
	let mut count = [0usize; TILE];
	let mut present = [0i64; TILE];
	let mut selector = Selector::new(voters.len() + 1);
	let width = voters.len() + 1;
	for first in (0..n).step_by(TILE) {
		let end = (first + TILE).min(n);
		count.fill(0);
		present.fill(0);
		for (k, (cols, vals)) in rows.iter().enumerate() {
			let at = &mut cursor[k];
			while *at < cols.len() && (cols[*at] as usize) < end {
				let slot = cols[*at] as usize - first;
				let vote = Vote { score: vals[*at].to_bits(), stake: stake[k].to_bits() };
				tile[slot * width + count[slot]] = vote;
				count[slot] += 1;
				present[slot] = present[slot].saturating_add(vote.stake);
				*at += 1;
			}
		}
		for slot in 0..end - first {
			let votes = &mut tile[slot * width..(slot + 1) * width];
			if votes[..count[slot]].iter().all(|v| v.score == 0) {
				continue;
			}
			let mut len = count[slot];
			if len < voters.len() {
				votes[len] = Vote { score: 0, stake: total.saturating_sub(present[slot]) };
				len += 1;
			}
			consensus[first + slot] = I32F32::from_bits(selector.weighted_median(&votes[..len], minority));
		}
	}
	consensus
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
	fn the_selector_finds_the_specifications_median() {
		let mut selector = Selector::new(4);
		let votes = |pairs: &[(I32F32, I32F32)]| -> Vec<Vote> {
			pairs.iter().map(|(score, stake)| Vote { score: score.to_bits(), stake: stake.to_bits() }).collect()
		};
		let half = I32F32::HALF;
		// Equal stakes 1/4 over 0.1..0.4: with minority 1/2 the largest p with at most
		// half the stake below it is 0.3.
		let column = votes(&[(p(4, 10), p(1, 4)), (p(1, 10), p(1, 4)), (p(3, 10), p(1, 4)), (p(2, 10), p(1, 4))]);
		assert_eq!(selector.weighted_median(&column, half.to_bits()), p(3, 10).to_bits());
		// A negative minority: the smallest score.
		assert_eq!(selector.weighted_median(&column, -1), p(1, 10).to_bits());
		// A minority of everything: the largest.
		assert_eq!(selector.weighted_median(&column, I32F32::ONE.to_bits()), p(4, 10).to_bits());
		assert_eq!(selector.weighted_median(&[], 0), 0);
		// More votes than it was sized for: it grows.
		let many: Vec<Vote> = (0..100).map(|k| Vote { score: 100 - k, stake: 1 }).collect();
		assert_eq!(selector.weighted_median(&many, 49), 50);
	}

	#[test]
	fn sorting_what_is_left_gives_the_same_median() {
		// The fallback (taken after too many rounds) run from the start on columns of
		// every shape: ties, zero stakes, negative and large minorities.
		let mut state = 0x2545_F491_4F6C_DD1Du64;
		let mut next = move || {
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			state
		};
		let mut selector = Selector::new(1);
		for round in 0..2_000 {
			let len = (next() % 70) as usize + 1;
			let spread = [3, 1000, 1 << 33][round % 3];
			let votes: Vec<Vote> =
				(0..len).map(|_| Vote { score: (next() % spread) as i64, stake: (next() % 5) as i64 }).collect();
			let total: i64 = votes.iter().map(|v| v.stake).sum();
			let minority = (next() % (total as u64 + 3)) as i64 - 1;
			let selected = selector.weighted_median(&votes, minority);
			selector.ensure(len);
			selector.current[..len].copy_from_slice(&votes);
			assert_eq!(selector.by_sorting(len, 0, None, minority), selected, "{votes:?} {minority}");
		}
	}

	#[test]
	fn no_voters_means_zero() {
		assert_eq!(median(&[], &[], I32F32::HALF), I32F32::ZERO);
	}

	#[test]
	fn consensus_skips_unweighted_columns_and_counts_missing_as_zero() {
		let mut weights = Csr::with_capacity(3, 3);
		for row in [vec![(1, p(1, 1))], vec![(1, p(1, 2)), (2, p(1, 2))], vec![]] {
			for (j, v) in row {
				weights.push(j, v);
			}
			weights.end_row();
		}
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
