//! Consensus: the stake-weighted median of each column.
//!
//! The specification defines it by a quickselect (pivot at position `len / 2` of the
//! current list), kept here as [`weighted_median`] and used by the dense reference. All
//! its sums are exact integer additions, so its answer does not depend on the pivots:
//! with `F(p)` the stake of the scores strictly below `p`, it returns **the largest score
//! `p` present in the column with `F(p) <= minority`**, or the smallest score when there
//! is none (a negative minority, when kappa exceeds the voters' total). The epoch finds
//! that value with [`Selector`]: one counting pass over buckets of scores, then a sort
//! of the one bucket that holds the answer, so a column costs O(v) and at worst
//! O(v log v), even for scores chosen to share a bucket.

use crate::{csr::SortedRow, fixed::I32F32, sparse::normalize};
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

/// Buckets of the selection's one counting pass.
const BUCKETS: usize = 64;

/// Scratch space for weighted medians, reused across columns.
pub struct Selector {
	/// The votes of the bucket that holds the answer.
	bucket: Vec<Vote>,
	/// Stake per bucket.
	stake: [i64; BUCKETS],
}

impl Selector {
	/// Room for columns of up to `voters` entries (it grows if needed).
	pub fn new(voters: usize) -> Self {
		Self { bucket: Vec::with_capacity(voters), stake: [0; BUCKETS] }
	}

	/// The largest score `p` among `votes` whose lower stake `F(p)` (the stake of the
	/// votes scoring strictly less) is at most `minority`, or the smallest score when
	/// none is: the specification's weighted median. 0 for no votes.
	///
	/// One pass spreads the votes over [`BUCKETS`] buckets of equal score width between
	/// the smallest and the largest score (a shift, so bucket order is score order) and
	/// sums each bucket's stake; the answer lies in the first bucket whose cumulative
	/// stake exceeds the minority (its smallest score has all of the earlier buckets'
	/// stake, at most the minority, below it), and only that bucket is sorted. The cost
	/// is O(v) plus sorting one bucket: O(v log v) at worst, when scores are chosen to
	/// share a bucket. Stakes must be non-negative; columns whose stakes do not fit in
	/// one sum are sorted whole.
	pub fn weighted_median(&mut self, votes: &[Vote], minority: i64) -> i64 {
		let Some(first) = votes.first() else { return 0 };
		let (mut lo, mut hi, mut total, mut negative) = (first.score, first.score, 0i128, false);
		for vote in votes {
			lo = lo.min(vote.score);
			hi = hi.max(vote.score);
			// At most 2^16 + 1 votes of at most 2^63: the 128-bit sum cannot overflow.
			total += i128::from(vote.stake);
			negative |= vote.stake < 0;
		}
		let Some(total) = i64::try_from(total).ok().filter(|_| !negative) else {
			self.bucket.clear();
			self.bucket.extend_from_slice(votes);
			return sorted_median(&mut self.bucket, 0, minority).unwrap_or(lo);
		};
		self.select(votes, lo, hi, total, minority)
	}

	/// [`Self::weighted_median`] of non-empty `votes` whose smallest and largest scores
	/// are `lo` and `hi` and whose non-negative stakes sum to `total`, known beforehand.
	pub fn select(&mut self, votes: &[Vote], lo: i64, hi: i64, total: i64, minority: i64) -> i64 {
		if minority < 0 {
			// Nothing has at most the minority below it, not even the smallest score.
			return lo;
		}
		if total <= minority || lo == hi {
			return hi;
		}
		// The width of a bucket: a power of two that puts the range in BUCKETS buckets.
		let range = hi.wrapping_sub(lo) as u64;
		let shift = (u64::BITS - range.leading_zeros()).saturating_sub(BUCKETS.trailing_zeros());
		let bucket_of = |score: i64| (score.wrapping_sub(lo) as u64 >> shift) as usize;
		self.stake = [0; BUCKETS];
		for vote in votes {
			self.stake[bucket_of(vote.score)] += vote.stake;
		}
		// The first bucket whose cumulative stake exceeds the minority; the stake below it.
		let (mut target, mut below) = (BUCKETS - 1, 0);
		for (b, stake) in self.stake.iter().enumerate() {
			if below + stake > minority {
				target = b;
				break;
			}
			below += stake;
		}
		self.bucket.clear();
		self.bucket.extend(votes.iter().filter(|v| bucket_of(v.score) == target));
		sorted_median(&mut self.bucket, below, minority).unwrap_or(lo)
	}
}

/// The selection over `votes` sorted by score, with `below` stake under all of them:
/// the largest score whose lower stake is at most `minority`, if any.
fn sorted_median(votes: &mut [Vote], mut below: i64, minority: i64) -> Option<i64> {
	votes.sort_unstable_by_key(|v| v.score);
	let mut best = None;
	let mut k = 0;
	while k < votes.len() && below <= minority {
		let score = votes[k].score;
		best = Some(score);
		while k < votes.len() && votes[k].score == score {
			below = below.saturating_add(votes[k].stake);
			k += 1;
		}
	}
	best
}

/// The voters' entries in one column, as `(uid, weight)`.
pub struct ColumnVotes<'t> {
	votes: &'t [Vote],
	who: &'t [u32],
	position: &'t [u32],
	next: usize,
}

impl Iterator for ColumnVotes<'_> {
	/// The voter's uid, its weight, and the entry's position among all voters' entries
	/// taken row after row.
	type Item = (usize, I32F32, usize);

	#[inline(always)]
	fn next(&mut self) -> Option<(usize, I32F32, usize)> {
		let vote = self.votes.get(self.next)?;
		let voter = self.who.get(self.next).map_or(usize::MAX, |uid| *uid as usize);
		let position = self.position.get(self.next).map_or(usize::MAX, |p| *p as usize);
		self.next += 1;
		Some((voter, I32F32::from_bits(vote.score), position))
	}
}

/// Columns gathered at a time: a tile of `TILE × voters` votes stays in cache.
const TILE: usize = 16;

/// Consensus `C[j]` for every column of `weights` (rows indexed by uid), with the
/// validators' active stake `a`.
///
/// Only validators with `a > 0` vote; their stake is renormalised, and a voter without
/// an entry in a column scores 0 there. A column with no entry is 0 (the median of
/// zeros) without a selection, so the cost is O(n + entries + voted columns × log v).
/// Columns are gathered `TILE` at a time from all voters' rows (each row read once, in
/// order); the voters missing from a column count as one vote of 0 with their summed
/// stake, which the selection cannot tell from separate votes.
///
/// Weights must be non-negative (as `W`'s are): a column whose largest weight is 0 has
/// consensus 0 without a selection.
///
/// `visit(j, C[j], votes)` is called once for every column with an entry, as soon as its
/// consensus is known, while its votes are still in cache (the epoch clips there); the
/// votes are the voters' entries, `(i, W[i][j])`.
pub fn consensus<R: SortedRow<Value = I32F32>>(
	weights: impl Fn(usize) -> R,
	a: &[I32F32],
	kappa: I32F32,
	n: usize,
	mut visit: impl FnMut(u16, I32F32, ColumnVotes<'_>),
) -> Vec<I32F32> {
	let voters: Vec<usize> = (0..a.len()).filter(|&i| a[i] > I32F32::ZERO).collect();
	let mut stake: Vec<I32F32> = voters.iter().map(|&i| a[i]).collect();
	normalize(&mut stake);
	let total = stake.iter().fold(I32F32::ZERO, |acc, s| acc.add(*s)).to_bits();
	let minority = I32F32::from_bits(total).sub(kappa).to_bits();

	let mut consensus = vec![I32F32::ZERO; n];
	let rows: Vec<R> = voters.iter().map(|&i| weights(i)).collect();
	let mut cursor = vec![0usize; voters.len()];
	let mut tile = vec![Vote::default(); TILE * (voters.len() + 1)];
	// The voter (its uid) of each vote in `tile`.
	let mut who = vec![0u32; tile.len()];
	let mut position = vec![0u32; tile.len()];
	// Where each voter's row starts among all voters' entries.
	let mut offset = Vec::with_capacity(rows.len());
	let mut entries = 0usize;
	for row in &rows {
		offset.push(entries);
		entries += row.entries();
	}
	let mut count = [0usize; TILE];
	// Each column's smallest and largest score (weights are non-negative).
	let mut lowest = [0i64; TILE];
	let mut highest = [0i64; TILE];
	let mut selector = Selector::new(voters.len() + 1);
	let width = voters.len() + 1;
	for first in (0..n).step_by(TILE) {
		let end = (first + TILE).min(n);
		count.fill(0);
		lowest.fill(i64::MAX);
		highest.fill(0);
		for (k, (row, uid)) in rows.iter().zip(&voters).enumerate() {
			let at = &mut cursor[k];
			let uid = *uid as u32;
			let first_entry = offset[k];
			while *at < row.entries() {
				let (col, value) = row.entry(*at);
				if col as usize >= end {
					break;
				}
				let slot = col as usize - first;
				let vote = Vote { score: value.to_bits(), stake: stake[k].to_bits() };
				tile[slot * width + count[slot]] = vote;
				who[slot * width + count[slot]] = uid;
				position[slot * width + count[slot]] = (first_entry + *at) as u32;
				count[slot] += 1;
				lowest[slot] = lowest[slot].min(vote.score);
				highest[slot] = highest[slot].max(vote.score);
				*at += 1;
			}
		}
		for slot in 0..end - first {
			let column = first + slot;
			let votes = &mut tile[slot * width..(slot + 1) * width];
			let len = count[slot];
			// A column whose votes are all 0 (or that has none) has consensus 0.
			if highest[slot] > 0 {
				let (mut with_zero, mut lo) = (len, lowest[slot]);
				if len < voters.len() {
					let present = votes[..len].iter().fold(0i64, |sum, v| sum.saturating_add(v.stake));
					votes[len] = Vote { score: 0, stake: total.saturating_sub(present) };
					(with_zero, lo) = (len + 1, 0);
				}
				// The votes' stakes sum to the voters' total: the missing voters' stake is
				// the zero vote's.
				let median = selector.select(&votes[..with_zero], lo, highest[slot], total, minority);
				consensus[column] = I32F32::from_bits(median);
			}
			if len > 0 {
				let votes = ColumnVotes {
					votes: &votes[..len],
					who: &who[slot * width..],
					position: &position[slot * width..],
					next: 0,
				};
				visit(column as u16, consensus[column], votes);
			}
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
	fn sorting_the_whole_column_gives_the_same_median() {
		// The path for columns whose stakes overflow one sum, run on ordinary columns of
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
			let mut votes: Vec<Vote> =
				(0..len).map(|_| Vote { score: (next() % spread) as i64, stake: (next() % 5) as i64 }).collect();
			let total: i64 = votes.iter().map(|v| v.stake).sum();
			let minority = (next() % (total as u64 + 3)) as i64 - 1;
			let selected = selector.weighted_median(&votes, minority);
			let smallest = votes.iter().map(|v| v.score).min().unwrap_or(0);
			assert_eq!(sorted_median(&mut votes, 0, minority).unwrap_or(smallest), selected, "{minority}");
		}
	}

	#[test]
	fn stakes_that_overflow_one_sum_are_sorted() {
		let mut selector = Selector::new(2);
		let votes = [Vote { score: 5, stake: i64::MAX }, Vote { score: 9, stake: i64::MAX }];
		assert_eq!(selector.weighted_median(&votes, 0), 5);
		assert_eq!(selector.weighted_median(&votes, i64::MAX), 9);
	}

	#[test]
	fn no_voters_means_zero() {
		assert_eq!(median(&[], &[], I32F32::HALF), I32F32::ZERO);
	}

	#[test]
	fn consensus_skips_unweighted_columns_and_counts_missing_as_zero() {
		let mut weights = crate::csr::Csr::with_capacity(3, 3);
		for row in [vec![(1, p(1, 1))], vec![(1, p(1, 2)), (2, p(1, 2))], vec![]] {
			for (j, v) in row {
				weights.push(j, v);
			}
			weights.end_row();
		}
		let a = vec![p(1, 2), p(1, 2), I32F32::ZERO];
		let c = consensus(|i| weights.row(i), &a, I32F32::HALF, 3, |_, _, _| {});
		assert_eq!(c[0], I32F32::ZERO);
		// Column 1: scores 1 and 1/2 at equal stake. With kappa exactly 1/2, the voter
		// scoring 1 holds kappa of the stake alone, so 1 is supported.
		assert_eq!(c[1], p(1, 1));
		// Column 2: scores 0 (missing) and 1/2: the voter at 1/2 holds kappa.
		assert_eq!(c[2], p(1, 2));
		// With kappa a hair above 1/2, one voter alone supports nothing above the other.
		let c = consensus(|i| weights.row(i), &a, p(1, 2).add(I32F32::from_bits(1)), 3, |_, _, _| {});
		assert_eq!(c[1], p(1, 2));
		assert_eq!(c[2], I32F32::ZERO);
	}
}
