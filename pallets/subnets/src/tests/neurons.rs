//! Neurons: registration, its price, replacement, endpoints and GPUs.

use super::*;

#[test]
fn registration_burns_a_price_that_rises_then_decays() {
	build_and_execute(|| {
		let netuid = new_subnet();
		let issuance = Balances::total_issuance();
		let h = staked_hotkey(ALICE, 1, 1_000);
		let free = Balances::balance(&ALICE);
		assert_ok!(Subnets::register(RuntimeOrigin::signed(ALICE), netuid, h, MIN_BURN));
		assert_eq!(Balances::balance(&ALICE), free - MIN_BURN);
		assert_eq!(Balances::total_issuance(), issuance - MIN_BURN, "the price is burned");
		assert_eq!(pallet_hearth_emissions::Burned::<Test>::get(), MIN_BURN);
		assert_eq!(Uids::<Test>::get(netuid, h), Some(0));
		assert!(subnet_events().contains(&Event::NeuronRegistered { netuid, uid: 0, hotkey: h, burned: MIN_BURN }));
		// +50 % per registration.
		let info = Subnets::subnets(netuid);
		assert_eq!(Subnets::registration_price(&info, 1), 150);
		let h2 = staked_hotkey(ALICE, 2, 1_000);
		assert_noop!(Subnets::register(RuntimeOrigin::signed(ALICE), netuid, h2, 149), Error::<Test>::BurnAboveLimit);
		assert_ok!(Subnets::register(RuntimeOrigin::signed(ALICE), netuid, h2, 150));
		// 225, then -10 % a block (compounded), never below the minimum.
		let info = Subnets::subnets(netuid);
		assert_eq!(Subnets::registration_price(&info, 1), 225);
		assert_eq!(Subnets::registration_price(&info, 2), 202);
		assert_eq!(Subnets::registration_price(&info, 3), 182);
		assert_eq!(Subnets::registration_price(&info, 100), MIN_BURN);
	});
}

#[test]
fn registration_checks_ownership_and_duplicates() {
	build_and_execute(|| {
		let netuid = new_subnet();
		let h = staked_hotkey(ALICE, 1, 1_000);
		assert_noop!(
			Subnets::register(RuntimeOrigin::signed(BOB), netuid, h, Balance::MAX),
			Error::<Test>::NotHotkeyOwner
		);
		assert_noop!(
			Subnets::register(RuntimeOrigin::signed(ALICE), netuid, 555, Balance::MAX),
			Error::<Test>::NotHotkeyOwner
		);
		assert_noop!(
			Subnets::register(RuntimeOrigin::signed(ALICE), 3, h, Balance::MAX),
			Error::<Test>::SubnetNotFound
		);
		assert_ok!(Subnets::register(RuntimeOrigin::signed(ALICE), netuid, h, Balance::MAX));
		assert_noop!(
			Subnets::register(RuntimeOrigin::signed(ALICE), netuid, h, Balance::MAX),
			Error::<Test>::AlreadyRegistered
		);
	});
}

#[test]
fn a_claimed_hotkey_registers_itself_paying_from_its_own_balance() {
	build_and_execute(|| {
		let netuid = new_subnet();
		let h = staked_hotkey(ALICE, 1, 1_000);
		let unclaimed = 556;
		for who in [h, unclaimed] {
			assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(BOB), who, 10 * MIN_BURN));
		}
		// A hotkey nobody has claimed cannot register itself.
		assert_noop!(
			Subnets::register(RuntimeOrigin::signed(unclaimed), netuid, unclaimed, Balance::MAX),
			Error::<Test>::NotHotkeyOwner
		);
		// Nor may a hotkey register another hotkey.
		let other = staked_hotkey(BOB, 2, 1_000);
		assert_noop!(
			Subnets::register(RuntimeOrigin::signed(h), netuid, other, Balance::MAX),
			Error::<Test>::NotHotkeyOwner
		);
		let (owner_free, hotkey_free) = (Balances::balance(&ALICE), Balances::balance(&h));
		assert_ok!(Subnets::register(RuntimeOrigin::signed(h), netuid, h, MIN_BURN));
		assert_eq!(Balances::balance(&h), hotkey_free - MIN_BURN, "the hotkey paid");
		assert_eq!(Balances::balance(&ALICE), owner_free, "its owner paid nothing");
		assert_eq!(Uids::<Test>::get(netuid, h), Some(0));
		assert!(subnet_events().contains(&Event::NeuronRegistered { netuid, uid: 0, hotkey: h, burned: MIN_BURN }));
	});
}

#[test]
fn a_full_subnet_replaces_its_lowest_non_immune_neuron() {
	build_and_execute(|| {
		let netuid = new_subnet();
		run_to(3);
		for change in [Hyperparameter::MaxValidators(8), Hyperparameter::MaxUids(8), Hyperparameter::ImmunityPeriod(20)]
		{
			assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, change));
		}
		let first: Vec<_> = (0..8).map(|i| register(netuid, ALICE, i, 1_000)).collect();
		let h = staked_hotkey(BOB, 1, 1_000);
		assert_noop!(
			Subnets::register(RuntimeOrigin::signed(BOB), netuid, h, Balance::MAX),
			Error::<Test>::AllNeuronsImmune
		);
		run_to(30);
		// Give uid 0..=7 emissions; the lowest are uids 3 and 5 (tie: same block, lower uid).
		Metagraph::<Test>::mutate(netuid, |m| {
			for (i, s) in m.iter_mut().enumerate() {
				s.emission = if i == 3 || i == 5 { 1 } else { 10 };
			}
		});
		assert_ok!(Subnets::register(RuntimeOrigin::signed(BOB), netuid, h, Balance::MAX));
		assert_eq!(Uids::<Test>::get(netuid, h), Some(3));
		assert_eq!(Uids::<Test>::get(netuid, first[3]), None);
		assert_eq!(Keys::<Test>::get(netuid)[3], h);
		assert_eq!(RegisteredAt::<Test>::get(netuid)[3], 30);
		assert_eq!(Metagraph::<Test>::get(netuid)[3], NeuronStats::default());
		assert!(subnet_events().contains(&Event::NeuronReplaced { netuid, uid: 3, old: first[3] }));
		// The newcomer is immune; next goes uid 5 (emission 1).
		let h2 = staked_hotkey(BOB, 2, 1_000);
		assert_ok!(Subnets::register(RuntimeOrigin::signed(BOB), netuid, h2, Balance::MAX));
		assert_eq!(Uids::<Test>::get(netuid, h2), Some(5));
		// Then equal emissions: the oldest registration, then the lowest uid: uid 0.
		let h3 = staked_hotkey(BOB, 3, 1_000);
		assert_ok!(Subnets::register(RuntimeOrigin::signed(BOB), netuid, h3, Balance::MAX));
		assert_eq!(Uids::<Test>::get(netuid, h3), Some(0));
	});
}

#[test]
fn neurons_publish_endpoints_and_gpus() {
	build_and_execute(|| {
		let netuid = new_subnet();
		let h = register(netuid, ALICE, 1, 1_000);
		let mut ip = [0u8; 16];
		ip[10] = 0xff;
		ip[11] = 0xff;
		ip[12..].copy_from_slice(&[10, 0, 0, 7]);
		let endpoint = Endpoint { ip, port: 8091 };
		assert_ok!(Subnets::serve(RuntimeOrigin::signed(h), netuid, endpoint));
		assert_eq!(Endpoints::<Test>::get(netuid, 0), Some(endpoint));
		assert_noop!(
			Subnets::serve(RuntimeOrigin::signed(h), netuid, Endpoint { ip, port: 0 }),
			Error::<Test>::InvalidEndpoint
		);
		assert_noop!(
			Subnets::serve(RuntimeOrigin::signed(h), netuid, Endpoint { ip: [0; 16], port: 1 }),
			Error::<Test>::InvalidEndpoint
		);
		assert_noop!(Subnets::serve(RuntimeOrigin::signed(999), netuid, endpoint), Error::<Test>::NotRegistered);
		let gpu = |model: &[u8], vram, count| GpuSpec {
			vendor: GpuVendor::Nvidia,
			model: BoundedVec::truncate_from(model.to_vec()),
			vram_gib: vram,
			count,
		};
		let ok: BoundedVec<_, _> = BoundedVec::truncate_from(vec![gpu(b"H100-SXM5", 80, 8)]);
		assert_ok!(Subnets::set_gpus(RuntimeOrigin::signed(h), netuid, ok.clone()));
		assert_eq!(Gpus::<Test>::get(netuid, 0), Some(ok));
		for bad in [gpu(b"", 80, 1), gpu(b"H100\n", 80, 1), gpu(b"H100", 0, 1), gpu(b"H100", 80, 0)] {
			assert_noop!(
				Subnets::set_gpus(RuntimeOrigin::signed(h), netuid, BoundedVec::truncate_from(vec![bad])),
				Error::<Test>::InvalidGpu
			);
		}
	});
}

/// What the jobs pallet reads: the owner, the uid count, and a uid's hotkey only once
/// it serves an endpoint (open jobs go to miners others can reach).
#[test]
fn the_jobs_pallet_sees_owners_and_serving_miners() {
	use hearth_primitives::SubnetMiners;
	build_and_execute(|| {
		assert_eq!(<Subnets as SubnetMiners<_>>::owner(9), None);
		assert_eq!(<Subnets as SubnetMiners<_>>::neuron_count(9), 0);
		let netuid = new_subnet();
		assert_eq!(<Subnets as SubnetMiners<_>>::owner(netuid), Some(OWNER));
		let (a, b) = (register(netuid, ALICE, 1, 1_000), register(netuid, ALICE, 2, 1_000));
		assert_eq!(<Subnets as SubnetMiners<_>>::neuron_count(netuid), 2);
		assert_eq!(<Subnets as SubnetMiners<_>>::serving_miner(netuid, 0), None, "not serving yet");
		let endpoint = Endpoint { ip: [0x20; 16], port: 443 };
		assert_ok!(Subnets::serve(RuntimeOrigin::signed(b), netuid, endpoint));
		assert_eq!(<Subnets as SubnetMiners<_>>::serving_miner(netuid, 1), Some(b));
		assert_ok!(Subnets::serve(RuntimeOrigin::signed(a), netuid, endpoint));
		assert_eq!(<Subnets as SubnetMiners<_>>::serving_miner(netuid, 0), Some(a));
		assert_eq!(<Subnets as SubnetMiners<_>>::serving_miner(netuid, 2), None);
		assert_eq!(<Subnets as SubnetMiners<_>>::serving_miner(netuid, 70_000), None);
	});
}
