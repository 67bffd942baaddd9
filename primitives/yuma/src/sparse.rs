//! Vector helpers and the stored forms of rows: normalisation and the max-upscaling of
//! weights. (Matrices live in [`crate::csr`].)

use crate::{
	divide::Divisor,
	fixed::{sum, I32F32},
};
use alloc::vec::Vec;

/// Divides every element by the sum; a zero sum leaves the vector unchanged.
pub fn normalize(v: &mut [I32F32]) {
	let total = Divisor::new(sum(v));
	for x in v.iter_mut() {
		*x = total.scale(*x);
	}
}

/// `round(x * 65535 / max)` for non-negative `x <= max`, half up, exactly.
fn upscale_to_u16(x: I32F32, max: I32F32) -> u16 {
	if max.to_bits() <= 0 || x.to_bits() <= 0 {
		return 0;
	}
	let (x, max) = (x.to_bits() as u128, max.to_bits() as u128);
	let rounded = (2 * x * u16::MAX as u128 + max) / (2 * max);
	rounded.min(u16::MAX as u128) as u16
}

/// A row of weights as `set_weights` stores it: the largest becomes 65535, the others
/// `round(w * 65535 / max)`. An all-zero row stays zero.
pub fn max_upscale_u16(values: &[u16]) -> Vec<u16> {
	let max = values.iter().copied().max().unwrap_or(0);
	values.iter().map(|v| upscale_to_u16(I32F32::from_u16(*v), I32F32::from_u16(max))).collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::vec;

	fn f(x: i64) -> I32F32 {
		I32F32::from_int(x)
	}

	#[test]
	fn normalize_edge_cases() {
		let mut zero = vec![I32F32::ZERO; 3];
		normalize(&mut zero);
		assert_eq!(zero, vec![I32F32::ZERO; 3], "zero sum untouched");
		let mut v = vec![f(1), f(1), f(2)];
		normalize(&mut v);
		assert_eq!(v, vec![I32F32::ratio(1, 4), I32F32::ratio(1, 4), I32F32::HALF]);
		let mut thirds = vec![f(1), f(1), f(1)];
		normalize(&mut thirds);
		assert_eq!(thirds, vec![I32F32::ratio(1, 3); 3], "each truncated: the sum is 1 - 3 bits");
		let mut empty: Vec<I32F32> = vec![];
		normalize(&mut empty);
	}

	#[test]
	fn weights_round_half_up() {
		assert_eq!(max_upscale_u16(&[1, 2, 4]), vec![16384, 32768, 65535]);
		assert_eq!(max_upscale_u16(&[0, 0]), vec![0, 0]);
		assert_eq!(max_upscale_u16(&[1, 3]), vec![21845, 65535]);
		// 1/2 * 65535 = 32767.5 -> 32768.
		assert_eq!(max_upscale_u16(&[1, 2]), vec![32768, 65535]);
	}
}
