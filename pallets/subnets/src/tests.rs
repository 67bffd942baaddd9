use crate::{mock::*, pallet::*, types::*};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use hearth_primitives::StakeInspect;
use sp_runtime::DispatchError;
use sp_runtime::Perbill;

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
	SubnetEntries::<Test>::get().last().unwrap().netuid
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
		SubnetInfos::<Test>::get(netuid).expect("subnet exists")
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
		// Root dissolves it with its neuron; the pending emission is burned.
		run_to(3);
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

// ---- Hyperparameters ----

#[test]
fn the_owner_sets_hyperparameters_within_bounds_at_a_limited_rate() {
	build_and_execute(|| {
		let netuid = new_subnet();
		run_to(3);
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::signed(OWNER), netuid, Hyperparameter::Tempo(20)));
		assert_eq!(Subnets::subnets(netuid).params.tempo, 20);
		assert_eq!(SubnetEntries::<Test>::get()[0].tempo, 20);
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
		let mut bounds = ParamBounds { kappa: Interval::new(1, 100), ..Default::default() };
		assert_noop!(Subnets::set_bounds(RuntimeOrigin::root(), bounds.clone()), Error::<Test>::InvalidBounds);
		bounds.kappa = Interval::new(60_000, 50_000);
		assert_noop!(Subnets::set_bounds(RuntimeOrigin::root(), bounds.clone()), Error::<Test>::InvalidBounds);
		assert_noop!(Subnets::set_bounds(RuntimeOrigin::signed(OWNER), bounds), DispatchError::BadOrigin);
		let bounds = ParamBounds { tempo: Interval::new(TEMPO, 100), ..Default::default() };
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

// ---- Weights ----

/// A subnet with validators (Alice's hotkeys 0 and 1, large stake) and miners (Bob's
/// hotkeys 0..3, small stake), after one epoch gave everyone a permit.
fn subnet_with_permits() -> (NetUid, Vec<AccountId>, Vec<AccountId>) {
	let netuid = new_subnet();
	let validators = vec![register(netuid, ALICE, 0, 300_000), register(netuid, ALICE, 1, 100_000)];
	let miners = (0..3).map(|i| register(netuid, BOB, i, 1_000)).collect();
	run_to(next_epoch(netuid));
	assert!(Metagraph::<Test>::get(netuid).iter().all(|s| s.validator_permit));
	(netuid, validators, miners)
}

#[test]
fn set_weights_stores_them_max_upscaled() {
	build_and_execute(|| {
		let (netuid, v, _) = subnet_with_permits();
		assert_ok!(Subnets::set_weights(RuntimeOrigin::signed(v[0]), netuid, uids(&[4, 2, 3]), uids(&[10, 40, 0]), 0));
		assert_eq!(Weights::<Test>::get(netuid, 0).unwrap().into_inner(), vec![(2, 65_535), (4, 16_384)]);
		assert_eq!(LastUpdate::<Test>::get(netuid)[0], System::block_number());
		assert!(subnet_events().contains(&Event::WeightsSet { netuid, uid: 0 }));
	});
}

#[test]
fn bad_weights_are_refused_with_the_reason() {
	build_and_execute(|| {
		let (netuid, v, m) = subnet_with_permits();
		let set = |who, u: &[u16], w: &[u16], version| {
			Subnets::set_weights(RuntimeOrigin::signed(who), netuid, uids(u), uids(w), version)
		};
		assert_noop!(set(v[0], &[2, 3], &[1], 0), Error::<Test>::WeightsLengthMismatch);
		assert_noop!(set(v[0], &[2, 5], &[1, 1], 0), Error::<Test>::UidOutOfRange);
		assert_noop!(set(v[0], &[2, 2], &[1, 1], 0), Error::<Test>::DuplicateUid);
		assert_noop!(set(v[0], &[2, 3], &[0, 0], 0), Error::<Test>::AllWeightsZero);
		assert_noop!(set(999, &[2], &[1], 0), Error::<Test>::NotRegistered);
		// Minimum count and version key.
		run_to(System::block_number() + 2);
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::MinWeights(2)));
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::WeightsVersion(7)));
		assert_noop!(set(v[0], &[2], &[1], 7), Error::<Test>::TooFewWeights);
		assert_noop!(set(v[0], &[2, 3], &[1, 1], 6), Error::<Test>::OutdatedVersionKey);
		assert_ok!(set(v[0], &[2, 3], &[1, 1], 7));
		// Rate limit (100 blocks by default).
		assert_noop!(set(v[0], &[2, 3], &[1, 2], 7), Error::<Test>::WeightsRateLimited);
		// A neuron without a permit: the newest registration, replaced into nothing.
		let h = register(netuid, CHARLIE, 1, 100);
		assert_noop!(set(h, &[2, 3], &[1, 1], 7), Error::<Test>::NoValidatorPermit);
		let _ = m;
		// Commit-reveal subnets refuse direct weights.
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::CommitReveal(true)));
		assert_noop!(set(v[1], &[2, 3], &[1, 1], 7), Error::<Test>::CommitRevealRequired);
	});
}

#[test]
fn commit_then_reveal_in_the_next_epoch() {
	build_and_execute(|| {
		let (netuid, v, _) = subnet_with_permits();
		run_to(System::block_number() + 1);
		assert_noop!(
			Subnets::commit_weights(RuntimeOrigin::signed(v[0]), netuid, [1; 32]),
			Error::<Test>::CommitRevealDisabled
		);
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::CommitReveal(true)));
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::WeightsRateLimit(0)));
		let salt: Salt = BoundedVec::truncate_from(vec![7, 8, 9]);
		let (u, w) = (uids(&[2, 3, 4]), uids(&[1, 2, 3]));
		let hash = Subnets::commit_hash(&v[0], netuid, &u, &w, &salt, 0);
		assert_ok!(Subnets::commit_weights(RuntimeOrigin::signed(v[0]), netuid, hash));
		let reveal = |salt: &Salt| {
			Subnets::reveal_weights(RuntimeOrigin::signed(v[0]), netuid, u.clone(), w.clone(), salt.clone(), 0)
		};
		// Same epoch: too early.
		assert_noop!(reveal(&salt), Error::<Test>::RevealTooEarly);
		run_to(next_epoch(netuid));
		// Wrong salt: no matching commit.
		assert_noop!(reveal(&BoundedVec::truncate_from(vec![7, 8])), Error::<Test>::NoMatchingCommit);
		assert_ok!(reveal(&salt));
		assert_eq!(Weights::<Test>::get(netuid, 0).unwrap().into_inner(), vec![(2, 21_845), (3, 43_690), (4, 65_535)]);
		assert!(WeightCommits::<Test>::get(netuid, v[0]).is_empty());
		assert!(subnet_events().contains(&Event::WeightsRevealed { netuid, uid: 0, hash }));
	});
}

#[test]
fn a_reveal_after_its_epoch_is_too_late_and_commits_are_bounded() {
	build_and_execute(|| {
		let (netuid, v, _) = subnet_with_permits();
		run_to(System::block_number() + 1);
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::CommitReveal(true)));
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::WeightsRateLimit(2)));
		let salt: Salt = BoundedVec::truncate_from(vec![1]);
		let (u, w) = (uids(&[2]), uids(&[1]));
		let hash = Subnets::commit_hash(&v[1], netuid, &u, &w, &salt, 0);
		assert_ok!(Subnets::commit_weights(RuntimeOrigin::signed(v[1]), netuid, hash));
		assert_noop!(
			Subnets::commit_weights(RuntimeOrigin::signed(v[1]), netuid, [2; 32]),
			Error::<Test>::WeightsRateLimited
		);
		run_to(System::block_number() + 2);
		assert_ok!(Subnets::commit_weights(RuntimeOrigin::signed(v[1]), netuid, [2; 32]));
		run_to(System::block_number() + 2);
		assert_noop!(
			Subnets::commit_weights(RuntimeOrigin::signed(v[1]), netuid, [3; 32]),
			Error::<Test>::TooManyCommits
		);
		// Two epochs later the first commit's reveal window (one epoch) has passed.
		let first = next_epoch(netuid);
		run_to(first);
		run_to(System::block_number() + 2);
		let info = SubnetInfos::<Test>::get(netuid).unwrap();
		// Still live until the next epoch prunes it: revealing now is on time...
		assert_eq!(info.epochs, WeightCommits::<Test>::get(netuid, v[1])[0].epoch + 1);
		// ...but after one more epoch it is too late (the epoch prunes it, too).
		let hash_kept = WeightCommits::<Test>::get(netuid, v[1]).clone();
		run_to(next_epoch(netuid));
		assert!(WeightCommits::<Test>::get(netuid, v[1]).len() < hash_kept.len());
		assert_noop!(
			Subnets::reveal_weights(RuntimeOrigin::signed(v[1]), netuid, u, w, salt, 0),
			Error::<Test>::NoMatchingCommit
		);
		assert!(subnet_events().iter().any(|e| matches!(e, Event::CommitsExpired { uid: 1, .. })));
	});
}

#[test]
fn a_late_reveal_of_a_live_commit_is_refused() {
	build_and_execute(|| {
		let (netuid, v, _) = subnet_with_permits();
		run_to(System::block_number() + 1);
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::CommitReveal(true)));
		let salt: Salt = BoundedVec::truncate_from(vec![1]);
		let (u, w) = (uids(&[2]), uids(&[1]));
		let hash = Subnets::commit_hash(&v[0], netuid, &u, &w, &salt, 0);
		assert_ok!(Subnets::commit_weights(RuntimeOrigin::signed(v[0]), netuid, hash));
		// Pretend two epochs passed without the hook pruning (counter only).
		SubnetInfos::<Test>::mutate(netuid, |i| i.as_mut().unwrap().epochs += 2);
		assert_noop!(
			Subnets::reveal_weights(RuntimeOrigin::signed(v[0]), netuid, u, w, salt, 0),
			Error::<Test>::RevealTooLate
		);
	});
}

// ---- Epochs ----

#[test]
fn epochs_are_staggered_and_at_most_one_runs_per_block() {
	build_and_execute(|| {
		// Tempo 10: netuid 1 runs where (b + 2) % 11 == 0, netuid 2 where (b + 3) % 11 == 0.
		let (a, b) = (new_subnet(), new_subnet());
		assert_eq!(Subnets::next_epoch_at(a, TEMPO, 1), 9);
		assert_eq!(Subnets::next_epoch_at(b, TEMPO, 1), 8);
		run_to(9);
		assert_eq!(SubnetInfos::<Test>::get(a).unwrap().last_epoch, Some(9));
		assert_eq!(SubnetInfos::<Test>::get(b).unwrap().last_epoch, Some(8));
		// With b at tempo 9 (due where (x + 3) % 10 == 0) and a at tempo 10 (due where
		// (x + 2) % 11 == 0), some later block has both due: the second waits one block.
		run_to(12);
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), b, Hyperparameter::Tempo(9)));
		let next_a = Subnets::next_epoch_at(a, TEMPO, 12);
		let next_b = Subnets::next_epoch_at(b, 9, 12);
		assert_eq!((next_a, next_b), (20, 17));
		let shared = (27..400).find(|x| (x + 2) % 11 == 0 && (x + 3) % 10 == 0).unwrap();
		run_to(shared);
		let ran: Vec<NetUid> =
			[a, b].into_iter().filter(|n| SubnetInfos::<Test>::get(n).unwrap().last_epoch == Some(shared)).collect();
		assert_eq!(ran.len(), 1, "one epoch per block");
		assert_eq!(PendingEpochs::<Test>::get().len(), 1);
		run_to(shared + 1);
		assert!(PendingEpochs::<Test>::get().is_empty());
		assert!([a, b].iter().any(|n| SubnetInfos::<Test>::get(n).unwrap().last_epoch == Some(shared + 1)));
	});
}

/// What Yuma computes for `netuid` from its stored state at block `now`.
fn expected_epoch(netuid: NetUid, now: u64, emission: u128) -> hearth_yuma::EpochOutput {
	let keys = Keys::<Test>::get(netuid);
	let n = keys.len();
	let stakes: Vec<u128> = keys.iter().map(Staking::hotkey_stake).collect();
	let stats = Metagraph::<Test>::get(netuid);
	let neurons: Vec<hearth_yuma::Neuron> = (0..n)
		.map(|i| hearth_yuma::Neuron {
			stake: stakes[i] as u64,
			registered_at: RegisteredAt::<Test>::get(netuid)[i],
			last_update: LastUpdate::<Test>::get(netuid)[i],
			validator_permit: stats[i].validator_permit,
			first_unrevealed_commit: None,
		})
		.collect();
	let row = |r: Option<Row>| r.map(|r| r.into_inner()).unwrap_or_default();
	let weights: Vec<_> = (0..n as u16).map(|u| row(Weights::<Test>::get(netuid, u))).collect();
	let bonds: Vec<_> = (0..n as u16).map(|u| row(Bonds::<Test>::get(netuid, u))).collect();
	let info = SubnetInfos::<Test>::get(netuid).unwrap();
	let params = info.params.to_yuma();
	hearth_yuma::run_epoch(&hearth_yuma::EpochInput {
		block: now,
		last_epoch_block: info.last_epoch,
		neurons: &neurons,
		weights: &weights,
		bonds: &bonds,
		params: &params,
		emission,
	})
	.unwrap()
}

#[test]
fn emissions_land_on_hotkey_pools_exactly_as_yuma_computes() {
	use frame_support::traits::Hooks;
	build_and_execute(|| {
		let (netuid, v, m) = subnet_with_permits();
		let all: Vec<AccountId> = v.iter().chain(m.iter()).copied().collect();
		// Validator 0 favours miner 2, validator 1 spreads; both ignore the validators.
		run_to(System::block_number() + 1);
		assert_ok!(Subnets::set_weights(RuntimeOrigin::signed(v[0]), netuid, uids(&[2, 3, 4]), uids(&[60, 30, 10]), 0));
		assert_ok!(Subnets::set_weights(RuntimeOrigin::signed(v[1]), netuid, uids(&[2, 3, 4]), uids(&[40, 40, 20]), 0));
		for _ in 0..4 {
			let epoch = next_epoch(netuid);
			run_to(epoch - 1);
			// The epoch block: emissions mint first, then the subnet pays.
			System::set_block_number(epoch);
			Emissions::on_initialize(epoch);
			let pending = pallet_hearth_emissions::PendingEmission::<Test>::get(netuid);
			let to_owner = Perbill::from_percent(18).mul_floor(pending);
			let expected = expected_epoch(netuid, epoch, pending - to_owner);
			let before: Vec<u128> = all.iter().map(Staking::hotkey_stake).collect();
			let owner_before = Balances::balance(&OWNER);
			Subnets::on_initialize(epoch);
			for (i, h) in all.iter().enumerate() {
				let earned = expected.miner_emission[i] + expected.validator_emission[i];
				assert_eq!(Staking::hotkey_stake(h), before[i] + earned, "uid {i} at block {epoch}");
			}
			assert_eq!(Balances::balance(&OWNER), owner_before + to_owner);
			let acc = EpochAccounts::<Test>::get(netuid).unwrap();
			assert_eq!(acc.emission, pending);
			assert_eq!(acc.to_owner, to_owner);
			assert_eq!(acc.to_miners, expected.miner_emission.iter().sum::<u128>());
			assert_eq!(acc.to_validators, expected.validator_emission.iter().sum::<u128>());
			assert_eq!(acc.to_owner + acc.to_miners + acc.to_validators + acc.carried, pending);
			assert_eq!(pallet_hearth_emissions::PendingEmission::<Test>::get(netuid), acc.carried);
			let stats = Metagraph::<Test>::get(netuid);
			assert_eq!(stats.iter().map(|s| s.incentive).collect::<Vec<_>>(), expected.incentive);
			assert_eq!(stats.iter().map(|s| s.dividends).collect::<Vec<_>>(), expected.dividends);
		}
		// Miner 2 got the most incentive; validators earned dividends.
		let stats = Metagraph::<Test>::get(netuid);
		assert!(stats[2].incentive > stats[3].incentive && stats[3].incentive > stats[4].incentive);
		assert!(stats[0].dividends > 0 && stats[1].dividends > 0);
		// The subnet's stake (its weight in the split) is what its neurons hold.
		let total: u128 = all.iter().map(Staking::hotkey_stake).sum();
		assert!(SubnetEntries::<Test>::get()[0].stake > 0 && SubnetEntries::<Test>::get()[0].stake <= total);
	});
}

#[test]
fn the_metagraph_view_shows_neurons_and_the_last_epoch() {
	build_and_execute(|| {
		let (netuid, v, m) = subnet_with_permits();
		let view = Subnets::metagraph(netuid).unwrap();
		assert_eq!(view.neurons.len(), 5);
		assert_eq!(view.neurons[0].hotkey, v[0]);
		assert_eq!(view.neurons[0].coldkey, Some(ALICE));
		assert_eq!(view.neurons[2].hotkey, m[0]);
		assert_eq!(view.neurons[2].stake, Staking::hotkey_stake(&m[0]));
		assert_eq!(view.last_epoch, EpochAccounts::<Test>::get(netuid));
		assert_eq!(view.next_epoch_at, next_epoch(netuid));
		assert_eq!(Subnets::metagraph(9), None);
		assert_eq!(Subnets::netuids(), vec![netuid]);
	});
}

#[test]
fn default_hyperparameters_are_yumas_defaults() {
	let params = SubnetParams::default();
	assert_eq!(params.to_yuma(), hearth_yuma::Hyperparams::default());
	assert_eq!((params.tempo, params.max_uids, params.variant), (360, 256, YumaVariant::Yuma3));
}
