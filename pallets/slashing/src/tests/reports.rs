//! Reports: de-duplication, merging, governance reports and cancellation.

use super::*;

#[test]
fn a_report_is_applied_after_the_window_paying_the_reporter_and_burning_the_rest() {
	build_and_execute(|| {
		staked();
		let id = Slashing::report(OffenceKind::WrongResult, HOT_A, JOB, Some(REPORTER), None).expect("reported");
		assert!(Slashing::is_pending(&HOT_A));
		assert!(slashing_events().contains(&Event::OffenceReported {
			id,
			kind: OffenceKind::WrongResult,
			offender: HOT_A,
			subject: JOB,
			fraction: Perbill::from_percent(10),
			at_most: None,
			apply_at: 1 + WINDOW,
		}));
		run_to(WINDOW);
		assert_eq!(Staking::hotkey_stake(&HOT_A), 20_000, "nothing before the window ends");
		let issuance = Balances::total_issuance();
		run_to(1 + WINDOW);
		// 10 % of 20_000 = 2_000: 20 % (400) to the reporter, 1_600 burned.
		assert_eq!(Staking::hotkey_stake(&HOT_A), 18_000);
		assert_eq!(Balances::balance(&REPORTER), 1_000 + 400);
		assert_eq!(Balances::total_issuance(), issuance - 1_600);
		assert!(slashing_events().contains(&Event::SlashApplied {
			id,
			offender: HOT_A,
			amount: 2_000,
			to_reporter: 400,
			burned: 1_600,
		}));
		assert!(!Slashing::is_pending(&HOT_A));
		assert!(Pending::<Test>::get(id).is_none());
	});
}

#[test]
fn governance_can_cancel_until_the_block_before_application() {
	build_and_execute(|| {
		staked();
		let id = Slashing::report(OffenceKind::LeaseDefault, HOT_A, LEASE, Some(REPORTER), None).expect("reported");
		run_to(WINDOW);
		assert_noop!(Slashing::cancel_slash(RuntimeOrigin::signed(ALICE), id), DispatchError::BadOrigin);
		assert_ok!(Slashing::cancel_slash(RuntimeOrigin::root(), id));
		assert!(slashing_events().contains(&Event::SlashCancelled { id, offender: HOT_A }));
		assert!(Scheduled::<Test>::get(1 + WINDOW).is_empty());
		assert!(!Slashing::is_pending(&HOT_A));
		run_to(2 + WINDOW);
		assert_eq!(Staking::hotkey_stake(&HOT_A), 20_000, "a cancelled slash takes nothing");
		assert_noop!(Slashing::cancel_slash(RuntimeOrigin::root(), id), Error::<Test>::UnknownSlash);
		// The same report cannot come back.
		assert_noop!(
			Slashing::report(OffenceKind::LeaseDefault, HOT_A, LEASE, None, None),
			Error::<Test>::DuplicateReport
		);
	});
}

#[test]
fn double_reports_are_refused_and_reports_in_one_span_take_the_largest_fraction() {
	build_and_execute(|| {
		staked();
		let id = Slashing::report(OffenceKind::LeaseDefault, HOT_A, JOB, Some(REPORTER), None).expect("reported");
		assert_noop!(
			Slashing::report(OffenceKind::LeaseDefault, HOT_A, JOB, Some(BOB), None),
			Error::<Test>::DuplicateReport
		);
		// Another kind merges into the offender's pending slash: 20 % > 5 %, not 25 %.
		assert_eq!(Slashing::report(OffenceKind::FalseAttestation, HOT_A, JOB, None, None), Ok(id));
		assert_eq!(Pending::<Test>::get(id).map(|s| s.fraction), Some(Perbill::from_percent(20)));
		// A smaller one keeps the larger.
		assert_eq!(Slashing::report(OffenceKind::WrongResult, HOT_A, JOB, None, None), Ok(id));
		assert_eq!(Pending::<Test>::get(id).map(|s| s.fraction), Some(Perbill::from_percent(20)));
		assert_eq!(PendingOf::<Test>::get(HOT_A), Some(id));
		assert_eq!(Pending::<Test>::get(id).map(|s| s.kind), Some(OffenceKind::FalseAttestation));
		run_to(1 + WINDOW);
		assert_eq!(Staking::hotkey_stake(&HOT_A), 16_000);
	});
}

#[test]
fn governance_reports_bring_their_fraction_within_the_cap() {
	build_and_execute(|| {
		staked();
		assert_noop!(
			Slashing::report_offence(RuntimeOrigin::signed(ALICE), HOT_A, JOB, Perbill::from_percent(5)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Slashing::report_offence(RuntimeOrigin::root(), HOT_A, JOB, Perbill::from_percent(51)),
			Error::<Test>::FractionTooHigh
		);
		assert_ok!(Slashing::report_offence(RuntimeOrigin::root(), HOT_A, JOB, Perbill::from_percent(50)));
		run_to(1 + WINDOW);
		assert_eq!(Staking::hotkey_stake(&HOT_A), 10_000);
	});
}

/// Every report ever made stayed in `Reported` for good, so the map grew with every
/// offence. A report is now forgotten `ReportMemory` blocks after it was made, by
/// `on_idle` in the block's spare weight, resuming where it stopped.
#[test]
fn old_reports_are_forgotten_in_spare_weight() {
	build_and_execute(|| {
		use crate::{weights::WeightInfo, PruneCursor, Reported};
		use frame_support::{traits::Hooks, weights::Weight};
		staked();
		for i in 0..5u8 {
			Slashing::report(OffenceKind::WrongResult, HOT_A, [i; 32], None, None).expect("reported");
		}
		let count = || Reported::<Test>::iter().count();
		assert_eq!(count(), 5);
		// Before their time nothing goes, however much weight is spare.
		assert!(Slashing::on_idle(REPORT_MEMORY, Weight::MAX).all_gt(Weight::zero()));
		assert_eq!(count(), 5);
		let now = 1 + REPORT_MEMORY;
		// No room for one step: nothing happens, nothing is charged.
		assert_eq!(Slashing::on_idle(now, <() as WeightInfo>::prune_reports(1) / 2), Weight::zero());
		assert_eq!(count(), 5);
		// Room for two entries: two go, and the walk remembers where it stopped.
		let two = <() as WeightInfo>::prune_reports(2);
		assert_eq!(Slashing::on_idle(now, two), two);
		assert_eq!(count(), 3);
		assert!(PruneCursor::<Test>::get().is_some());
		// The rest go next time; the walk ends and starts over afterwards.
		Slashing::on_idle(now, Weight::MAX);
		assert_eq!(count(), 0);
		assert!(PruneCursor::<Test>::get().is_none());
		// Once forgotten, the same subject can be reported again.
		assert!(Slashing::report(OffenceKind::WrongResult, HOT_A, [0; 32], None, None).is_ok());
	});
}
