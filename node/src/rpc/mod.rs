//! The node's JSON-RPC methods beyond the standard Substrate set.
//!
//! `sc-service` already serves `system_*`, `chain_*`, `state_*`, `author_*` and
//! `rpc_methods`. This module adds the account-nonce (`system_accountNextIndex`) and
//! fee (`payment_*`) methods, and is **the** place where Hearth's own `hearth_*`
//! modules are merged: add each one to [`create_full`], next to its runtime API bound.
//!
//! - `hearth_*` queries ([`chain`]): subnets, neurons, stake, leases, orders, jobs,
//!   rulings, emission, slashes, as JSON ([`json`]'s rules) over the runtime APIs;
//! - `hearth_subscribe*` ([`watch`]): a miner's jobs, a lease, a subnet's epochs;
//! - `hearth_validatorStatus` ([`validator`]): the scoring worker's state and decisions.

pub(crate) mod chain;
pub(crate) mod json;
pub(crate) mod validator;
pub(crate) mod watch;

use std::sync::Arc;

use hearth_runtime::{opaque::Block, AccountId, Balance, Nonce};
use jsonrpsee::core::RpcResult;
use jsonrpsee::types::ErrorObjectOwned;
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// Hearth's error code for a bad argument (the message names it).
pub(crate) const BAD_ARGUMENT: i32 = 9001;
/// Hearth's error code for a block the runtime could not answer at.
pub(crate) const RUNTIME_FAILED: i32 = 9002;

/// A bad argument, named.
pub(crate) fn bad_argument(message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(BAD_ARGUMENT, message, None::<()>)
}

/// `text` as an account, or an error naming `what` it was meant to be.
pub(crate) fn account(what: &str, text: &str) -> RpcResult<AccountId> {
	use sp_core::crypto::Ss58Codec;
	AccountId::from_ss58check(text).map_err(|e| bad_argument(format!("{what} {text:?} is not an SS58 address ({e:?})")))
}

/// What the RPC handlers need from the node.
pub(crate) struct FullDeps<C, P, S> {
	/// The client, to read state and call runtime APIs.
	pub(crate) client: Arc<C>,
	/// The transaction pool, for nonces that count pending transactions.
	pub(crate) pool: Arc<P>,
	/// The off-chain storage the scoring worker writes (none without an off-chain DB).
	pub(crate) offchain: Option<S>,
	/// The keystore, for the node's scoring keys.
	pub(crate) keystore: sp_keystore::KeystorePtr,
}

/// All of the node's extra RPC methods, in one module.
pub(crate) fn create_full<C, P, S>(
	deps: FullDeps<C, P, S>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ sc_client_api::BlockchainEvents<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ BlockBuilder<Block>
		+ chain::HearthApis,
	P: TransactionPool + 'static,
	S: sp_core::offchain::OffchainStorage + 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, offchain, keystore } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;

	// Hearth's own `hearth_*` modules.
	{
		use chain::HearthApiServer;
		use watch::WatchApiServer;
		module.merge(chain::Hearth::new(client.clone()).into_rpc())?;
		module.merge(watch::Watch::new(client).into_rpc())?;
	}
	if let Some(storage) = offchain {
		use validator::ValidatorApiServer;
		module.merge(validator::Validator::new(storage, keystore).into_rpc())?;
	}

	Ok(module)
}
