//! Claiming hotkeys in test runtimes whose accounts are `u64` and whose ownership proof
//! is `sp_runtime::testing::TestSignature` (the signer and the message it signs): the
//! mocks of this pallet and of the pallets built on it share these instead of each
//! forging proofs its own way.

use crate::{Config, Pallet};
use sp_runtime::testing::TestSignature;

/// `hotkey`'s proof that `coldkey` may claim it.
pub fn proof<T: Config<AccountId = u64, OwnershipProof = TestSignature>>(coldkey: u64, hotkey: u64) -> TestSignature {
	TestSignature(hotkey, Pallet::<T>::claim_message(&coldkey))
}

/// Claims `hotkey` for `coldkey` with the hotkey's proof.
pub fn claim<T: Config<AccountId = u64, OwnershipProof = TestSignature>>(coldkey: u64, hotkey: u64) {
	Pallet::<T>::register_hotkey(frame_system::RawOrigin::Signed(coldkey).into(), hotkey, proof::<T>(coldkey, hotkey))
		.expect("a test hotkey's proof is valid");
}

/// Benchmark hotkeys `BASE + index`, each with its test signature of the claim.
#[cfg(feature = "runtime-benchmarks")]
pub struct TestHotkeys<const BASE: u64>;

#[cfg(feature = "runtime-benchmarks")]
impl<const BASE: u64> crate::BenchmarkHelper<u64, TestSignature> for TestHotkeys<BASE> {
	fn hotkey_with_proof(index: u32, message: &[u8]) -> (u64, TestSignature) {
		let hotkey = BASE + u64::from(index);
		(hotkey, TestSignature(hotkey, message.to_vec()))
	}
}
