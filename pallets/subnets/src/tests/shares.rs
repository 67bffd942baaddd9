//! Each subnet's stake in the reward split: a unit of stake is never counted by two
//! subnets at once, however it moves between their epochs.

use super::*;
use frame_support::traits::OnUnbalanced;
use hearth_primitives::StakeSlash;

/// The stake `netuid` holds in the split now.
fn entry(netuid: NetUid) -> Balance {
	SubnetEntries::<Test>::get().iter().find(|e| e.netuid == netuid).expect("listed").stake
}

/// The stake of `hotkey` just before `netuid`'s next epoch reads it, and the block
/// after that epoch (where the test stands on return).
fn stake_at_epoch(netuid: NetUid, hotkey: AccountId) -> Balance {
	let epoch = next_epoch(netuid);
	run_to(epoch - 1);
	let stake = Staking::hotkey_stake(&hotkey);
	run_to(epoch + 1);
	stake
}

/// Moving stake between one's own hotkeys on two subnets just before each epoch made
/// it count in both: the first subnet kept its snapshot while the second counted it
/// again. The moved stake now leaves the first subnet's share at once.
#[test]
fn stake_moved_before_each_epoch_counts_in_one_subnet_only() {
	build_and_execute(|| {
		let (a, b) = (new_subnet(), new_subnet());
		let h1 = register(a, ALICE, 0, 100_000);
		let h2 = register(b, ALICE, 1, 1_000);
		let counted = stake_at_epoch(a, h1);
		assert_eq!(entry(a), counted);
		assert!(next_epoch(b) < next_epoch(a), "b's epoch comes before a's next one");
		let before = Staking::hotkey_stake(&h1);
		assert_ok!(Staking::move_stake(RuntimeOrigin::signed(ALICE), h1, h2, 90_000));
		assert_eq!(
			entry(a),
			counted.saturating_sub(before - Staking::hotkey_stake(&h1)),
			"the moved stake left a's share"
		);
		let moved_in = stake_at_epoch(b, h2);
		assert_eq!(entry(b), moved_in);
		assert!(
			entry(a) + entry(b) <= Staking::hotkey_stake(&h1) + Staking::hotkey_stake(&h2),
			"the two shares never count more than the two hotkeys hold"
		);
	});
}

/// A hotkey counted whole on one subnet could register on a second one just before its
/// epoch and count half there while the first kept counting it whole.
#[test]
fn registering_on_one_more_subnet_halves_the_share_at_once() {
	build_and_execute(|| {
		let (a, b) = (new_subnet(), new_subnet());
		let h = register(a, ALICE, 0, 100_000);
		let counted = stake_at_epoch(a, h);
		assert_ok!(Subnets::register(RuntimeOrigin::signed(ALICE), b, h, Balance::MAX));
		let stake = Staking::hotkey_stake(&h);
		assert_eq!(entry(a), counted.saturating_sub(stake - stake / 2), "a counts half of it from now");
		stake_at_epoch(b, h);
		assert!(entry(a) + entry(b) <= Staking::hotkey_stake(&h));
	});
}

/// Stake unbonded or slashed away kept counting in its subnets' shares until their
/// next epochs; each share now loses what the hotkey's share there lost.
#[test]
fn unbonded_or_slashed_stake_leaves_every_share_at_once() {
	build_and_execute(|| {
		let (a, b) = (new_subnet(), new_subnet());
		let h = register(a, ALICE, 0, 100_000);
		assert_ok!(Subnets::register(RuntimeOrigin::signed(ALICE), b, h, Balance::MAX));
		stake_at_epoch(a, h);
		stake_at_epoch(b, h);
		let cut = |before: Balance, after: Balance| before / 2 - after / 2;
		let (ea, eb, before) = (entry(a), entry(b), Staking::hotkey_stake(&h));
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(ALICE), h, 30_001));
		let after = Staking::hotkey_stake(&h);
		assert_eq!(
			(entry(a), entry(b)),
			(ea.saturating_sub(cut(before, after)), eb.saturating_sub(cut(before, after)))
		);
		let (ea, eb) = (entry(a), entry(b));
		// The slashed funds are burned, as slashing does.
		Emissions::on_unbalanced(<Staking as StakeSlash<_, _>>::slash(&h, Perbill::from_percent(50)).expect("slashes"));
		let slashed = Staking::hotkey_stake(&h);
		assert_eq!(
			(entry(a), entry(b)),
			(ea.saturating_sub(cut(after, slashed)), eb.saturating_sub(cut(after, slashed)))
		);
		assert!(entry(a) + entry(b) <= slashed);
	});
}

/// A hotkey replaced on one of its two subnets counted half there until that subnet's
/// next epoch, while its other subnet's next epoch counted it whole.
#[test]
fn a_replaced_hotkey_takes_its_share_out_of_that_subnet_at_once() {
	build_and_execute(|| {
		let (a, b) = (new_subnet(), new_subnet());
		run_to(3);
		for change in [Hyperparameter::MaxValidators(8), Hyperparameter::MaxUids(8), Hyperparameter::ImmunityPeriod(20)]
		{
			assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), a, change));
		}
		let h = register(a, ALICE, 0, 100_000);
		for i in 1..8 {
			register(a, ALICE, i, 1_000);
		}
		assert_ok!(Subnets::register(RuntimeOrigin::signed(ALICE), b, h, Balance::MAX));
		stake_at_epoch(a, h);
		run_to(System::block_number().max(30));
		let (ea, stake) = (entry(a), Staking::hotkey_stake(&h));
		Metagraph::<Test>::mutate(a, |m| m.iter_mut().enumerate().for_each(|(i, s)| s.emission = 1 + i as u128));
		let newcomer = staked_hotkey(BOB, 0, 1_000);
		assert_ok!(Subnets::register(RuntimeOrigin::signed(BOB), a, newcomer, Balance::MAX));
		assert_eq!(Uids::<Test>::get(a, h), None, "h had the lowest emission");
		assert_eq!(Registrations::<Test>::get(h).into_inner(), vec![b]);
		assert_eq!(entry(a), ea.saturating_sub(stake / 2), "h's half left a at once");
		let whole = stake_at_epoch(b, h);
		assert_eq!(entry(b), whole, "b counts h whole from its next epoch");
	});
}
