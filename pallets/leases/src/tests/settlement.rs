//! Settlement: what a lease pays block by block, top-ups, closing and refunds, to the unit.

use super::*;

#[test]
fn the_whole_lifecycle_pays_to_the_unit() {
	build_and_execute(|| {
		let (tenant0, p0) = (balance(TENANT), balance(P1));
		let id = lease(60, 100, 3_000);
		let l = OpenLeases::<Test>::get(id).unwrap();
		// 3000 / 60 = 50 blocks of escrow, less than the 100-block duration.
		assert_eq!((l.start, l.end, l.closes_at), (1, 101, 51));
		assert!(lease_events().contains(&Event::LeaseStarted {
			id,
			tenant: TENANT,
			provider: P1,
			price: 60,
			closes_at: 51
		}));
		run_to(11);
		// 10 blocks: 600 paid, 60 burned, 540 earned; the view sees it without a write.
		let view = Leases::lease_view(id).unwrap();
		assert_eq!((view.escrow_remaining, view.withdrawable, view.paid_blocks_left), (2_400, 540, 40));
		assert_ok!(Leases::withdraw(RuntimeOrigin::signed(P1), id));
		assert_eq!(balance(P1), p0 - BOND + 540);
		assert_eq!(Burn::total(), 60);
		// The tenant closes at block 21: 10 more blocks.
		run_to(21);
		assert_ok!(Leases::close_lease(RuntimeOrigin::signed(TENANT), id));
		assert_eq!(balance(TENANT), tenant0 - 20 * 60);
		assert_eq!(balance(P1), p0 + 20 * 54);
		assert_eq!(Burn::total(), 20 * 6);
		assert!(OpenLeases::<Test>::get(id).is_none());
		assert_eq!(Deadlines::<Test>::get(51).len(), 0, "the deadline is unscheduled");
		assert!(lease_events().contains(&Event::LeaseClosed {
			id,
			reason: CloseReason::ByTenant,
			refunded: 3_000 - 1_200,
			to_provider: 540 + BOND,
			bond_to_tenant: 0
		}));
		// Demand: 1080 earned fed the subnet's EMA.
		assert!(<Leases as hearth_primitives::SubnetDemand<Balance>>::demand(NETUID) > 0);
	});
}

#[test]
fn the_escrow_running_dry_closes_the_lease_on_chain() {
	build_and_execute(|| {
		let (tenant0, p0) = (balance(TENANT), balance(P1));
		let id = lease(60, 100, 1_000);
		// 1000 / 60 = 16 whole blocks; it closes at block 17 with 40 left over.
		assert_eq!(OpenLeases::<Test>::get(id).unwrap().closes_at, 17);
		for b in 2..=16 {
			run_to(b);
			assert_ok!(Leases::heartbeat(RuntimeOrigin::signed(P1)));
		}
		run_to(17);
		assert!(OpenLeases::<Test>::get(id).is_none());
		assert!(lease_events()
			.iter()
			.any(|e| matches!(e, Event::LeaseClosed { reason: CloseReason::EscrowDrained, refunded: 40, .. })));
		assert_eq!(balance(TENANT), tenant0 - 16 * 60);
		assert_eq!(balance(P1), p0 + 16 * 54);
	});
}

#[test]
fn a_settlement_caps_at_the_escrow_and_a_top_up_reschedules() {
	build_and_execute(|| {
		let id = lease(60, 100, 1_000);
		// Top up at block 5: settled 4 blocks (240), escrow 760 + 600 = 1360 → 22 blocks more.
		run_to(5);
		assert_ok!(Leases::top_up(RuntimeOrigin::signed(TENANT), id, 600));
		let l = OpenLeases::<Test>::get(id).unwrap();
		assert_eq!((l.escrow, l.settled_at, l.closes_at), (1_360, 5, 27));
		assert!(Deadlines::<Test>::get(17).is_empty());
		assert!(lease_events().contains(&Event::ToppedUp { id, amount: 600, closes_at: 27 }));
		// A settlement never takes more than the escrow.
		let s = Leases::settlement(&l, 1_000);
		assert_eq!(s.paid, 1_360);
		assert_noop!(Leases::top_up(RuntimeOrigin::signed(TENANT), id, 0), Error::<Test>::ZeroAmount);
		assert_noop!(Leases::top_up(RuntimeOrigin::signed(TENANT2), id, 5), Error::<Test>::NotLeaseTenant);
	});
}

#[test]
fn a_top_up_after_expiry_and_a_heartbeat_after_close_are_refused() {
	build_and_execute(|| {
		let id = lease(100, 10, 1_000);
		run_to(11);
		assert!(OpenLeases::<Test>::get(id).is_none());
		assert!(lease_events().iter().any(|e| matches!(e, Event::LeaseClosed { reason: CloseReason::Ended, .. })));
		assert_noop!(Leases::top_up(RuntimeOrigin::signed(TENANT), id, 100), Error::<Test>::LeaseNotFound);
		assert_noop!(Leases::heartbeat(RuntimeOrigin::signed(P1)), Error::<Test>::NoActiveLeases);
		assert_noop!(Leases::withdraw(RuntimeOrigin::signed(P1), id), Error::<Test>::LeaseNotFound);
	});
}

#[test]
fn a_refund_below_the_existential_deposit_to_a_reaped_tenant_is_burned_not_stuck() {
	build_and_execute(|| {
		use frame_support::traits::{fungible::Mutate, tokens::Preservation};
		let o = offer(P1, 100);
		let id = NextId::<Test>::get();
		// 1005 deposit at 100 a block: 10 blocks, 5 left over.
		assert_ok!(Leases::open_order(
			RuntimeOrigin::signed(TENANT2),
			NETUID,
			needs(40, &[], 1),
			100,
			50,
			1_005,
			false
		));
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), id, o, 100));
		assert_ok!(Leases::accept_bid(RuntimeOrigin::signed(TENANT2), id, P1));
		// The tenant empties its account.
		let all = balance(TENANT2);
		assert_ok!(<Balances as Mutate<_>>::transfer(&TENANT2, &TENANT, all, Preservation::Expendable));
		for b in 2..=10 {
			run_to(b);
			assert_ok!(Leases::heartbeat(RuntimeOrigin::signed(P1)));
		}
		run_to(11);
		assert!(OpenLeases::<Test>::get(id).is_none(), "the lease closed at its deadline");
		assert!(lease_events().contains(&Event::DustBurned { who: TENANT2, amount: 5 }));
		assert_eq!(Burn::total(), 10 * 10 + 5);
	});
}

#[test]
fn closing_in_the_block_of_creation_refunds_everything() {
	build_and_execute(|| {
		let (tenant0, p0) = (balance(TENANT), balance(P1));
		let id = lease(60, 100, 3_000);
		assert_ok!(Leases::close_lease(RuntimeOrigin::signed(TENANT), id));
		assert_eq!(balance(TENANT), tenant0);
		assert_eq!(balance(P1), p0);
		assert_eq!(Burn::total(), 0);
	});
}

#[test]
fn a_provider_closing_early_forfeits_half_its_bond() {
	build_and_execute(|| {
		let (tenant0, p0) = (balance(TENANT), balance(P1));
		let id = lease(50, 100, 5_000);
		run_to(3);
		assert_noop!(Leases::close_lease(RuntimeOrigin::signed(P2), id), Error::<Test>::NotLeaseParty);
		assert_ok!(Leases::close_lease(RuntimeOrigin::signed(P1), id));
		assert_eq!(balance(TENANT), tenant0 - 100 + BOND / 2);
		assert_eq!(balance(P1), p0 + 90 - BOND / 2);
	});
}
