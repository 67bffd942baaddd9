//! The scoring worker against scripted miners: honest ones earn weight, a liar is
//! challenged once per receipt and zeroed, an offline one decays; nonces never repeat;
//! commit-reveal waits for its epoch; a held lock leaves the subnet alone.

use crate::mock::*;
use crate::store;
use hearth_offchain_worker::ledger::Decision;
use hearth_offchain_worker::score::Change;
use hearth_offchain_worker::weights::Vote;
use sp_runtime::RuntimeAppPublic;

/// Runs the worker at `block`, `offset` blocks into `tempo` (tempo length 4).
fn run_at(net: &mut Net, block: u32, tempo: u32, offset: u32) {
	WORLD.with(|w| {
		let mut w = w.borrow_mut();
		w.facts.tempo = tempo;
		w.facts.offset = offset;
		w.facts.epochs = u64::from(tempo);
	});
	let key = crate::crypto::Public::all().into_iter().next().expect("Alice's scoring key");
	crate::run::score_subnet::<Test, Net>(block, 1, 0, &key, &account("//Alice"), net, &mut || {});
}

/// A whole tempo, block by block.
fn run_tempo(net: &mut Net, tempo: u32) {
	for offset in 0..4 {
		run_at(net, 100 + tempo * 4 + offset, tempo, offset);
	}
}

fn reset_world() {
	WORLD.with(|w| {
		let mut w = w.borrow_mut();
		w.miners.clear();
		w.facts.commit_reveal = false;
		w.since_update = None;
		w.proven.clear();
	});
}

fn state() -> store::SubnetState {
	store::load_state(&account("//Alice"), 1)
}

#[test]
fn honest_miners_earn_weight_a_liar_is_challenged_and_zeroed_an_offline_one_gets_nothing() {
	reset_world();
	let (mut t, pool) = new_test_ext();
	t.execute_with(|| {
		let mut net = Net::new();
		net.add(1, "//Bob", Behaviour::Honest);
		net.add(2, "//Charlie", Behaviour::Honest);
		net.add(3, "//Dave", Behaviour::Liar);
		net.add(4, "//Eve", Behaviour::Offline);
		run_tempo(&mut net, 0);

		// Every miner was probed once (three inputs in one call), every answer re-run.
		let probes = net.requests.iter().filter(|r| r.ends_with("/v1/embeddings")).count();
		assert_eq!(probes, 4);
		let s = state();
		assert_eq!((s.board.score(1), s.board.score(2)), (300_000, 300_000), "alpha × a perfect sample");
		assert_eq!((s.board.score(3), s.board.score(4)), (0, 0));
		assert_eq!(s.board.entries[&3].banned_until, 1 + 8, "the liar is zeroed for the penalty");

		// Dave's three wrong receipts were each challenged at step 1, then weights set.
		let sent = sent(&pool);
		let challenges: Vec<_> = sent.iter().filter(|(_, s)| matches!(s, Sent::Challenge(..))).collect();
		assert_eq!(challenges.len(), 3);
		assert!(challenges.iter().all(|(_, s)| matches!(s, Sent::Challenge(_, 1, _, chunk) if chunk == &vec![1u8; 5])));
		let last = sent.last().expect("weights");
		assert_eq!(last.1, Sent::Set(1, Vote { uids: vec![1, 2, 3, 4], values: vec![65_535, 65_535, 0, 0] }, 7));
		let nonces: Vec<u64> = sent.iter().map(|(n, _)| *n).collect();
		assert_eq!(nonces, (0..4).collect::<Vec<_>>(), "one nonce each, in order");

		// The ledger says why.
		let ledger = store::load_ledger(&account("//Alice"), 1);
		let probed_dave = ledger.entries.iter().any(|(_, d)| matches!(d, Decision::Probed { uid: 3, wrong: 3, .. }));
		let eve_note = ledger.entries.iter().find_map(|(_, d)| match d {
			Decision::Probed { uid: 4, note, .. } => Some(String::from_utf8(note.clone()).expect("UTF-8")),
			_ => None,
		});
		assert!(probed_dave);
		assert!(eve_note.expect("Eve probed").contains("no answer"));
		assert!(ledger.entries.iter().any(|(_, d)| matches!(d, Decision::Scored(Change::Penalised { uid: 3, .. }))));

		// The chain rules Dave wrong: the ledger follows it; no receipt is challenged twice.
		let Sent::Challenge(receipt, ..) = &challenges[0].1 else { unreachable!() };
		WORLD.with(|w| w.borrow_mut().proven.insert(*receipt));
		run_tempo(&mut net, 1);
		let ledger = store::load_ledger(&account("//Alice"), 1);
		assert!(ledger.entries.iter().any(|(_, d)| matches!(d, Decision::ProvenWrong { uid: 3, .. })));
		let s = state();
		assert_eq!(s.board.score(1), 510_000);
		assert_eq!(s.board.score(3), 0);
		let again = crate::mock::sent(&pool).iter().filter(|(_, s)| matches!(s, Sent::Challenge(..))).count();
		assert_eq!(again, 6, "tempo 1's new probes are new receipts, challenged once each");
	});
}

#[test]
fn a_replaced_uid_starts_from_zero() {
	reset_world();
	let (mut t, _pool) = new_test_ext();
	t.execute_with(|| {
		let mut net = Net::new();
		net.add(1, "//Bob", Behaviour::Honest);
		run_tempo(&mut net, 0);
		assert_eq!(state().board.score(1), 300_000);
		// Ferdie takes uid 1.
		WORLD.with(|w| w.borrow_mut().miners.clear());
		net.add(1, "//Ferdie", Behaviour::Offline);
		run_at(&mut net, 200, 1, 0);
		assert_eq!(state().board.score(1), 0);
		let ledger = store::load_ledger(&account("//Alice"), 1);
		assert_eq!(ledger.entries.iter().filter(|(_, d)| *d == Decision::Scored(Change::Reset { uid: 1 })).count(), 2);
	});
}

#[test]
fn the_rate_limit_delays_weights_and_overlapping_runs_never_share_a_nonce() {
	reset_world();
	let (mut t, pool) = new_test_ext();
	t.execute_with(|| {
		let mut net = Net::new();
		net.add(1, "//Bob", Behaviour::Honest);
		WORLD.with(|w| {
			w.borrow_mut().facts.rate_limit = 10;
			w.borrow_mut().since_update = Some(3);
		});
		run_tempo(&mut net, 0);
		assert!(sent(&pool).is_empty(), "rate limited");
		let ledger = store::load_ledger(&account("//Alice"), 1);
		assert!(ledger
			.entries
			.iter()
			.any(|(_, d)| *d == Decision::Skipped(b"weights: the subnet's weights rate limit has not passed".to_vec())));
		// The limit passes a block later: the tempo's weights go then.
		WORLD.with(|w| w.borrow_mut().since_update = Some(10));
		run_at(&mut net, 104, 0, 3);
		assert_eq!(sent(&pool).len(), 1);
		// Two transactions from runs of the same block take nonces 1 and 2 (0 is in the pool).
		for _ in 0..2 {
			let call = crate::mock::World::commit_weights_for_test();
			let key = crate::crypto::Public::all()[0].clone();
			crate::submit::send::<Test>(&key, &account("//Alice"), call, 104).expect("sent");
		}
		let nonces: Vec<u64> = sent(&pool).iter().map(|(n, _)| *n).collect();
		assert_eq!(nonces, vec![0, 1, 2]);
	});
}

#[test]
fn commit_reveal_commits_at_the_tempo_end_and_reveals_in_the_next_epoch() {
	reset_world();
	let (mut t, pool) = new_test_ext();
	t.execute_with(|| {
		let mut net = Net::new();
		net.add(1, "//Bob", Behaviour::Honest);
		WORLD.with(|w| w.borrow_mut().facts.commit_reveal = true);
		run_tempo(&mut net, 0);
		let sent0 = sent(&pool);
		assert!(matches!(sent0[..], [(0, Sent::Commit(1, _))]), "{sent0:?}");
		let Sent::Commit(_, hash) = sent0[0].1 else { unreachable!() };
		assert_eq!(state().pending.len(), 1);
		// Epoch 1: the reveal, whose hash is the commit's.
		run_at(&mut net, 104, 1, 0);
		let sent1 = sent(&pool);
		let (_, Sent::Reveal(1, vote, salt, 7)) = &sent1[1] else { panic!("{sent1:?}") };
		assert_eq!(
			hearth_offchain_worker::weights::commit_hash(&account("//Alice"), 1, vote, salt, 7),
			hash,
			"the reveal opens the commit"
		);
		assert!(state().pending.is_empty());
	});
}

#[test]
fn a_run_that_finds_the_lock_held_leaves_the_subnet_alone() {
	reset_world();
	let (mut t, pool) = new_test_ext();
	t.execute_with(|| {
		let mut net = Net::new();
		net.add(1, "//Bob", Behaviour::Honest);
		frame_system::Pallet::<Test>::set_block_number(50);
		let key = store::lock_key(&account("//Alice"), 1);
		let mut lock = sp_runtime::offchain::storage_lock::StorageLock::<
			sp_runtime::offchain::storage_lock::BlockAndTime<frame_system::Pallet<Test>>,
		>::with_block_and_time_deadline(&key, 3, sp_runtime::offchain::Duration::from_millis(60_000));
		let _guard = lock.try_lock().expect("the first run holds it");
		// The hook's own run would reach the network (no scripted answers here): it
		// must not, since the lock is held.
		crate::run::offchain_worker::<Test>(50);
		assert!(sent(&pool).is_empty());
		assert_eq!(state(), store::SubnetState::default());
	});
}

#[test]
fn no_model_or_no_miner_is_said_not_guessed() {
	reset_world();
	let (mut t, pool) = new_test_ext();
	t.execute_with(|| {
		let mut net = Net::new();
		net.add(1, "//Bob", Behaviour::Honest);
		let models = WORLD.with(|w| std::mem::take(&mut w.borrow_mut().models));
		run_tempo(&mut net, 0);
		WORLD.with(|w| w.borrow_mut().models = models);
		assert!(net.requests.is_empty());
		let ledger = store::load_ledger(&account("//Alice"), 1);
		assert!(ledger
			.entries
			.iter()
			.any(|(_, d)| *d == Decision::Skipped(b"1 miners due but no model is registered on the subnet".to_vec())));
		assert!(ledger
			.entries
			.iter()
			.any(|(_, d)| *d == Decision::Skipped(b"weights: no miner has a score above zero yet".to_vec())));
		assert!(sent(&pool).is_empty());
	});
}

#[test]
fn a_miner_publishing_the_validators_verifier_address_is_not_probed_there() {
	reset_world();
	let (mut t, _pool) = new_test_ext();
	t.execute_with(|| {
		let mut net = Net::new();
		WORLD.with(|w| {
			w.borrow_mut().miners.push(crate::MinerFacts {
				uid: 1,
				hotkey: account("//Mallory"),
				url: Some(format!("{}/", store::DEFAULT_VERIFIER_URL)),
			})
		});
		run_tempo(&mut net, 0);
		assert!(net.requests.is_empty(), "{:?}", net.requests);
		let ledger = store::load_ledger(&account("//Alice"), 1);
		assert!(ledger.entries.iter().any(|(_, d)| matches!(d,
			Decision::Probed { uid: 1, correct: 0, note, .. } if note == b"the endpoint is this validator's verifier")));
		assert_eq!(state().board.score(1), 0);
	});
}

#[test]
fn a_validator_whose_verifier_is_down_neither_credits_nor_blames_miners() {
	reset_world();
	let (mut t, pool) = new_test_ext();
	t.execute_with(|| {
		let mut net = Net::new();
		net.add(1, "//Bob", Behaviour::Honest);
		run_tempo(&mut net, 0);
		assert_eq!(state().board.score(1), 300_000);
		net.verifier_down = true;
		run_tempo(&mut net, 1);
		assert_eq!(state().board.score(1), 300_000, "not counted either way");
		let ledger = store::load_ledger(&account("//Alice"), 1);
		assert!(ledger.entries.iter().any(|(_, d)| matches!(d,
			Decision::Probed { uid: 1, correct: 0, wrong: 0, note, .. }
				if String::from_utf8_lossy(note).contains("the validator's re-run failed"))));
		assert!(sent(&pool).iter().all(|(_, s)| !matches!(s, Sent::Challenge(..))));
	});
}
