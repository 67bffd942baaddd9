//! Creating and dissolving subnets: the lock, its doubling and decay.

use super::*;

#[test]
fn creating_a_subnet_holds_a_lock_that_doubles_then_decays() {
	build_and_execute(|| {
		assert_eq!(Subnets::lock_cost(1), MIN_LOCK);
		let free = Balances::balance(&OWNER);
		assert_eq!(new_subnet(), 1);
		assert_eq!(Balances::balance_on_hold(&HoldReason::SubnetLock.into(), &OWNER), MIN_LOCK);
		assert_eq!(Balances::balance(&OWNER), free - MIN_LOCK);
		assert!(subnet_events().contains(&Event::SubnetCreated { netuid: 1, owner: OWNER, lock: MIN_LOCK }));
		// Right after, the next one costs double; it decays by the last lock per 100 blocks.
		assert_eq!(Subnets::lock_cost(1), 2 * MIN_LOCK);
		assert_eq!(Subnets::lock_cost(51), 2 * MIN_LOCK - MIN_LOCK / 2);
		assert_eq!(Subnets::lock_cost(101), MIN_LOCK);
		assert_eq!(Subnets::lock_cost(1_000), MIN_LOCK);
		assert_eq!(new_subnet(), 2);
		assert_eq!(Subnets::subnets(2).lock, 2 * MIN_LOCK);
		assert_eq!(Subnets::lock_cost(1), 4 * MIN_LOCK);
	});
}

#[test]
fn creation_refuses_a_lock_above_the_limit_and_a_fifth_subnet() {
	build_and_execute(|| {
		new_subnet();
		assert_noop!(
			Subnets::create_subnet(RuntimeOrigin::signed(OWNER), 2 * MIN_LOCK - 1),
			Error::<Test>::LockAboveLimit
		);
		for _ in 0..3 {
			run_to(System::block_number() + 1_000);
			new_subnet();
		}
		assert_noop!(Subnets::create_subnet(RuntimeOrigin::signed(OWNER), Balance::MAX), Error::<Test>::TooManySubnets);
		// A coldkey without the funds cannot create one either.
		assert_ok!(Subnets::dissolve_subnet(RuntimeOrigin::signed(OWNER), 4));
		run_to(System::block_number() + 1_000);
		assert_noop!(
			Subnets::create_subnet(RuntimeOrigin::signed(77), Balance::MAX),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn the_owner_dissolves_an_empty_subnet_and_gets_the_lock_back() {
	build_and_execute(|| {
		let netuid = new_subnet();
		let free = Balances::balance(&OWNER);
		assert_noop!(Subnets::dissolve_subnet(RuntimeOrigin::signed(ALICE), netuid), Error::<Test>::NotSubnetOwner);
		assert_noop!(Subnets::dissolve_subnet(RuntimeOrigin::signed(OWNER), 3), Error::<Test>::SubnetNotFound);
		register(netuid, ALICE, 1, 1_000);
		assert_noop!(Subnets::dissolve_subnet(RuntimeOrigin::signed(OWNER), netuid), Error::<Test>::SubnetNotEmpty);
		// Root dissolves it with its neuron; the pending emission is burned. (The subnet
		// earns from the block after its first epoch, which records its stake.)
		run_to(next_epoch(netuid) + 2);
		assert!(pallet_hearth_emissions::PendingEmission::<Test>::get(netuid) > 0);
		assert_ok!(Subnets::dissolve_subnet(RuntimeOrigin::root(), netuid));
		assert_eq!(Balances::balance(&OWNER), free + MIN_LOCK);
		assert_eq!(pallet_hearth_emissions::PendingEmission::<Test>::get(netuid), 0);
		assert!(Keys::<Test>::get(netuid).is_empty());
		assert_eq!(Uids::<Test>::iter_prefix(netuid).count(), 0);
		assert!(SubnetEntries::<Test>::get().is_empty());
		// The netuid is free again.
		assert_eq!(new_subnet(), netuid);
	});
}

/// One hotkey registered on several subnets counted its whole stake in each, so one
/// stake inflated every one of their shares of the reward. It now counts `1 / k` in
/// each of its `k` subnets.
#[test]
fn one_stake_counts_once_across_subnets() {
	build_and_execute(|| {
		let (a, b) = (new_subnet(), new_subnet());
		let h = staked_hotkey(ALICE, 0, 100_000);
		assert_ok!(Subnets::register(RuntimeOrigin::signed(ALICE), a, h, Balance::MAX));
		assert_ok!(Subnets::register(RuntimeOrigin::signed(ALICE), b, h, Balance::MAX));
		assert_eq!(Registrations::<Test>::get(h).into_inner(), vec![a, b]);
		let stake = Staking::hotkey_stake(&h);
		run_to(next_epoch(a).max(next_epoch(b)) + 1);
		let entries = SubnetEntries::<Test>::get();
		let stakes: Vec<u128> = entries.iter().map(|e| e.stake).collect();
		assert_eq!(stakes, vec![stake / 2, stake / 2], "half each, not the whole stake twice");
		// Dissolving one gives the whole stake back to the other at its next epoch.
		assert_ok!(Subnets::dissolve_subnet(RuntimeOrigin::root(), a));
		assert_eq!(Registrations::<Test>::get(h).into_inner(), vec![b]);
		let epoch = next_epoch(b);
		run_to(epoch - 1);
		let before = Staking::hotkey_stake(&h);
		run_to(epoch + 1);
		assert_eq!(SubnetEntries::<Test>::get()[0].stake, before, "the whole stake, read before the epoch pays");
	});
}
