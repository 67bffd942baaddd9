use crate::{mock::*, pallet::*, types::*};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use pallet_hearth_staking::StakeInspect;
use sp_runtime::DispatchError;

/// Alice's hotkeys are 100 + i, Bob's 200 + i.
fn hotkey(owner: AccountId, i: u64) -> AccountId {
	owner * 100 + i
}

/// `owner` registers hotkey `i` with staking, staking `stake` on it.
fn staked_hotkey(owner: AccountId, i: u64, stake: Balance) -> AccountId {
	let h = hotkey(owner, i);
	assert_ok!(Staking::add_stake(RuntimeOrigin::signed(owner), h, stake));
	h
}

/// OWNER creates a subnet; returns its netuid.
fn new_subnet() -> NetUid {
	assert_ok!(Subnets::create_subnet(RuntimeOrigin::signed(OWNER), Balance::MAX));
	SubnetList::<Test>::get().last().unwrap().netuid
}

fn register(netuid: NetUid, owner: AccountId, i: u64, stake: Balance) -> AccountId {
	let h = staked_hotkey(owner, i, stake);
	assert_ok!(Subnets::register(RuntimeOrigin::signed(owner), netuid, h, Balance::MAX));
	h
}

fn uids(v: &[u16]) -> UidVec<u16> {
	BoundedVec::truncate_from(v.to_vec())
}

/// The block of `netuid`'s next epoch.
fn next_epoch(netuid: NetUid) -> u64 {
	Subnets::next_epoch_at(netuid, Subnets::subnets(netuid).params.tempo, System::block_number())
}

impl Subnets {
	fn subnets(netuid: NetUid) -> SubnetOf<Test> {
		Networks::<Test>::get(netuid).expect("subnet exists")
	}
}

// ---- Subnets ----

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
		assert_noop!(Subnets::create_subnet(RuntimeOrigin::signed(OWNER), 2 * MIN_LOCK - 1), Error::<Test>::LockAboveLimit);
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
		// Root dissolves it with its neuron; the pending emission is burned.
		run_to(3);
		assert!(pallet_hearth_emissions::PendingEmission::<Test>::get(netuid) > 0);
		assert_ok!(Subnets::dissolve_subnet(RuntimeOrigin::root(), netuid));
		assert_eq!(Balances::balance(&OWNER), free + MIN_LOCK);
		assert_eq!(pallet_hearth_emissions::PendingEmission::<Test>::get(netuid), 0);
		assert!(Keys::<Test>::get(netuid).is_empty());
		assert_eq!(Uids::<Test>::iter_prefix(netuid).count(), 0);
		assert!(SubnetList::<Test>::get().is_empty());
		// The netuid is free again.
		assert_eq!(new_subnet(), netuid);
	});
}

// ---- Hyperparameters ----

#[test]
fn the_owner_sets_hyperparameters_within_bounds_at_a_limited_rate() {
	build_and_execute(|| {
		let netuid = new_subnet();
		run_to(3);
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::signed(OWNER), netuid, Hyperparameter::Tempo(20)));
		assert_eq!(Subnets::subnets(netuid).params.tempo, 20);
		assert_eq!(SubnetList::<Test>::get()[0].tempo, 20);
		assert!(subnet_events().contains(&Event::HyperparameterSet { netuid, change: Hyperparameter::Tempo(20) }));
		assert_noop!(
			Subnets::set_hyperparameter(RuntimeOrigin::signed(OWNER), netuid, Hyperparameter::Kappa(100)),
			Error::<Test>::HyperparameterRateLimited
		);
		// Root is not rate-limited, but is bound like everyone.
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::Kappa(20_000)));
		assert_noop!(
			Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::Kappa(100)),
			Error::<Test>::HyperparameterOutOfBounds
		);
		assert_noop!(
			Subnets::set_hyperparameter(RuntimeOrigin::signed(ALICE), netuid, Hyperparameter::Kappa(20_000)),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			Subnets::set_hyperparameter(RuntimeOrigin::root(), 9, Hyperparameter::Kappa(20_000)),
			Error::<Test>::SubnetNotFound
		);
	});
}

#[test]
fn hyperparameters_must_stay_consistent() {
	build_and_execute(|| {
		let netuid = new_subnet();
		run_to(3);
		let root = || RuntimeOrigin::root();
		assert_noop!(
			Subnets::set_hyperparameter(root(), netuid, Hyperparameter::AlphaValues(50_000, 40_000)),
			Error::<Test>::HyperparameterInconsistent
		);
		assert_noop!(
			Subnets::set_hyperparameter(root(), netuid, Hyperparameter::MaxValidators(257)),
			Error::<Test>::HyperparameterOutOfBounds
		);
		// 64 validators do not fit in 8 uids.
		assert_noop!(
			Subnets::set_hyperparameter(root(), netuid, Hyperparameter::MaxUids(8)),
			Error::<Test>::HyperparameterInconsistent
		);
		assert_ok!(Subnets::set_hyperparameter(root(), netuid, Hyperparameter::MaxValidators(8)));
		assert_ok!(Subnets::set_hyperparameter(root(), netuid, Hyperparameter::MaxUids(8)));
		assert_noop!(
			Subnets::set_hyperparameter(root(), netuid, Hyperparameter::MaxValidators(9)),
			Error::<Test>::HyperparameterInconsistent
		);
		for i in 0..8 {
			register(netuid, ALICE, i, 1_000);
		}
		assert_ok!(Subnets::set_hyperparameter(root(), netuid, Hyperparameter::MaxUids(16)));
		// Never below the neurons it has.
		assert_noop!(
			Subnets::set_hyperparameter(root(), netuid, Hyperparameter::MaxUids(7)),
			Error::<Test>::HyperparameterInconsistent
		);
		assert_noop!(
			Subnets::set_hyperparameter(root(), netuid, Hyperparameter::MaxUids(4_097)),
			Error::<Test>::HyperparameterOutOfBounds
		);
	});
}

#[test]
fn no_hyperparameter_changes_just_before_an_epoch() {
	build_and_execute(|| {
		let netuid = new_subnet();
		let epoch = next_epoch(netuid);
		run_to(epoch - 1);
		assert_noop!(
			Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::Tempo(30)),
			Error::<Test>::TooCloseToEpoch
		);
		run_to(epoch);
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::Tempo(30)));
	});
}

#[test]
fn root_sets_bounds_that_admit_the_defaults() {
	build_and_execute(|| {
		let mut bounds = ParamBounds::default();
		bounds.kappa = Range::new(1, 100);
		assert_noop!(Subnets::set_bounds(RuntimeOrigin::root(), bounds.clone()), Error::<Test>::InvalidBounds);
		bounds.kappa = Range::new(60_000, 50_000);
		assert_noop!(Subnets::set_bounds(RuntimeOrigin::root(), bounds.clone()), Error::<Test>::InvalidBounds);
		assert_noop!(Subnets::set_bounds(RuntimeOrigin::signed(OWNER), bounds), DispatchError::BadOrigin);
		let mut bounds = ParamBounds::default();
		bounds.tempo = Range::new(TEMPO, 100);
		assert_ok!(Subnets::set_bounds(RuntimeOrigin::root(), bounds.clone()));
		assert_eq!(Bounds::<Test>::get(), bounds);
	});
}

// ---- Neurons ----

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
		assert_noop!(
			Subnets::register(RuntimeOrigin::signed(ALICE), netuid, h2, 149),
			Error::<Test>::BurnAboveLimit
		);
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
fn a_full_subnet_replaces_its_lowest_non_immune_neuron() {
	build_and_execute(|| {
		let netuid = new_subnet();
		run_to(3);
		for change in [Hyperparameter::MaxValidators(8), Hyperparameter::MaxUids(8), Hyperparameter::ImmunityPeriod(20)] {
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
