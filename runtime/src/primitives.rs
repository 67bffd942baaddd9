//! The basic types of the chain, shared by the runtime, the node and clients.

use sp_runtime::{
	generic,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};

/// A transaction signature (sr25519 for Hearth keys; ed25519 and ecdsa also verify).
pub type Signature = MultiSignature;
/// An account: the public key of its signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// An amount of HTH in its smallest unit (10^-12 HTH).
pub type Balance = u128;
/// The number of transactions an account has sent.
pub type Nonce = u32;
/// A block or state hash.
pub type Hash = sp_core::H256;
/// A block height.
pub type BlockNumber = u32;
/// How a transaction names an account.
pub type Address = MultiAddress<AccountId, ()>;
/// A block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Milliseconds since the Unix epoch.
pub type Moment = u64;
