//! `hearth_*` queries: thin JSON over the runtime APIs, for wallets, explorers, tenants
//! and dApps that do not decode SCALE themselves.
//!
//! Every method takes the block to read as an optional last argument (a block hash;
//! the best block when omitted) and answers JSON by the rules of [`super::json`]:
//! named fields as in the runtime's types, amounts as decimal strings in 10⁻¹² HTH,
//! accounts as SS58, `null` for what does not exist. Errors: 9001 a bad argument (the
//! message names it), 9002 the runtime could not answer at that block (unknown or
//! pruned block, or a runtime without the API).
//!
//! | method | arguments | answer (runtime API) |
//! |---|---|---|
//! | `hearth_subnets` | | netuids (`SubnetsApi_netuids`) |
//! | `hearth_metagraph` | netuid | the subnet, its neurons and last epoch (`SubnetsApi_metagraph`) |
//! | `hearth_neuron` | netuid, uid | one neuron (`SubnetsApi_neuron`) |
//! | `hearth_lockCost` | | the lock to create a subnet now (`SubnetsApi_lock_cost`) |
//! | `hearth_stake` | coldkey | positions, unbonding chunks, totals (`StakingApi_stake_info`) |
//! | `hearth_hotkey` | hotkey | owner, take, pools, delegators (`StakingApi_hotkey_info`) |
//! | `hearth_lease` | lease id | the lease with escrow and earnings at the block (`LeasesApi_lease`) |
//! | `hearth_leasesOf` | account | its open leases as tenant or provider (`LeasesApi_leases_of`) |
//! | `hearth_order` | order id | the order, when bids close, best price (`LeasesApi_order`) |
//! | `hearth_ordersOf` | tenant | its open orders (`LeasesApi_orders_of`) |
//! | `hearth_offers` | provider | its offers (`LeasesApi_offers`) |
//! | `hearth_models` | netuid | the subnet's models (`JobsApi_models`) |
//! | `hearth_job` | job id | the job and its result (`JobsApi_job`) |
//! | `hearth_minerJobs` | miner, limit? (64) | its jobs, newest first (`JobsApi_miner_jobs`) |
//! | `hearth_ruling` | receipt hash or job key | what challenges established (`JobsApi_ruling`) |
//! | `hearth_emission` | | the emission schedule (`EmissionsApi_schedule`) |
//! | `hearth_pendingSlashes` | offender? | slashes in their deferral window (`SlashingApi_pending_slashes`) |
//!
//! Subscriptions for what clients would otherwise poll are in [`super::watch`].

use std::sync::Arc;

use hearth_primitives::{NetUid, Uid};
use hearth_runtime::{opaque::Block, AccountId, BlockNumber, Hash, Signature};
use jsonrpsee::core::RpcResult;
use jsonrpsee::proc_macros::rpc;
use jsonrpsee::types::ErrorObjectOwned;
use pallet_hearth_emissions::runtime_api::EmissionsApi;
use pallet_hearth_jobs::runtime_api::JobsApi;
use pallet_hearth_leases::runtime_api::LeasesApi;
use pallet_hearth_slashing::runtime_api::SlashingApi;
use pallet_hearth_staking::runtime_api::StakingApi;
use pallet_hearth_subnets::runtime_api::SubnetsApi;
use serde_json::Value;
use sp_api::{ApiError, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;

use super::{account, bad_argument, json, RUNTIME_FAILED};

/// The most job ids `hearth_minerJobs` returns.
pub(crate) const MAX_JOBS: u32 = 256;

/// Every runtime API the `hearth_*` methods read.
pub(crate) trait HearthApis:
	SubnetsApi<Block, AccountId, BlockNumber>
	+ StakingApi<Block, AccountId, BlockNumber>
	+ LeasesApi<Block, AccountId, BlockNumber>
	+ JobsApi<Block, AccountId, BlockNumber, Signature>
	+ EmissionsApi<Block>
	+ SlashingApi<Block, AccountId, BlockNumber>
{
}

impl<T> HearthApis for T where
	T: SubnetsApi<Block, AccountId, BlockNumber>
		+ StakingApi<Block, AccountId, BlockNumber>
		+ LeasesApi<Block, AccountId, BlockNumber>
		+ JobsApi<Block, AccountId, BlockNumber, Signature>
		+ EmissionsApi<Block>
		+ SlashingApi<Block, AccountId, BlockNumber>
{
}

/// Hearth's queries.
#[rpc(server)]
pub trait HearthApi {
	/// Every subnet's netuid.
	#[method(name = "hearth_subnets")]
	fn subnets(&self, at: Option<Hash>) -> RpcResult<Value>;
	/// A subnet with its hyperparameters, neurons, models, next epoch and last epoch.
	#[method(name = "hearth_metagraph")]
	fn metagraph(&self, netuid: NetUid, at: Option<Hash>) -> RpcResult<Value>;
	/// One neuron of a subnet.
	#[method(name = "hearth_neuron")]
	fn neuron(&self, netuid: NetUid, uid: Uid, at: Option<Hash>) -> RpcResult<Value>;
	/// The lock to create a subnet now.
	#[method(name = "hearth_lockCost")]
	fn lock_cost(&self, at: Option<Hash>) -> RpcResult<Value>;
	/// A coldkey's stake positions and unbonding chunks.
	#[method(name = "hearth_stake")]
	fn stake(&self, coldkey: String, at: Option<Hash>) -> RpcResult<Value>;
	/// A hotkey's owner, take, pools and delegators.
	#[method(name = "hearth_hotkey")]
	fn hotkey(&self, hotkey: String, at: Option<Hash>) -> RpcResult<Value>;
	/// A lease with its escrow and earnings at the block.
	#[method(name = "hearth_lease")]
	fn lease(&self, id: u64, at: Option<Hash>) -> RpcResult<Value>;
	/// The open leases of an account, as tenant or provider.
	#[method(name = "hearth_leasesOf")]
	fn leases_of(&self, account: String, at: Option<Hash>) -> RpcResult<Value>;
	/// An open order.
	#[method(name = "hearth_order")]
	fn order(&self, id: u64, at: Option<Hash>) -> RpcResult<Value>;
	/// A tenant's open orders.
	#[method(name = "hearth_ordersOf")]
	fn orders_of(&self, tenant: String, at: Option<Hash>) -> RpcResult<Value>;
	/// A provider's offers.
	#[method(name = "hearth_offers")]
	fn offers(&self, provider: String, at: Option<Hash>) -> RpcResult<Value>;
	/// The models of a subnet.
	#[method(name = "hearth_models")]
	fn models(&self, netuid: NetUid, at: Option<Hash>) -> RpcResult<Value>;
	/// A job and its result.
	#[method(name = "hearth_job")]
	fn job(&self, id: u64, at: Option<Hash>) -> RpcResult<Value>;
	/// A miner's jobs, newest first (at most `limit`, 64 by default, 256 at most).
	#[method(name = "hearth_minerJobs")]
	fn miner_jobs(&self, miner: String, limit: Option<u32>, at: Option<Hash>) -> RpcResult<Value>;
	/// What challenges established about a receipt (its hash) or a job (its key).
	#[method(name = "hearth_ruling")]
	fn ruling(&self, subject: String, at: Option<Hash>) -> RpcResult<Value>;
	/// The emission schedule.
	#[method(name = "hearth_emission")]
	fn emission(&self, at: Option<Hash>) -> RpcResult<Value>;
	/// Slashes in their deferral window, all or one offender's.
	#[method(name = "hearth_pendingSlashes")]
	fn pending_slashes(&self, offender: Option<String>, at: Option<Hash>) -> RpcResult<Value>;
}

/// Serves [`HearthApiServer`] from the client's runtime APIs.
pub(crate) struct Hearth<C> {
	client: Arc<C>,
}

impl<C> Hearth<C> {
	/// Over `client`.
	pub(crate) fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// The runtime's answer as JSON, or the error a client gets.
pub(crate) fn answer<T: codec::Encode + scale_info::TypeInfo + 'static>(
	result: Result<T, ApiError>,
	at: Hash,
) -> RpcResult<Value> {
	let value = result.map_err(|e| {
		ErrorObjectOwned::owned(RUNTIME_FAILED, format!("the runtime at {at:?} did not answer: {e}"), None::<()>)
	})?;
	json::to_json(&value).map_err(|e| {
		ErrorObjectOwned::owned(RUNTIME_FAILED, format!("the runtime's answer did not match its type: {e}"), None::<()>)
	})
}

fn subject(text: &str) -> RpcResult<[u8; 32]> {
	let hex_part = text.strip_prefix("0x").unwrap_or(text);
	let bytes = hex::decode(hex_part).map_err(|e| bad_argument(format!("subject {text:?} is not hex ({e})")))?;
	<[u8; 32]>::try_from(bytes.as_slice())
		.map_err(|_| bad_argument(format!("subject {text:?} is {} bytes, not 32", bytes.len())))
}

impl<C> Hearth<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: HearthApis,
{
	/// Calls a runtime API at `at` (the best block by default) and answers its JSON.
	fn read<T: codec::Encode + scale_info::TypeInfo + 'static>(
		&self,
		at: Option<Hash>,
		call: impl FnOnce(sp_api::ApiRef<'_, C::Api>, Hash) -> Result<T, ApiError>,
	) -> RpcResult<Value> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		answer(call(self.client.runtime_api(), at), at)
	}
}

impl<C> HearthApiServer for Hearth<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: HearthApis,
{
	fn subnets(&self, at: Option<Hash>) -> RpcResult<Value> {
		self.read(at, |api, at| api.netuids(at))
	}

	fn metagraph(&self, netuid: NetUid, at: Option<Hash>) -> RpcResult<Value> {
		self.read(at, |api, at| api.metagraph(at, netuid))
	}

	fn neuron(&self, netuid: NetUid, uid: Uid, at: Option<Hash>) -> RpcResult<Value> {
		self.read(at, |api, at| api.neuron(at, netuid, uid))
	}

	fn lock_cost(&self, at: Option<Hash>) -> RpcResult<Value> {
		self.read(at, |api, at| api.lock_cost(at))
	}

	fn stake(&self, coldkey: String, at: Option<Hash>) -> RpcResult<Value> {
		let coldkey = account("coldkey", &coldkey)?;
		self.read(at, |api, at| api.stake_info(at, coldkey))
	}

	fn hotkey(&self, hotkey: String, at: Option<Hash>) -> RpcResult<Value> {
		let hotkey = account("hotkey", &hotkey)?;
		self.read(at, |api, at| api.hotkey_info(at, hotkey))
	}

	fn lease(&self, id: u64, at: Option<Hash>) -> RpcResult<Value> {
		self.read(at, |api, at| api.lease(at, id))
	}

	fn leases_of(&self, who: String, at: Option<Hash>) -> RpcResult<Value> {
		let who = account("account", &who)?;
		self.read(at, |api, at| api.leases_of(at, who))
	}

	fn order(&self, id: u64, at: Option<Hash>) -> RpcResult<Value> {
		self.read(at, |api, at| api.order(at, id))
	}

	fn orders_of(&self, tenant: String, at: Option<Hash>) -> RpcResult<Value> {
		let tenant = account("tenant", &tenant)?;
		self.read(at, |api, at| api.orders_of(at, tenant))
	}

	fn offers(&self, provider: String, at: Option<Hash>) -> RpcResult<Value> {
		let provider = account("provider", &provider)?;
		self.read(at, |api, at| api.offers(at, provider))
	}

	fn models(&self, netuid: NetUid, at: Option<Hash>) -> RpcResult<Value> {
		self.read(at, |api, at| api.models(at, netuid))
	}

	fn job(&self, id: u64, at: Option<Hash>) -> RpcResult<Value> {
		self.read(at, |api, at| api.job(at, id))
	}

	fn miner_jobs(&self, miner: String, limit: Option<u32>, at: Option<Hash>) -> RpcResult<Value> {
		let miner = account("miner", &miner)?;
		let limit = limit.unwrap_or(64);
		if limit == 0 || limit > MAX_JOBS {
			return Err(bad_argument(format!("limit {limit} is not between 1 and {MAX_JOBS}")));
		}
		self.read(at, |api, at| api.miner_jobs(at, miner, limit))
	}

	fn ruling(&self, text: String, at: Option<Hash>) -> RpcResult<Value> {
		let key = subject(&text)?;
		self.read(at, |api, at| api.ruling(at, key))
	}

	fn emission(&self, at: Option<Hash>) -> RpcResult<Value> {
		self.read(at, |api, at| api.schedule(at))
	}

	fn pending_slashes(&self, offender: Option<String>, at: Option<Hash>) -> RpcResult<Value> {
		let offender = offender.map(|o| account("offender", &o)).transpose()?;
		self.read(at, |api, at| api.pending_slashes(at, offender))
	}
}
