//! Rewards: the owner's take, pro-rata shares, rounding dust.

use super::*;

#[test]
fn delegators_share_rewards_pro_rata_after_the_owners_take() {
	build_and_execute(|| {
		stake(ALICE, HOT_A, 1_000);
		stake(BOB, HOT_A, 3_000);
		let issuance = Balances::total_issuance();
		assert_eq!(reward(&HOT_A, 1_000), Ok(1_000));
		assert_eq!(Balances::total_issuance(), issuance + 1_000, "the caller minted the reward");
		// Take 18 % = 180 to Alice as stake; 820 raise the pool (Alice 1/4, Bob 3/4).
		assert_eq!(Staking::stake_of(&HOT_A, &BOB), 3_000 + 615);
		let alice = Staking::stake_of(&HOT_A, &ALICE);
		assert!((1_000 + 205 + 180 - 1..=1_000 + 205 + 180).contains(&alice), "{alice}");
		assert_eq!(Staking::hotkey_stake(&HOT_A), 5_000);
		assert!(staking_events().contains(&Event::RewardCredited { hotkey: HOT_A, take: 180, to_pool: 820 }));
	});
}

#[test]
fn a_reward_to_a_pool_without_delegators_is_all_the_owners() {
	build_and_execute(|| {
		assert_ok!(Staking::register_hotkey(RuntimeOrigin::signed(ALICE), HOT_A, proof(ALICE, HOT_A)));
		assert_ok!(reward(&HOT_A, 500));
		assert_eq!(Staking::stake_of(&HOT_A, &ALICE), 500);
		// The reward comes back to the caller; staking and the supply are untouched
		// (`issue` and dropping the returned credit leave their own balances events).
		let before = (Balances::total_issuance(), Balances::balance(&Staking::account_id()), Pools::<Test>::get(HOT_B));
		assert_eq!(reward(&HOT_B, 500), Err(Error::<Test>::UnknownHotkey.into()));
		assert_eq!(
			(Balances::total_issuance(), Balances::balance(&Staking::account_id()), Pools::<Test>::get(HOT_B)),
			before
		);
	});
}

#[test]
fn the_last_holder_to_leave_takes_the_pools_rounding_dust() {
	// Found by the property test: a reward's take mints shares with rounding, and
	// selling all but the dust burns the last shares; the dust must leave with them.
	build_and_execute(|| {
		stake(BOB, HOT_A, 1_356);
		assert_ok!(reward(&HOT_A, 1_870));
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(BOB), HOT_A, 802));
		let left = Staking::hotkey_stake(&HOT_A);
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(BOB), HOT_A, left - 2));
		let pool = Pools::<Test>::get(HOT_A);
		assert!(pool.shares > 0 || pool.value == 0, "no value may stay without shares: {pool:?}");
	});
}

#[test]
fn take_is_bounded_and_raising_it_is_rate_limited() {
	build_and_execute(|| {
		stake(ALICE, HOT_A, 1_000);
		assert_noop!(
			Staking::set_take(RuntimeOrigin::signed(ALICE), HOT_A, Perbill::from_percent(51)),
			Error::<Test>::TakeTooHigh
		);
		assert_noop!(
			Staking::set_take(RuntimeOrigin::signed(BOB), HOT_A, Perbill::from_percent(10)),
			Error::<Test>::NotHotkeyOwner
		);
		assert_noop!(
			Staking::set_take(RuntimeOrigin::signed(BOB), HOT_B, Perbill::from_percent(10)),
			Error::<Test>::UnknownHotkey
		);
		assert_ok!(Staking::set_take(RuntimeOrigin::signed(ALICE), HOT_A, Perbill::from_percent(20)));
		assert_noop!(
			Staking::set_take(RuntimeOrigin::signed(ALICE), HOT_A, Perbill::from_percent(30)),
			Error::<Test>::TakeIncreaseTooSoon
		);
		// Lowering is never limited.
		assert_ok!(Staking::set_take(RuntimeOrigin::signed(ALICE), HOT_A, Perbill::from_percent(5)));
		run_to(1 + TAKE_DELAY);
		assert_ok!(Staking::set_take(RuntimeOrigin::signed(ALICE), HOT_A, Perbill::from_percent(30)));
		assert_eq!(Take::<Test>::get(HOT_A), Perbill::from_percent(30));
	});
}
