//! Slashes: pro rata over the pool and unbonding, in one step for any number of nominators.

use super::*;

#[test]
fn slashing_hits_pool_and_unbonding_pro_rata_and_hands_over_the_funds() {
	build_and_execute(|| {
		stake(ALICE, HOT_A, 1_000);
		stake(BOB, HOT_A, 1_000);
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(BOB), HOT_A, 500));
		let issuance = Balances::total_issuance();
		let credit = Staking::slash(&HOT_A, Perbill::from_percent(10)).expect("slash");
		assert_eq!(frame_support::traits::Imbalance::peek(&credit), 150 + 50);
		drop(credit); // burned
		assert_eq!(Balances::total_issuance(), issuance - 200);
		assert_eq!(Staking::stake_of(&HOT_A, &ALICE), 900);
		assert_eq!(Staking::stake_of(&HOT_A, &BOB), 450);
		assert_eq!(Staking::unbonding_of(&BOB).0, 450, "unbonding funds are slashed too");
		assert!(staking_events().contains(&Event::Slashed { hotkey: HOT_A, from_pool: 150, from_unbonding: 50 }));
		run_to(1 + UNBONDING);
		assert_ok!(Staking::withdraw_unbonded(RuntimeOrigin::signed(BOB)));
		assert_eq!(Balances::balance(&BOB), 1_000_000 - 1_000 + 450);
	});
}

#[test]
fn slashing_a_hotkey_with_no_stake_takes_nothing() {
	build_and_execute(|| {
		let credit = Staking::slash(&HOT_B, Perbill::from_percent(50)).expect("slash");
		assert_eq!(frame_support::traits::Imbalance::peek(&credit), 0);
	});
}

#[test]
fn many_nominators_are_slashed_in_one_step() {
	build_and_execute(|| {
		for who in 1_000..1_200u64 {
			<Balances as Mutate<_>>::set_balance(&who, 10_000);
			stake(who, HOT_A, 1_000);
		}
		let reads_before = Staking::hotkey_stake(&HOT_A);
		drop(Staking::slash(&HOT_A, Perbill::from_percent(25)).expect("slash"));
		assert_eq!(Staking::hotkey_stake(&HOT_A), reads_before - reads_before / 4);
		assert_eq!(Staking::stake_of(&HOT_A, &1_000), 750);
		assert_eq!(Staking::stake_of(&HOT_A, &1_199), 750);
	});
}

#[test]
fn a_fully_slashed_pool_takes_no_new_stake() {
	build_and_execute(|| {
		stake(ALICE, HOT_A, 1_000);
		drop(Staking::slash(&HOT_A, Perbill::one()).expect("slash"));
		assert_noop!(Staking::add_stake(RuntimeOrigin::signed(BOB), HOT_A, 500), Error::<Test>::PoolDepleted);
	});
}
