//! Attacks on leases, each written as a test first (the economic-security review).

use super::*;

/// A full slashing queue made a default's offence vanish: the lease was closed and the
/// report's failure swallowed. Now the default waits: the lease stays open and in
/// default until slashing can take the offence.
#[test]
fn a_full_slash_queue_never_loses_a_lease_default() {
	build_and_execute(|| {
		let id = lease(10, 1_000, 5_000);
		run_to(40);
		Offences::refuse(true);
		assert_noop!(
			Leases::report_default(RuntimeOrigin::signed(TENANT2), id),
			DispatchError::Other("the slashing queue is full")
		);
		assert!(OpenLeases::<Test>::get(id).is_some(), "still open, still in default");
		Offences::refuse(false);
		assert_ok!(Leases::report_default(RuntimeOrigin::signed(TENANT2), id));
		assert_eq!(Offences::reports().len(), 1);
		assert!(OpenLeases::<Test>::get(id).is_none());
	});
}

/// The same at the deadline: the hook cannot default the lease while slashing refuses,
/// so it stays open (and says so) and tries again one heartbeat interval later.
#[test]
fn a_default_at_the_deadline_waits_for_room_in_the_slash_queue() {
	build_and_execute(|| {
		let id = lease(100, 50, 5_000);
		Offences::refuse(true);
		run_to(51);
		assert!(OpenLeases::<Test>::get(id).is_some());
		// (Events are stored encoded: the error's message does not survive.)
		assert!(lease_events()
			.iter()
			.any(|e| matches!(e, Event::CloseFailed { id: failed, retry_at: Some(61), .. } if *failed == id)));
		assert!(Offences::reports().is_empty());
		// Still refused at the retry: it moves on again.
		run_to(61);
		assert_eq!(OpenLeases::<Test>::get(id).map(|l| l.closes_at), Some(71));
		Offences::refuse(false);
		run_to(71);
		assert!(OpenLeases::<Test>::get(id).is_none());
		assert_eq!(Offences::reports().len(), 1);
	});
}

/// The tenant (or the provider itself) reports the default to collect the reporter's
/// share of the provider's slash on top of the refund: the tenant's loss is refunded
/// by the default, so neither party is named as a paid reporter.
#[test]
fn a_party_to_the_lease_is_not_paid_for_reporting_its_default() {
	for reporter in [TENANT, P1] {
		build_and_execute(|| {
			let id = lease(10, 1_000, 5_000);
			run_to(40);
			assert_ok!(Leases::report_default(RuntimeOrigin::signed(reporter), id));
			let (kind, offender, _, paid) = Offences::reports()[0];
			assert_eq!((kind, offender, paid), (OffenceKind::LeaseDefault, P1, None));
		});
	}
}

/// A provider that never served (no heartbeat) withdraws pay for every block since the
/// start: before, settlement ran to the current block. Now a lease in default pays
/// nothing more and its withdrawals are refused.
#[test]
fn a_silent_provider_cannot_withdraw_pay_for_blocks_it_never_served() {
	build_and_execute(|| {
		let id = lease(10, 1_000, 5_000);
		run_to(100);
		assert_noop!(Leases::withdraw(RuntimeOrigin::signed(P1), id), Error::<Test>::LeaseInDefault);
		assert_noop!(Leases::top_up(RuntimeOrigin::signed(TENANT), id, 100), Error::<Test>::LeaseInDefault);
		// Closing it, by either party, is the default: the tenant has everything back
		// and the whole bond.
		let tenant0 = balance(TENANT);
		assert_ok!(Leases::close_lease(RuntimeOrigin::signed(P1), id));
		assert_eq!(balance(TENANT), tenant0 + 5_000 + BOND);
		assert_eq!(Offences::reports().len(), 1);
		assert_eq!(Offences::reports()[0].3, None, "nobody is paid for it");
	});
}

/// One late heartbeat forgave any gap: the provider went silent for longer than the
/// grace, came back, and the lease could no longer be reported. Now the gap stands.
#[test]
fn a_heartbeat_after_the_grace_does_not_revive_a_defaulted_lease() {
	build_and_execute(|| {
		let (tenant0, p0) = (balance(TENANT), balance(P1));
		let id = lease(10, 1_000, 5_000);
		run_to(6);
		assert_ok!(Leases::heartbeat(RuntimeOrigin::signed(P1)));
		// Silent from 6 to 50: the grace (30) ran out at 36.
		run_to(50);
		assert_ok!(Leases::heartbeat(RuntimeOrigin::signed(P1)));
		assert_ok!(Leases::report_default(RuntimeOrigin::signed(TENANT2), id));
		// Paid for blocks 1..6 only, as if it had been reported at 37.
		assert_eq!(balance(TENANT), tenant0 - 50 + BOND);
		assert_eq!(balance(P1), p0 - BOND + 45);
	});
}

/// A lease that starts after the provider's gap is not touched by it.
#[test]
fn a_gap_before_a_lease_started_does_not_default_it() {
	build_and_execute(|| {
		let first = lease(10, 1_000, 5_000);
		run_to(6);
		assert_ok!(Leases::heartbeat(RuntimeOrigin::signed(P1)));
		run_to(40);
		// The first lease is in default; a second one starts now.
		let o = offer(P1, 10);
		let second = order(1_000, 5_000, false);
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), second, o, 10));
		assert_ok!(Leases::accept_bid(RuntimeOrigin::signed(TENANT), second, P1));
		run_to(50);
		assert_ok!(Leases::heartbeat(RuntimeOrigin::signed(P1)));
		run_to(60);
		assert_noop!(Leases::report_default(RuntimeOrigin::signed(TENANT2), second), Error::<Test>::NotDefaulted);
		assert_ok!(Leases::report_default(RuntimeOrigin::signed(TENANT2), first));
		assert_ok!(Leases::withdraw(RuntimeOrigin::signed(P1), second));
	});
}

/// A default's slash was 5 % of the provider's whole pool whatever the lease: a tiny
/// lease defaulted on purpose cost delegators a large slash (and paid a sybil reporter
/// half of it). The report now caps the slash at the tenant's loss: the bond and the
/// unserved blocks.
#[test]
fn a_default_is_slashed_by_the_tenants_loss_not_the_pool() {
	build_and_execute(|| {
		let id = lease(10, 1_000, 5_000);
		run_to(6);
		assert_ok!(Leases::heartbeat(RuntimeOrigin::signed(P1)));
		run_to(40);
		assert_ok!(Leases::report_default(RuntimeOrigin::signed(TENANT2), id));
		// Alive at 6, reported at 40: 34 unserved blocks at 10, plus the bond.
		assert_eq!(Offences::last_cap(), Some(BOND + 34 * 10));
	});
}

/// A provider going silent had until the report (the end of the grace) to unbond its
/// stake. Its offence is open from the first missed interval: staking asks, and keeps
/// the stake in place.
#[test]
fn a_silent_provider_has_an_open_offence_from_its_first_missed_interval() {
	use hearth_primitives::PendingSlash;
	build_and_execute(|| {
		assert!(!Leases::is_pending(&P1), "no lease, no offence");
		let id = lease(10, 1_000, 5_000);
		assert!(Leases::is_pending(&P1), "no heartbeat yet");
		run_to(6);
		assert_ok!(Leases::heartbeat(RuntimeOrigin::signed(P1)));
		assert!(!Leases::is_pending(&P1));
		// The interval is 10 blocks: open from block 17, long before the grace ends (37).
		run_to(16);
		assert!(!Leases::is_pending(&P1));
		run_to(17);
		assert!(Leases::is_pending(&P1));
		assert_ok!(Leases::close_lease(RuntimeOrigin::signed(TENANT), id));
		assert!(!Leases::is_pending(&P1), "settled with its last lease");
	});
}

/// An order on a netuid with no subnet was accepted: its deposit sat in escrow with no
/// miner able to bid, and it counted nowhere.
#[test]
fn an_order_on_a_subnet_that_does_not_exist_is_refused() {
	build_and_execute(|| {
		let tenant0 = balance(TENANT);
		assert_noop!(
			Leases::open_order(RuntimeOrigin::signed(TENANT), NETUID + 1, needs(40, &[], 4), 100, 10, 5_000, false),
			Error::<Test>::UnknownSubnet
		);
		assert_eq!(balance(TENANT), tenant0);
	});
}

/// A subnet's paid demand outlived it: the next subnet created on the same netuid
/// inherited a share of emission it never earned.
#[test]
fn demand_goes_with_a_dissolved_subnet() {
	use hearth_primitives::{OnSubnetDissolved, SubnetDemand};
	build_and_execute(|| {
		let id = lease(100, 1_000, 50_000);
		run_to(6);
		assert_ok!(Leases::heartbeat(RuntimeOrigin::signed(P1)));
		assert_ok!(Leases::withdraw(RuntimeOrigin::signed(P1), id));
		assert!(Leases::demand(NETUID) > 0);
		// The take burned is tracked beside it (emissions caps demand by it), on the
		// same scale: a 10 % take against 90 % earned.
		assert_eq!(Leases::burned(NETUID), Leases::demand(NETUID) / 9);
		Leases::on_dissolved(NETUID);
		assert_eq!(Leases::demand(NETUID), 0);
		assert_eq!(Leases::burned(NETUID), 0);
		assert!(!Demand::<Test>::contains_key(NETUID) && !BurnRate::<Test>::contains_key(NETUID));
	});
}

/// A tenant waited until a bidder had long gone offline, accepted its old bid and
/// collected its bond when the lease defaulted. A bid can be accepted for
/// `BidLifetime` blocks only.
#[test]
fn a_stale_bid_cannot_be_accepted() {
	build_and_execute(|| {
		let o = offer(P1, 10);
		let id = order(1_000, 5_000, false);
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), id, o, 10));
		run_to(1 + crate::mock::BID_LIFETIME + 1);
		assert_noop!(Leases::accept_bid(RuntimeOrigin::signed(TENANT), id, P1), Error::<Test>::BidExpired);
		// Its provider takes it back, bond included.
		let p1 = balance(P1);
		assert_ok!(Leases::withdraw_bid(RuntimeOrigin::signed(P1), id));
		assert_eq!(balance(P1), p1 + BOND);
		assert_eq!(OpenBids::<Test>::get(P1), 0);
	});
}

/// Acceptance did not look again at the bidder: an offer removed, or stake gone, and
/// the tenant could still start a lease the provider cannot serve.
#[test]
fn acceptance_rechecks_that_the_bidder_still_qualifies() {
	build_and_execute(|| {
		let o = offer(P1, 10);
		let id = order(1_000, 5_000, false);
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), id, o, 10));
		assert_ok!(Leases::remove_offer(RuntimeOrigin::signed(P1), o));
		assert_noop!(Leases::accept_bid(RuntimeOrigin::signed(TENANT), id, P1), Error::<Test>::ProviderIneligible);
	});
}

/// Manual orders never expired: a bid placed on one stayed exposed forever. After
/// `OrderLifetime` the order cannot be accepted, and anyone may cancel it: the deposit
/// and the bonds go back.
#[test]
fn a_manual_order_expires_and_anyone_may_clear_it() {
	build_and_execute(|| {
		let o = offer(P1, 10);
		let id = order(1_000, 5_000, false);
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), id, o, 10));
		assert_noop!(Leases::cancel_order(RuntimeOrigin::signed(TENANT2), id), Error::<Test>::NotOrderTenant);
		run_to(1 + crate::mock::ORDER_LIFETIME);
		assert_noop!(Leases::accept_bid(RuntimeOrigin::signed(TENANT), id, P1), Error::<Test>::OrderExpired);
		let (tenant0, p1) = (balance(TENANT), balance(P1));
		assert_ok!(Leases::cancel_order(RuntimeOrigin::signed(TENANT2), id));
		assert_eq!(balance(TENANT), tenant0 + 5_000);
		assert_eq!(balance(P1), p1 + BOND);
	});
}

/// A provider's bonds at stake in bids are bounded: `MaxOpenBids` at a time.
#[test]
fn a_providers_bond_exposure_is_bounded() {
	build_and_execute(|| {
		let o = offer(P1, 10);
		let orders: Vec<OrderId> = (0..=crate::mock::MAX_OPEN_BIDS).map(|_| order(1_000, 5_000, false)).collect();
		for id in &orders[..crate::mock::MAX_OPEN_BIDS as usize] {
			assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), *id, o, 10));
		}
		let last = orders[crate::mock::MAX_OPEN_BIDS as usize];
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), last, o, 10), Error::<Test>::TooManyOpenBids);
		// Withdrawing one frees a slot.
		assert_ok!(Leases::withdraw_bid(RuntimeOrigin::signed(P1), orders[0]));
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), last, o, 10));
	});
}

/// The deadline queue could be filled with orders of tiny deposits (about a
/// milli-HTH of fees each), so that honest awards, top-ups and closes found no room.
/// Every order now locks at least `MinOrderDeposit` for as long as it holds its slot.
#[test]
fn filling_the_deadline_queue_locks_a_deposit_per_slot() {
	build_and_execute(|| {
		let tiny = crate::mock::MIN_ORDER_DEPOSIT - 1;
		assert_noop!(
			Leases::open_order(RuntimeOrigin::signed(TENANT), NETUID, needs(40, &[], 4), 1, 10, tiny, true),
			Error::<Test>::DepositTooSmall
		);
		assert_ok!(Leases::open_order(
			RuntimeOrigin::signed(TENANT),
			NETUID,
			needs(40, &[], 4),
			1,
			10,
			crate::mock::MIN_ORDER_DEPOSIT,
			true
		));
	});
}

/// The hook charged every due deadline as a close, but an award pays back up to 15
/// bonds and schedules a close: a block of awards cost far more than charged. Each
/// award is now charged `accept_bid` (the same work, measured with a full order).
#[test]
fn awards_in_the_hook_are_charged_as_what_they_cost() {
	use crate::weights::WeightInfo;
	use frame_support::traits::Hooks;
	build_and_execute(|| {
		let o = offer(P1, 10);
		let ids = [order(1_000, 5_000, true), order(1_000, 5_000, true)];
		for id in ids {
			assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), id, o, 10));
		}
		let due = 1 + crate::mock::BID_WINDOW;
		System::set_block_number(due);
		let used = Leases::on_initialize(due);
		assert!(ids.iter().all(OpenLeases::<Test>::contains_key), "both awarded");
		let awards = <() as WeightInfo>::accept_bid().saturating_mul(2);
		assert!(used.all_gte(awards), "{used:?} charged for two awards of {awards:?}");
	});
}

/// `withdraw_bid`'s and `bid`'s refusals change nothing: no such order, no bid of the
/// caller's on it, an expired manual order.
#[test]
fn bid_withdrawals_and_late_bids_are_refused_without_a_trace() {
	build_and_execute(|| {
		let o = offer(P1, 10);
		let id = order(1_000, 5_000, false);
		assert_noop!(Leases::withdraw_bid(RuntimeOrigin::signed(P1), id + 100), Error::<Test>::OrderNotFound);
		assert_noop!(Leases::withdraw_bid(RuntimeOrigin::signed(P1), id), Error::<Test>::BidNotFound);
		run_to(1 + crate::mock::ORDER_LIFETIME);
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), id, o, 10), Error::<Test>::OrderExpired);
	});
}
