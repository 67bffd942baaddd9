//! Inference outputs and their canonical hash.

use crate::activation::Activation;
use alloc::vec::Vec;

/// The domain separator that opens every output hash preimage.
pub const OUTPUT_DOMAIN: &[u8; 16] = b"hearth-output-v2";

/// An inference result: integers and the scale to read them (`v / 2^frac_bits`), and
/// the trace of the run that made them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
	/// Dimensions, outermost first (a pooled embedding is `[hidden]`).
	pub shape: Vec<u32>,
	/// Fractional bits of every value.
	pub frac_bits: u8,
	/// The values, row-major: the last step's activation, one row.
	pub values: Vec<i32>,
	/// `t_i` for every step `i` ([`crate::step`]); the last one hashes `values`.
	pub trace: Vec<[u8; 32]>,
}

impl Output {
	/// The values as real numbers.
	pub fn to_f64(&self) -> Vec<f64> {
		let scale = (1u64 << self.frac_bits) as f64;
		self.values.iter().map(|v| *v as f64 / scale).collect()
	}

	/// Whether the values are what the trace's last element hashes: the last step's
	/// activation, `1 × values.len()`. A receiver of an output checks this before
	/// trusting the values as the ones the hash commits to.
	pub fn values_match_trace(&self) -> bool {
		let (Some(last), Ok(x)) =
			(self.trace.last(), Activation::new(1, self.values.len() as u32, self.values.clone()))
		else {
			return false;
		};
		x.trace_hash(self.trace.len() as u32 - 1) == *last
	}

	/// The canonical hash preimage: the job, the model and the whole trace.
	///
	/// ```text
	/// "hearth-output-v2" (16 bytes) ‖ job_id (32) ‖ model_id (32) ‖ profile: u8
	/// ‖ steps: u32 LE ‖ t_0 ‖ … ‖ t_{steps−1} (32 each)
	/// ```
	///
	/// The values enter through `t_{steps−1}`, which hashes the last activation (its
	/// shape and values, [`Output::values_match_trace`]); every earlier step enters
	/// through its own element, so one signed hash commits to everything a challenge
	/// can point at.
	pub fn hash_preimage(&self, job_id: &[u8; 32], model_id: &[u8; 32], profile: u8) -> Vec<u8> {
		let mut p = Vec::with_capacity(OUTPUT_DOMAIN.len() + 69 + 32 * self.trace.len());
		p.extend_from_slice(OUTPUT_DOMAIN);
		p.extend_from_slice(job_id);
		p.extend_from_slice(model_id);
		p.push(profile);
		p.extend_from_slice(&(self.trace.len() as u32).to_le_bytes());
		for t in &self.trace {
			p.extend_from_slice(t);
		}
		p
	}

	/// `blake2_256` of [`Output::hash_preimage`]: what a miner commits and a validator
	/// recomputes.
	pub fn hash(&self, job_id: &[u8; 32], model_id: &[u8; 32], profile: u8) -> [u8; 32] {
		sp_crypto_hashing::blake2_256(&self.hash_preimage(job_id, model_id, profile))
	}
}
