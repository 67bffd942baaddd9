//! Inference outputs and their canonical hash.

use alloc::vec::Vec;

/// The output's element type tag in the hash preimage: little-endian i32.
pub const DTYPE_I32: u8 = 1;

/// The domain separator that opens every output hash preimage.
pub const OUTPUT_DOMAIN: &[u8; 16] = b"hearth-output-v1";

/// An inference result: integers and the scale to read them (`v / 2^frac_bits`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
	/// Dimensions, outermost first (a pooled embedding is `[hidden]`).
	pub shape: Vec<u32>,
	/// Fractional bits of every value.
	pub frac_bits: u8,
	/// The values, row-major.
	pub values: Vec<i32>,
}

impl Output {
	/// The values as real numbers.
	pub fn to_f64(&self) -> Vec<f64> {
		let scale = (1u64 << self.frac_bits) as f64;
		self.values.iter().map(|v| *v as f64 / scale).collect()
	}

	/// The canonical hash preimage:
	///
	/// ```text
	/// "hearth-output-v1" (16 bytes) ‖ job_id (32) ‖ model_hash (32) ‖ profile: u8
	/// ‖ dtype: u8 (1 = i32) ‖ frac_bits: u8 ‖ ndim: u8 ‖ ndim × dim: u32 LE
	/// ‖ values: i32 LE, row-major
	/// ```
	pub fn hash_preimage(&self, job_id: &[u8; 32], model_hash: &[u8; 32], profile: u8) -> Vec<u8> {
		let mut p = Vec::with_capacity(84 + 4 * self.shape.len() + 4 * self.values.len());
		p.extend_from_slice(OUTPUT_DOMAIN);
		p.extend_from_slice(job_id);
		p.extend_from_slice(model_hash);
		p.extend_from_slice(&[profile, DTYPE_I32, self.frac_bits, self.shape.len() as u8]);
		for d in &self.shape {
			p.extend_from_slice(&d.to_le_bytes());
		}
		for v in &self.values {
			p.extend_from_slice(&v.to_le_bytes());
		}
		p
	}

	/// `blake2_256` of [`Output::hash_preimage`]: what a miner commits and a validator
	/// recomputes.
	pub fn hash(&self, job_id: &[u8; 32], model_hash: &[u8; 32], profile: u8) -> [u8; 32] {
		sp_crypto_hashing::blake2_256(&self.hash_preimage(job_id, model_hash, profile))
	}
}
