//! The halving schedule as the chain runs it.

use super::*;

#[test]
fn the_reward_halves_when_cumulative_emission_crosses_a_threshold() {
	// Emitted is set directly, so the supply identity does not hold here: no try_state.
	new_test_ext().execute_with(|| {
		System::set_block_number(1);
		Subnets::set(vec![(1, 1)]);
		let threshold = SCHEDULE.cap() / 2;
		Emitted::<Test>::put(threshold - REWARD - 1);
		run_to(2);
		assert_eq!(PendingEmission::<Test>::get(1), REWARD);
		assert_eq!(Emitted::<Test>::get(), threshold - 1);
		// One unit below the threshold the reward is still whole.
		run_to(3);
		assert_eq!(Emitted::<Test>::get(), threshold - 1 + REWARD);
		run_to(4);
		assert_eq!(Emitted::<Test>::get(), threshold - 1 + REWARD + REWARD / 2);
		// At the cap nothing more is minted.
		Emitted::<Test>::put(SCHEDULE.cap());
		let issuance = Balances::total_issuance();
		run_to(5);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

#[test]
fn the_schedule_reports_the_next_halving() {
	build_and_execute(|| {
		Subnets::set(vec![(1, 1)]);
		run_to(3);
		let info = Emissions::schedule_info();
		assert_eq!(info.cap, 21_000_000 * HTH);
		assert_eq!(info.reward, REWARD);
		assert_eq!(info.emitted, 2 * REWARD);
		assert_eq!(info.halvings, 0);
		assert_eq!(info.next_halving_at, Some(10_500_000 * HTH));
		assert_eq!(info.blocks_to_next_halving, Some(21_000_000 - 2));
		assert_eq!(info.pending, 2 * REWARD);
		assert_eq!(info.burned, 0);
	});
}
