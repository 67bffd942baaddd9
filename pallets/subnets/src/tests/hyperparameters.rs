//! Hyperparameters: the owner's changes within root's bounds, their consistency and timing.

use super::*;

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

/// The freeze window was checked with the old tempo only: a new tempo could put the
/// next epoch one block away, skipping the window (parameters changed just before an
/// epoch, with no time for anyone to react). The new tempo's next epoch is checked too.
#[test]
fn a_tempo_change_cannot_bring_the_next_epoch_into_the_freeze_window() {
	build_and_execute(|| {
		let netuid = new_subnet();
		let old = Subnets::subnets(netuid).params.tempo;
		// A block where the old tempo's epoch is far but some tempo's is next block.
		let (now, tempo) = (2u64..400)
			.find_map(|now| {
				let far = |tempo: u16| Subnets::next_epoch_at(netuid, tempo, now) - now;
				if far(old) <= 1 {
					return None;
				}
				(5u16..300).find(|t| far(*t) <= 1).map(|t| (now, t))
			})
			.expect("such a block and tempo");
		run_to(now);
		let far = |tempo: u16| Subnets::next_epoch_at(netuid, tempo, now) - now;
		assert_noop!(
			Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::Tempo(tempo)),
			Error::<Test>::TooCloseToEpoch
		);
		let safe = (5u16..200).find(|t| far(*t) > 1 && *t != old).expect("another tempo");
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::Tempo(safe)));
	});
}
