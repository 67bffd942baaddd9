//! Sparse matrices in one allocation: compressed rows (CSR). Row `i` holds the entries
//! `start[i]..start[i + 1]` of `entries`, `(column, value)` pairs with strictly
//! increasing columns. An epoch builds its bond matrix once, so nothing is allocated per
//! row and every pass reads memory in order.

use crate::fixed::I32F32;
use alloc::vec::Vec;

/// A sparse matrix of I32F32 values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Csr {
	/// Where each row starts in `entries`, plus the end of the last row.
	start: Vec<usize>,
	/// Column and value of each entry, row after row.
	entries: Vec<(u16, I32F32)>,
}

impl Csr {
	/// An empty matrix with room for `entries` entries.
	pub fn with_capacity(rows: usize, entries: usize) -> Self {
		let mut start = Vec::with_capacity(rows + 1);
		start.push(0);
		Self { start, entries: Vec::with_capacity(entries) }
	}

	/// Appends an entry to the row being built (columns must increase).
	#[inline]
	pub fn push(&mut self, col: u16, val: I32F32) {
		self.entries.push((col, val));
	}

	/// Closes the row being built.
	#[inline]
	pub fn end_row(&mut self) {
		self.start.push(self.entries.len());
	}

	/// Number of rows.
	pub fn rows(&self) -> usize {
		self.start.len() - 1
	}

	/// Row `i` as `(column, value)` pairs (empty beyond the last row).
	#[inline]
	pub fn row(&self, i: usize) -> &[(u16, I32F32)] {
		match (self.start.get(i), self.start.get(i + 1)) {
			(Some(&from), Some(&to)) => self.entries.get(from..to).unwrap_or(&[]),
			_ => &[],
		}
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

impl<V: Copy + Default> SortedRow for &[(u16, V)] {
	type Value = V;
	#[inline]
	fn entries(&self) -> usize {
		<[(u16, V)]>::len(self)
	}
	#[inline]
	fn entry(&self, k: usize) -> (u16, V) {
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
	use alloc::vec;

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
	fn rows_read_back_as_built() {
		let m = matrix(&[&[(0, 1), (2, 3)], &[], &[(1, 0), (2, 2)]]);
		assert_eq!(m.row(0), &[(0u16, f(1)), (2, f(3))][..]);
		assert_eq!(m.row(1).len(), 0);
		assert_eq!(m.row(2), &[(1u16, f(0)), (2, f(2))][..]);
		assert_eq!((0..m.rows()).map(|i| m.row(i).len()).sum::<usize>(), 4);
		assert_eq!(m.rows(), 3);
		assert_eq!(m.row(9).len(), 0, "beyond the last row");
	}

	#[test]
	fn merge_visits_the_union_in_order() {
		let x = matrix(&[&[(1, 1), (3, 3)]]);
		let y = matrix(&[&[(0, 5), (3, 4), (7, 2)]]);
		let seen: Vec<_> = merge(x.row(0), y.row(0)).collect();
		assert_eq!(seen, vec![(0, f(0), f(5)), (1, f(1), f(0)), (3, f(3), f(4)), (7, f(0), f(2))]);
	}
}
