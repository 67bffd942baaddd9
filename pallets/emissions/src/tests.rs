use crate::{mock::*, Burned, DemandBlend, Emitted, Event, PendingEmission, SCHEDULE};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Balanced, Inspect},
		tokens::{Fortitude, Precision, Preservation},
		Imbalance, OnUnbalanced,
	},
};
use hearth_primitives::units::HTH;
use hearth_primitives::EmissionPot;
use sp_runtime::{DispatchError, Perbill};

const REWARD: u128 = HTH / 2;

#[test]
fn nothing_is_minted_without_subnets() {
	build_and_execute(|| {
		let issuance = Balances::total_issuance();
		run_to(5);
		assert_eq!(Emitted::<Test>::get(), 0);
		assert_eq!(Balances::total_issuance(), issuance);
		assert!(emissions_events().is_empty());
	});
}

#[test]
fn each_block_mints_the_reward_split_by_stake() {
	build_and_execute(|| {
		Subnets::set(vec![(1, 100), (2, 300)]);
		let issuance = Balances::total_issuance();
		run_to(3);
		assert_eq!(Emitted::<Test>::get(), 2 * REWARD);
		assert_eq!(Balances::total_issuance(), issuance + 2 * REWARD);
		assert_eq!(PendingEmission::<Test>::get(1), 2 * (REWARD / 4));
		assert_eq!(PendingEmission::<Test>::get(2), 2 * (REWARD * 3 / 4));
		assert_eq!(Balances::balance(&Emissions::account_id()), ED + 2 * REWARD);
		assert_eq!(
			emissions_events(),
			vec![
				Event::RewardMinted { minted: REWARD, subnets: 2 },
				Event::RewardMinted { minted: REWARD, subnets: 2 }
			]
		);
	});
}

#[test]
fn demand_takes_lambda_of_the_reward() {
	build_and_execute(|| {
		// λ = 25 % from genesis. Subnet 1 has all the stake, subnet 2 all the demand.
		Subnets::set(vec![(1, 100), (2, 0)]);
		Demand::set(vec![(2, 50)]);
		run_to(2);
		assert_eq!(PendingEmission::<Test>::get(1), REWARD * 3 / 4);
		assert_eq!(PendingEmission::<Test>::get(2), REWARD / 4);
	});
}

#[test]
fn no_stake_anywhere_splits_evenly() {
	build_and_execute(|| {
		Subnets::set(vec![(1, 0), (2, 0), (3, 0)]);
		run_to(2);
		for netuid in 1..=3 {
			assert_eq!(PendingEmission::<Test>::get(netuid), REWARD / 3);
		}
		// Only what was assigned is minted and counted.
		assert_eq!(Emitted::<Test>::get(), 3 * (REWARD / 3));
	});
}

#[test]
fn at_most_max_subnets_share_the_reward() {
	build_and_execute(|| {
		Subnets::set((0..MAX_SUBNETS as u16 + 2).map(|n| (n, 1)).collect());
		run_to(2);
		assert_eq!(PendingEmission::<Test>::iter().count(), MAX_SUBNETS as usize);
		assert_eq!(PendingEmission::<Test>::get(MAX_SUBNETS as u16), 0);
	});
}

#[test]
fn the_reward_halves_when_cumulative_emission_crosses_a_threshold() {
	// Emitted is set directly, so the supply identity does not hold here: no try_state.
	new_test_ext().execute_with(|| {
		System::set_block_number(1);
		Subnets::set(vec![(1, 1)]);
		let threshold = SCHEDULE.cap() / 2;
		Emitted::<Test>::put(threshold - REWARD - 1);
		run_to(2);
		assert_eq!(PendingEmission::<Test>::get(1), REWARD);
		assert_eq!(Emitted::<Test>::get(), threshold - 1);
		// One unit below the threshold the reward is still whole.
		run_to(3);
		assert_eq!(Emitted::<Test>::get(), threshold - 1 + REWARD);
		run_to(4);
		assert_eq!(Emitted::<Test>::get(), threshold - 1 + REWARD + REWARD / 2);
		// At the cap nothing more is minted.
		Emitted::<Test>::put(SCHEDULE.cap());
		let issuance = Balances::total_issuance();
		run_to(5);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

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
fn root_sets_the_demand_blend() {
	build_and_execute(|| {
		assert_ok!(Emissions::set_demand_blend(RuntimeOrigin::root(), Perbill::from_percent(60)));
		assert_eq!(DemandBlend::<Test>::get(), Perbill::from_percent(60));
		assert_eq!(emissions_events(), vec![Event::DemandBlendSet { blend: Perbill::from_percent(60) }]);
	});
}

#[test]
fn only_root_sets_the_demand_blend() {
	build_and_execute(|| {
		assert_noop!(
			Emissions::set_demand_blend(RuntimeOrigin::signed(ALICE), Perbill::one()),
			DispatchError::BadOrigin
		);
		assert_eq!(DemandBlend::<Test>::get(), Perbill::from_percent(25));
	});
}

#[test]
fn the_schedule_reports_the_next_halving() {
	build_and_execute(|| {
		Subnets::set(vec![(1, 1)]);
		run_to(3);
		let info = Emissions::schedule_info();
		assert_eq!(info.cap, 21_000_000 * HTH);
		assert_eq!(info.reward, REWARD);
		assert_eq!(info.emitted, 2 * REWARD);
		assert_eq!(info.halvings, 0);
		assert_eq!(info.next_halving_at, Some(10_500_000 * HTH));
		assert_eq!(info.blocks_to_next_halving, Some(21_000_000 - 2));
		assert_eq!(info.pending, 2 * REWARD);
		assert_eq!(info.burned, 0);
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
