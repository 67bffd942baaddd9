//! Claimed hotkeys: the deposit their records cost, and forgetting them.

use super::*;
use crate::{HoldReason, HotkeyDeposits, OwnedHotkeys, Owner};
use frame_support::traits::fungible::InspectHold;

const DEPOSIT: Balance = 500;

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::HotkeyClaim.into(), &who)
}

/// Claiming hotkeys was free and their records (owner, take, the coldkey's list) were
/// never removed, so anyone could grow the state for a fee per claim. A claim now holds
/// a deposit, and the owner gets it back by forgetting a hotkey nothing depends on.
#[test]
fn a_claim_holds_a_deposit_that_forgetting_the_hotkey_returns() {
	build_and_execute(|| {
		HotkeyDeposit::set(DEPOSIT);
		let free = Balances::balance(&ALICE);
		assert_ok!(Staking::register_hotkey(RuntimeOrigin::signed(ALICE), HOT_A, proof(ALICE, HOT_A)));
		assert_eq!((held(ALICE), Balances::balance(&ALICE)), (DEPOSIT, free - DEPOSIT));
		assert_eq!(HotkeyDeposits::<Test>::get(HOT_A), Some(DEPOSIT));
		stake(ALICE, HOT_A, 1_000);
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(ALICE), HOT_A, 1_000));
		run_to(1 + UNBONDING);
		assert_ok!(Staking::withdraw_unbonded(RuntimeOrigin::signed(ALICE)));
		assert_ok!(Staking::forget_hotkey(RuntimeOrigin::signed(ALICE), HOT_A));
		assert_eq!((held(ALICE), Balances::balance(&ALICE)), (0, free));
		assert_eq!(Owner::<Test>::get(HOT_A), None);
		assert!(!Take::<Test>::contains_key(HOT_A));
		assert!(!OwnedHotkeys::<Test>::contains_key(ALICE));
		assert_eq!(HotkeyDeposits::<Test>::get(HOT_A), None);
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Staking(Event::HotkeyForgotten { coldkey: ALICE, hotkey: HOT_A, deposit: DEPOSIT })));
		// The hotkey is free again: whoever holds its signature may claim it.
		assert_ok!(Staking::register_hotkey(RuntimeOrigin::signed(BOB), HOT_A, proof(BOB, HOT_A)));
		assert_eq!(held(BOB), DEPOSIT);
	});
}

/// A hotkey is forgotten only by its owner and only once nothing depends on it; every
/// refusal leaves the state as it was.
#[test]
fn a_hotkey_with_stake_a_use_or_an_open_offence_is_not_forgotten() {
	build_and_execute(|| {
		HotkeyDeposit::set(DEPOSIT);
		let forget = |who, hotkey| Staking::forget_hotkey(RuntimeOrigin::signed(who), hotkey);
		assert_noop!(forget(ALICE, HOT_A), Error::<Test>::UnknownHotkey);
		stake(ALICE, HOT_A, 1_000);
		assert_noop!(forget(BOB, HOT_A), Error::<Test>::NotHotkeyOwner);
		assert_noop!(forget(ALICE, HOT_A), Error::<Test>::HotkeyHasStake);
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(ALICE), HOT_A, 1_000));
		// Unbonding stake is still slashable.
		assert_noop!(forget(ALICE, HOT_A), Error::<Test>::HotkeyHasStake);
		run_to(1 + UNBONDING);
		assert_ok!(Staking::withdraw_unbonded(RuntimeOrigin::signed(ALICE)));
		HotkeysInUse::set(vec![HOT_A]);
		assert_noop!(forget(ALICE, HOT_A), Error::<Test>::HotkeyInUse);
		HotkeysInUse::set(vec![]);
		PendingSlashes::set(HOT_A);
		assert_noop!(forget(ALICE, HOT_A), Error::<Test>::SlashPending);
		PendingSlashes::clear();
		assert_ok!(forget(ALICE, HOT_A));
		// A claim the coldkey cannot pay the deposit for is refused whole.
		HotkeyDeposit::set(Balances::balance(&CHARLIE) + 1);
		assert_noop!(
			Staking::register_hotkey(RuntimeOrigin::signed(CHARLIE), HOT_B, proof(CHARLIE, HOT_B)),
			TokenError::FundsUnavailable
		);
	});
}
