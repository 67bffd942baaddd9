//! What the miner reads from the chain, with the runtime's types.

use super::{Chain, ChainError};
use codec::{Decode, Encode};
use frame_support::storage::StoragePrefixedMap;
use hearth_runtime::{AccountId, BlockNumber, Hash, Runtime};
use pallet_hearth_leases::{LeaseId, LeaseOf, OrderId, OrderOf};

/// An account as frame-system stores it.
pub type AccountInfo = frame_system::AccountInfo<u32, pallet_balances::AccountData<u128>>;

/// A subnet's metagraph as the runtime API gives it.
pub type Metagraph = pallet_hearth_subnets::runtime_api::MetagraphView<AccountId, BlockNumber>;

/// A job and its result as `JobsApi::job` gives them.
pub type JobView =
	(pallet_hearth_jobs::Job<AccountId, BlockNumber>, Option<pallet_hearth_jobs::JobResult<BlockNumber>>);

impl Chain {
	/// The subnet's metagraph at `at`, or `None` if the subnet does not exist.
	pub async fn metagraph(&self, netuid: u16, at: Option<Hash>) -> Result<Option<Metagraph>, ChainError> {
		self.runtime_api("SubnetsApi_metagraph", &netuid.encode(), at).await
	}

	/// An account's nonce and balances at `at` (the default for an account that does
	/// not exist).
	pub async fn account(&self, who: &AccountId, at: Option<Hash>) -> Result<AccountInfo, ChainError> {
		let key = frame_system::Account::<Runtime>::hashed_key_for(who);
		Ok(self.storage(&key, at).await?.unwrap_or_default())
	}

	/// The next nonce the node's pool expects from `who` (pending included).
	pub async fn pool_nonce(&self, who: &AccountId) -> Result<u32, ChainError> {
		let address = sp_core::crypto::Ss58Codec::to_ss58check(who);
		self.call("system_accountNextIndex", vec![serde_json::json!(address)]).await
	}

	/// Every open order, by id, at `at`.
	pub async fn orders(&self, at: Option<Hash>) -> Result<Vec<(OrderId, OrderOf<Runtime>)>, ChainError> {
		self.map_values::<OrderId, OrderOf<Runtime>>(&pallet_hearth_leases::Orders::<Runtime>::final_prefix(), at).await
	}

	/// Every running lease, by id, at `at`.
	pub async fn leases(&self, at: Option<Hash>) -> Result<Vec<(LeaseId, LeaseOf<Runtime>)>, ChainError> {
		self.map_values::<LeaseId, LeaseOf<Runtime>>(&pallet_hearth_leases::OpenLeases::<Runtime>::final_prefix(), at)
			.await
	}

	/// The offers of `provider`.
	pub async fn offers(
		&self,
		provider: &AccountId,
		at: Option<Hash>,
	) -> Result<Vec<(pallet_hearth_leases::OfferId, pallet_hearth_leases::Offer<AccountId>)>, ChainError> {
		self.runtime_api("LeasesApi_offers", &provider.encode(), at).await
	}

	/// A lease with what it owes now.
	pub async fn lease_view(
		&self,
		id: LeaseId,
		at: Option<Hash>,
	) -> Result<Option<pallet_hearth_leases::LeaseView<AccountId, BlockNumber>>, ChainError> {
		self.runtime_api("LeasesApi_lease", &id.encode(), at).await
	}

	/// The newest `limit` jobs assigned to `miner`.
	pub async fn miner_jobs(&self, miner: &AccountId, limit: u32, at: Option<Hash>) -> Result<Vec<u64>, ChainError> {
		self.runtime_api("JobsApi_miner_jobs", &(miner, limit).encode(), at).await
	}

	/// A job and its result.
	pub async fn job(&self, id: u64, at: Option<Hash>) -> Result<Option<JobView>, ChainError> {
		self.runtime_api("JobsApi_job", &id.encode(), at).await
	}

	/// The values of a `Twox64Concat`-keyed map under `prefix`, with their keys.
	async fn map_values<K: Decode, V: Decode>(
		&self,
		prefix: &[u8],
		at: Option<Hash>,
	) -> Result<Vec<(K, V)>, ChainError> {
		let mut out = Vec::new();
		for key in self.keys(prefix, at).await? {
			// prefix ‖ twox64(key) ‖ key
			let Some(mut rest) = key.get(prefix.len() + 8..) else { continue };
			let id = K::decode(&mut rest).map_err(|e| ChainError::Decode(format!("a map key: {e}")))?;
			if let Some(v) = self.storage::<V>(&key, at).await? {
				out.push((id, v));
			}
		}
		Ok(out)
	}
}
