//! Epochs: the stagger, Yuma's results paid to hotkey pools, the metagraph.

use super::*;

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
		last_epoch_block: info.last_epoch.map(|b| b.saturating_sub(1)),
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
			let carried = EpochAccounts::<Test>::get(netuid).map_or(0, |a| a.carried);
			let to_owner = Perbill::from_percent(18).mul_floor(pending - carried);
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
fn a_validator_that_loses_its_permit_loses_its_bonds() {
	build_and_execute(|| {
		let (netuid, v, _miners) = subnet_with_permits();
		assert_ok!(Subnets::set_hyperparameter(
			RuntimeOrigin::root(),
			netuid,
			Hyperparameter::Variant(YumaVariant::Yuma)
		));
		run_to(System::block_number() + 1);
		assert_ok!(Subnets::set_weights(RuntimeOrigin::signed(v[0]), netuid, uids(&[2, 3, 4]), uids(&[60, 30, 10]), 0));
		assert_ok!(Subnets::set_weights(RuntimeOrigin::signed(v[1]), netuid, uids(&[2, 3, 4]), uids(&[40, 40, 20]), 0));
		run_to(next_epoch(netuid));
		assert!(Bonds::<Test>::get(netuid, 0).is_some() && Bonds::<Test>::get(netuid, 1).is_some());

		// One permit from now on: validator 1 (the smaller stake) loses its permit at the
		// next epoch, which still runs on the old permits and pays it dividends.
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::MaxValidators(1)));
		let epoch = next_epoch(netuid);
		run_to(epoch - 1);
		let expected = expected_epoch(netuid, epoch, 0);
		run_to(epoch);
		let stats = Metagraph::<Test>::get(netuid);
		assert!(stats[0].validator_permit && !stats[1].validator_permit);
		assert!(stats[1].dividends > 0, "paid on its old permit");
		assert!(Bonds::<Test>::get(netuid, 0).is_some());
		assert_eq!(Bonds::<Test>::get(netuid, 1), None, "its bonds went with the permit");
		assert!(expected.bonds[1].is_empty());

		// The next epoch pays it nothing: no permit, no bonds (the original Yuma pays
		// dividends from bonds alone, so kept bonds would have kept paying).
		run_to(next_epoch(netuid));
		assert_eq!(Metagraph::<Test>::get(netuid)[1].dividends, 0);
		assert!(Metagraph::<Test>::get(netuid)[0].dividends > 0);
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
		// One neuron alone is the metagraph's entry for its uid.
		for (uid, neuron) in view.neurons.iter().enumerate() {
			assert_eq!(Subnets::neuron(netuid, uid as u16).as_ref(), Some(neuron));
		}
		assert_eq!(Subnets::neuron(netuid, 5), None, "no uid 5");
		assert_eq!(Subnets::neuron(9, 0), None, "no subnet 9");
	});
}

#[test]
fn default_hyperparameters_are_yumas_defaults() {
	let params = SubnetParams::default();
	assert_eq!(params.to_yuma(), hearth_yuma::Hyperparams::default());
	assert_eq!((params.tempo, params.max_uids, params.variant), (360, 256, YumaVariant::Yuma3));
}

/// A hotkey registering in an epoch's own block (after the epoch ran in its
/// `on_initialize`) took over a uid whose old occupant had bonds: the next epoch's
/// cutoff (`last epoch + 1`) treated it as registered before, so it inherited the old
/// occupant's bonds. The epoch block itself now counts as after the epoch.
#[test]
fn a_neuron_registered_in_the_epoch_block_inherits_no_bonds() {
	build_and_execute(|| {
		let (netuid, v, _miners) = subnet_with_permits();
		// Eight uids (the least allowed), all weighted, none immune: a newcomer replaces
		// one with bonds.
		for i in 3..6 {
			register(netuid, BOB, i, 1_000);
		}
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::ImmunityPeriod(0)));
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::MaxValidators(2)));
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, Hyperparameter::MaxUids(8)));
		run_to(System::block_number() + 1);
		let miners = [2, 3, 4, 5, 6, 7];
		assert_ok!(Subnets::set_weights(
			RuntimeOrigin::signed(v[0]),
			netuid,
			uids(&miners),
			uids(&[60, 30, 10, 5, 5, 5]),
			0
		));
		assert_ok!(Subnets::set_weights(
			RuntimeOrigin::signed(v[1]),
			netuid,
			uids(&miners),
			uids(&[40, 40, 20, 5, 5, 5]),
			0
		));
		run_to(next_epoch(netuid));
		let bonded: Vec<u16> =
			Bonds::<Test>::get(netuid, 0).map(|row| row.iter().map(|(j, _)| *j).collect()).unwrap_or_default();
		assert!(!bonded.is_empty());
		// In the epoch's block, a newcomer replaces a bonded uid.
		let newcomer = register(netuid, CHARLIE, 9, 1_000);
		let uid = Uids::<Test>::get(netuid, newcomer).expect("registered");
		assert!(bonded.contains(&uid), "the newcomer took a bonded uid ({uid} of {bonded:?})");
		run_to(next_epoch(netuid));
		for validator in [0u16, 1] {
			let row = Bonds::<Test>::get(netuid, validator).unwrap_or_default();
			assert!(row.iter().all(|(j, _)| *j != uid), "validator {validator} kept bonds to uid {uid}: {row:?}");
		}
	});
}

/// Switching the variant kept the bonds in the other variant's encoding: Yuma3's
/// proportions were read as the original Yuma's column-max-upscaled integers (and the
/// other way round). The first epoch after a switch starts from no bonds.
#[test]
fn switching_the_variant_does_not_read_one_variants_bonds_as_the_others() {
	use frame_support::storage::{with_transaction, TransactionOutcome};
	build_and_execute(|| {
		let (netuid, v, _miners) = subnet_with_permits();
		run_to(System::block_number() + 1);
		assert_ok!(Subnets::set_weights(RuntimeOrigin::signed(v[0]), netuid, uids(&[2, 3, 4]), uids(&[60, 30, 10]), 0));
		assert_ok!(Subnets::set_weights(RuntimeOrigin::signed(v[1]), netuid, uids(&[2, 3, 4]), uids(&[40, 40, 20]), 0));
		run_to(next_epoch(netuid));
		assert!(Bonds::<Test>::get(netuid, 0).is_some(), "Yuma3 bonds stored");
		assert_ok!(Subnets::set_hyperparameter(
			RuntimeOrigin::root(),
			netuid,
			Hyperparameter::Variant(YumaVariant::Yuma)
		));
		let epoch = next_epoch(netuid);
		run_to(epoch - 1);
		// What the original Yuma computes from no bonds at all.
		let fresh = with_transaction(|| {
			let _ = Bonds::<Test>::clear_prefix(netuid, u32::MAX, None);
			TransactionOutcome::Rollback(Ok::<_, sp_runtime::DispatchError>(expected_epoch(netuid, epoch, 0)))
		})
		.expect("computed");
		run_to(epoch);
		for (uid, row) in fresh.bonds.iter().enumerate() {
			let stored = Bonds::<Test>::get(netuid, uid as u16).map(|r| r.into_inner()).unwrap_or_default();
			assert_eq!(&stored, row, "uid {uid}");
		}
		assert_eq!(SubnetInfos::<Test>::get(netuid).map(|i| i.bonds_variant), Some(YumaVariant::Yuma));
	});
}

/// An empty subnet's owner took 18 % of its pending emission at every epoch, the
/// carried remainder included, so over epochs it took everything (and at launch every
/// subnet got an equal part of the reward whatever its stake). Carried emission is cut
/// once, and a subnet with no stake and no demand accrues nothing.
#[test]
fn an_empty_subnet_accrues_nothing_and_its_owner_cuts_nothing_twice() {
	use frame_support::traits::fungible::Mutate;
	build_and_execute(|| {
		let netuid = new_subnet();
		// No neurons, no stake, no demand: the block reward goes nowhere.
		run_to(next_epoch(netuid) + 1);
		assert_eq!(pallet_hearth_emissions::PendingEmission::<Test>::get(netuid), 0);
		// Emission that is pending anyway (minted and counted as emitted) is cut once.
		let pot = pallet_hearth_emissions::Pallet::<Test>::account_id();
		assert_ok!(Balances::mint_into(&pot, 1_000_000));
		pallet_hearth_emissions::PendingEmission::<Test>::insert(netuid, 1_000_000);
		pallet_hearth_emissions::Emitted::<Test>::mutate(|e| *e += 1_000_000);
		let owner0 = Balances::balance(&OWNER);
		run_to(next_epoch(netuid));
		assert_eq!(Balances::balance(&OWNER), owner0 + 180_000);
		assert_eq!(pallet_hearth_emissions::PendingEmission::<Test>::get(netuid), 820_000, "nobody to pay");
		run_to(next_epoch(netuid));
		run_to(next_epoch(netuid));
		assert_eq!(Balances::balance(&OWNER), owner0 + 180_000, "the carried 820_000 is not cut again");
		assert_eq!(pallet_hearth_emissions::PendingEmission::<Test>::get(netuid), 820_000);
	});
}
