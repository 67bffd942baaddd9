//! The model format's primitives: little-endian integers, int8 matrices with their row
//! scales, and i32 vectors, read with errors that name the tensor at fault.

use crate::error::LoadError;
use crate::fixed::ACT_MAX;
use crate::model::{Linear, Norm};
use crate::quant::{QRows, Scale};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// Appends `v` little-endian.
pub(crate) fn put_u32(w: &mut Vec<u8>, v: u32) {
	w.extend_from_slice(&v.to_le_bytes());
}

/// Appends an int8 matrix: its row scales (`m: u16, k: u8` each), then its values.
pub(crate) fn put_matrix(w: &mut Vec<u8>, q: &QRows) {
	for s in &q.scales {
		w.extend_from_slice(&(s.m as u16).to_le_bytes());
		w.push(s.k as u8);
	}
	w.extend(q.data.iter().map(|v| *v as u8));
}

/// Appends an i32 vector.
pub(crate) fn put_vector(w: &mut Vec<u8>, v: &[i32]) {
	for x in v {
		w.extend_from_slice(&x.to_le_bytes());
	}
}

/// Appends a linear layer: weight, then bias.
pub(crate) fn put_linear(w: &mut Vec<u8>, l: &Linear) {
	put_matrix(w, &l.weight);
	put_vector(w, &l.bias);
}

/// Appends a LayerNorm: γ, then β.
pub(crate) fn put_norm(w: &mut Vec<u8>, n: &Norm) {
	put_vector(w, &n.gamma);
	put_vector(w, &n.beta);
}

/// The size of a `rows × cols` int8 matrix in the format.
pub(crate) fn matrix_bytes(rows: u32, cols: u32) -> u64 {
	u64::from(rows) * (3 + u64::from(cols))
}

/// The size of an `out × in` linear layer in the format.
pub(crate) fn linear_bytes(out: u32, inp: u32) -> u64 {
	matrix_bytes(out, inp) + 4 * u64::from(out)
}

/// A cursor over untrusted bytes.
pub(crate) struct Reader<'a> {
	bytes: &'a [u8],
	pos: usize,
	/// What the bytes are, opening every tensor's name (`"step 2"`, `"chunk"`).
	label: &'a str,
}

impl<'a> Reader<'a> {
	pub(crate) fn new(bytes: &'a [u8], label: &'a str) -> Self {
		Self { bytes, pos: 0, label }
	}

	/// What the bytes are (`"step 2"`, `"chunk"`).
	pub(crate) fn label(&self) -> &'a str {
		self.label
	}

	/// Bytes read so far.
	pub(crate) fn pos(&self) -> usize {
		self.pos
	}

	/// Refuses bytes after the last field.
	pub(crate) fn finish(&self) -> Result<(), LoadError> {
		if self.pos != self.bytes.len() {
			return Err(LoadError::TrailingBytes { expected: self.pos, actual: self.bytes.len() });
		}
		Ok(())
	}

	pub(crate) fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], LoadError> {
		let available = self.bytes.len() - self.pos;
		if n > available {
			return Err(LoadError::Truncated { what: what.to_string(), needed: n, available });
		}
		let s = &self.bytes[self.pos..self.pos + n];
		self.pos += n;
		Ok(s)
	}

	pub(crate) fn u8(&mut self, what: &str) -> Result<u8, LoadError> {
		Ok(self.take(1, what)?[0])
	}

	pub(crate) fn u16(&mut self, what: &str) -> Result<u16, LoadError> {
		let b = self.take(2, what)?;
		Ok(u16::from_le_bytes([b[0], b[1]]))
	}

	pub(crate) fn u32(&mut self, what: &str) -> Result<u32, LoadError> {
		let b = self.take(4, what)?;
		Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
	}

	/// A `u32` dimension within `min..=max`.
	pub(crate) fn dim(&mut self, field: &'static str, min: u32, max: u32) -> Result<u32, LoadError> {
		let value = self.u32(field)?;
		if value < min || value > max {
			return Err(LoadError::DimensionOutOfRange { field, value, min, max });
		}
		Ok(value)
	}

	fn name(&self, tensor: &str) -> String {
		format!("{} {tensor}", self.label)
	}

	pub(crate) fn matrix(&mut self, tensor: &str, rows: u32, cols: u32) -> Result<QRows, LoadError> {
		let name = self.name(tensor);
		let (rows, cols) = (rows as usize, cols as usize);
		let raw = self.take(rows * 3, &format!("{name} scales"))?;
		let mut scales = Vec::with_capacity(rows);
		for (row, s) in raw.chunks_exact(3).enumerate() {
			let m = u32::from(u16::from_le_bytes([s[0], s[1]]));
			if m < 1 << 14 {
				return Err(LoadError::BadScale { tensor: name, row, m });
			}
			scales.push(Scale { m, k: i32::from(s[2]) });
		}
		let raw = self.take(rows * cols, &format!("{name} weights"))?;
		if let Some(at) = raw.iter().position(|b| *b == 0x80) {
			return Err(LoadError::ForbiddenWeight { tensor: name, row: at / cols, col: at % cols });
		}
		let data = raw.iter().map(|b| *b as i8).collect();
		Ok(QRows { rows, cols, data, scales })
	}

	pub(crate) fn vector(&mut self, tensor: &str, len: u32) -> Result<Vec<i32>, LoadError> {
		let name = self.name(tensor);
		let raw = self.take(len as usize * 4, &name)?;
		let mut out = Vec::with_capacity(len as usize);
		for (index, b) in raw.chunks_exact(4).enumerate() {
			let value = i32::from_le_bytes([b[0], b[1], b[2], b[3]]);
			if value.unsigned_abs() > ACT_MAX as u32 {
				return Err(LoadError::ValueOutOfRange { tensor: name, index, value });
			}
			out.push(value);
		}
		Ok(out)
	}

	pub(crate) fn linear(&mut self, tensor: &str, out: u32, inp: u32) -> Result<Linear, LoadError> {
		let weight = self.matrix(&format!("{tensor}.weight"), out, inp)?;
		let bias = self.vector(&format!("{tensor}.bias"), out)?;
		Ok(Linear { weight, bias })
	}

	pub(crate) fn norm(&mut self, tensor: &str, len: u32) -> Result<Norm, LoadError> {
		let gamma = self.vector(&format!("{tensor}.weight"), len)?;
		let beta = self.vector(&format!("{tensor}.bias"), len)?;
		Ok(Norm { gamma, beta })
	}
}
