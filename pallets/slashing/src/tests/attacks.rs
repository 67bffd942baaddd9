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
		let first = Slashing::report(OffenceKind::WrongResult, HOT_A, [0; 32], Some(REPORTER), None).expect("reported");
		for i in 1..6u8 {
			assert_eq!(Slashing::report(OffenceKind::WrongResult, HOT_A, [i; 32], Some(REPORTER), None), Ok(first));
		}
		assert_eq!(Pending::<Test>::iter().count(), 1);
		run_to(1 + WINDOW);
		// 10 % once: 2_000 taken, 400 to the reporter.
		assert_eq!(Staking::hotkey_stake(&HOT_A), 18_000);
		assert_eq!(Balances::balance(&REPORTER), 1_000 + 400);
		// A new span starts after the slash: a later offence is slashed again.
		Slashing::report(OffenceKind::WrongResult, HOT_A, [9; 32], None, None).expect("new span");
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
			let id = Slashing::report(OffenceKind::WrongResult, HOT_A, JOB, Some(reporter), None).expect("reported");
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
		let id = Slashing::report(OffenceKind::WrongResult, HOT_A, JOB, Some(BOB), None).expect("reported");
		assert_eq!(Pending::<Test>::get(id).and_then(|s| s.reporter), Some(BOB));
	});
}

/// A provider's pool of 20_000 is slashed 5 % (1_000) for defaulting a lease whose
/// tenant lost 300: the whole pool, delegators included, paid for a small harm. A
/// report that knows the harm caps the slash at it.
#[test]
fn a_slash_capped_at_the_harm_takes_no_more() {
	build_and_execute(|| {
		staked();
		let id = Slashing::report(OffenceKind::LeaseDefault, HOT_A, LEASE, None, Some(300)).expect("reported");
		run_to(1 + WINDOW);
		let taken = 20_000 - Staking::hotkey_stake(&HOT_A);
		assert!((299..=300).contains(&taken), "{taken}");
		assert!(slashing_events().iter().any(
			|e| matches!(e, Event::SlashApplied { id: applied, amount, .. } if *applied == id && *amount == taken)
		));
	});
}

/// Merging keeps the slash that takes more: a capped large fraction loses to an
/// uncapped smaller one that takes more, and the other way round.
#[test]
fn merging_keeps_the_slash_that_takes_more() {
	build_and_execute(|| {
		staked();
		// 5 % capped at 300 (takes 300), then 10 % uncapped (takes 2_000): the second.
		let id = Slashing::report(OffenceKind::LeaseDefault, HOT_A, LEASE, None, Some(300)).expect("reported");
		assert_eq!(Slashing::report(OffenceKind::WrongResult, HOT_A, JOB, None, None), Ok(id));
		assert_eq!(Pending::<Test>::get(id).map(|s| (s.fraction, s.at_most)), Some((Perbill::from_percent(10), None)));
		// 20 % capped at 100 takes less than 2_000: kept out.
		assert_eq!(Slashing::report(OffenceKind::FalseAttestation, HOT_A, [5; 32], None, Some(100)), Ok(id));
		assert_eq!(Pending::<Test>::get(id).map(|s| s.kind), Some(OffenceKind::WrongResult));
		run_to(1 + WINDOW);
		assert_eq!(Staking::hotkey_stake(&HOT_A), 18_000);
	});
}
