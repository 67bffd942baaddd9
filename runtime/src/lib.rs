//! # The Hearth runtime
//!
//! A FRAME runtime for a chain where GPU owners lease compute and earn emissions for
//! verified inference work. This crate is the foundation the Hearth pallets plug into:
//! accounts and balances (HTH, 12 decimals), Aura block authoring with a slot duration
//! chosen by the genesis preset, GRANDPA finality, fees, sudo, batching and proxies.
//!
//! The crate builds natively (for tests, with `SKIP_WASM_BUILD=1`) and to
//! `wasm32v1-none` for the node (`WASM_BINARY`).

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` and `impl_runtime_apis` generate large recursive types.
#![recursion_limit = "256"]

/// The runtime built for `wasm32v1-none` (std builds only; `None` under
/// `SKIP_WASM_BUILD`), which the node puts in the genesis state.
#[cfg(feature = "std")]
mod wasm {
	// The generated constants carry no docs.
	#![allow(missing_docs)]
	include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));
}
#[cfg(feature = "std")]
pub use wasm::*;

extern crate alloc;

use alloc::vec::Vec;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod primitives;
pub mod units;

#[cfg(test)]
mod tests;

pub use configs::ProxyType;
pub use primitives::*;
pub use units::*;

use sp_runtime::{generic, impl_opaque_keys};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Types the node uses without knowing the runtime's extrinsic format, so that it keeps
/// syncing across runtime upgrades that change it.
pub mod opaque {
	use super::BlockNumber;
	use sp_runtime::{generic, traits::BlakeTwo256};

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
}

impl_opaque_keys! {
	/// The keys a validator node holds: Aura for authoring, GRANDPA for finality.
	pub struct SessionKeys {
		/// The Aura key: authors blocks in its slots.
		pub aura: Aura,
		/// The GRANDPA key: votes on finality.
		pub grandpa: Grandpa,
	}
}

/// The runtime's identity. Bump `spec_version` with every change to the runtime's logic,
/// and `transaction_version` with every change to the encoding of calls or extensions.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("hearth"),
	impl_name: alloc::borrow::Cow::Borrowed("hearth-node"),
	authoring_version: 1,
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Checks every signed transaction goes through, in order. Clients must add the same
/// extensions, in this order, to what they sign.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The [`TxExtension`] a client signs with: its `nonce`, the transaction's mortality
/// `era` and `tip`, and no metadata hash (the node's `CheckMetadataHash` then expects
/// none in the signed payload). Tests and clients build extensions with this instead of
/// repeating the tuple, so that adding an extension here updates every signer.
pub fn tx_extension(nonce: Nonce, era: sp_runtime::generic::Era, tip: Balance) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(era),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(tip),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// An extrinsic as the runtime decodes it.
pub type UncheckedExtrinsic = generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// What a signer signs: the call, the extensions, and what they add implicitly.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;
/// A block of this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// Migrations run on the next runtime upgrade, besides the pallets' own.
type Migrations = ();

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

mod construct;
pub use construct::*;
