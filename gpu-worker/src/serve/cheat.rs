//! **Test builds only** (`debug_assertions`; a release binary has none of this): a
//! miner that lies on a fraction of its answers, for the end-to-end test in which
//! validators must catch, challenge and slash it. `HEARTH_TEST_WRONG_FRACTION=f`
//! makes the answer to a request wrong when the first 8 bytes of its request key, as a
//! little-endian u64, fall below `f × 2^64`: the last step's first value moves by one
//! and the trace and output hash are made to match, so the receipt is self-consistent
//! and wrong only at its last step (what a challenge of that step proves).

use hearth_engine::activation::Activation;
use hearth_engine::Output;

/// The variable that turns lying on.
pub const WRONG_FRACTION_VAR: &str = "HEARTH_TEST_WRONG_FRACTION";

/// `output`, or a wrong one for the request with `key` (module docs).
pub fn maybe_lie(mut output: Output, key: &[u8; 32]) -> Output {
	let Some(fraction) = std::env::var(WRONG_FRACTION_VAR).ok().and_then(|f| f.parse::<f64>().ok()) else {
		return output;
	};
	let draw = u64::from_le_bytes(key[..8].try_into().unwrap_or_default()) as f64 / 2f64.powi(64);
	if draw >= fraction || output.values.is_empty() || output.trace.is_empty() {
		return output;
	}
	output.values[0] += if output.values[0] > 0 { -1 } else { 1 };
	let last = output.trace.len() - 1;
	if let Ok(x) = Activation::new(1, output.values.len() as u32, output.values.clone()) {
		output.trace[last] = x.trace_hash(last as u32);
	}
	tracing::warn!("test build: answering request 0x{} wrongly ({WRONG_FRACTION_VAR}={fraction})", hex::encode(key));
	output
}
