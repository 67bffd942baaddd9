use crate::{mock::*, Error, Event, Pools, Shares, Take, UnbondingPools};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, Mutate},
};
use hearth_primitives::{StakeInspect, StakeReward, StakeSlash};
use sp_runtime::{Perbill, TokenError};

/// Mints `amount` and credits it to `hotkey` as a reward (what emissions does).
fn reward(hotkey: &AccountId, amount: Balance) -> Result<Balance, sp_runtime::DispatchError> {
	use frame_support::traits::fungible::Balanced;
	Staking::credit_reward(hotkey, Balances::issue(amount)).map_err(|(_, e)| e)
}

fn stake(who: AccountId, hotkey: AccountId, amount: Balance) {
	assert_ok!(Staking::add_stake(RuntimeOrigin::signed(who), hotkey, amount));
}

#[test]
fn first_stake_registers_the_hotkey_and_issues_shares_one_to_one() {
	build_and_execute(|| {
		stake(ALICE, HOT_A, 1_000);
		assert_eq!(Staking::owner_of(&HOT_A), Some(ALICE));
		assert_eq!(Take::<Test>::get(HOT_A), Perbill::from_percent(18));
		assert_eq!(Shares::<Test>::get(HOT_A, ALICE), 1_000);
		assert_eq!(Staking::hotkey_stake(&HOT_A), 1_000);
		assert_eq!(Balances::balance(&ALICE), 1_000_000 - 1_000);
		assert_eq!(
			staking_events(),
			vec![
				Event::HotkeyRegistered { coldkey: ALICE, hotkey: HOT_A },
				Event::StakeAdded { coldkey: ALICE, hotkey: HOT_A, amount: 1_000, shares: 1_000 },
			]
		);
	});
}

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
		assert_ok!(Staking::register_hotkey(RuntimeOrigin::signed(ALICE), HOT_A));
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
fn unstake_unbonds_then_withdraws_after_the_period() {
	build_and_execute(|| {
		stake(BOB, HOT_A, 1_000);
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(BOB), HOT_A, 400));
		assert_eq!(Staking::stake_of(&HOT_A, &BOB), 600);
		assert_eq!(Staking::unbonding_of(&BOB), (400, 0));
		assert!(staking_events().contains(&Event::Unbonded {
			coldkey: BOB,
			hotkey: HOT_A,
			amount: 400,
			unlock_at: 1 + UNBONDING
		}));
		run_to(UNBONDING);
		assert_noop!(Staking::withdraw_unbonded(RuntimeOrigin::signed(BOB)), Error::<Test>::NothingToWithdraw);
		run_to(1 + UNBONDING);
		let before = Balances::balance(&BOB);
		assert_ok!(Staking::withdraw_unbonded(RuntimeOrigin::signed(BOB)));
		assert_eq!(Balances::balance(&BOB), before + 400);
		assert_eq!(Staking::unbonding_of(&BOB), (0, 0));
		assert!(staking_events().contains(&Event::Withdrawn { coldkey: BOB, amount: 400 }));
	});
}

#[test]
fn removing_everything_clears_the_position_and_the_pool() {
	build_and_execute(|| {
		stake(BOB, HOT_A, 1_000);
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(BOB), HOT_A, 1_000));
		assert!(!Shares::<Test>::contains_key(HOT_A, BOB));
		assert!(!Pools::<Test>::contains_key(HOT_A));
		run_to(1 + UNBONDING);
		assert_ok!(Staking::withdraw_unbonded(RuntimeOrigin::signed(BOB)));
		assert!(!UnbondingPools::<Test>::contains_key(HOT_A));
		assert_eq!(Balances::balance(&BOB), 1_000_000);
	});
}

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

#[test]
fn move_stake_between_own_hotkeys_unless_a_slash_is_pending() {
	build_and_execute(|| {
		stake(ALICE, HOT_A, 1_000);
		assert_ok!(Staking::register_hotkey(RuntimeOrigin::signed(ALICE), HOT_B));
		assert_ok!(Staking::move_stake(RuntimeOrigin::signed(ALICE), HOT_A, HOT_B, 400));
		assert_eq!(Staking::stake_of(&HOT_A, &ALICE), 600);
		assert_eq!(Staking::stake_of(&HOT_B, &ALICE), 400);
		assert_noop!(Staking::move_stake(RuntimeOrigin::signed(ALICE), HOT_A, HOT_A, 1), Error::<Test>::SameHotkey);
		assert_noop!(Staking::move_stake(RuntimeOrigin::signed(BOB), HOT_A, HOT_B, 100), Error::<Test>::NotHotkeyOwner);
		PendingSlashes::set(HOT_A);
		assert_noop!(Staking::move_stake(RuntimeOrigin::signed(ALICE), HOT_A, HOT_B, 100), Error::<Test>::SlashPending);
		// Unbonding is still possible: it stays slashable.
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(ALICE), HOT_A, 100));
	});
}

#[test]
fn error_paths_change_nothing() {
	build_and_execute(|| {
		stake(ALICE, HOT_A, 1_000);
		assert_noop!(Staking::add_stake(RuntimeOrigin::signed(BOB), HOT_A, 0), Error::<Test>::ZeroAmount);
		assert_noop!(Staking::add_stake(RuntimeOrigin::signed(BOB), HOT_A, 99), Error::<Test>::BelowMinimumStake);
		assert_noop!(Staking::add_stake(RuntimeOrigin::signed(BOB), HOT_A, 1_000_000), TokenError::NotExpendable);
		assert_noop!(Staking::add_stake(RuntimeOrigin::signed(BOB), HOT_A, 2_000_000), TokenError::FundsUnavailable);
		assert_noop!(Staking::register_hotkey(RuntimeOrigin::signed(BOB), HOT_A), Error::<Test>::HotkeyOwnedByAnother);
		assert_noop!(
			Staking::register_hotkey(RuntimeOrigin::signed(ALICE), HOT_A),
			Error::<Test>::HotkeyAlreadyRegistered
		);
		assert_ok!(Staking::register_hotkey(RuntimeOrigin::signed(ALICE), 201));
		assert_ok!(Staking::register_hotkey(RuntimeOrigin::signed(ALICE), 202));
		assert_noop!(Staking::register_hotkey(RuntimeOrigin::signed(ALICE), 203), Error::<Test>::TooManyHotkeys);
		assert_noop!(Staking::remove_stake(RuntimeOrigin::signed(ALICE), HOT_A, 0), Error::<Test>::ZeroAmount);
		assert_noop!(Staking::remove_stake(RuntimeOrigin::signed(ALICE), HOT_A, 1_001), Error::<Test>::NotEnoughStake);
		assert_noop!(Staking::remove_stake(RuntimeOrigin::signed(BOB), HOT_A, 1), Error::<Test>::NotEnoughStake);
		assert_noop!(Staking::remove_stake(RuntimeOrigin::signed(ALICE), HOT_A, 950), Error::<Test>::BelowMinimumStake);
		assert_noop!(Staking::withdraw_unbonded(RuntimeOrigin::signed(ALICE)), Error::<Test>::NothingToWithdraw);
		// Chunks are bounded (4 in the mock), one per block.
		for block in 2..6 {
			run_to(block);
			assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(ALICE), HOT_A, 10));
		}
		run_to(6);
		assert_noop!(
			Staking::remove_stake(RuntimeOrigin::signed(ALICE), HOT_A, 10),
			Error::<Test>::TooManyUnbondingChunks
		);
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

mod properties {
	use super::*;
	use proptest::prelude::*;

	#[derive(Clone, Debug)]
	enum Op {
		Stake(u8, u8, u32),
		Unstake(u8, u8, u32),
		Reward(u8, u32),
		Slash(u8, u8),
		Advance(u8),
		Withdraw(u8),
	}

	fn op() -> impl Strategy<Value = Op> {
		prop_oneof![
			(0..3u8, 0..2u8, 1..5_000u32).prop_map(|(w, h, a)| Op::Stake(w, h, a)),
			(0..3u8, 0..2u8, 1..5_000u32).prop_map(|(w, h, a)| Op::Unstake(w, h, a)),
			(0..2u8, 1..3_000u32).prop_map(|(h, a)| Op::Reward(h, a)),
			(0..2u8, 1..60u8).prop_map(|(h, p)| Op::Slash(h, p)),
			(1..15u8).prop_map(Op::Advance),
			(0..3u8).prop_map(Op::Withdraw),
		]
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(200))]

		/// Whatever happens, the funds match the pools, nobody takes out more than they
		/// put in plus rewards, and issuance moves only by rewards and slashes.
		#[test]
		fn random_activity_keeps_every_invariant(ops in prop::collection::vec(op(), 1..60)) {
			build_and_execute(|| {
				let coldkeys = [ALICE, BOB, CHARLIE];
				let hotkeys = [HOT_A, HOT_B];
				let genesis_issuance = Balances::total_issuance();
				let (mut minted, mut burned) = (0u128, 0u128);
				for op in ops {
					match op {
						Op::Stake(w, h, a) => { let _ = Staking::add_stake(RuntimeOrigin::signed(coldkeys[w as usize]), hotkeys[h as usize], a as u128); },
						Op::Unstake(w, h, a) => { let _ = Staking::remove_stake(RuntimeOrigin::signed(coldkeys[w as usize]), hotkeys[h as usize], a as u128); },
						Op::Reward(h, a) => if reward(&hotkeys[h as usize], a as u128).is_ok() { minted += a as u128 },
						Op::Slash(h, p) => {
							let credit = Staking::slash(&hotkeys[h as usize], Perbill::from_percent(p as u32)).expect("slash");
							burned += frame_support::traits::Imbalance::peek(&credit);
						},
						Op::Advance(n) => run_to(System::block_number() + n as u64),
						Op::Withdraw(w) => { let _ = Staking::withdraw_unbonded(RuntimeOrigin::signed(coldkeys[w as usize])); },
					}
					Staking::do_try_state().expect("invariants hold after every step");
				}
				assert_eq!(Balances::total_issuance(), genesis_issuance + minted - burned);
				// Everyone leaves: what comes back is at most what went in plus rewards.
				run_to(System::block_number() + UNBONDING + 1);
				let mut back = 0u128;
				for who in coldkeys {
					let before = Balances::balance(&who);
					let _ = Staking::withdraw_unbonded(RuntimeOrigin::signed(who));
					back += Balances::balance(&who) - before;
				}
				for who in coldkeys {
					for hotkey in hotkeys {
						let s = Staking::stake_of(&hotkey, &who);
						if s > 0 { assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(who), hotkey, s)); }
					}
				}
				run_to(System::block_number() + UNBONDING + 1);
				for who in coldkeys {
					let before = Balances::balance(&who);
					let _ = Staking::withdraw_unbonded(RuntimeOrigin::signed(who));
					back += Balances::balance(&who) - before;
				}
				let total_held: u128 = coldkeys.iter().map(Balances::balance).sum();
				assert!(total_held <= 3_000_000 + minted, "nobody gains more than the rewards");
				assert!(back <= total_held);
			});
		}
	}
}
