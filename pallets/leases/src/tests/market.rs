//! The market: offers, orders, bids, the auction and its failures.

use super::*;

#[test]
fn auto_award_picks_the_lowest_then_earliest_bid_and_returns_the_rest() {
	build_and_execute(|| {
		let (o1, o2, o3) = (offer(P1, 90), offer(P2, 70), offer(P3, 70));
		let id = order(20, 2_000, true);
		let p1 = balance(P1);
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), id, o1, 90));
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P2), id, o2, 70));
		run_to(2);
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P3), id, o3, 70));
		run_to(1 + BID_WINDOW - 1);
		assert!(Orders::<Test>::contains_key(id));
		run_to(1 + BID_WINDOW);
		let l = OpenLeases::<Test>::get(id).expect("awarded");
		assert_eq!((l.provider, l.price), (P2, 70));
		assert_eq!(balance(P1), p1, "the losing bond is back");
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), id, o1, 60), Error::<Test>::OrderNotFound);
	});
}

#[test]
fn an_auto_award_order_without_bids_expires_and_refunds() {
	build_and_execute(|| {
		let t = balance(TENANT);
		let id = order(20, 2_000, true);
		run_to(1 + BID_WINDOW);
		assert!(!Orders::<Test>::contains_key(id));
		assert_eq!(balance(TENANT), t);
		assert!(lease_events().contains(&Event::OrderExpired { id }));
	});
}

#[test]
fn a_failed_auto_award_leaves_the_order_open_and_says_why() {
	build_and_execute(|| {
		let o = offer(P2, 70);
		let id = order(20, 2_000, true);
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P2), id, o, 70));
		// The lease would close at 1 + BID_WINDOW + 20: fill every queue a deadline
		// there could use, so that the award cannot schedule it.
		let closes_at = 1 + BID_WINDOW + 20;
		let mut filler = 1_000;
		for at in closes_at..closes_at + 20 {
			while Leases::schedule(at, Deadline::Close(filler)).is_ok_and(|b| b == at) {
				filler += 1;
			}
		}
		let (tenant, provider) = (balance(TENANT), balance(P2));
		run_to(1 + BID_WINDOW);
		assert!(lease_events().contains(&Event::AwardFailed { id, error: Error::<Test>::ScheduleFull.into() }));
		assert!(Orders::<Test>::contains_key(id), "the order is still open");
		assert!(!OpenLeases::<Test>::contains_key(id));
		assert_eq!((balance(TENANT), balance(P2)), (tenant, provider), "nothing moved");
		assert_ok!(Leases::cancel_order(RuntimeOrigin::signed(TENANT), id));
	});
}

#[test]
fn cancelling_an_order_refunds_the_deposit_and_bonds() {
	build_and_execute(|| {
		let (t, p) = (balance(TENANT), balance(P1));
		let o = offer(P1, 50);
		let id = order(20, 2_000, true);
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), id, o, 50));
		assert_noop!(Leases::cancel_order(RuntimeOrigin::signed(TENANT2), id), Error::<Test>::NotOrderTenant);
		assert_ok!(Leases::cancel_order(RuntimeOrigin::signed(TENANT), id));
		assert_eq!((balance(TENANT), balance(P1)), (t, p));
		assert!(Deadlines::<Test>::get(1 + BID_WINDOW).is_empty());
		assert_noop!(Leases::cancel_order(RuntimeOrigin::signed(TENANT), id), Error::<Test>::OrderNotFound);
	});
}

#[test]
fn offers_need_stake_membership_and_sane_terms() {
	build_and_execute(|| {
		let publish = |who, g, price| Leases::publish_offer(RuntimeOrigin::signed(who), NETUID, g, price, region());
		assert_noop!(publish(UNSTAKED, gpu("H100", 80, 1), 10), Error::<Test>::InsufficientProviderStake);
		assert_noop!(publish(STRANGER, gpu("H100", 80, 1), 10), Error::<Test>::NotANeuron);
		assert_noop!(publish(P1, gpu("", 80, 1), 10), Error::<Test>::InvalidGpu);
		assert_noop!(publish(P1, gpu("H100", 0, 1), 10), Error::<Test>::InvalidGpu);
		assert_noop!(publish(P1, gpu("H100", 80, 1), 0), Error::<Test>::ZeroPrice);
		let a = offer(P1, 10);
		offer(P1, 20);
		assert_noop!(publish(P1, gpu("H100", 80, 1), 30), Error::<Test>::TooManyOffers);
		assert_noop!(
			Leases::update_offer(RuntimeOrigin::signed(P2), a, gpu("A100", 40, 1), 5, region()),
			Error::<Test>::NotOfferOwner
		);
		assert_ok!(Leases::update_offer(RuntimeOrigin::signed(P1), a, gpu("A100", 40, 1), 5, region()));
		assert_eq!(Offers::<Test>::get(a).unwrap().price, 5);
		assert_noop!(Leases::remove_offer(RuntimeOrigin::signed(P2), a), Error::<Test>::NotOfferOwner);
		assert_ok!(Leases::remove_offer(RuntimeOrigin::signed(P1), a));
		assert_noop!(Leases::remove_offer(RuntimeOrigin::signed(P1), a), Error::<Test>::OfferNotFound);
		assert_eq!(Leases::offers_of(&P1).len(), 1);
	});
}

#[test]
fn orders_and_bids_refuse_bad_terms() {
	build_and_execute(|| {
		let open =
			|req, max, dur, dep| Leases::open_order(RuntimeOrigin::signed(TENANT), NETUID, req, max, dur, dep, false);
		assert_noop!(open(needs(40, &[], 1), 100, 0, 10_000), Error::<Test>::InvalidRequirements);
		assert_noop!(open(needs(40, &[], 0), 100, 10, 10_000), Error::<Test>::InvalidRequirements);
		assert_noop!(open(needs(40, &[], 1), 0, 10, 10_000), Error::<Test>::ZeroPrice);
		assert_noop!(open(needs(40, &[], 1), 100, 10, 999), Error::<Test>::DepositTooSmall);
		let big =
			Leases::open_order(RuntimeOrigin::signed(TENANT), NETUID, needs(40, &[], 1), 100, 10, 1_000_000_000, false);
		assert_noop!(big, sp_runtime::ArithmeticError::Underflow);
		// Models: only A100s are acceptable.
		let id = NextId::<Test>::get();
		assert_ok!(open(needs(40, &["A100"], 4), 100, 10, 1_000));
		let h100 = offer(P1, 50);
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), id, h100, 50), Error::<Test>::OfferDoesNotMeetRequirements);
		assert_ok!(Leases::update_offer(RuntimeOrigin::signed(P1), h100, gpu("A100", 40, 2), 50, region()));
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), id, h100, 50), Error::<Test>::OfferDoesNotMeetRequirements);
		assert_ok!(Leases::update_offer(RuntimeOrigin::signed(P1), h100, gpu("A100", 40, 4), 50, region()));
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), id, h100, 101), Error::<Test>::BidAboveMaxPrice);
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P2), id, h100, 50), Error::<Test>::NotOfferOwner);
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), id + 9, h100, 50), Error::<Test>::OrderNotFound);
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), id, h100, 50));
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), id, h100, 40), Error::<Test>::AlreadyBid);
		assert_noop!(Leases::accept_bid(RuntimeOrigin::signed(TENANT), id, P2), Error::<Test>::BidNotFound);
		assert_noop!(Leases::accept_bid(RuntimeOrigin::signed(TENANT2), id, P1), Error::<Test>::NotOrderTenant);
	});
}

#[test]
fn bids_close_with_the_window_and_are_bounded() {
	build_and_execute(|| {
		let id = order(20, 2_000, true);
		let mut providers = Vec::new();
		for i in 0..MAX_BIDS as u64 {
			let p = 1_000 + i;
			make_provider(p);
			let o = offer(p, 50);
			assert_ok!(Leases::bid(RuntimeOrigin::signed(p), id, o, 50));
			providers.push(p);
		}
		let o = offer(P1, 50);
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), id, o, 50), Error::<Test>::TooManyBids);
		let other = order(20, 2_000, true);
		run_to(1 + BID_WINDOW);
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), other, o, 50), Error::<Test>::OrderNotFound);
		// The first of equal bids won.
		assert_eq!(OpenLeases::<Test>::get(id).unwrap().provider, providers[0]);
	});
}
