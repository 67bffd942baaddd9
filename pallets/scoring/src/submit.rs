//! Sending a transaction signed by the scoring key: a nonce reserved in off-chain
//! storage (never one another run holds), the runtime's signed extrinsic, the pool.

use crate::store::{nonce_key, NonceCell};
use crate::{crypto, Config};
use frame_system::offchain::{CreateSignedTransaction, SubmitTransaction};
use hearth_offchain_worker::nonce;
use sp_runtime::traits::UniqueSaturatedInto;
use sp_runtime::{AccountId32, MultiSigner};

/// Why a transaction was not sent.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum NotSent {
	/// Another run reserved a nonce at the same moment: try next block.
	Raced,
	/// The key is not in the keystore, or the runtime could not build the extrinsic.
	CannotSign,
	/// The pool refused it (its nonce was given back).
	Refused,
}

impl NotSent {
	/// The reason, for the ledger.
	pub(crate) fn reason(&self) -> &'static str {
		match self {
			NotSent::Raced => "another run was reserving a nonce; trying again next block",
			NotSent::CannotSign => "the scoring key could not sign the transaction",
			NotSent::Refused => "the transaction pool refused the transaction",
		}
	}
}

/// Signs `call` with `key` (whose account is `account`) and puts it in the pool.
pub(crate) fn send<T: Config>(
	key: &crypto::Public,
	account: &AccountId32,
	call: T::OuterCall,
	block: u32,
) -> Result<u64, NotSent> {
	let on_chain: u64 = frame_system::Pallet::<T>::account_nonce(account).unique_saturated_into();
	let mut cell = NonceCell(nonce_key(account));
	let n = nonce::reserve(&mut cell, on_chain, block).map_err(|_| NotSent::Raced)?;
	let public = MultiSigner::from(sp_core::sr25519::Public::from(key.clone()));
	let xt = <T as CreateSignedTransaction<T::OuterCall>>::create_signed_transaction::<crypto::ScoringKey>(
		call.into(),
		public,
		account.clone(),
		n.unique_saturated_into(),
	);
	let sent = xt
		.ok_or(NotSent::CannotSign)
		.and_then(|xt| SubmitTransaction::<T, T::OuterCall>::submit_transaction(xt).map_err(|()| NotSent::Refused));
	match sent {
		Ok(()) => Ok(n),
		Err(e) => {
			nonce::release(&mut cell, n);
			Err(e)
		},
	}
}
