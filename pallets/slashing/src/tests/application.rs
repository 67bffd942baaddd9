//! Application: what a slash takes, when, and in how many per block.

use super::*;

#[test]
fn unbonding_stake_is_slashed_too() {
	build_and_execute(|| {
		staked();
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(BOB), HOT_A, 10_000));
		Slashing::report(OffenceKind::FalseAttestation, HOT_A, JOB, None, None).expect("reported");
		run_to(1 + WINDOW);
		assert_eq!(Staking::stake_of(&HOT_A, &ALICE), 8_000);
		assert_eq!(Staking::unbonding_of(&BOB).0, 8_000, "20 % of the unbonding funds too");
		run_to(1 + UNBONDING);
		assert_ok!(Staking::withdraw_unbonded(RuntimeOrigin::signed(BOB)));
		assert_eq!(Balances::balance(&BOB), 1_000_000 - 2_000);
	});
}

#[test]
fn an_offender_with_zero_stake_is_slashed_nothing() {
	build_and_execute(|| {
		let id = Slashing::report(OffenceKind::WrongResult, HOT_B, JOB, Some(REPORTER), None).expect("reported");
		run_to(1 + WINDOW);
		assert!(slashing_events().contains(&Event::SlashApplied {
			id,
			offender: HOT_B,
			amount: 0,
			to_reporter: 0,
			burned: 0
		}));
		assert_eq!(Balances::balance(&REPORTER), 1_000);
	});
}

#[test]
fn a_pending_slash_pins_stake_to_the_offender() {
	build_and_execute(|| {
		staked();
		claim(ALICE, HOT_B);
		Slashing::report(OffenceKind::WrongResult, HOT_A, JOB, None, None).expect("reported");
		assert_noop!(
			Staking::move_stake(RuntimeOrigin::signed(ALICE), HOT_A, HOT_B, 1_000),
			pallet_hearth_staking::Error::<Test>::SlashPending
		);
		run_to(1 + WINDOW);
		assert_ok!(Staking::move_stake(RuntimeOrigin::signed(ALICE), HOT_A, HOT_B, 1_000));
	});
}

#[test]
fn application_is_bounded_per_block_and_spills_to_later_blocks() {
	build_and_execute(|| {
		staked();
		// Two slashes fit in a block; the third goes to the next block; up to 3 blocks.
		// One slash per offender: six offenders fill the look-ahead.
		let offenders: Vec<AccountId> = (0..6).map(|i| HOT_A + 10 + i).collect();
		Slashing::report(OffenceKind::WrongResult, HOT_A, JOB, None, None).expect("room");
		for offender in &offenders[..5] {
			Slashing::report(OffenceKind::WrongResult, *offender, JOB, None, None).expect("room");
		}
		assert_noop!(
			Slashing::report(OffenceKind::WrongResult, offenders[5], JOB, None, None),
			Error::<Test>::ScheduleFull
		);
		// The offender already pending merges however full the queue is.
		assert_ok!(Slashing::report(OffenceKind::FalseAttestation, HOT_A, LEASE, None, None).map(|_| ()));
		assert_eq!(Scheduled::<Test>::get(1 + WINDOW).len(), 2);
		assert_eq!(Scheduled::<Test>::get(2 + WINDOW).len(), 2);
		assert_eq!(Scheduled::<Test>::get(3 + WINDOW).len(), 2);
		run_to(1 + WINDOW);
		assert!(!Slashing::is_pending(&HOT_A));
		assert_eq!(PendingOf::<Test>::iter().count(), 4);
		run_to(3 + WINDOW);
		assert_eq!(PendingOf::<Test>::iter().count(), 0);
		// One slash, at the largest fraction reported in the span (20 %).
		assert_eq!(Staking::hotkey_stake(&HOT_A), 16_000);
	});
}
