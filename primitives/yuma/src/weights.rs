//! Step 4's weight matrix `W` without a copy of its values.
//!
//! `W[i][j]` is validator `i`'s stored weight on `j`, as an integer, divided by the sum
//! of the row's weights that count (the row normalisation of the specification). The
//! stored `u16` entries are kept as they are (borrowed when nothing in the row is
//! masked) and each row carries the divisor that normalises it, so reading `W[i][j]`
//! costs one multiplication and the epoch never writes an I32F32 matrix of weights.
//!
//! Exactness: the specification sums the row in I32F32 (`Σ from_u16(v)`, saturating) and
//! divides each `from_u16(v)` by that sum. With the integer sum `S`, while
//! `S < 2^31` the I32F32 sum is exactly `S · 2^32` and the quotient is
//! `floor(v · 2^32 / S)`, which [`SumDivisor`] computes by a multiply-shift with the
//! round-up reciprocal of Granlund and Montgomery (1994, Theorem 4.2): with
//! `l = ceil(log2 S)` and `m = ceil(2^(48 + l) / S)`, `m · S - 2^(48 + l) < S ≤ 2^l`, so
//! `floor(n · m / 2^(48 + l)) = floor(n / S)` for every `n < 2^48`, and `n = v · 2^32`
//! is below 2^48. A row whose sum reaches `2^31` (more than 32768 maximal weights)
//! saturates the I32F32 sum at `i64::MAX` raw, and is divided by that, as specified.

use crate::{csr::SortedRow, fixed::I32F32, types::Hyperparams, types::Neuron};
use alloc::{borrow::Cow, vec::Vec};

/// How a row's stored weights become its normalised values: `W[i][j] = (v · magic) >>
/// shift` for the stored weight `v`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SumDivisor {
	/// `ceil(2^(48 + l) / S)` (below 2^49), or 2^17 for a saturated sum.
	magic: u64,
	/// `16 + l` (the `2^32` of `v · 2^32` folded in, so within 16..=47), or 16 for a
	/// saturated sum.
	shift: u32,
}

impl SumDivisor {
	/// The divisor of a row whose counted weights sum to `sum > 0` as integers.
	///
	/// A sum of `2^31` or more saturates the I32F32 sum at `2^63 - 1` raw, and
	/// `floor(v · 2^64 / (2^63 - 1)) = 2v + floor(2v / (2^63 - 1)) = 2v` for any u16 `v`.
	pub fn new(sum: u64) -> Self {
		if sum == 0 || sum >= 1 << 31 {
			return Self { magic: 1 << 17, shift: 16 };
		}
		let l = u64::BITS - (sum - 1).leading_zeros();
		let magic = ((1u128 << (48 + l)).div_ceil(u128::from(sum))) as u64;
		Self { magic, shift: 16 + l }
	}

	/// `W[i][j]` for the stored weight `v` of the row.
	#[inline(always)]
	pub fn apply(self, v: u16) -> I32F32 {
		// The product has at most 65 bits and the shift is within 16..=47, so the quotient
		// is the low word shifted right with the high word's bit shifted in.
		let product = u128::from(v) * u128::from(self.magic);
		let (high, low) = ((product >> 64) as u64, product as u64);
		I32F32::from_bits(((low >> self.shift) | (high << (64 - self.shift))) as i64)
	}
}

/// One row of `W`: the stored entries that count, sorted by uid, and their divisor.
#[derive(Clone, Copy, Debug)]
pub struct WeightRow<'r> {
	entries: &'r [(u16, u16)],
	scale: SumDivisor,
}

impl WeightRow<'_> {
	/// Number of entries.
	#[inline(always)]
	pub fn len(&self) -> usize {
		self.entries.len()
	}

	/// Whether the row has no entry.
	pub fn is_empty(&self) -> bool {
		self.entries.is_empty()
	}
}

impl<'r> WeightRow<'r> {
	/// The row's uids with other values, one per entry.
	pub fn with_values<'v>(self, values: &'v [I32F32]) -> RowValues<'r, 'v> {
		RowValues { entries: self.entries, values }
	}
}

/// A row of `W`'s uids carrying values computed from it.
#[derive(Clone, Copy, Debug)]
pub struct RowValues<'r, 'v> {
	entries: &'r [(u16, u16)],
	values: &'v [I32F32],
}

impl SortedRow for RowValues<'_, '_> {
	type Value = I32F32;
	#[inline(always)]
	fn entries(&self) -> usize {
		self.entries.len().min(self.values.len())
	}
	#[inline(always)]
	fn entry(&self, k: usize) -> (u16, I32F32) {
		(self.entries[k].0, self.values[k])
	}
}

impl SortedRow for WeightRow<'_> {
	type Value = I32F32;
	#[inline(always)]
	fn entries(&self) -> usize {
		self.entries.len()
	}
	#[inline(always)]
	fn entry(&self, k: usize) -> (u16, I32F32) {
		let (uid, v) = self.entries[k];
		(uid, self.scale.apply(v))
	}
}

/// The matrix `W`, one row per uid (empty for uids without a permit).
#[derive(Clone, Debug)]
pub struct Weights<'a> {
	/// Each row's counted entries (borrowed from the stored row when nothing is masked)
	/// and divisor.
	rows: Vec<(Cow<'a, [(u16, u16)]>, SumDivisor)>,
}

impl<'a> Weights<'a> {
	/// Builds `W` from the stored rows (sorted, in range: checked by the caller) and the
	/// permits the epoch uses. A weight counts if it is non-zero, not on the validator
	/// itself, and set after its target registered: the validator's `last_update` (or,
	/// with commit-reveal, the block after its earliest unrevealed commit, if earlier)
	/// is later than the target's `registered_at`.
	pub fn new(stored: &'a [Cow<'a, [(u16, u16)]>], neurons: &[Neuron], permit: &[bool], params: &Hyperparams) -> Self {
		let registered_at: Vec<u64> = neurons.iter().map(|t| t.registered_at).collect();
		let last_registration = registered_at.iter().copied().max().unwrap_or(0);
		let rows = stored
			.iter()
			.enumerate()
			.map(|(i, row)| {
				let (Some(me), Some(true)) = (neurons.get(i), permit.get(i).copied()) else {
					return (Cow::Borrowed(&[][..]), SumDivisor::new(0));
				};
				let since = match me.first_unrevealed_commit {
					Some(commit) if params.commit_reveal => me.last_update.min(commit.saturating_add(1)),
					_ => me.last_update,
				};
				let counts = |&(j, v): &(u16, u16)| {
					v != 0 && j as usize != i && registered_at.get(j as usize).is_some_and(|r| *r < since)
				};
				let (kept, sum) = if last_registration < since {
					// Every target registered before: only zeros and the self-weight go (the
					// common case, in two passes the compiler vectorises).
					let total: u64 = row.iter().map(|(_, v)| u64::from(*v)).sum();
					let zeros = row.iter().filter(|(_, v)| *v == 0).count();
					let own = u16::try_from(i)
						.ok()
						.and_then(|me| row.binary_search_by_key(&me, |(j, _)| *j).ok())
						.and_then(|k| row.get(k))
						.map_or(0, |(_, v)| *v);
					(row.len() - zeros - usize::from(own != 0), total - u64::from(own))
				} else {
					row.iter().filter(|e| counts(e)).fold((0, 0), |(kept, sum), (_, v)| (kept + 1, sum + u64::from(*v)))
				};
				let entries = if kept == row.len() {
					Cow::Borrowed(&row[..])
				} else {
					Cow::Owned(row.iter().copied().filter(counts).collect())
				};
				(entries, SumDivisor::new(sum))
			})
			.collect();
		Self { rows }
	}

	/// Row `i` (an empty row beyond the last).
	#[inline]
	pub fn row(&self, i: usize) -> WeightRow<'_> {
		match self.rows.get(i) {
			Some((entries, scale)) => WeightRow { entries, scale: *scale },
			None => WeightRow { entries: &[], scale: SumDivisor::new(0) },
		}
	}

	/// Number of rows.
	pub fn rows(&self) -> usize {
		self.rows.len()
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::divide::Divisor;
	use alloc::{vec, vec::Vec};
	use proptest::prelude::*;

	/// The specification's normalisation: the saturating I32F32 sum, then a division.
	fn specified(values: &[u16]) -> Vec<I32F32> {
		let sum = values.iter().fold(I32F32::ZERO, |acc, v| acc.add(I32F32::from_u16(*v)));
		values.iter().map(|v| I32F32::from_u16(*v).div(sum)).collect()
	}

	fn scaled(values: &[u16]) -> Vec<I32F32> {
		let scale = SumDivisor::new(values.iter().map(|v| u64::from(*v)).sum());
		values.iter().map(|v| scale.apply(*v)).collect()
	}

	#[test]
	fn worked_examples() {
		assert_eq!(scaled(&[1, 1, 2]), vec![I32F32::ratio(1, 4), I32F32::ratio(1, 4), I32F32::HALF]);
		assert_eq!(scaled(&[7]), vec![I32F32::ONE], "a single weight is all of its row");
		assert_eq!(scaled(&[1, 1, 1]), vec![I32F32::ratio(1, 3); 3]);
		assert_eq!(scaled(&[65535, 1]), specified(&[65535, 1]));
	}

	#[test]
	fn the_divisor_is_exact_at_every_power_of_two_and_its_neighbours() {
		for l in 0..31 {
			for sum in [(1u64 << l).saturating_sub(1).max(1), 1 << l, (1 << l) + 1] {
				if sum >= 1 << 31 {
					continue;
				}
				let scale = SumDivisor::new(sum);
				let divisor = Divisor::new(I32F32::from_int(sum as i64));
				for v in [1u16, 2, 3, 255, 256, 32767, 32768, 65534, 65535] {
					if u64::from(v) <= sum {
						assert_eq!(scale.apply(v), divisor.divide(I32F32::from_u16(v)), "{v} / {sum}");
					}
				}
			}
		}
	}

	#[test]
	fn a_saturated_sum_divides_by_the_saturated_value() {
		let row = vec![65535u16; 40_000];
		let scale = SumDivisor::new(row.iter().map(|v| u64::from(*v)).sum());
		assert_eq!(scale, SumDivisor::new(0));
		for v in 1..=u16::MAX {
			assert_eq!(scale.apply(v), I32F32::from_u16(v).div(I32F32::MAX), "{v}");
		}
		assert_eq!(scaled(&row)[..3], specified(&row)[..3]);
	}

	proptest! {
		#[test]
		fn equals_the_specified_normalisation(values in proptest::collection::vec(1u16.., 1..300)) {
			prop_assert_eq!(scaled(&values), specified(&values));
		}

		#[test]
		fn equals_it_for_any_sum_below_two_to_the_31(sum in 1u64..(1 << 31), v in 1u16..) {
			let v = (u64::from(v)).min(sum) as u16;
			prop_assert_eq!(SumDivisor::new(sum).apply(v), I32F32::from_u16(v).div(I32F32::from_int(sum as i64)));
		}
	}

	#[test]
	fn masked_entries_leave_the_row_and_its_sum() {
		let neuron = |registered_at| Neuron {
			stake: 1,
			registered_at,
			last_update: 10,
			validator_permit: true,
			first_unrevealed_commit: None,
		};
		let neurons = vec![neuron(0), neuron(0), neuron(10), neuron(0)];
		let stored: Vec<Cow<'_, [(u16, u16)]>> = vec![
			Cow::Owned(vec![(0, 5), (1, 1), (2, 9), (3, 0)]),
			Cow::Owned(vec![(0, 1), (3, 3)]),
			Cow::Owned(vec![(0, 1)]),
			Cow::Owned(vec![(0, 1)]),
		];
		let permit = [true, true, true, false];
		let w = Weights::new(&stored, &neurons, &permit, &Hyperparams::default());
		// Row 0: itself, uid 2 (registered at its last update) and the zero go.
		assert_eq!(collect(w.row(0)), vec![(1, I32F32::ONE)]);
		assert!(matches!(w.rows[0].0, Cow::Owned(_)));
		assert_eq!(collect(w.row(1)), vec![(0, I32F32::ratio(1, 4)), (3, I32F32::ratio(3, 4))]);
		assert!(matches!(w.rows[1].0, Cow::Borrowed(_)), "nothing masked: no copy");
		assert_eq!(collect(w.row(2)), vec![(0, I32F32::ONE)]);
		assert!(w.row(3).is_empty(), "no permit, no row");
		assert!(w.row(9).is_empty());
	}

	fn collect(row: WeightRow<'_>) -> Vec<(u16, I32F32)> {
		(0..row.len()).map(|k| row.entry(k)).collect()
	}
}
