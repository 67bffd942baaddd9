//! What a dispute may cost: the reference layer the challenge is benchmarked on, and
//! the conversion from a model's costliest step to the benchmark's component.

/// The reference layer of the challenge benchmark: all-MiniLM-L6-v2's encoder layer
/// (hidden 384, 12 heads, feed-forward 1536), whose cost at `t` tokens is
/// `4·t·384² + 2·t²·384 + 2·t·384·1536` multiply-adds.
pub const REFERENCE_LAYER: (u32, u32, u32) = (384, 12, 1536);

/// The reference layer's multiply-adds at `t` tokens.
pub fn reference_cost(t: u32) -> u64 {
	let (h, _, f) = REFERENCE_LAYER;
	let (t, h, f) = (u64::from(t), u64::from(h), u64::from(f));
	4 * t * h * h + 2 * t * t * h + 2 * t * h * f
}

/// The fewest tokens of the reference layer costing at least `multiply_adds` (its cost
/// grows with `t`, so this is a binary search); at most 4096.
pub fn reference_tokens(multiply_adds: u64) -> u32 {
	let (mut lo, mut hi) = (1u32, 4096u32);
	if reference_cost(hi) <= multiply_adds {
		return hi;
	}
	while lo < hi {
		let mid = lo + (hi - lo) / 2;
		if reference_cost(mid) >= multiply_adds {
			hi = mid;
		} else {
			lo = mid + 1;
		}
	}
	lo
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn reference_tokens_inverts_the_cost() {
		for t in [1, 2, 17, 128, 469, 512, 4095] {
			assert_eq!(reference_tokens(reference_cost(t)), t);
			assert_eq!(reference_tokens(reference_cost(t) + 1), t + 1);
		}
		assert_eq!(reference_tokens(0), 1);
		assert_eq!(reference_tokens(u64::MAX), 4096);
	}

	#[test]
	fn the_reference_is_minilm_and_the_runtime_budget_fits_260_tokens() {
		// all-MiniLM-L6-v2's encoder layer at 128 tokens, as the engine's cost model says.
		assert_eq!(reference_cost(128), 239_075_328);
		assert!(reference_cost(260) <= 512_000_000 && reference_cost(261) > 512_000_000);
		assert_eq!(reference_tokens(512_000_000), 261);
	}
}
