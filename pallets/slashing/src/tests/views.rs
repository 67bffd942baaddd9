//! What the runtime API shows: slashes in their deferral window, soonest first.

use super::*;

#[test]
fn pending_slashes_are_listed_soonest_first_and_by_offender_until_applied() {
	build_and_execute(|| {
		staked();
		claim(ALICE, HOT_B);
		assert_ok!(Staking::add_stake(RuntimeOrigin::signed(ALICE), HOT_B, 10_000));
		assert_eq!(Slashing::pending_slashes(None), vec![]);
		let a = Slashing::report(OffenceKind::WrongResult, HOT_A, JOB, Some(REPORTER), None).expect("reported");
		run_to(3);
		let b = Slashing::report(OffenceKind::LeaseDefault, HOT_B, LEASE, None, None).expect("reported");
		let all = Slashing::pending_slashes(None);
		assert_eq!(all.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![a, b], "soonest first");
		assert_eq!(all[0].1, Pending::<Test>::get(a).expect("pending"));
		assert_eq!((all[1].1.offender, all[1].1.apply_at), (HOT_B, 3 + WINDOW));
		let only_b = Slashing::pending_slashes(Some(HOT_B));
		assert_eq!(only_b.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![b]);
		assert_eq!(Slashing::pending_slashes(Some(BOB)), vec![], "not an offender");
		run_to(1 + WINDOW);
		assert_eq!(Slashing::pending_slashes(None).iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![b], "a applied");
	});
}
