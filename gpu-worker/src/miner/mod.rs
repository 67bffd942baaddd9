//! The miner's chain loop: connect (and check the runtime), then at every new best
//! block look at the chain and do what is missing, each step idempotent:
//!
//! 1. **register** the hotkey on the subnet if it has no uid (when the price is within
//!    `subnet.max_burn`; the hotkey pays, so it must hold the burn and fees);
//! 2. **serve** the configured endpoint and **publish the GPUs** (`set_gpus`) when the
//!    chain has something else;
//! 3. keep **one offer** on the subnet with the configured GPU, price and region;
//! 4. **bid** on open orders the policy likes ([`market`]);
//! 5. send a **heartbeat** every `heartbeat.every` blocks while a lease runs;
//! 6. **withdraw** each lease's earnings every `withdraw.every` blocks;
//! 7. **answer on-chain jobs** assigned to the hotkey (`submit_result`).
//!
//! Every transaction goes through the journal: one intent, one nonce, signed once,
//! re-sent as signed while pending, re-signed with the same nonce only when its era
//! ended without it ([`Miner::settle`]). When the node goes away the loop reconnects
//! with backoff (1 s doubling to 30 s); serving goes on from the last view meanwhile and
//! `/readyz` says the chain is not connected. A node running another runtime stops the
//! worker with the differences named.

pub mod gpu;
pub mod market;

use crate::chain::tx::{sign, Anchor, MORTALITY};
use crate::chain::{Chain, ChainError};
use crate::config::Config;
use crate::journal::{intent, Journal, Submission, TxStatus};
use crate::keys::Hotkey;
use crate::serve::{batch::Batcher, metrics::Metrics, models::Loaded, ChainView};
use codec::Encode;
use hearth_primitives::GpuSpec;
use hearth_runtime::{AccountId, Hash, RuntimeCall};
use pallet_hearth_leases::{Offer, OfferId};
use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;
use tokio::sync::watch;

/// Blocks between two attempts at the same state change (register, serve, offer…).
pub const RETRY_BLOCKS: u32 = 20;

/// The miner.
pub struct Miner {
	/// The configuration.
	pub config: Config,
	/// The hotkey.
	pub hotkey: Hotkey,
	/// The journal.
	pub journal: Arc<Journal>,
	/// What serving sees of the chain.
	pub view: Arc<RwLock<ChainView>>,
	/// Metrics.
	pub metrics: Arc<Metrics>,
	/// The served models, by name.
	pub models: BTreeMap<String, Arc<Loaded>>,
	/// The compute queue (shared with serving).
	pub batcher: Batcher,
	/// What is published as the GPUs.
	pub gpu: GpuSpec,
}

fn update(view: &RwLock<ChainView>, f: impl FnOnce(&mut ChainView)) {
	f(&mut view.write().unwrap_or_else(|p| p.into_inner()));
}

impl Miner {
	fn me(&self) -> AccountId {
		self.hotkey.account()
	}

	/// Runs until `shutdown` turns true; `Err` only for a node this worker must not
	/// run against.
	pub async fn run(&self, mut shutdown: watch::Receiver<bool>) -> Result<(), String> {
		let mut backoff = Duration::from_secs(1);
		loop {
			if *shutdown.borrow() {
				return Ok(());
			}
			match Chain::connect(&self.config.chain_url).await {
				Ok(chain) => {
					backoff = Duration::from_secs(1);
					tracing::info!(url = %self.config.chain_url, spec = chain.spec_version, "connected");
					update(&self.view, |v| {
						v.connected = true;
						v.genesis = Some(chain.genesis.0);
					});
					let outcome = self.follow(&chain, &mut shutdown).await;
					update(&self.view, |v| v.connected = false);
					match outcome {
						Ok(()) => return Ok(()),
						Err(e) => tracing::warn!("the node went away: {e}; reconnecting"),
					}
				},
				Err(ChainError::Incompatible(why)) => return Err(why),
				Err(e) => {
					update(&self.view, |v| v.connected = false);
					tracing::warn!("cannot connect to {}: {e}; retrying in {backoff:?}", self.config.chain_url);
				},
			}
			tokio::select! {
				_ = tokio::time::sleep(backoff) => {},
				_ = shutdown.changed() => return Ok(()),
			}
			backoff = (backoff * 2).min(Duration::from_secs(30));
		}
	}

	/// Works at every new best block until shutdown (`Ok`) or the node goes away.
	async fn follow(&self, chain: &Chain, shutdown: &mut watch::Receiver<bool>) -> Result<(), ChainError> {
		let mut last = None;
		loop {
			if !chain.is_connected() {
				return Err(ChainError::Unreachable("the connection closed".into()));
			}
			let (hash, number) = chain.best().await?;
			if last != Some(number) {
				last = Some(number);
				match self.tick(chain, hash, number).await {
					Ok(()) => {},
					Err(e @ ChainError::Unreachable(_)) => return Err(e),
					Err(e) => tracing::warn!(block = number, "{e}"),
				}
			}
			tokio::select! {
				_ = tokio::time::sleep(Duration::from_millis(500)) => {},
				_ = shutdown.changed() => return Ok(()),
			}
		}
	}

	/// One block's work (module docs).
	pub async fn tick(&self, chain: &Chain, hash: Hash, number: u32) -> Result<(), ChainError> {
		let me = self.me();
		let at = Some(hash);
		self.settle(chain, hash, number).await?;
		let netuid = self.config.netuid;
		let Some(graph) = chain.metagraph(netuid, at).await? else {
			update(&self.view, |v| v.registered = false);
			return Err(ChainError::Rpc(format!("subnet {netuid} does not exist")));
		};
		let mine = graph.neurons.iter().find(|n| n.hotkey == me);
		let validators = graph.neurons.iter().filter(|n| n.stats.validator_permit).map(|n| n.hotkey.clone()).collect();
		let leases: Vec<_> = chain.leases(at).await?.into_iter().filter(|(_, l)| l.provider == me).collect();
		update(&self.view, |v| {
			v.best = number;
			v.registered = mine.is_some();
			v.validators = validators;
			v.leases = leases.iter().map(|(id, l)| (*id, l.tenant.clone())).collect();
			v.models = graph.models.iter().copied().collect();
		});
		for m in self.models.values().filter(|m| !graph.models.contains(&m.id)) {
			tracing::warn!(model = %m.name, "not registered on subnet {netuid}: not served until its owner registers it");
		}
		self.metrics.leases.set(leases.len() as i64);
		self.prune_receipts(chain, hash, number).await?;
		if number.is_multiple_of(RETRY_BLOCKS) {
			// An intent is keyed by its window, so a settled one is needed only while its
			// window lasts: the longest window, a margin, and at least 1000 blocks.
			let keep = 1_000u32.max(self.config.heartbeat_every).max(self.config.withdraw_every) + RETRY_BLOCKS;
			self.journal.prune_submissions(number.saturating_sub(keep), 1_000).map_err(journal_error)?;
		}
		let window = number / RETRY_BLOCKS;
		let Some(neuron) = mine else {
			if graph.registration_price > self.config.max_burn {
				tracing::warn!(
					"registration on subnet {netuid} costs {} units, above subnet.max_burn ({}); waiting",
					graph.registration_price,
					self.config.max_burn
				);
				return Ok(());
			}
			let call = pallet_hearth_subnets::Call::register { netuid, hotkey: me, max_burn: self.config.max_burn };
			return self.send(chain, hash, number, format!("register on subnet {netuid}"), window, call.into()).await;
		};
		let endpoint = endpoint(self.config.endpoint);
		if neuron.endpoint.as_ref() != Some(&endpoint) {
			let call = pallet_hearth_subnets::Call::serve { netuid, endpoint };
			self.send(chain, hash, number, format!("serve on subnet {netuid}"), window, call.into()).await?;
		}
		if neuron.gpus != [self.gpu.clone()] {
			let gpus = frame_support::BoundedVec::truncate_from(vec![self.gpu.clone()]);
			let call = pallet_hearth_subnets::Call::set_gpus { netuid, gpus };
			self.send(chain, hash, number, format!("set_gpus on subnet {netuid}"), window, call.into()).await?;
		}
		let offers = chain.offers(&me, at).await?;
		self.keep_offer(chain, hash, number, window, &offers).await?;
		self.bid(chain, hash, number, leases.len() as u32, &offers).await?;
		if leases.is_empty() {
			self.metrics.earnings.set(0);
		} else {
			let every = self.config.heartbeat_every;
			self.send(
				chain,
				hash,
				number,
				"heartbeat".into(),
				number / every,
				pallet_hearth_leases::Call::heartbeat {}.into(),
			)
			.await?;
			let mut withdrawable = 0u128;
			for (id, _) in &leases {
				let view = chain.lease_view(*id, at).await?;
				withdrawable = withdrawable.saturating_add(view.as_ref().map_or(0, |v| v.withdrawable));
				if view.is_some_and(|v| v.withdrawable > 0) {
					let call = pallet_hearth_leases::Call::withdraw { id: *id };
					let every = self.config.withdraw_every;
					self.send(chain, hash, number, format!("withdraw lease {id}"), number / every, call.into()).await?;
				}
			}
			self.metrics.earnings.set(i64::try_from(withdrawable).unwrap_or(i64::MAX));
		}
		self.answer_jobs(chain, hash, number).await
	}

	/// Forgets receipts older than the challenge window (half the unbonding period, a
	/// genesis parameter) plus a margin of [`RETRY_BLOCKS`]: nobody can challenge them.
	async fn prune_receipts(&self, chain: &Chain, hash: Hash, number: u32) -> Result<(), ChainError> {
		let key = pallet_hearth_params::UnbondingPeriodBlocks::<hearth_runtime::Runtime>::hashed_key();
		let Some(unbonding) = chain.storage::<u32>(&key, Some(hash)).await? else { return Ok(()) };
		let before = number.saturating_sub(unbonding / 2 + RETRY_BLOCKS);
		if before > 0 {
			self.journal.prune_receipts(before, 1_000).map_err(journal_error)?;
		}
		Ok(())
	}

	async fn keep_offer(
		&self,
		chain: &Chain,
		hash: Hash,
		number: u32,
		window: u32,
		offers: &[(OfferId, Offer<AccountId>)],
	) -> Result<(), ChainError> {
		let c = &self.config;
		let region = frame_support::BoundedVec::truncate_from(c.region.as_bytes().to_vec());
		let (gpu, price) = (self.gpu.clone(), c.price);
		let call: RuntimeCall = match offers.iter().find(|(_, o)| o.netuid == c.netuid) {
			None => pallet_hearth_leases::Call::publish_offer { netuid: c.netuid, gpu, price, region }.into(),
			Some((_, o)) if o.gpu == self.gpu && o.price == c.price && o.region[..] == *c.region.as_bytes() => {
				return Ok(())
			},
			Some((id, _)) => pallet_hearth_leases::Call::update_offer { id: *id, gpu, price, region }.into(),
		};
		self.send(chain, hash, number, format!("offer on subnet {}", c.netuid), window, call).await
	}

	async fn bid(
		&self,
		chain: &Chain,
		hash: Hash,
		number: u32,
		running: u32,
		offers: &[(OfferId, Offer<AccountId>)],
	) -> Result<(), ChainError> {
		let c = &self.config;
		let Some((offer, _)) = offers.iter().find(|(_, o)| o.netuid == c.netuid && o.gpu == self.gpu) else {
			return Ok(());
		};
		let orders = chain.orders(Some(hash)).await?;
		let policy = market::Policy { price: c.price, floor: c.floor_price, max_leases: c.max_leases };
		for (id, price) in market::bids(policy, &self.me(), c.netuid, &self.gpu, &orders, running) {
			let call = pallet_hearth_leases::Call::bid { id, offer: *offer, price };
			self.send(chain, hash, number, format!("bid on order {id}"), 0, call.into()).await?;
		}
		Ok(())
	}

	/// Runs every job assigned to the hotkey and not answered yet, and posts its result.
	async fn answer_jobs(&self, chain: &Chain, hash: Hash, number: u32) -> Result<(), ChainError> {
		let me = self.me();
		for id in chain.miner_jobs(&me, 16, Some(hash)).await? {
			let Some((job, result)) = chain.job(id, Some(hash)).await? else { continue };
			if job.state != pallet_hearth_jobs::JobState::Assigned
				|| result.is_some()
				|| job.miner.as_ref() != Some(&me)
			{
				continue;
			}
			if number > job.deadline {
				continue;
			}
			let Some(model) = self.models.values().find(|m| m.id == job.model).cloned() else {
				tracing::warn!(job = id, "job for model 0x{} which this worker does not serve", hex::encode(job.model));
				continue;
			};
			let pallet_hearth_jobs::JobInput::Tokens(tokens) = &job.input else {
				tracing::warn!(job = id, "job with features: this worker serves BERT models only");
				continue;
			};
			let output = match self.batcher.run(model, tokens.to_vec()).await {
				Ok(o) => o,
				Err(e) => {
					tracing::warn!(job = id, "the model failed: {e}");
					continue;
				},
			};
			self.metrics.inputs.inc();
			let (Ok(values), Ok(trace)) =
				(frame_support::BoundedVec::try_from(output.values), hearth_primitives::Trace::try_from(output.trace))
			else {
				tracing::warn!(job = id, "the output or trace is longer than the chain accepts");
				continue;
			};
			let call = pallet_hearth_jobs::Call::submit_result { id, output: values, trace };
			self.send(chain, hash, number, format!("result of job {id}"), 0, call.into()).await?;
		}
		Ok(())
	}

	/// Sends `call` for intent `what` in `window`, unless it was sent in this window or
	/// a transaction for `what` is still pending.
	async fn send(
		&self,
		chain: &Chain,
		hash: Hash,
		number: u32,
		what: String,
		window: u32,
		call: RuntimeCall,
	) -> Result<(), ChainError> {
		let key = intent(&format!("{what} @{window}"));
		if self.journal.submission(&key).map_err(journal_error)?.is_some() {
			return Ok(());
		}
		if self.journal.pending().map_err(journal_error)?.iter().any(|(_, s)| s.what == what) {
			return Ok(());
		}
		let nonce = self.journal.next_nonce(chain.pool_nonce(&self.me()).await?).map_err(journal_error)?;
		let anchor = Anchor { number, hash };
		let extrinsic = sign(chain, self.hotkey.pair(), call.clone(), nonce, anchor);
		let sub = Submission {
			what: what.clone(),
			nonce,
			call: call.encode(),
			anchor: number,
			extrinsic: extrinsic.clone(),
			status: TxStatus::Pending,
		};
		self.journal.record_submission(&key, &sub).map_err(journal_error)?;
		let label = call_label(&what);
		match chain.submit(&extrinsic).await {
			Ok(tx) => {
				tracing::info!(nonce, tx = ?tx, "sent: {what}");
				self.metrics.submissions.with_label_values(&[label, "sent"]).inc();
				Ok(())
			},
			Err(ChainError::Rpc(why)) => {
				tracing::warn!(nonce, "refused by the pool: {what}: {why}");
				self.metrics.submissions.with_label_values(&[label, "refused"]).inc();
				self.journal.set_status(&key, TxStatus::Failed(why)).map_err(journal_error)?;
				self.journal.release_nonce(nonce).map_err(journal_error)?;
				Ok(())
			},
			Err(e) => Err(e),
		}
	}

	/// Settles pending transactions: included once the chain's nonce passed theirs;
	/// re-broadcast as signed while their era lasts; re-signed with the same nonce
	/// when it ended.
	pub async fn settle(&self, chain: &Chain, hash: Hash, number: u32) -> Result<(), ChainError> {
		let pending = self.journal.pending().map_err(journal_error)?;
		if pending.is_empty() {
			return Ok(());
		}
		let on_chain = chain.account(&self.me(), Some(hash)).await?.nonce;
		for (key, sub) in pending {
			let label = call_label(&sub.what).to_string();
			if on_chain > sub.nonce {
				self.journal.set_status(&key, TxStatus::Included).map_err(journal_error)?;
				self.metrics.submissions.with_label_values(&[label.as_str(), "included"]).inc();
				continue;
			}
			if number >= sub.anchor.saturating_add(MORTALITY as u32) {
				let Ok(call) = <RuntimeCall as codec::Decode>::decode(&mut &sub.call[..]) else {
					self.journal
						.set_status(&key, TxStatus::Failed("the journaled call no longer decodes".into()))
						.map_err(journal_error)?;
					continue;
				};
				let extrinsic = sign(chain, self.hotkey.pair(), call, sub.nonce, Anchor { number, hash });
				let resigned = Submission { anchor: number, extrinsic, ..sub };
				self.journal.replace_submission(&key, &resigned).map_err(journal_error)?;
				tracing::info!(nonce = resigned.nonce, "re-signed after its era ended: {}", resigned.what);
				let _ = chain.submit(&resigned.extrinsic).await;
			} else {
				// Harmless when the pool has it already; needed after a restart.
				let _ = chain.submit(&sub.extrinsic).await;
			}
		}
		Ok(())
	}
}

/// A journal failure, reported where chain failures are (the tick logs it and goes on).
fn journal_error(e: crate::journal::JournalError) -> ChainError {
	ChainError::Rpc(e.to_string())
}

/// The metrics label of an intent: its first word, the call (`"heartbeat"`, `"bid"`…).
fn call_label(what: &str) -> &str {
	what.split(' ').next().unwrap_or("other")
}

/// The on-chain form of a socket address (IPv4 mapped into IPv6).
pub fn endpoint(addr: std::net::SocketAddr) -> pallet_hearth_subnets::Endpoint {
	let ip = match addr.ip() {
		std::net::IpAddr::V4(v4) => v4.to_ipv6_mapped().octets(),
		std::net::IpAddr::V6(v6) => v6.octets(),
	};
	pallet_hearth_subnets::Endpoint { ip, port: addr.port() }
}
