//! The pot: what epochs take and return, what is burned, and its backing.

use super::*;

#[test]
fn an_epoch_takes_pending_and_returns_what_it_did_not_pay() {
	build_and_execute(|| {
		Subnets::set(vec![(1, 1)]);
		run_to(3);
		let credit = Emissions::take_pending(1);
		assert_eq!(credit.peek(), 2 * REWARD);
		assert_eq!(PendingEmission::<Test>::get(1), 0);
		// Pay Alice part of it, return the rest.
		let (paid, rest) = credit.split(REWARD + 7);
		assert_ok!(Balances::resolve(&ALICE, paid));
		Emissions::return_pending(1, rest);
		assert_eq!(PendingEmission::<Test>::get(1), REWARD - 7);
		assert_eq!(Balances::balance(&ALICE), 1_000_000 + REWARD + 7);
	});
}

#[test]
fn burned_pending_and_sink_burns_are_counted() {
	build_and_execute(|| {
		Subnets::set(vec![(4, 1)]);
		run_to(2);
		let issuance = Balances::total_issuance();
		Emissions::burn_pending(4);
		assert_eq!(Burned::<Test>::get(), REWARD);
		assert_eq!(Balances::total_issuance(), issuance - REWARD);
		assert!(emissions_events().contains(&Event::PendingBurned { netuid: 4, amount: REWARD }));
		// Anything else burned through the sink (fees, registrations) counts too.
		let credit =
			Balances::withdraw(&ALICE, 1_000, Precision::Exact, Preservation::Preserve, Fortitude::Polite).unwrap();
		Emissions::on_unbalanced(credit);
		assert_eq!(Burned::<Test>::get(), REWARD + 1_000);
		// Burning nothing pending emits nothing.
		Emissions::burn_pending(9);
		assert_eq!(Burned::<Test>::get(), REWARD + 1_000);
	});
}

#[test]
fn try_state_catches_an_unbacked_pending_emission() {
	build_and_execute(|| {
		PendingEmission::<Test>::insert(3, 1);
		assert!(Emissions::do_try_state().is_err());
		PendingEmission::<Test>::remove(3);
	});
}
