use super::*;
use proptest::prelude::*;

// Hearth's numbers (`hearth_primitives` owns the unit and the schedule; this crate
// knows neither): the tests check the schedule the chain runs.
const HTH: u128 = 10u128.pow(12);
const CAP: u128 = 21_000_000 * HTH;
const HALF: u128 = HTH / 2;
const HEARTH: Schedule = match Schedule::new(CAP, HALF) {
	Ok(s) => s,
	Err(_) => panic!("Hearth's schedule is valid"),
};

fn threshold(k: u32) -> u128 {
	CAP - (CAP >> k)
}

#[test]
fn hearth_schedule_is_the_designed_one() {
	let s = HEARTH;
	assert_eq!(s.cap(), CAP);
	assert_eq!(s.reward(0), HALF);
	// 0.5 HTH at 6 s blocks is 7,200 HTH a day.
	assert_eq!(s.reward(0) * 14_400, 7_200 * HTH);
	assert_eq!(threshold(1), 10_500_000 * HTH);
	assert_eq!(threshold(2), 15_750_000 * HTH);
	assert_eq!(threshold(3), 18_375_000 * HTH);
}

#[test]
fn reward_halves_exactly_at_each_threshold() {
	let s = HEARTH;
	let mut k = 1;
	while HALF >> (k - 1) > 0 {
		let t = threshold(k);
		assert_eq!(s.reward(t - 1), HALF >> (k - 1), "one unit before halving {k}");
		assert_eq!(s.reward(t), HALF >> k, "at halving {k}");
		assert_eq!(s.reward(t + 1), HALF >> k, "one unit after halving {k}");
		assert_eq!(s.halvings(t - 1), Some(k - 1));
		assert_eq!(s.halvings(t), Some(k));
		k += 1;
	}
	// 0.5 HTH = 5e11 < 2^39: the 39th halving is the first with a zero reward.
	assert_eq!(k, 40);
	assert_eq!(s.reward(threshold(39)), 0);
	assert_eq!(s.reward(threshold(39) - 1), 1);
}

#[test]
fn zero_at_and_past_the_cap() {
	let s = HEARTH;
	assert_eq!(s.reward(CAP), 0);
	assert_eq!(s.reward(CAP + 1), 0);
	assert_eq!(s.reward(u128::MAX), 0);
	assert_eq!(s.halvings(CAP), None);
	assert_eq!(s.next_halving_at(CAP), None);
	let p = s.position(CAP);
	assert_eq!((p.reward, p.next_halving_at, p.blocks_to_next_halving), (0, None, None));
	// Just below the cap the quotient is huge and the reward long zero.
	assert_eq!(s.reward(CAP - 1), 0);
}

#[test]
fn position_counts_blocks_to_the_next_halving() {
	let s = HEARTH;
	let p = s.position(0);
	assert_eq!(p.reward, HALF);
	assert_eq!(p.halvings, 0);
	assert_eq!(p.next_halving_at, Some(10_500_000 * HTH));
	// 10.5M HTH at 0.5 HTH a block: 21M blocks (about four years at 6 s).
	assert_eq!(p.blocks_to_next_halving, Some(21_000_000));
	// A partial block rounds up: one unit short of a whole block still needs a block.
	let p = s.position(threshold(1) - HALF - 1);
	assert_eq!(p.blocks_to_next_halving, Some(2));
	let p = s.position(threshold(1) - HALF);
	assert_eq!(p.blocks_to_next_halving, Some(1));
	let p = s.position(threshold(1));
	assert_eq!((p.reward, p.halvings, p.next_halving_at), (HALF / 2, 1, Some(threshold(2))));
}

#[test]
fn refuses_meaningless_schedules() {
	assert_eq!(Schedule::new(0, 1), Err(ScheduleError::ZeroCap));
	assert_eq!(Schedule::new(10, 0), Err(ScheduleError::ZeroReward));
	assert_eq!(Schedule::new(10, 11), Err(ScheduleError::RewardAboveCap));
}

#[test]
fn hearth_total_emission_stays_below_the_cap() {
	let total = HEARTH.total_after_all_blocks(0);
	assert!(total <= CAP);
	// Everything but what the integer halvings leave unminted: well under 1 HTH short.
	assert!(CAP - total < HTH, "{} units short of the cap", CAP - total);
}

/// Block by block, the slow truth the band-wise total must equal.
fn per_block_total(s: &Schedule, mut emitted: u128) -> u128 {
	loop {
		let r = s.reward(emitted);
		if r == 0 {
			return emitted;
		}
		emitted += r;
	}
}

proptest! {
	#[test]
	fn future_rewards_never_exceed_the_cap(emitted in 0u128..=CAP) {
		let s = HEARTH;
		let total = s.total_after_all_blocks(emitted);
		prop_assert!(total <= CAP);
		prop_assert!(total >= emitted);
	}

	#[test]
	fn small_schedules_agree_with_block_by_block(cap in 1u128..5_000, initial in 1u128..5_000, start in 0u128..5_000) {
		prop_assume!(initial <= cap);
		let s = Schedule::new(cap, initial).unwrap();
		let start = start % (cap + 1);
		let slow = per_block_total(&s, start);
		prop_assert!(slow <= cap);
		prop_assert_eq!(s.total_after_all_blocks(start), slow);
	}

	#[test]
	fn reward_never_increases(a in 0u128..=CAP, b in 0u128..=CAP) {
		let s = HEARTH;
		let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
		prop_assert!(s.reward(hi) <= s.reward(lo));
	}

	#[test]
	fn next_halving_is_where_the_reward_halves(emitted in 0u128..CAP) {
		let s = HEARTH;
		if let Some(at) = s.next_halving_at(emitted) {
			prop_assert!(at > emitted);
			prop_assert_eq!(s.halvings(at - 1), s.halvings(emitted));
			prop_assert_eq!(s.halvings(at), s.halvings(emitted).map(|h| h + 1));
		}
	}
}
