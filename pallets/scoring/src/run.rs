//! One off-chain worker run: for every local scoring key, every subnet it validates,
//! under that subnet's lock (a run that finds it held leaves the subnet alone).

use crate::chain::{MinerFacts, ScoringChain, SubnetFacts};
use crate::store::{self, Challenge, SubnetState, MAX_CHALLENGES};
use crate::submit::{self, NotSent};
use crate::transport::{HttpVerifier, OffchainHttp, Transport};
use crate::{crypto, Config};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use codec::Encode;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use hearth_offchain_worker::ledger::{Decision, Ledger};
use hearth_offchain_worker::probe::{self, Expected};
use hearth_offchain_worker::score::ScoreParams;
use hearth_offchain_worker::weights::{self, Action, Now};
use hearth_offchain_worker::{plan, score};
use hearth_primitives::receipt::{Receipt, SignedReceipt};
use hearth_primitives::{NetUid, Uid};
use sp_runtime::offchain::storage_lock::{BlockAndTime, StorageLock};
use sp_runtime::traits::{IdentifyAccount, SaturatedConversion};
use sp_runtime::{AccountId32, MultiSignature, MultiSigner, RuntimeAppPublic};

/// How long a run holds a subnet's lock without news (blocks, and milliseconds; it
/// expires when both have passed); the run extends it before each miner it probes.
const LOCK_BLOCKS: u32 = 3;
const LOCK_MILLIS: u64 = 60_000;

/// Shortest and longest probe input, in tokens (capped by the model's registered
/// longest input).
pub(crate) const PROBE_TOKENS: (u32, u32) = (4, 16);

/// The entry point of the hook.
pub(crate) fn offchain_worker<T: Config>(now: BlockNumberFor<T>) {
	let block: u32 = now.saturated_into();
	for key in crypto::Public::all() {
		let account = MultiSigner::from(sp_core::sr25519::Public::from(key.clone())).into_account();
		for (netuid, own) in T::Chain::validated_by(&account) {
			let lock_key = store::lock_key(&account, netuid);
			let mut lock = StorageLock::<BlockAndTime<frame_system::Pallet<T>>>::with_block_and_time_deadline(
				&lock_key,
				LOCK_BLOCKS,
				sp_runtime::offchain::Duration::from_millis(LOCK_MILLIS),
			);
			let Ok(mut guard) = lock.try_lock() else {
				log::debug!(target: "hearth-scoring", "subnet {netuid}: another run holds the lock");
				continue;
			};
			let mut keep_alive = || {
				let _ = guard.extend_lock();
			};
			score_subnet::<T, _>(block, netuid, own, &key, &account, &mut OffchainHttp, &mut keep_alive);
		}
	}
}

/// Scores one subnet at `block` (crate docs), reaching miners and the verifier through
/// `http`; `keep_alive` extends the subnet's lock before each miner. State and ledger
/// are loaded and saved here.
pub(crate) fn score_subnet<T: Config, H: Transport>(
	block: u32,
	netuid: NetUid,
	own: Uid,
	key: &crypto::Public,
	account: &AccountId32,
	http: &mut H,
	keep_alive: &mut dyn FnMut(),
) {
	let Some(facts) = T::Chain::subnet(netuid) else { return };
	let mut state = store::load_state(account, netuid);
	let mut ledger = store::load_ledger(account, netuid);
	let mut run = Run::<T, H> {
		block,
		netuid,
		key,
		account,
		http,
		facts,
		ledger: &mut ledger,
		keep_alive,
		_t: Default::default(),
	};
	run.score(own, &mut state);
	store::save_state(account, netuid, &state);
	store::save_ledger(account, netuid, &ledger);
}

struct Run<'a, T, H> {
	block: u32,
	netuid: NetUid,
	key: &'a crypto::Public,
	account: &'a AccountId32,
	http: &'a mut H,
	facts: SubnetFacts,
	ledger: &'a mut Ledger,
	keep_alive: &'a mut dyn FnMut(),
	_t: core::marker::PhantomData<T>,
}

impl<T: Config, H: Transport> Run<'_, T, H> {
	fn note(&mut self, d: Decision) {
		log::info!(target: "hearth-scoring", "subnet {} block {}: {:?}", self.netuid, self.block, d);
		self.ledger.push(self.block, d);
	}

	fn skip(&mut self, why: String) {
		self.note(Decision::Skipped(why.into_bytes()));
	}

	fn score(&mut self, own: Uid, state: &mut SubnetState) {
		let params = T::ScoreParams::get();
		// A tempo whose closing block this node missed closes now.
		if state.tempo != self.facts.tempo {
			if state.closed != Some(state.tempo) && !state.tallies.is_empty() {
				let closing = state.tempo;
				self.close(state, closing, &params);
			}
			state.tempo = self.facts.tempo;
			state.tallies.clear();
		}
		let miners = T::Chain::miners(self.netuid, own);
		let hotkeys: Vec<(Uid, AccountId32)> = miners.iter().map(|m| (m.uid, m.hotkey.clone())).collect();
		for change in state.board.sync(&hotkeys) {
			self.note(Decision::Scored(change));
		}
		self.follow_challenges(state, &params);
		self.probe_due(&miners, state, &params);
		if plan::closes(self.facts.offset, self.facts.tempo_len) && state.closed != Some(self.facts.tempo) {
			let tempo = self.facts.tempo;
			self.close(state, tempo, &params);
		}
		self.vote(own, state);
	}

	fn close(&mut self, state: &mut SubnetState, tempo: u32, params: &ScoreParams) {
		let tallies = core::mem::take(&mut state.tallies);
		for change in state.board.close_tempo(tempo, &tallies, params) {
			self.note(Decision::Scored(change));
		}
		state.closed = Some(tempo);
	}

	/// Records the chain's ruling on challenges sent; the oldest are forgotten.
	fn follow_challenges(&mut self, state: &mut SubnetState, params: &ScoreParams) {
		for i in 0..state.challenges.len() {
			let c = state.challenges[i].clone();
			if !c.proven && T::Chain::proven_wrong(&c.receipt) {
				state.challenges[i].proven = true;
				let before = state.board.score(c.uid);
				state.board.proven_wrong(c.uid, self.facts.tempo, params);
				self.note(Decision::ProvenWrong { uid: c.uid, score: before });
			}
		}
		let excess = state.challenges.len().saturating_sub(MAX_CHALLENGES);
		state.challenges.drain(..excess);
	}

	fn probe_due(&mut self, miners: &[MinerFacts], state: &mut SubnetState, params: &ScoreParams) {
		let uids: Vec<Uid> = miners.iter().filter(|m| m.url.is_some()).map(|m| m.uid).collect();
		let seed = store::seed();
		let mut due = plan::due(&seed, self.facts.tempo, self.facts.offset, self.facts.tempo_len, &uids);
		if due.is_empty() {
			return;
		}
		let Some(model) = T::Chain::models(self.netuid).into_iter().next() else {
			self.skip(format!("{} miners due but no model is registered on the subnet", due.len()));
			return;
		};
		due.truncate(T::MaxProbesPerBlock::get() as usize);
		let lens = (PROBE_TOKENS.0.min(model.max_input), PROBE_TOKENS.1.min(model.max_input));
		let verifier_url = store::verifier_url();
		let genesis = T::Chain::genesis();
		for uid in due {
			(self.keep_alive)();
			let Some(miner) = miners.iter().find(|m| m.uid == uid) else { continue };
			let inputs: Vec<Vec<u32>> = (0..T::ProbeInputs::get())
				.map(|k| probe::probe_tokens(&seed, self.facts.tempo, uid, k, model.vocab, lens))
				.collect();
			// Unique per (block, miner): the miner refuses a nonce used for another input.
			let first_nonce = (u64::from(self.block) << 24) | (u64::from(uid) << 8);
			let expected = Expected {
				genesis,
				netuid: self.netuid,
				miner: &miner.hotkey,
				requester: self.account,
				model: model.id,
				first_nonce,
				inputs: &inputs,
			};
			let report = self.probe(miner, &expected, params, &verifier_url);
			let tally = state.tallies.entry(uid).or_default();
			for outcome in &report.outcomes {
				tally.record(outcome, params);
			}
			let count = |want: fn(&score::Outcome) -> bool| report.outcomes.iter().filter(|o| want(o)).count() as u32;
			self.note(Decision::Probed {
				uid,
				inputs: inputs.len() as u32,
				correct: count(|o| matches!(o, score::Outcome::Correct { .. })),
				wrong: count(|o| matches!(o, score::Outcome::Wrong)),
				note: report.note.clone().unwrap_or_default().into_bytes(),
			});
			for wrong in report.wrong {
				self.challenge(uid, &model.id, wrong, state, &verifier_url);
			}
		}
	}

	fn probe(
		&mut self,
		miner: &MinerFacts,
		expected: &Expected<'_, AccountId32>,
		params: &ScoreParams,
		verifier_url: &str,
	) -> probe::Report<AccountId32, MultiSignature> {
		let n = expected.inputs.len();
		let Some(url) = &miner.url else {
			return probe::Report::all(n, score::Outcome::Unavailable, "no endpoint".into());
		};
		// A miner may publish any address: never send a probe to this validator's own
		// verifier.
		if url.trim_end_matches('/') == verifier_url {
			return probe::Report::all(n, score::Outcome::Refused, "the endpoint is this validator's verifier".into());
		}
		let body = probe::request_body(&expected.model, expected.inputs);
		let payload = expected.call(&body).signing_payload();
		let Some(signature) = self.key.sign(&payload) else {
			return probe::Report::all(n, score::Outcome::Unverified, "the scoring key cannot sign".into());
		};
		let headers = [
			("x-hearth-requester", ss58(self.account)),
			("x-hearth-nonce", format!("{}", expected.first_nonce)),
			("x-hearth-served", "probe".into()),
			("x-hearth-signature", probe::to_hex(signature.as_ref())),
		];
		let endpoint = format!("{url}/v1/embeddings");
		let reply = match self.http.post(&endpoint, &headers, &body, params.deadline_ms) {
			Ok(r) => r,
			Err(why) => return probe::Report::all(n, score::Outcome::Unavailable, why),
		};
		if reply.latency_ms >= params.deadline_ms {
			return probe::Report::all(
				n,
				score::Outcome::Unavailable,
				format!("answered after {} ms", reply.latency_ms),
			);
		}
		let verify = |r: &Receipt<AccountId32>, s: &MultiSignature| {
			T::Chain::verify(&r.signing_payload(), &s.encode(), &r.miner)
		};
		let mut verifier = HttpVerifier { http: &mut *self.http, url: verifier_url };
		probe::judge(expected, reply.status, &reply.body, reply.latency_ms, &mut verifier, &verify)
	}

	fn challenge(
		&mut self,
		uid: Uid,
		model: &[u8; 32],
		wrong: probe::Contradicted<AccountId32, MultiSignature>,
		state: &mut SubnetState,
		verifier_url: &str,
	) {
		let receipt = wrong.signed.receipt.hash();
		if state.challenges.iter().any(|c| c.receipt == receipt) {
			return;
		}
		let Some(step) = wrong.first_wrong_step else {
			self.skip(format!("uid {uid}: a wrong output hash with a right trace cannot be challenged by a step"));
			return;
		};
		let mut verifier = HttpVerifier { http: &mut *self.http, url: verifier_url };
		let (input, chunk) = match verifier.challenge_material(model, &wrong.tokens, step) {
			Ok(m) => m,
			Err(why) => return self.skip(format!("uid {uid}: no challenge material: {why}")),
		};
		let signed: &SignedReceipt<AccountId32, MultiSignature> = &wrong.signed;
		let Some(call) = T::Chain::challenge(&signed.encode(), step, &input, chunk) else {
			return self.skip(format!("uid {uid}: the verifier's challenge material does not decode"));
		};
		match submit::send::<T>(self.key, self.account, call, self.block) {
			Ok(_) => {
				state.challenges.push(Challenge { receipt, uid, sent: self.block, proven: false });
				self.note(Decision::Challenged { uid, receipt, step });
			},
			Err(e) => self.skip(format!("uid {uid}: challenge not sent: {}", e.reason())),
		}
	}

	fn vote(&mut self, own: Uid, state: &mut SubnetState) {
		let closing = state.closed == Some(self.facts.tempo) && state.voted != Some(self.facts.tempo);
		let period = u64::from(self.facts.reveal_period);
		let reveal_due = state.pending.iter().any(|p| p.epoch.saturating_add(period) == self.facts.epochs);
		if !closing && !reveal_due {
			return;
		}
		let rules = weights::Rules {
			rate_limit: self.facts.rate_limit,
			commit_reveal: self.facts.commit_reveal,
			reveal_period: self.facts.reveal_period,
			version_key: self.facts.version_key,
		};
		let now = Now {
			block: self.block,
			epoch: self.facts.epochs,
			since_update: T::Chain::since_update(self.netuid, own, self.account),
		};
		let vote = if closing { weights::vote(&state.board, Some(own)) } else { None };
		let salt: Vec<u16> =
			sp_io::offchain::random_seed().chunks(2).take(8).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
		let action = weights::next_action(&rules, now, &mut state.pending, vote, (self.account, self.netuid, salt));
		let (call, decision) = match action {
			Action::Wait(why) => {
				if closing {
					self.skip(format!("weights: {why}"));
				}
				return;
			},
			Action::Set(v) => {
				(T::Chain::set_weights(self.netuid, v.clone(), rules.version_key), Decision::WeightsSet(v))
			},
			Action::Commit(p) => {
				let call = T::Chain::commit_weights(self.netuid, p.hash);
				let decision = Decision::WeightsCommitted(p.hash);
				state.pending.push(p);
				(call, decision)
			},
			Action::Reveal(p) => (
				T::Chain::reveal_weights(self.netuid, p.vote.clone(), p.salt.clone(), rules.version_key),
				Decision::WeightsRevealed(p.vote),
			),
		};
		let is_vote = !matches!(decision, Decision::WeightsRevealed(_));
		match submit::send::<T>(self.key, self.account, call, self.block) {
			Ok(_) => {
				if is_vote {
					state.voted = Some(self.facts.tempo);
				}
				self.note(decision);
			},
			Err(e) => {
				if let Decision::WeightsCommitted(hash) = decision {
					state.pending.retain(|p| p.hash != hash);
				}
				if e == NotSent::Raced {
					log::debug!(target: "hearth-scoring", "subnet {}: {}", self.netuid, e.reason());
				}
				self.skip(format!("weights not sent: {}", e.reason()));
			},
		}
	}
}

/// The SS58 address (prefix 42) the miner's `x-hearth-requester` header takes.
fn ss58(account: &AccountId32) -> String {
	hearth_offchain_worker::ss58::address(account.as_ref())
}
