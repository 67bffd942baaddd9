//! What the runtime API shows: an order with when its bids close and its best price, a
//! tenant's orders, an account's leases.

use super::*;

#[test]
fn an_orders_view_shows_its_escrow_when_bids_close_and_the_best_price() {
	build_and_execute(|| {
		let (o1, o2) = (offer(P1, 90), offer(P2, 70));
		let manual = order(20, 2_000, false);
		let auto = order(20, 2_000, true);
		let view = Leases::order_view(manual).expect("open");
		assert_eq!((view.order.deposit, view.best_price), (2_000, None));
		assert_eq!(view.closes_at, 1 + ORDER_LIFETIME - 1, "the last block it can be awarded");
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), manual, o1, 90));
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P2), manual, o2, 70));
		assert_eq!(Leases::order_view(manual).expect("open").best_price, Some(70));
		assert_eq!(Leases::order_view(auto).expect("open").closes_at, 1 + BID_WINDOW);
		assert_eq!(Leases::orders_of(&TENANT), vec![manual, auto]);
		assert_eq!(Leases::orders_of(&P1), Vec::<OrderId>::new());
		assert_ok!(Leases::accept_bid(RuntimeOrigin::signed(TENANT), manual, P2));
		assert_eq!(Leases::order_view(manual), None, "awarded: now a lease");
		assert_eq!(Leases::orders_of(&TENANT), vec![auto]);
		assert_eq!(Leases::leases_of(&TENANT), vec![manual]);
		assert_eq!(Leases::leases_of(&P2), vec![manual], "the provider's too");
		assert_eq!(Leases::leases_of(&P1), Vec::<LeaseId>::new());
	});
}
