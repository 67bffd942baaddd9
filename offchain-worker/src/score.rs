//! Scores: one number per miner, an exponential moving average over tempos of how
//! well it answered the validator's probes.
//!
//! All arithmetic is integer, in parts per million ([`Ppm`], `1_000_000` = 1), rounding
//! down, so two validators with the same probes compute the same scores.
//!
//! ## One tempo's sample
//!
//! A miner gets `p` probe inputs in a tempo. Each ends as one [`Outcome`]:
//!
//! ```text
//! speed(latency)  = 1                                      if latency <= target
//!                 = (deadline - latency) / (deadline - target)  if target < latency < deadline
//!                 = 0 (and the outcome is Unavailable)      if latency >= deadline
//! availability    = correct / p
//! mean_speed      = Σ speed over correct answers / correct  (0 when none)
//! sample          = availability × ((1 - latency_share) + latency_share × mean_speed)
//! ```
//!
//! so availability decides most of a sample and latency the `latency_share` rest: a
//! miner that always answers correctly but at the deadline scores `1 - latency_share`.
//! An answer the validator cannot use (no valid signed receipt, a refusal, a
//! malformed body) counts as not answered. An input the validator itself could not
//! re-run (its verifier failed) is not counted at all.
//!
//! ## The score
//!
//! At the end of a tempo, for each miner with a sample:
//!
//! ```text
//! score' = (alpha × sample + (1 - alpha) × score) / 1  (integer ppm, rounded down)
//! ```
//!
//! A newcomer starts at 0 and reaches `1 - (1 - alpha)^k` of a perfect score after `k`
//! perfect tempos (alpha 0.3: 0.3, 0.51, 0.66, 0.76 …). A miner with no sample this
//! tempo (not probed) keeps its score.
//!
//! **A wrong answer** (a receipt whose re-run differs) zeroes the score at once and
//! keeps it at zero for `penalty_tempos` further tempos, whatever the samples; so does
//! a miner proven wrong on chain by anyone. **A replaced uid** (another hotkey now holds
//! it) starts again from zero: the score belonged to the hotkey, not the slot.

use alloc::collections::BTreeMap;
use alloc::vec::Vec;
use codec::{Decode, Encode};
use hearth_primitives::Uid;
use scale_info::TypeInfo;

/// Parts per million: `1_000_000` is 1.
pub type Ppm = u32;

/// 1 in [`Ppm`].
pub const ONE: Ppm = 1_000_000;

/// How samples and scores are computed (module docs).
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ScoreParams {
	/// The EMA weight of the newest tempo's sample.
	pub alpha: Ppm,
	/// Answers at or under this many milliseconds are full speed.
	pub latency_target_ms: u32,
	/// Answers at or over this many milliseconds count as unavailable.
	pub deadline_ms: u32,
	/// The part of a sample that speed decides (the rest is availability alone).
	pub latency_share: Ppm,
	/// Tempos after the one with a wrong answer during which the score stays zero.
	pub penalty_tempos: u32,
}

impl Default for ScoreParams {
	/// alpha 0.3, target 500 ms, deadline 5 s, latency 20 % of a sample, penalty 8 tempos.
	fn default() -> Self {
		Self { alpha: 300_000, latency_target_ms: 500, deadline_ms: 5_000, latency_share: 200_000, penalty_tempos: 8 }
	}
}

impl ScoreParams {
	/// Whether the parameters make sense (fractions at most 1, target below deadline).
	pub fn check(&self) -> Result<(), &'static str> {
		if self.alpha == 0 || self.alpha > ONE {
			return Err("alpha must be in (0, 1]");
		}
		if self.latency_share > ONE {
			return Err("latency_share must be at most 1");
		}
		if self.latency_target_ms >= self.deadline_ms {
			return Err("latency_target_ms must be below deadline_ms");
		}
		Ok(())
	}

	/// Speed of one answer, in ppm (module docs); `None` at or past the deadline.
	pub fn speed(&self, latency_ms: u32) -> Option<Ppm> {
		if latency_ms >= self.deadline_ms {
			return None;
		}
		if latency_ms <= self.latency_target_ms {
			return Some(ONE);
		}
		let left = u64::from(self.deadline_ms - latency_ms);
		let span = u64::from(self.deadline_ms - self.latency_target_ms);
		Some((left * u64::from(ONE) / span) as Ppm)
	}
}

/// How one probe input ended.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum Outcome {
	/// A valid receipt whose re-run matches, after `latency_ms`.
	Correct {
		/// Milliseconds from sending the call to its answer.
		latency_ms: u32,
	},
	/// A valid receipt whose re-run differs (challengeable).
	Wrong,
	/// An answer without a usable receipt (refusal, bad signature, wrong fields).
	Refused,
	/// No answer before the deadline (or no endpoint).
	Unavailable,
	/// The validator could not re-run the input (its verifier failed): the miner's
	/// answer is neither credited nor held against it, and the input is not counted.
	Unverified,
}

/// A miner's outcomes in one tempo.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Tally {
	/// Probe inputs sent.
	pub probes: u32,
	/// Correct answers before the deadline.
	pub correct: u32,
	/// Wrong answers.
	pub wrong: u32,
	/// Σ speed of the correct answers, ppm.
	pub speed_sum: u64,
}

impl Tally {
	/// Records one outcome.
	pub fn record(&mut self, outcome: &Outcome, params: &ScoreParams) {
		if *outcome == Outcome::Unverified {
			return;
		}
		self.probes = self.probes.saturating_add(1);
		match outcome {
			Outcome::Correct { latency_ms } => {
				if let Some(speed) = params.speed(*latency_ms) {
					self.correct = self.correct.saturating_add(1);
					self.speed_sum = self.speed_sum.saturating_add(u64::from(speed));
				}
			},
			Outcome::Wrong => self.wrong = self.wrong.saturating_add(1),
			Outcome::Refused | Outcome::Unavailable | Outcome::Unverified => {},
		}
	}

	/// The tempo's sample (module docs); `None` without probes.
	pub fn sample(&self, params: &ScoreParams) -> Option<Ppm> {
		if self.probes == 0 {
			return None;
		}
		if self.wrong > 0 || self.correct == 0 {
			return Some(0);
		}
		let one = u64::from(ONE);
		let availability = u64::from(self.correct) * one / u64::from(self.probes);
		let mean_speed = self.speed_sum / u64::from(self.correct);
		let share = u64::from(params.latency_share);
		let quality = (one - share) + share * mean_speed / one;
		Some((availability * quality / one) as Ppm)
	}
}

/// What the validator knows of one miner.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Entry<AccountId> {
	/// The hotkey holding the uid when it was scored.
	pub hotkey: AccountId,
	/// The score, ppm.
	pub score: Ppm,
	/// The first tempo in which the score may rise again after a wrong answer.
	pub banned_until: u32,
}

/// Why a score changed.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum Change {
	/// A new tempo's sample moved the EMA from `from` to `to`.
	Sampled {
		/// The uid.
		uid: Uid,
		/// The tempo's sample.
		sample: Ppm,
		/// The score before.
		from: Ppm,
		/// The score after.
		to: Ppm,
	},
	/// A wrong answer zeroed the score until tempo `until`.
	Penalised {
		/// The uid.
		uid: Uid,
		/// The first tempo it may rise again.
		until: u32,
	},
	/// Another hotkey holds the uid now (or it is new): its score starts at zero.
	Reset {
		/// The uid.
		uid: Uid,
	},
	/// The uid left the subnet.
	Dropped {
		/// The uid.
		uid: Uid,
	},
}

/// Every miner's score, by uid.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Scoreboard<AccountId> {
	/// The entries.
	pub entries: BTreeMap<Uid, Entry<AccountId>>,
}

impl<AccountId> Default for Scoreboard<AccountId> {
	fn default() -> Self {
		Self { entries: BTreeMap::new() }
	}
}

impl<AccountId: Clone + PartialEq> Scoreboard<AccountId> {
	/// Brings the board in line with the subnet's miners: a new or replaced uid starts
	/// at zero, a uid no longer present is dropped.
	pub fn sync(&mut self, miners: &[(Uid, AccountId)]) -> Vec<Change> {
		let mut changes = Vec::new();
		let present: BTreeMap<Uid, &AccountId> = miners.iter().map(|(u, h)| (*u, h)).collect();
		self.entries.retain(|uid, _| {
			let keep = present.contains_key(uid);
			if !keep {
				changes.push(Change::Dropped { uid: *uid });
			}
			keep
		});
		for (uid, hotkey) in present {
			match self.entries.get(&uid) {
				Some(e) if e.hotkey == *hotkey => {},
				_ => {
					self.entries.insert(uid, Entry { hotkey: hotkey.clone(), score: 0, banned_until: 0 });
					changes.push(Change::Reset { uid });
				},
			}
		}
		changes
	}

	/// Closes `tempo`: every uid with a tally gets its sample (module docs).
	pub fn close_tempo(&mut self, tempo: u32, tallies: &BTreeMap<Uid, Tally>, params: &ScoreParams) -> Vec<Change> {
		let mut changes = Vec::new();
		for (uid, tally) in tallies {
			let Some(entry) = self.entries.get_mut(uid) else { continue };
			if tally.wrong > 0 {
				changes.push(penalise(*uid, entry, tempo, params));
				continue;
			}
			let Some(sample) = tally.sample(params) else { continue };
			let from = entry.score;
			let to = if tempo < entry.banned_until { 0 } else { ema(from, sample, params.alpha) };
			entry.score = to;
			changes.push(Change::Sampled { uid: *uid, sample, from, to });
		}
		changes
	}

	/// A wrong answer of `uid` proven (on chain, by anyone) during `tempo`.
	pub fn proven_wrong(&mut self, uid: Uid, tempo: u32, params: &ScoreParams) -> Option<Change> {
		self.entries.get_mut(&uid).map(|entry| penalise(uid, entry, tempo, params))
	}

	/// The score of `uid` (0 when unknown).
	pub fn score(&self, uid: Uid) -> Ppm {
		self.entries.get(&uid).map_or(0, |e| e.score)
	}
}

fn penalise<AccountId>(uid: Uid, entry: &mut Entry<AccountId>, tempo: u32, params: &ScoreParams) -> Change {
	let until = tempo.saturating_add(1).saturating_add(params.penalty_tempos);
	entry.score = 0;
	entry.banned_until = entry.banned_until.max(until);
	Change::Penalised { uid, until: entry.banned_until }
}

/// `(alpha × sample + (1 - alpha) × score) / 1`, ppm, rounded down.
pub fn ema(score: Ppm, sample: Ppm, alpha: Ppm) -> Ppm {
	let one = u64::from(ONE);
	let alpha = u64::from(alpha.min(ONE));
	((alpha * u64::from(sample.min(ONE)) + (one - alpha) * u64::from(score.min(ONE))) / one) as Ppm
}

#[cfg(test)]
mod tests {
	use super::*;

	fn p() -> ScoreParams {
		ScoreParams::default()
	}

	fn tally(outcomes: &[Outcome]) -> Tally {
		let mut t = Tally::default();
		for o in outcomes {
			t.record(o, &p());
		}
		t
	}

	#[test]
	fn speed_is_full_to_the_target_then_falls_linearly_to_the_deadline() {
		let p = p();
		assert_eq!(p.speed(0), Some(ONE));
		assert_eq!(p.speed(500), Some(ONE));
		assert_eq!(p.speed(2_750), Some(500_000));
		assert_eq!(p.speed(4_999), Some(222));
		assert_eq!(p.speed(5_000), None);
	}

	#[test]
	fn samples_weigh_availability_then_latency() {
		let fast = Outcome::Correct { latency_ms: 100 };
		let slow = Outcome::Correct { latency_ms: 2_750 };
		assert_eq!(tally(&[fast.clone(), fast.clone()]).sample(&p()), Some(ONE));
		// Half the speed costs half the latency share: 1 - 0.2 × 0.5.
		assert_eq!(tally(&[slow.clone(), slow]).sample(&p()), Some(900_000));
		// One of two unanswered: availability 0.5.
		assert_eq!(tally(&[fast.clone(), Outcome::Unavailable]).sample(&p()), Some(500_000));
		assert_eq!(tally(&[fast.clone(), Outcome::Refused]).sample(&p()), Some(500_000));
		// Late is unavailable.
		assert_eq!(tally(&[fast.clone(), Outcome::Correct { latency_ms: 9_000 }]).sample(&p()), Some(500_000));
		assert_eq!(tally(&[Outcome::Unavailable]).sample(&p()), Some(0));
		assert_eq!(tally(&[fast.clone(), Outcome::Wrong]).sample(&p()), Some(0));
		assert_eq!(Tally::default().sample(&p()), None);
		// What the validator could not re-run is not counted either way.
		assert_eq!(tally(&[fast, Outcome::Unverified]).sample(&p()), Some(ONE));
		assert_eq!(tally(&[Outcome::Unverified]).sample(&p()), None);
	}

	#[test]
	fn an_honest_newcomer_climbs_by_the_ema_and_a_silent_one_decays() {
		let mut board = Scoreboard::<u8>::default();
		assert_eq!(board.sync(&[(0, 10), (1, 11)]), vec![Change::Reset { uid: 0 }, Change::Reset { uid: 1 }]);
		let perfect = tally(&[Outcome::Correct { latency_ms: 1 }]);
		let offline = tally(&[Outcome::Unavailable]);
		let mut honest = Vec::new();
		let mut silent = Vec::new();
		board.entries.get_mut(&1).unwrap().score = ONE;
		for tempo in 0..4 {
			board.close_tempo(tempo, &BTreeMap::from([(0, perfect), (1, offline)]), &p());
			honest.push(board.score(0));
			silent.push(board.score(1));
		}
		assert_eq!(honest, vec![300_000, 510_000, 657_000, 759_900]);
		assert_eq!(silent, vec![700_000, 490_000, 343_000, 240_100]);
	}

	#[test]
	fn a_wrong_answer_zeroes_the_score_for_the_penalty_then_it_climbs_again() {
		let params = ScoreParams { penalty_tempos: 2, ..p() };
		let mut board = Scoreboard::<u8>::default();
		board.sync(&[(3, 7)]);
		board.entries.get_mut(&3).unwrap().score = 800_000;
		let wrong = tally(&[Outcome::Correct { latency_ms: 1 }, Outcome::Wrong]);
		let perfect = tally(&[Outcome::Correct { latency_ms: 1 }]);
		assert_eq!(
			board.close_tempo(10, &BTreeMap::from([(3, wrong)]), &params),
			vec![Change::Penalised { uid: 3, until: 13 }]
		);
		assert_eq!(board.score(3), 0);
		for tempo in 11..13 {
			board.close_tempo(tempo, &BTreeMap::from([(3, perfect)]), &params);
			assert_eq!(board.score(3), 0, "tempo {tempo} is inside the penalty");
		}
		board.close_tempo(13, &BTreeMap::from([(3, perfect)]), &params);
		assert_eq!(board.score(3), 300_000);
		// Proven wrong on chain by someone else: the same.
		assert_eq!(board.proven_wrong(3, 20, &params), Some(Change::Penalised { uid: 3, until: 23 }));
		assert_eq!(board.score(3), 0);
		assert_eq!(board.proven_wrong(9, 20, &params), None);
	}

	#[test]
	fn a_replaced_uid_starts_from_zero_and_a_gone_uid_is_dropped() {
		let mut board = Scoreboard::<u8>::default();
		board.sync(&[(0, 1), (1, 2)]);
		board.entries.get_mut(&0).unwrap().score = 900_000;
		board.entries.get_mut(&1).unwrap().score = 900_000;
		assert_eq!(board.sync(&[(0, 1), (1, 2)]), vec![]);
		assert_eq!(board.sync(&[(0, 5)]), vec![Change::Dropped { uid: 1 }, Change::Reset { uid: 0 }]);
		assert_eq!((board.score(0), board.entries.len()), (0, 1));
	}

	#[test]
	fn bad_parameters_are_named() {
		assert_eq!(ScoreParams { alpha: 0, ..p() }.check(), Err("alpha must be in (0, 1]"));
		assert_eq!(ScoreParams { latency_share: ONE + 1, ..p() }.check(), Err("latency_share must be at most 1"));
		assert_eq!(
			ScoreParams { latency_target_ms: 5_000, ..p() }.check(),
			Err("latency_target_ms must be below deadline_ms")
		);
		assert_eq!(p().check(), Ok(()));
	}
}
