//! Heartbeats and defaults: a silent provider refunds the tenant and is reported.

use super::*;

#[test]
fn missed_heartbeats_default_the_lease_refund_unserved_blocks_and_report() {
	build_and_execute(|| {
		let (tenant0, p0) = (balance(TENANT), balance(P1));
		let id = lease(10, 1_000, 5_000);
		run_to(6);
		assert_ok!(Leases::heartbeat(RuntimeOrigin::signed(P1)));
		// Grace: 3 intervals of 10 blocks after block 6.
		run_to(36);
		assert_noop!(Leases::report_default(RuntimeOrigin::signed(TENANT2), id), Error::<Test>::NotDefaulted);
		run_to(37);
		assert_ok!(Leases::report_default(RuntimeOrigin::signed(TENANT2), id));
		// Served blocks 1..6 only: 50 paid (5 burned); the bond goes to the tenant.
		assert_eq!(balance(TENANT), tenant0 - 50 + BOND);
		assert_eq!(balance(P1), p0 - BOND + 45);
		assert_eq!(Offences::reports().len(), 1);
		let (kind, offender, _, reporter) = Offences::reports()[0];
		assert_eq!((kind, offender, reporter), (OffenceKind::LeaseDefault, P1, Some(TENANT2)));
	});
}

#[test]
fn a_silent_provider_defaults_at_the_deadline_too() {
	build_and_execute(|| {
		let tenant0 = balance(TENANT);
		let id = lease(100, 50, 5_000);
		run_to(51);
		assert!(OpenLeases::<Test>::get(id).is_none());
		assert!(lease_events().iter().any(|e| matches!(e, Event::LeaseClosed { reason: CloseReason::Defaulted, .. })));
		// Never heartbeat: nothing served, everything and the bond back.
		assert_eq!(balance(TENANT), tenant0 + BOND);
		assert_eq!(Offences::reports()[0].3, None);
	});
}

#[test]
fn heartbeats_and_defaults_need_a_running_lease() {
	build_and_execute(|| {
		assert_noop!(Leases::heartbeat(RuntimeOrigin::signed(P1)), Error::<Test>::NoActiveLeases);
		assert_noop!(Leases::report_default(RuntimeOrigin::signed(TENANT), 7), Error::<Test>::LeaseNotFound);
		assert_noop!(Leases::withdraw(RuntimeOrigin::signed(P1), 7), Error::<Test>::LeaseNotFound);
		let id = lease(10, 100, 1_000);
		assert_noop!(Leases::withdraw(RuntimeOrigin::signed(TENANT), id), Error::<Test>::NotLeaseProvider);
	});
}
