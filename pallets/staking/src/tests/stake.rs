//! Staking, unbonding, withdrawing and moving stake; refused calls change nothing.

use super::*;

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
fn move_stake_between_own_hotkeys_unless_a_slash_is_pending() {
	build_and_execute(|| {
		stake(ALICE, HOT_A, 1_000);
		assert_ok!(Staking::register_hotkey(RuntimeOrigin::signed(ALICE), HOT_B, proof(ALICE, HOT_B)));
		assert_ok!(Staking::move_stake(RuntimeOrigin::signed(ALICE), HOT_A, HOT_B, 400));
		assert_eq!(Staking::stake_of(&HOT_A, &ALICE), 600);
		assert_eq!(Staking::stake_of(&HOT_B, &ALICE), 400);
		assert_noop!(Staking::move_stake(RuntimeOrigin::signed(ALICE), HOT_A, HOT_A, 1), Error::<Test>::SameHotkey);
		assert_noop!(Staking::move_stake(RuntimeOrigin::signed(BOB), HOT_A, HOT_B, 100), Error::<Test>::NotHotkeyOwner);
		PendingSlashes::set(HOT_A);
		assert_noop!(Staking::move_stake(RuntimeOrigin::signed(ALICE), HOT_A, HOT_B, 100), Error::<Test>::SlashPending);
	});
}

/// An offender (or its delegators, warned) unbonds as soon as its offence is
/// committed, before the report comes, and withdraws when the unbonding period ends:
/// a lease default reported at the end of the grace, slashed a window later, found the
/// stake gone. While an offence is open no stake leaves the hotkey: not by unbonding,
/// and chunks already unbonding are withheld from withdrawal.
#[test]
fn stake_cannot_leave_a_hotkey_with_an_open_offence() {
	build_and_execute(|| {
		stake(ALICE, HOT_A, 1_000);
		stake(BOB, HOT_A, 1_000);
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(BOB), HOT_A, 500));
		PendingSlashes::set(HOT_A);
		assert_noop!(Staking::remove_stake(RuntimeOrigin::signed(ALICE), HOT_A, 100), Error::<Test>::SlashPending);
		run_to(1 + UNBONDING);
		assert_noop!(Staking::withdraw_unbonded(RuntimeOrigin::signed(BOB)), Error::<Test>::SlashPending);
		assert_eq!(Staking::unbonding_of(&BOB).0, 500, "withheld, still slashable");
		PendingSlashes::clear();
		assert_ok!(Staking::withdraw_unbonded(RuntimeOrigin::signed(BOB)));
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
		assert_noop!(
			Staking::register_hotkey(RuntimeOrigin::signed(BOB), HOT_A, proof(BOB, HOT_A)),
			Error::<Test>::HotkeyOwnedByAnother
		);
		assert_noop!(
			Staking::register_hotkey(RuntimeOrigin::signed(ALICE), HOT_A, proof(ALICE, HOT_A)),
			Error::<Test>::HotkeyAlreadyRegistered
		);
		assert_ok!(Staking::register_hotkey(RuntimeOrigin::signed(ALICE), 201, proof(ALICE, 201)));
		assert_ok!(Staking::register_hotkey(RuntimeOrigin::signed(ALICE), 202, proof(ALICE, 202)));
		assert_noop!(
			Staking::register_hotkey(RuntimeOrigin::signed(ALICE), 203, proof(ALICE, 203)),
			Error::<Test>::TooManyHotkeys
		);
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

/// The front-run: a victim means to become the owner of its new hotkey by staking to it
/// first; an attacker sees the transaction and claims the hotkey (or stakes a minimum)
/// before it, so the victim's stake lands as a delegation to a hotkey the attacker owns
/// (and whose take it sets). A claim now needs the hotkey's own signature, and staking
/// never claims.
#[test]
fn nobody_can_claim_a_hotkey_whose_key_it_does_not_hold() {
	build_and_execute(|| {
		// Bob forges nothing: he has no signature of Alice's hotkey for himself.
		assert_noop!(
			Staking::register_hotkey(RuntimeOrigin::signed(BOB), HOT_A, proof(ALICE, HOT_A)),
			Error::<Test>::BadOwnershipProof
		);
		assert_noop!(
			Staking::register_hotkey(
				RuntimeOrigin::signed(BOB),
				HOT_A,
				TestSignature(BOB, Staking::claim_message(&BOB))
			),
			Error::<Test>::BadOwnershipProof
		);
		// Staking to an unclaimed hotkey claims nothing.
		assert_noop!(Staking::add_stake(RuntimeOrigin::signed(BOB), HOT_A, 1_000), Error::<Test>::UnknownHotkey);
		assert_eq!(crate::Owner::<Test>::get(HOT_A), None);
		// Alice, with her hotkey's signature, claims it and stakes.
		assert_ok!(Staking::register_hotkey(RuntimeOrigin::signed(ALICE), HOT_A, proof(ALICE, HOT_A)));
		assert_ok!(Staking::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, 1_000));
		assert_eq!(crate::Owner::<Test>::get(HOT_A), Some(ALICE));
	});
}

/// A proof is bound to its chain: the message carries the genesis hash.
#[test]
fn the_claim_message_binds_the_chain_and_the_coldkey() {
	build_and_execute(|| {
		let message = Staking::claim_message(&ALICE);
		assert!(message.starts_with(b"hearth/claim-hotkey"));
		let genesis = System::block_hash(0);
		assert_eq!(message, crate::claim_payload(genesis.as_ref(), &ALICE));
		assert_ne!(crate::claim_payload(&[1u8; 32], &ALICE), message, "another chain");
		assert_ne!(Staking::claim_message(&BOB), message, "another coldkey");
	});
}
