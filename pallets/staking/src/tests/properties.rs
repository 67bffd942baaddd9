//! Random activity keeps every staking invariant.

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
			// Alice owns HOT_A and Bob HOT_B; everyone may delegate to both.
			assert_ok!(Staking::register_hotkey(RuntimeOrigin::signed(ALICE), HOT_A, proof(ALICE, HOT_A)));
			assert_ok!(Staking::register_hotkey(RuntimeOrigin::signed(BOB), HOT_B, proof(BOB, HOT_B)));
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
