//! Weights: direct, and by commit-reveal.

use super::*;

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
