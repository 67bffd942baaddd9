//! From scores to weights, and when to send them.
//!
//! **The vote**: every scored miner's uid (the validator's own uid excluded), with
//! its score max-upscaled to `u16` (`score × 65535 / max score`, rounded down) — the
//! same normalisation the subnets pallet applies, so what is sent is what is stored.
//! Zero scores are sent too (they count towards the subnet's `min_weights`; the pallet
//! drops them). All scores zero: no vote (the pallet would refuse it).
//!
//! **When**: a direct `set_weights` once the subnet's `weights_rate_limit` blocks have
//! passed since the validator's last update. When the subnet asks for commit-reveal:
//! `commit_weights` under the same rate limit, then `reveal_weights` of that commit in
//! the epoch exactly `reveal_period` after the commit's (earlier is too early, later
//! too late: a commit whose epoch passed is dropped). The commit hash is the subnets
//! pallet's: `blake2_256(SCALE(hotkey, netuid, uids, values, salt, version_key))`,
//! `uids`, `values` and `salt` as SCALE vectors.

use crate::score::{Scoreboard, ONE};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use hearth_primitives::{NetUid, Uid};
use scale_info::TypeInfo;

/// A weights vector.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Vote {
	/// Uids, ascending.
	pub uids: Vec<Uid>,
	/// Their weights, max-upscaled to 65535.
	pub values: Vec<u16>,
}

/// The vote of `board` (module docs), leaving out `own`.
pub fn vote<AccountId>(board: &Scoreboard<AccountId>, own: Option<Uid>) -> Option<Vote> {
	let scored: Vec<(Uid, u32)> =
		board.entries.iter().filter(|(uid, _)| Some(**uid) != own).map(|(uid, e)| (*uid, e.score.min(ONE))).collect();
	let max = scored.iter().map(|(_, s)| *s).max().filter(|m| *m > 0)?;
	let values = scored.iter().map(|(_, s)| (u64::from(*s) * u64::from(u16::MAX) / u64::from(max)) as u16).collect();
	Some(Vote { uids: scored.into_iter().map(|(u, _)| u).collect(), values })
}

/// What the subnet asks of weight submissions.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Rules {
	/// Blocks between two submissions (or commits).
	pub rate_limit: u32,
	/// Whether weights must be committed, then revealed.
	pub commit_reveal: bool,
	/// Epochs after a commit's epoch in which it is revealed.
	pub reveal_period: u8,
	/// The version key to send (at least the subnet's `weights_version`).
	pub version_key: u64,
}

/// A commit waiting for its reveal.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Pending {
	/// The subnet's epoch counter when it was committed.
	pub epoch: u64,
	/// The committed vote.
	pub vote: Vote,
	/// Its salt.
	pub salt: Vec<u16>,
	/// The commit hash.
	pub hash: [u8; 32],
}

/// What to send now.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Action {
	/// `set_weights(vote)`.
	Set(Vote),
	/// `commit_weights(pending.hash)`, then keep `pending` for its reveal.
	Commit(Pending),
	/// `reveal_weights` of this commit.
	Reveal(Pending),
	/// Nothing, and why.
	Wait(&'static str),
}

/// The chain's side of the decision.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Now {
	/// The best block.
	pub block: u32,
	/// The subnet's epoch counter.
	pub epoch: u64,
	/// Blocks since the validator's last weights update (`None`: it never set any).
	pub since_update: Option<u32>,
}

/// The commit hash of the subnets pallet (module docs).
pub fn commit_hash<AccountId: Encode>(
	hotkey: &AccountId,
	netuid: NetUid,
	vote: &Vote,
	salt: &[u16],
	version_key: u64,
) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(&(hotkey, netuid, &vote.uids, &vote.values, salt, version_key).encode())
}

/// Decides what to send. `pending` are this validator's unrevealed commits; those
/// whose reveal epoch passed are dropped from it. A reveal due now goes first.
pub fn next_action<AccountId: Encode>(
	rules: &Rules,
	now: Now,
	pending: &mut Vec<Pending>,
	vote: Option<Vote>,
	commit: (&AccountId, NetUid, Vec<u16>),
) -> Action {
	if !rules.commit_reveal {
		pending.clear();
	}
	let period = u64::from(rules.reveal_period);
	pending.retain(|p| p.epoch.saturating_add(period) >= now.epoch);
	if let Some(i) = pending.iter().position(|p| p.epoch.saturating_add(period) == now.epoch) {
		return Action::Reveal(pending.remove(i));
	}
	let Some(vote) = vote else { return Action::Wait("no miner has a score above zero yet") };
	if now.since_update.is_some_and(|since| since < rules.rate_limit) {
		return Action::Wait("the subnet's weights rate limit has not passed");
	}
	if !rules.commit_reveal {
		return Action::Set(vote);
	}
	if pending.iter().any(|p| p.epoch == now.epoch) {
		return Action::Wait("already committed in this epoch");
	}
	let (hotkey, netuid, salt) = commit;
	let hash = commit_hash(hotkey, netuid, &vote, &salt, rules.version_key);
	Action::Commit(Pending { epoch: now.epoch, vote, salt, hash })
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::score::Entry;

	fn board(scores: &[(Uid, u32)]) -> Scoreboard<u8> {
		let mut b = Scoreboard::default();
		for (uid, score) in scores {
			b.entries.insert(*uid, Entry { hotkey: *uid as u8, score: *score, banned_until: 0 });
		}
		b
	}

	#[test]
	fn votes_are_max_upscaled_and_keep_zeros_but_not_the_validator() {
		let b = board(&[(0, 500_000), (1, 250_000), (2, 0), (5, 900_000)]);
		assert_eq!(vote(&b, Some(5)), Some(Vote { uids: vec![0, 1, 2], values: vec![65_535, 32_767, 0] }));
		assert_eq!(vote(&b, None).unwrap().values, vec![36_408, 18_204, 0, 65_535]);
		assert_eq!(vote(&board(&[(0, 0), (1, 0)]), None), None, "all zero: nothing the pallet would take");
		assert_eq!(vote(&board(&[]), None), None);
	}

	fn rules(commit_reveal: bool) -> Rules {
		Rules { rate_limit: 10, commit_reveal, reveal_period: 1, version_key: 3 }
	}

	fn v() -> Vote {
		Vote { uids: vec![1], values: vec![65_535] }
	}

	#[test]
	fn direct_weights_respect_the_rate_limit() {
		let mut pending = Vec::new();
		let c = (&7u8, 1, vec![]);
		let at = |since| Now { block: 100, epoch: 4, since_update: since };
		assert_eq!(next_action(&rules(false), at(None), &mut pending, Some(v()), c.clone()), Action::Set(v()));
		assert_eq!(next_action(&rules(false), at(Some(10)), &mut pending, Some(v()), c.clone()), Action::Set(v()));
		assert_eq!(
			next_action(&rules(false), at(Some(9)), &mut pending, Some(v()), c.clone()),
			Action::Wait("the subnet's weights rate limit has not passed")
		);
		assert_eq!(
			next_action(&rules(false), at(None), &mut pending, None, c),
			Action::Wait("no miner has a score above zero yet")
		);
	}

	#[test]
	fn commit_then_reveal_exactly_reveal_period_epochs_later() {
		let mut pending = Vec::new();
		let salt = vec![9, 8, 7];
		let c = (&7u8, 2, salt.clone());
		let now = |epoch, since| Now { block: 0, epoch, since_update: since };
		let Action::Commit(p) = next_action(&rules(true), now(4, None), &mut pending, Some(v()), c.clone()) else {
			panic!("a commit")
		};
		assert_eq!(
			p.hash,
			sp_crypto_hashing::blake2_256(&(7u8, 2u16, vec![1u16], vec![65_535u16], salt, 3u64).encode())
		);
		pending.push(p.clone());
		assert_eq!(
			next_action(&rules(true), now(4, Some(50)), &mut pending, Some(v()), c.clone()),
			Action::Wait("already committed in this epoch")
		);
		// The next epoch: the reveal goes first, and only once.
		assert_eq!(next_action(&rules(true), now(5, Some(1)), &mut pending, Some(v()), c.clone()), Action::Reveal(p));
		assert!(pending.is_empty());
		// A commit whose reveal epoch passed is dropped, not revealed late.
		let stale = Pending { epoch: 1, vote: v(), salt: vec![], hash: [0; 32] };
		pending.push(stale);
		assert_eq!(
			next_action(&rules(true), now(5, Some(1)), &mut pending, Some(v()), c),
			Action::Wait("the subnet's weights rate limit has not passed")
		);
		assert!(pending.is_empty());
	}
}
