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
