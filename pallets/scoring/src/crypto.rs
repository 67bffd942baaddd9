//! The scoring key: an sr25519 key of type `hscr` in the node's keystore, whose
//! account is the validator's hotkey on the subnets it scores.

use sp_core::crypto::KeyTypeId;

/// The keystore type of scoring keys.
pub const KEY_TYPE: KeyTypeId = KeyTypeId(*b"hscr");

mod app {
	use sp_runtime::app_crypto::{app_crypto, sr25519};
	app_crypto!(sr25519, super::KEY_TYPE);
}

pub use app::{Public, Signature};

/// Signing transactions with a scoring key (`frame_system::offchain::AppCrypto`).
pub struct ScoringKey;

impl frame_system::offchain::AppCrypto<sp_runtime::MultiSigner, sp_runtime::MultiSignature> for ScoringKey {
	type RuntimeAppPublic = Public;
	type GenericPublic = sp_core::sr25519::Public;
	type GenericSignature = sp_core::sr25519::Signature;
}
