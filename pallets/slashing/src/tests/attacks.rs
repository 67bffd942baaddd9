//! Attacks on slashing, each written as a test first (the economic-security review):
//! compounding a burst of reports, and reporting oneself for the reporter's share.

use super::*;

/// A provider's own sybils report it many times in one window, each report about a
/// different subject: before, every report was its own slash and they compounded
/// (0.9^6 of the pool). One slash per offender per span: the largest, once.
#[test]
fn a_burst_of_reports_is_one_slash_and_never_compounds() {
	build_and_execute(|| {
		staked();
		let first = Slashing::report(OffenceKind::WrongResult, HOT_A, [0; 32], Some(REPORTER)).expect("reported");
		for i in 1..6u8 {
			assert_eq!(Slashing::report(OffenceKind::WrongResult, HOT_A, [i; 32], Some(REPORTER)), Ok(first));
		}
		assert_eq!(Pending::<Test>::iter().count(), 1);
		run_to(1 + WINDOW);
		// 10 % once: 2_000 taken, 400 to the reporter.
		assert_eq!(Staking::hotkey_stake(&HOT_A), 18_000);
		assert_eq!(Balances::balance(&REPORTER), 1_000 + 400);
		// A new span starts after the slash: a later offence is slashed again.
		Slashing::report(OffenceKind::WrongResult, HOT_A, [9; 32], None).expect("new span");
		run_to(2 + 2 * WINDOW);
		assert_eq!(Staking::hotkey_stake(&HOT_A), 16_200);
	});
}

/// The offender, or the coldkey that owns it, reports the offence to collect the
/// reporter's share of its own slash (a discount on its punishment, paid partly by its
/// delegators). Nobody is paid: the whole slash is burned.
#[test]
fn the_offender_and_its_coldkey_are_never_paid_for_reporting_it() {
	for reporter in [HOT_A, ALICE] {
		build_and_execute(|| {
			staked();
			let before = Balances::balance(&reporter);
			let id = Slashing::report(OffenceKind::WrongResult, HOT_A, JOB, Some(reporter)).expect("reported");
			assert_eq!(Pending::<Test>::get(id).and_then(|s| s.reporter), None);
			run_to(1 + WINDOW);
			assert!(slashing_events().contains(&Event::SlashApplied {
				id,
				offender: HOT_A,
				amount: 2_000,
				to_reporter: 0,
				burned: 2_000,
			}));
			assert_eq!(Balances::balance(&reporter), before);
		});
	}
}

/// A third party is still paid.
#[test]
fn an_independent_reporter_is_paid() {
	build_and_execute(|| {
		staked();
		let id = Slashing::report(OffenceKind::WrongResult, HOT_A, JOB, Some(BOB)).expect("reported");
		assert_eq!(Pending::<Test>::get(id).and_then(|s| s.reporter), Some(BOB));
	});
}
