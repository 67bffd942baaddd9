//! The per-block split across subnets by stake and demand, and its blend.

use super::*;

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

/// With no stake and no demand anywhere (a chain at launch), nobody has earned the
/// reward: nothing is assigned, and nothing is minted.
#[test]
fn no_stake_and_no_demand_anywhere_mints_nothing() {
	build_and_execute(|| {
		Subnets::set(vec![(1, 0), (2, 0), (3, 0)]);
		run_to(2);
		for netuid in 1..=3 {
			assert_eq!(PendingEmission::<Test>::get(netuid), 0);
		}
		assert_eq!(Emitted::<Test>::get(), 0);
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
