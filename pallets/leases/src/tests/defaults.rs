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

#[test]
fn a_result_proven_wrong_closes_the_lease_with_the_tenant_made_whole() {
	use hearth_primitives::LeaseDisputes;
	build_and_execute(|| {
		let (tenant0, p0) = (balance(TENANT), balance(P1));
		let id = lease(10, 1_000, 5_000);
		let parties = Leases::parties(id).expect("open");
		assert_eq!((parties.tenant, parties.provider, parties.netuid), (TENANT, P1, NETUID));
		let closes_at = OpenLeases::<Test>::get(id).unwrap().closes_at;
		run_to(5);
		assert_ok!(Leases::close_proven_wrong(id));
		// Blocks 1..5 served and paid (40, 4 burned); the rest of the escrow and the
		// whole bond to the tenant; no offence from this pallet (the challenger reports).
		assert_eq!(balance(TENANT), tenant0 - 40 + BOND);
		assert_eq!(balance(P1), p0 - BOND + 36);
		assert!(Offences::reports().is_empty());
		assert!(Leases::parties(id).is_none());
		assert!(!Deadlines::<Test>::get(closes_at).contains(&Deadline::Close(id)));
		assert!(lease_events()
			.iter()
			.any(|e| matches!(e, Event::LeaseClosed { reason: CloseReason::ProvenWrong, .. })));
		assert_noop!(Leases::close_proven_wrong(id), Error::<Test>::LeaseNotFound);
	});
}
