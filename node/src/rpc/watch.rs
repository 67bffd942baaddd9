//! `hearth_subscribe*`: what clients would otherwise poll, pushed at each new best block
//! when it changed.
//!
//! | subscribe / unsubscribe | arguments | notification (`{"block", "number", …}`) |
//! |---|---|---|
//! | `hearth_subscribeMinerJobs` / `hearth_unsubscribeMinerJobs` | miner | `"jobs"`: the jobs newly assigned to it, each `{"id", "job", "result"}` (the first notification: those open now) |
//! | `hearth_subscribeLease` / `hearth_unsubscribeLease` | lease id | `"lease"`: the lease as `hearth_lease` shows it; `null` once closed, and the subscription ends |
//! | `hearth_subscribeEpochs` / `hearth_unsubscribeEpochs` | netuid | `"metagraph"`: the subnet as `hearth_metagraph` shows it, after each of its epochs (the first notification: now) |
//!
//! Notifications follow the best chain: after a re-organisation the next one describes
//! the new best block. A subscription to something that does not exist is refused with
//! code 9001.

use std::collections::BTreeSet;
use std::sync::Arc;

use futures::StreamExt;
use hearth_primitives::NetUid;
use hearth_runtime::{opaque::Block, Hash};
use jsonrpsee::core::SubscriptionResult;
use jsonrpsee::proc_macros::rpc;
use jsonrpsee::{PendingSubscriptionSink, SubscriptionMessage, SubscriptionSink};
use pallet_hearth_jobs::runtime_api::JobsApi;
use pallet_hearth_leases::runtime_api::LeasesApi;
use pallet_hearth_subnets::runtime_api::SubnetsApi;
use sc_client_api::BlockchainEvents;
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Header as _;

use super::chain::{HearthApis, MAX_JOBS};
use super::{account, bad_argument};

/// Hearth's subscriptions.
#[rpc(server)]
pub trait WatchApi {
	/// The jobs assigned to a miner, as they are assigned.
	#[subscription(name = "hearth_subscribeMinerJobs" => "hearth_minerJobs", unsubscribe = "hearth_unsubscribeMinerJobs", item = Value)]
	async fn subscribe_miner_jobs(&self, miner: String) -> SubscriptionResult;
	/// A lease's state, at each block it changes, until it closes.
	#[subscription(name = "hearth_subscribeLease" => "hearth_lease", unsubscribe = "hearth_unsubscribeLease", item = Value)]
	async fn subscribe_lease(&self, id: u64) -> SubscriptionResult;
	/// A subnet's metagraph after each of its epochs.
	#[subscription(name = "hearth_subscribeEpochs" => "hearth_epochs", unsubscribe = "hearth_unsubscribeEpochs", item = Value)]
	async fn subscribe_epochs(&self, netuid: NetUid) -> SubscriptionResult;
}

/// Serves [`WatchApiServer`] from the client's block imports and runtime APIs.
pub(crate) struct Watch<C> {
	client: Arc<C>,
}

impl<C> Watch<C> {
	/// Over `client`.
	pub(crate) fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// What a notification says besides its payload: the block it describes.
fn stamp(hash: Hash, number: u32, key: &str, payload: Value) -> Value {
	json!({ "block": format!("{hash:?}"), "number": number, key: payload })
}

async fn send(sink: &SubscriptionSink, value: &Value) -> Result<(), jsonrpsee::core::StringError> {
	let message = SubscriptionMessage::from_json(value)?;
	sink.send(message).await?;
	Ok(())
}

impl<C> Watch<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + BlockchainEvents<Block> + Send + Sync + 'static,
	C::Api: HearthApis,
{
	/// Runs `step` at the best block now and at every new best block, sending what it
	/// returns to `sink`, until it says to stop or the client goes away. `step` gets the
	/// block and its number; it returns the notification to send, if any, and whether
	/// to go on.
	async fn follow(
		&self,
		sink: SubscriptionSink,
		mut step: impl FnMut(Hash, u32) -> (Option<Value>, bool),
	) -> SubscriptionResult {
		let mut blocks = self.client.import_notification_stream().filter(|n| futures::future::ready(n.is_new_best));
		let info = self.client.info();
		let mut next = Some((info.best_hash, info.best_number));
		while let Some((hash, number)) = next {
			let (message, go_on) = step(hash, number);
			if let Some(message) = message {
				send(&sink, &message).await?;
			}
			if !go_on {
				break;
			}
			next = blocks.next().await.map(|b| (b.hash, *b.header.number()));
		}
		Ok(())
	}
}

/// The subscription's sink and the checked argument once `check` passed; otherwise the
/// client gets the error and there is nothing to follow.
async fn accept_if<T>(
	pending: PendingSubscriptionSink,
	check: Result<T, jsonrpsee::types::ErrorObjectOwned>,
) -> Result<Option<(SubscriptionSink, T)>, jsonrpsee::core::StringError> {
	match check {
		Ok(value) => Ok(Some((pending.accept().await?, value))),
		Err(e) => {
			pending.reject(e).await;
			Ok(None)
		},
	}
}

/// A runtime API's answer as JSON, `null` when the runtime could not give one.
fn json_or_null<T: codec::Encode + scale_info::TypeInfo + 'static>(value: Result<T, sp_api::ApiError>) -> Value {
	value.ok().and_then(|v| super::json::to_json(&v).ok()).unwrap_or(Value::Null)
}

#[jsonrpsee::core::async_trait]
impl<C> WatchApiServer for Watch<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + BlockchainEvents<Block> + Send + Sync + 'static,
	C::Api: HearthApis,
{
	async fn subscribe_miner_jobs(&self, pending: PendingSubscriptionSink, miner: String) -> SubscriptionResult {
		let Some((sink, miner)) = accept_if(pending, account("miner", &miner)).await? else { return Ok(()) };
		let client = self.client.clone();
		// The ids listed at the previous block: bounded by the list's own length, and a
		// job that left the list (pruned) never comes back into it.
		let mut listed: Option<BTreeSet<u64>> = None;
		self.follow(sink, |hash, number| {
			let ids = client.runtime_api().miner_jobs(hash, miner.clone(), MAX_JOBS).unwrap_or_default();
			let fresh: Vec<Value> = ids
				.iter()
				.rev()
				.filter(|id| !listed.as_ref().is_some_and(|l| l.contains(id)))
				.map(|&id| {
					let (job, result) = match client.runtime_api().job(hash, id) {
						Ok(Some((job, result))) => (json_or_null(Ok(job)), json_or_null(Ok(result))),
						_ => (Value::Null, Value::Null),
					};
					json!({ "id": id, "job": job, "result": result })
				})
				.collect();
			let message =
				(listed.is_none() || !fresh.is_empty()).then(|| stamp(hash, number, "jobs", Value::Array(fresh)));
			listed = Some(ids.into_iter().collect());
			(message, true)
		})
		.await
	}

	async fn subscribe_lease(&self, pending: PendingSubscriptionSink, id: u64) -> SubscriptionResult {
		let open = matches!(self.client.runtime_api().lease(self.client.info().best_hash, id), Ok(Some(_)));
		let check = open.then_some(()).ok_or_else(|| bad_argument(format!("lease {id} is not open")));
		let Some((sink, ())) = accept_if(pending, check).await? else { return Ok(()) };
		let client = self.client.clone();
		let mut last = None;
		self.follow(sink, |hash, number| {
			let lease = json_or_null(client.runtime_api().lease(hash, id));
			let open = !lease.is_null();
			let message = (last.as_ref() != Some(&lease)).then(|| stamp(hash, number, "lease", lease.clone()));
			last = Some(lease);
			(message, open)
		})
		.await
	}

	async fn subscribe_epochs(&self, pending: PendingSubscriptionSink, netuid: NetUid) -> SubscriptionResult {
		let exists = matches!(self.client.runtime_api().metagraph(self.client.info().best_hash, netuid), Ok(Some(_)));
		let check = exists.then_some(()).ok_or_else(|| bad_argument(format!("subnet {netuid} does not exist")));
		let Some((sink, ())) = accept_if(pending, check).await? else { return Ok(()) };
		let client = self.client.clone();
		// The epoch counter of the last notification; `None` before the first.
		let mut sent: Option<Option<u64>> = None;
		self.follow(sink, |hash, number| {
			let Some(metagraph) = client.runtime_api().metagraph(hash, netuid).ok().flatten() else {
				return (None, false);
			};
			let epoch = metagraph.last_epoch.map(|e| e.epoch);
			if sent == Some(epoch) {
				return (None, true);
			}
			sent = Some(epoch);
			(Some(stamp(hash, number, "metagraph", json_or_null(Ok(metagraph)))), true)
		})
		.await
	}
}
