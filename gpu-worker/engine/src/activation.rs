//! Activations as bytes, and the trace element of a step.
//!
//! A step's activation `x_i` crosses every boundary of the jobs protocol in one
//! canonical encoding: a miner hashes it into its trace, a challenger sends it to the
//! runtime, the runtime decodes it and runs one step on it. The bytes a challenger
//! sends are untrusted, so decoding refuses anything but the canonical form, with an
//! [`ActivationError`] that names what is wrong, and never panics.
//!
//! **Encoding** ([`Activation::encode`]):
//!
//! ```text
//! rows: u32 LE ‖ cols: u32 LE ‖ rows × cols values: i32 LE, row-major
//! ```
//!
//! `rows ≥ 1`, `cols ≥ 1`, at most [`MAX_VALUES`] values, every value in the activation
//! range `±(2^23 − 1)` (Q12, [`crate::fixed::ACT_MAX`]). A token sequence is one row
//! per token; a pooled embedding is one row. Exactly `8 + 4 · rows · cols` bytes: a
//! shorter or longer buffer is refused.
//!
//! **Trace element** ([`Activation::trace_hash`]): for step `i`,
//!
//! ```text
//! t_i = blake2_256("hearth-trace-v1" ‖ i: u32 LE ‖ encode(x_i))
//! ```
//!
//! The encoding carries the shape, so `t_i` binds the step, the shape and the values.

use crate::fixed::ACT_MAX;
use alloc::vec::Vec;
use core::fmt;

/// The domain separator that opens every trace element's preimage.
pub const TRACE_DOMAIN: &[u8; 15] = b"hearth-trace-v1";

/// The most values an activation may hold: 2^22 (16 MiB of values), above any step
/// the engine runs (BERT-base at 512 tokens is 393,216 values).
pub const MAX_VALUES: usize = 1 << 22;

/// The bytes before the values: `rows` and `cols`.
const HEADER: usize = 8;

/// One step's activation: `rows × cols` Q12 values, row-major.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Activation {
	rows: u32,
	cols: u32,
	values: Vec<i32>,
}

/// Why bytes (or values) are not a canonical activation. Each variant names the fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActivationError {
	/// Fewer bytes than the 8-byte shape header.
	MissingShape {
		/// Bytes given.
		available: usize,
	},
	/// A shape with no rows or no columns.
	EmptyShape {
		/// Rows declared.
		rows: u32,
		/// Columns declared.
		cols: u32,
	},
	/// A shape with more than [`MAX_VALUES`] values.
	TooLarge {
		/// Rows declared.
		rows: u32,
		/// Columns declared.
		cols: u32,
		/// The most values accepted.
		max: usize,
	},
	/// The values do not fill the declared shape exactly.
	WrongLength {
		/// Rows declared.
		rows: u32,
		/// Columns declared.
		cols: u32,
		/// Bytes (or values) the shape needs.
		expected: usize,
		/// Bytes (or values) given.
		actual: usize,
	},
	/// A value outside the activation range `±(2^23 − 1)`.
	ValueOutOfRange {
		/// Its row.
		row: usize,
		/// Its column.
		col: usize,
		/// The value found.
		value: i32,
	},
}

impl fmt::Display for ActivationError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Self::MissingShape { available } => {
				write!(f, "activation: {available} bytes, fewer than the 8-byte shape (rows, cols: u32 LE)")
			},
			Self::EmptyShape { rows, cols } => write!(f, "activation: empty shape {rows} × {cols}"),
			Self::TooLarge { rows, cols, max } => {
				write!(f, "activation: shape {rows} × {cols} exceeds {max} values")
			},
			Self::WrongLength { rows, cols, expected, actual } => {
				write!(f, "activation: shape {rows} × {cols} needs {expected}, got {actual}")
			},
			Self::ValueOutOfRange { row, col, value } => {
				write!(f, "activation: value {value} at row {row}, column {col} is outside ±{ACT_MAX}")
			},
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for ActivationError {}

/// The number of values of a `rows × cols` shape, if it is one an activation may have.
fn checked_len(rows: u32, cols: u32) -> Result<usize, ActivationError> {
	if rows == 0 || cols == 0 {
		return Err(ActivationError::EmptyShape { rows, cols });
	}
	match (rows as usize).checked_mul(cols as usize) {
		Some(n) if n <= MAX_VALUES => Ok(n),
		_ => Err(ActivationError::TooLarge { rows, cols, max: MAX_VALUES }),
	}
}

/// The first value outside the activation range, as an error naming its place.
fn check_range(cols: u32, values: &[i32]) -> Result<(), ActivationError> {
	match values.iter().position(|v| v.unsigned_abs() > ACT_MAX as u32) {
		None => Ok(()),
		Some(i) => {
			let cols = cols as usize;
			Err(ActivationError::ValueOutOfRange { row: i / cols, col: i % cols, value: values[i] })
		},
	}
}

impl Activation {
	/// An activation of `rows × cols` values, checked as [`Activation::decode`] checks
	/// bytes.
	pub fn new(rows: u32, cols: u32, values: Vec<i32>) -> Result<Self, ActivationError> {
		let expected = checked_len(rows, cols)?;
		if values.len() != expected {
			return Err(ActivationError::WrongLength { rows, cols, expected, actual: values.len() });
		}
		check_range(cols, &values)?;
		Ok(Self { rows, cols, values })
	}

	/// Rows (tokens, or 1 for a pooled embedding).
	pub fn rows(&self) -> u32 {
		self.rows
	}

	/// Columns (features).
	pub fn cols(&self) -> u32 {
		self.cols
	}

	/// The values, row-major, Q12.
	pub fn values(&self) -> &[i32] {
		&self.values
	}

	/// The values, giving up the activation.
	pub fn into_values(self) -> Vec<i32> {
		self.values
	}

	/// The length of [`Activation::encode`]'s bytes.
	pub fn encoded_len(&self) -> usize {
		HEADER + 4 * self.values.len()
	}

	/// The canonical bytes (module docs).
	pub fn encode(&self) -> Vec<u8> {
		let mut bytes = Vec::with_capacity(self.encoded_len());
		self.encode_to(&mut bytes);
		bytes
	}

	fn encode_to(&self, out: &mut Vec<u8>) {
		out.extend_from_slice(&self.rows.to_le_bytes());
		out.extend_from_slice(&self.cols.to_le_bytes());
		for v in &self.values {
			out.extend_from_slice(&v.to_le_bytes());
		}
	}

	/// Decodes canonical bytes; anything else is refused with the reason.
	pub fn decode(bytes: &[u8]) -> Result<Self, ActivationError> {
		let (Some(rows), Some(cols)) = (bytes.get(0..4), bytes.get(4..8)) else {
			return Err(ActivationError::MissingShape { available: bytes.len() });
		};
		let word = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
		let (rows, cols) = (word(rows), word(cols));
		let n = checked_len(rows, cols)?;
		let body = &bytes[HEADER..];
		let expected = HEADER + 4 * n;
		if body.len() != 4 * n {
			return Err(ActivationError::WrongLength { rows, cols, expected, actual: bytes.len() });
		}
		let values: Vec<i32> = body.chunks_exact(4).map(|c| i32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
		check_range(cols, &values)?;
		Ok(Self { rows, cols, values })
	}

	/// This activation's trace element as the output of step `step` (module docs).
	pub fn trace_hash(&self, step: u32) -> [u8; 32] {
		// Streamed: the values are encoded 1024 at a time into a buffer that stays in
		// cache, not into a copy of the whole activation.
		let mut state = blake2b_simd::Params::new().hash_length(32).to_state();
		state.update(TRACE_DOMAIN);
		state.update(&step.to_le_bytes());
		state.update(&self.rows.to_le_bytes());
		state.update(&self.cols.to_le_bytes());
		let mut buffer = [0u8; 4096];
		for values in self.values.chunks(buffer.len() / 4) {
			for (bytes, v) in buffer.chunks_exact_mut(4).zip(values) {
				bytes.copy_from_slice(&v.to_le_bytes());
			}
			state.update(&buffer[..values.len() * 4]);
		}
		let mut hash = [0u8; 32];
		hash.copy_from_slice(state.finalize().as_bytes());
		hash
	}

	/// The preimage [`Activation::trace_hash`] hashes, as one buffer (for
	/// [`trace_hashes`], which hashes several side by side).
	pub fn trace_preimage(&self, step: u32) -> Vec<u8> {
		let mut preimage = Vec::with_capacity(TRACE_DOMAIN.len() + 4 + self.encoded_len());
		preimage.extend_from_slice(TRACE_DOMAIN);
		preimage.extend_from_slice(&step.to_le_bytes());
		self.encode_to(&mut preimage);
		preimage
	}
}

/// The blake2-256 of each preimage ([`Activation::trace_preimage`]): the trace elements
/// [`Activation::trace_hash`] gives, computed several at a time (blake2b_simd's
/// `hash_many` runs four inputs side by side on AVX2: 2.3× one at a time on MiniLM's
/// activations here).
pub fn trace_hashes(preimages: &[Vec<u8>]) -> Vec<[u8; 32]> {
	let mut params = blake2b_simd::Params::new();
	params.hash_length(32);
	let mut jobs: Vec<_> = preimages.iter().map(|p| blake2b_simd::many::HashManyJob::new(&params, p)).collect();
	blake2b_simd::many::hash_many(jobs.iter_mut());
	jobs.iter()
		.map(|job| {
			let mut hash = [0u8; 32];
			hash.copy_from_slice(job.to_hash().as_bytes());
			hash
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::vec;
	use proptest::prelude::*;

	fn sample() -> Activation {
		Activation::new(2, 3, vec![0, 1, -1, ACT_MAX, -ACT_MAX, 4096]).expect("valid")
	}

	#[test]
	fn the_encoding_is_the_shape_then_the_values_little_endian() {
		let bytes = sample().encode();
		assert_eq!(bytes.len(), 8 + 6 * 4);
		assert_eq!(&bytes[..8], &[2, 0, 0, 0, 3, 0, 0, 0]);
		assert_eq!(&bytes[8..12], &[0, 0, 0, 0]);
		assert_eq!(&bytes[16..20], &[0xff, 0xff, 0xff, 0xff], "-1");
		assert_eq!(&bytes[20..24], &[0xff, 0xff, 0x7f, 0x00], "2^23 - 1");
		assert_eq!(Activation::decode(&bytes), Ok(sample()));
	}

	#[test]
	fn the_trace_hash_is_blake2_of_the_domain_the_step_and_the_encoding() {
		let a = sample();
		let mut preimage = b"hearth-trace-v1".to_vec();
		preimage.extend_from_slice(&7u32.to_le_bytes());
		preimage.extend_from_slice(&a.encode());
		assert_eq!(a.trace_hash(7), sp_crypto_hashing::blake2_256(&preimage));
		assert_ne!(a.trace_hash(7), a.trace_hash(8), "the step is bound");
		let reshaped = Activation::new(3, 2, a.values().to_vec()).expect("valid");
		assert_ne!(a.trace_hash(7), reshaped.trace_hash(7), "the shape is bound");
		// Streamed in blocks of 1024 values: exactly one block, and blocks with a tail.
		for (rows, cols) in [(1u32, 1024u32), (7, 384), (3, 1025)] {
			let values = (0..(rows * cols) as i32).map(|v| v * 2897 % ACT_MAX - ACT_MAX / 2).collect();
			let big = Activation::new(rows, cols, values).expect("valid");
			let mut preimage = b"hearth-trace-v1".to_vec();
			preimage.extend_from_slice(&3u32.to_le_bytes());
			preimage.extend_from_slice(&big.encode());
			assert_eq!(big.trace_hash(3), sp_crypto_hashing::blake2_256(&preimage), "{rows} × {cols}");
			assert_eq!(big.trace_preimage(3), preimage);
		}
		// Side by side: the same elements, in order, for any number of inputs.
		let many: Vec<Activation> =
			(1..7u32).map(|r| Activation::new(r, 300, (0..(r * 300) as i32).collect()).expect("valid")).collect();
		let preimages: Vec<Vec<u8>> = many.iter().enumerate().map(|(i, x)| x.trace_preimage(i as u32)).collect();
		let one_by_one: Vec<[u8; 32]> = many.iter().enumerate().map(|(i, x)| x.trace_hash(i as u32)).collect();
		assert_eq!(trace_hashes(&preimages), one_by_one);
		assert!(trace_hashes(&[]).is_empty());
	}

	#[test]
	fn bad_bytes_are_refused_with_what_is_wrong() {
		let good = sample().encode();
		assert_eq!(Activation::decode(&good[..5]), Err(ActivationError::MissingShape { available: 5 }));
		let wrong = |actual| ActivationError::WrongLength { rows: 2, cols: 3, expected: 32, actual };
		assert_eq!(Activation::decode(&good[..31]), Err(wrong(31)));
		let mut long = good.clone();
		long.push(0);
		assert_eq!(Activation::decode(&long), Err(wrong(33)));
		let mut empty = good.clone();
		empty[..4].copy_from_slice(&0u32.to_le_bytes());
		assert_eq!(Activation::decode(&empty), Err(ActivationError::EmptyShape { rows: 0, cols: 3 }));
		let mut huge = good.clone();
		huge[..8].copy_from_slice(&[0xff; 8]);
		assert_eq!(
			Activation::decode(&huge),
			Err(ActivationError::TooLarge { rows: u32::MAX, cols: u32::MAX, max: MAX_VALUES })
		);
		let mut out_of_range = good;
		out_of_range[28..32].copy_from_slice(&(ACT_MAX + 1).to_le_bytes());
		assert_eq!(
			Activation::decode(&out_of_range),
			Err(ActivationError::ValueOutOfRange { row: 1, col: 2, value: ACT_MAX + 1 })
		);
		assert_eq!(
			Activation::new(1, 2, vec![0, i32::MIN]),
			Err(ActivationError::ValueOutOfRange { row: 0, col: 1, value: i32::MIN })
		);
		assert_eq!(
			Activation::new(1, 2, vec![0]),
			Err(ActivationError::WrongLength { rows: 1, cols: 2, expected: 2, actual: 1 })
		);
	}

	proptest! {
		/// Whatever the bytes, decoding returns a value or an error (never panics), and
		/// what it accepts re-encodes to the same bytes.
		#[test]
		fn decoding_any_bytes_never_panics_and_accepts_only_the_canonical(
			bytes in proptest::collection::vec(any::<u8>(), 0..64),
		) {
			if let Ok(a) = Activation::decode(&bytes) {
				prop_assert_eq!(a.encode(), bytes);
			}
		}

		#[test]
		fn valid_activations_round_trip(
			rows in 1u32..5, cols in 1u32..5, seed in proptest::collection::vec(-ACT_MAX..=ACT_MAX, 16),
		) {
			let n = (rows * cols) as usize;
			let a = Activation::new(rows, cols, seed[..n].to_vec()).expect("in range");
			prop_assert_eq!(Activation::decode(&a.encode()), Ok(a));
		}
	}
}
