//! Sparse matrices in one allocation: compressed rows (CSR). Row `i` holds the entries
//! `start[i]..start[i + 1]` of `cols` (strictly increasing) and `vals`. An epoch builds
//! each of its matrices once and rewrites values in place, so nothing is allocated per
//! row and every pass reads memory in order.

use crate::{fixed::I32F32, sparse::normalize};
use alloc::{vec, vec::Vec};

/// A sparse matrix of I32F32 values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Csr {
	/// Where each row starts in `cols`/`vals`, plus the end of the last row.
	start: Vec<usize>,
	/// Column of each entry.
	cols: Vec<u16>,
	/// Value of each entry.
	vals: Vec<I32F32>,
}

impl Csr {
	/// An empty matrix with room for `entries` entries.
	pub fn with_capacity(rows: usize, entries: usize) -> Self {
		let mut start = Vec::with_capacity(rows + 1);
		start.push(0);
		Self { start, cols: Vec::with_capacity(entries), vals: Vec::with_capacity(entries) }
	}

	/// Appends an entry to the row being built (columns must increase).
	#[inline]
	pub fn push(&mut self, col: u16, val: I32F32) {
		self.cols.push(col);
		self.vals.push(val);
	}

	/// Closes the row being built.
	#[inline]
	pub fn end_row(&mut self) {
		self.start.push(self.cols.len());
	}

	/// Number of rows.
	pub fn rows(&self) -> usize {
		self.start.len() - 1
	}

	/// Number of entries.
	pub fn nnz(&self) -> usize {
		self.cols.len()
	}

	/// Row `i` as columns and values (empty beyond the last row).
	#[inline]
	pub fn row(&self, i: usize) -> (&[u16], &[I32F32]) {
		match (self.start.get(i), self.start.get(i + 1)) {
			(Some(&from), Some(&to)) => (&self.cols[from..to], &self.vals[from..to]),
			_ => (&[], &[]),
		}
	}

	/// Row `i` with mutable values.
	#[inline]
	pub fn row_mut(&mut self, i: usize) -> (&[u16], &mut [I32F32]) {
		match (self.start.get(i), self.start.get(i + 1)) {
			(Some(&from), Some(&to)) => (&self.cols[from..to], &mut self.vals[from..to]),
			_ => (&[], &mut []),
		}
	}

	/// Replaces every entry's value by `f(row, col, value)` and drops the entries that
	/// become zero, in one pass and in place.
	#[inline]
	pub fn map_retain(&mut self, mut f: impl FnMut(usize, u16, I32F32) -> I32F32) {
		let mut kept = 0;
		for i in 0..self.rows() {
			let (from, to) = (self.start[i], self.start[i + 1]);
			self.start[i] = kept;
			for k in from..to {
				let (col, value) = (self.cols[k], f(i, self.cols[k], self.vals[k]));
				self.cols[kept] = col;
				self.vals[kept] = value;
				kept += usize::from(!value.is_zero());
			}
		}
		if let Some(last) = self.start.last_mut() {
			*last = kept;
		}
		self.cols.truncate(kept);
		self.vals.truncate(kept);
	}

	/// Normalises each row to sum to one; a row summing to zero is left as it is.
	pub fn normalize_rows(&mut self) {
		for i in 0..self.rows() {
			normalize(self.row_mut(i).1);
		}
	}

	/// Column sums over `n` columns, adding rows in order (saturating).
	pub fn col_sums(&self, n: usize) -> Vec<I32F32> {
		let mut sums = vec![I32F32::ZERO; n];
		for (j, v) in self.cols.iter().zip(&self.vals) {
			if let Some(s) = sums.get_mut(*j as usize) {
				*s = s.add(*v);
			}
		}
		sums
	}

	/// Column maxima over `n` columns (0 for an empty column).
	pub fn col_maxima(&self, n: usize) -> Vec<I32F32> {
		let mut maxima = vec![I32F32::ZERO; n];
		for (j, v) in self.cols.iter().zip(&self.vals) {
			if let Some(m) = maxima.get_mut(*j as usize) {
				*m = (*m).max(*v);
			}
		}
		maxima
	}
}

/// A row sorted by column, as the epoch reads it: a row of a [`Csr`] or a stored row
/// of `(uid, u16)` pairs.
pub trait SortedRow {
	/// What an entry holds.
	type Value: Copy + Default;
	/// Number of entries.
	fn entries(&self) -> usize;
	/// Column and value of entry `k < entries()`.
	fn entry(&self, k: usize) -> (u16, Self::Value);
}

impl SortedRow for (&[u16], &[I32F32]) {
	type Value = I32F32;
	#[inline]
	fn entries(&self) -> usize {
		self.0.len()
	}
	#[inline]
	fn entry(&self, k: usize) -> (u16, I32F32) {
		(self.0[k], self.1[k])
	}
}

impl SortedRow for &[(u16, u16)] {
	type Value = u16;
	#[inline]
	fn entries(&self) -> usize {
		<[(u16, u16)]>::len(self)
	}
	#[inline]
	fn entry(&self, k: usize) -> (u16, u16) {
		self[k]
	}
}

/// Two sorted rows walked together: every column either holds, in column order, with
/// both values (a missing entry is the value's default, 0). An iterator rather than a
/// callback so that the caller's loop body is compiled inline.
pub struct Merge<X, Y> {
	x: X,
	y: Y,
	p: usize,
	q: usize,
}

/// [`Merge`] of `x` and `y`.
pub fn merge<X: SortedRow, Y: SortedRow>(x: X, y: Y) -> Merge<X, Y> {
	Merge { x, y, p: 0, q: 0 }
}

impl<X: SortedRow, Y: SortedRow> Iterator for Merge<X, Y> {
	type Item = (u16, X::Value, Y::Value);

	#[inline(always)]
	fn next(&mut self) -> Option<Self::Item> {
		let (has_x, has_y) = (self.p < self.x.entries(), self.q < self.y.entries());
		if has_x && has_y {
			let ((a, xv), (b, yv)) = (self.x.entry(self.p), self.y.entry(self.q));
			if a == b {
				self.p += 1;
				self.q += 1;
				Some((a, xv, yv))
			} else if a < b {
				self.p += 1;
				Some((a, xv, Default::default()))
			} else {
				self.q += 1;
				Some((b, Default::default(), yv))
			}
		} else if has_x {
			let (a, xv) = self.x.entry(self.p);
			self.p += 1;
			Some((a, xv, Default::default()))
		} else if has_y {
			let (b, yv) = self.y.entry(self.q);
			self.q += 1;
			Some((b, Default::default(), yv))
		} else {
			None
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn f(x: i64) -> I32F32 {
		I32F32::from_int(x)
	}

	fn matrix(rows: &[&[(u16, i64)]]) -> Csr {
		let mut m = Csr::with_capacity(rows.len(), 8);
		for row in rows {
			for (j, v) in row.iter() {
				m.push(*j, f(*v));
			}
			m.end_row();
		}
		m
	}

	#[test]
	fn rows_normalise_and_rewritten_zero_entries_go() {
		let mut m = matrix(&[&[(0, 1), (2, 3)], &[], &[(1, 0), (2, 2)]]);
		m.normalize_rows();
		assert_eq!(m.row(0), (&[0u16, 2][..], &[I32F32::ratio(1, 4), I32F32::ratio(3, 4)][..]));
		assert_eq!(m.row(1).0.len(), 0);
		assert_eq!(m.row(2).1, &[I32F32::ZERO, I32F32::ONE]);
		// Rewrite: halve row 0, zero column 0; the zeros go.
		m.map_retain(|i, j, v| {
			if j == 0 {
				I32F32::ZERO
			} else if i == 0 {
				v.mul(I32F32::HALF)
			} else {
				v
			}
		});
		assert_eq!(m.row(0), (&[2u16][..], &[I32F32::ratio(3, 8)][..]));
		assert_eq!(m.row(2), (&[2u16][..], &[I32F32::ONE][..]));
		assert_eq!(m.nnz(), 2);
		assert_eq!(m.row(9).0.len(), 0, "beyond the last row");
	}

	#[test]
	fn columns_sum_and_max() {
		let m = matrix(&[&[(0, 1), (2, 3)], &[(2, 1)]]);
		assert_eq!(m.col_sums(3), vec![f(1), f(0), f(4)]);
		assert_eq!(m.col_maxima(3), vec![f(1), f(0), f(3)]);
		// Sums saturate as a saturating fold would.
		let big = matrix(&[&[(0, 1 << 30)], &[(0, 1 << 30)], &[(0, 1 << 30)]]);
		assert_eq!(big.col_sums(1), vec![I32F32::MAX]);
	}

	#[test]
	fn merge_visits_the_union_in_order() {
		let x = matrix(&[&[(1, 1), (3, 3)]]);
		let y = matrix(&[&[(0, 5), (3, 4), (7, 2)]]);
		let seen: Vec<_> = merge(x.row(0), y.row(0)).collect();
		assert_eq!(seen, vec![(0, f(0), f(5)), (1, f(1), f(0)), (3, f(3), f(4)), (7, f(0), f(2))]);
	}
}
