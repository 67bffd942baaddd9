//! SS58 addresses (generic prefix 42), what a miner's `x-hearth-requester` header
//! takes, without `std`:
//!
//! ```text
//! address = base58( 42 ‖ account (32) ‖ blake2b-512("SS58PRE" ‖ 42 ‖ account)[0..2] )
//! ```

use alloc::string::String;
use alloc::vec::Vec;

const ALPHABET: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// The SS58 address of `account` under the generic prefix 42.
pub fn address(account: &[u8; 32]) -> String {
	let mut payload = Vec::with_capacity(35);
	payload.push(42u8);
	payload.extend_from_slice(account);
	let mut pre = b"SS58PRE".to_vec();
	pre.extend_from_slice(&payload);
	let checksum = sp_crypto_hashing::blake2_512(&pre);
	payload.extend_from_slice(&checksum[..2]);
	base58(&payload)
}

fn base58(bytes: &[u8]) -> String {
	// Repeated division of the big-endian number by 58.
	let mut digits: Vec<u8> = Vec::new();
	for &b in bytes {
		let mut carry = u32::from(b);
		for d in digits.iter_mut() {
			carry += u32::from(*d) << 8;
			*d = (carry % 58) as u8;
			carry /= 58;
		}
		while carry > 0 {
			digits.push((carry % 58) as u8);
			carry /= 58;
		}
	}
	let zeros = bytes.iter().take_while(|b| **b == 0).count();
	let mut s = String::with_capacity(zeros + digits.len());
	s.extend(core::iter::repeat_n('1', zeros));
	s.extend(digits.iter().rev().map(|d| ALPHABET[*d as usize] as char));
	s
}

#[cfg(test)]
mod tests {
	use sp_core::crypto::Ss58Codec;

	#[test]
	fn addresses_match_substrates_own_encoding() {
		for seed in 0u8..20 {
			let raw = [seed.wrapping_mul(37); 32];
			let account = sp_runtime::AccountId32::new(raw);
			assert_eq!(super::address(&raw), account.to_ss58check());
		}
		// Alice.
		let alice =
			sp_core::crypto::AccountId32::from_ss58check("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY").unwrap();
		assert_eq!(super::address(alice.as_ref()), "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
	}
}
