//! Signed extrinsics, built as a wallet builds them: the runtime's transaction
//! extensions in its order, with the values the node reports, mortal for
//! [`MORTALITY`] blocks (a transaction that did not get in dies, and its intent is
//! signed again with the same nonce: [`crate::journal`]).

use super::Chain;
use codec::Encode;
use hearth_runtime::{Hash, Nonce, RuntimeCall, SignedPayload, UncheckedExtrinsic};
use sp_core::Pair;
use sp_runtime::generic::Era;

/// Blocks a transaction stays valid.
pub const MORTALITY: u64 = 64;

/// Where a transaction is anchored: the block its era starts at.
#[derive(Clone, Copy, Debug)]
pub struct Anchor {
	/// That block's number.
	pub number: u32,
	/// Its hash.
	pub hash: Hash,
}

/// `call` signed by `pair` with `nonce`, valid from `anchor` for [`MORTALITY`] blocks.
pub fn sign(chain: &Chain, pair: &sp_core::sr25519::Pair, call: RuntimeCall, nonce: Nonce, anchor: Anchor) -> Vec<u8> {
	let era = Era::mortal(MORTALITY, anchor.number as u64);
	let ext = hearth_runtime::tx_extension(nonce, era, 0);
	// What the extensions sign without sending: spec and transaction versions, the
	// genesis hash, the era's anchor block, no metadata hash.
	let implicit =
		((), chain.spec_version, chain.transaction_version, chain.genesis, anchor.hash, (), (), (), None, ());
	let payload = SignedPayload::from_raw(call.clone(), ext.clone(), implicit);
	let signature = payload.using_encoded(|bytes| pair.sign(bytes));
	let account: sp_runtime::AccountId32 = pair.public().into();
	UncheckedExtrinsic::new_signed(call, account.into(), signature.into(), ext).encode()
}
