//! What the runtime API shows: a coldkey's positions and a hotkey's delegators, valued
//! at the block.

use super::*;
use crate::runtime_api::{Delegator, StakePosition};

#[test]
fn a_coldkeys_positions_unbonding_and_withdrawable_follow_its_stake() {
	build_and_execute(|| {
		stake(ALICE, HOT_A, 1_000);
		stake(ALICE, HOT_B, 3_000);
		stake(BOB, HOT_A, 500);
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(ALICE), HOT_A, 400));
		assert_ok!(reward(&HOT_B, 1_000));
		let info = Staking::stake_info(&ALICE);
		let b_value = Staking::stake_of(&HOT_B, &ALICE);
		assert!(b_value > 3_000, "the reward (the owner's take as new shares, the rest as value) raised it");
		assert_eq!(
			info.positions,
			vec![
				StakePosition { hotkey: HOT_B, shares: Shares::<Test>::get(HOT_B, ALICE), value: b_value },
				StakePosition { hotkey: HOT_A, shares: 600, value: 600 },
			],
			"largest first, valued now"
		);
		assert_eq!(info.staked, b_value + 600);
		assert_eq!(
			(info.unbonding.len(), info.unbonding[0].value, info.unbonding[0].unlock_at),
			(1, 400, 1 + UNBONDING)
		);
		assert_eq!((info.unbonding_total, info.withdrawable), (400, 0));
		assert_eq!(info.hotkeys, vec![HOT_A, HOT_B]);
		run_to(1 + UNBONDING);
		assert_eq!(Staking::stake_info(&ALICE).withdrawable, 400, "unlocked at its block");
		assert_eq!(Staking::stake_info(&CHARLIE), Default::default(), "nothing staked: empty, not an error");
	});
}

#[test]
fn a_hotkeys_info_lists_its_delegators_and_none_for_an_unclaimed_one() {
	build_and_execute(|| {
		HotkeyDeposit::set(500);
		stake(ALICE, HOT_A, 1_000);
		stake(BOB, HOT_A, 2_500);
		let info = Staking::hotkey_info(&HOT_A).expect("claimed");
		assert_eq!(info.owner, ALICE);
		assert_eq!(info.take, Take::<Test>::get(HOT_A));
		assert_eq!(info.pool, Pools::<Test>::get(HOT_A));
		assert_eq!(
			info.delegators,
			vec![
				Delegator { coldkey: BOB, shares: 2_500, value: 2_500 },
				Delegator { coldkey: ALICE, shares: 1_000, value: 1_000 }
			]
		);
		assert_eq!(info.deposit, 500, "the claim's deposit");
		assert_eq!(Staking::hotkey_info(&HOT_B), None);
	});
}
