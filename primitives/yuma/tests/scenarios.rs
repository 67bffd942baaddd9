//! Epochs worked by hand, edge cases, and multi-epoch stories.

mod common;

use common::World;
use hearth_yuma::{EpochError, Hyperparams, Variant};

fn yuma3() -> Hyperparams {
	Hyperparams::default()
}

fn yuma() -> Hyperparams {
	Hyperparams { variant: Variant::Yuma, ..Default::default() }
}

#[test]
fn one_validator_two_miners_by_hand() {
	// uid 0 validates with all the stake and weighs miners 1 and 2 equally.
	let mut w = World::new(&[100, 0, 0], yuma3());
	w.weigh(0, &[(1, 65535), (2, 65535)]);
	w.last_epoch_block = None; // first epoch: bonds cutoff = block - tempo
	let out = w.epoch();
	// W0 = (1/2, 1/2); one voter: C = (0, 1/2, 1/2); nothing clipped; I = (0, 1/2, 1/2).
	assert_eq!(out.consensus, vec![0, 32767, 32767]);
	assert_eq!(out.incentive, vec![0, 32767, 32767]);
	assert_eq!(out.validator_trust, vec![65535, 0, 0]);
	// Each bond column has one entry, so it normalises to 1: D0 = A0 * (1/2 + 1/2) = 1.
	assert_eq!(out.dividends, vec![65535, 0, 0]);
	// Σ(I + D) = 2: miners get E/4 each, the validator E/2.
	assert_eq!(out.miner_emission, vec![0, 250_000_000, 250_000_000]);
	assert_eq!(out.validator_emission, vec![500_000_000, 0, 0]);
	// Bond = alpha * 1/2 with alpha = floor-bits(0.1) = 429496729 / 2^32, halved to
	// 214748364 bits; stored floor(x * 65535) = floor(214748364 * 65535 / 2^32) = 3276.
	assert_eq!(out.bonds, vec![vec![(1, 3276), (2, 3276)], vec![], vec![]]);
	assert_eq!(out.validator_permit, vec![true, false, false]);
}

#[test]
fn a_single_uid_with_no_one_to_weigh_pays_itself_as_validator() {
	let mut w = World::new(&[5], yuma3());
	w.weigh(0, &[(0, 65535)]); // self-weight is dropped
	let out = w.epoch();
	assert_eq!(out.incentive, vec![0]);
	assert_eq!(out.validator_emission, vec![w.emission]);
	assert_eq!(out.miner_emission, vec![0]);
}

#[test]
fn no_validators_pays_by_raw_stake() {
	// Nobody holds a permit: no active stake, no weights count.
	let mut w = World::new(&[30, 10, 0], yuma3());
	for n in &mut w.neurons {
		n.validator_permit = false;
	}
	w.weigh(0, &[(2, 65535)]);
	let out = w.epoch();
	assert_eq!(out.incentive, vec![0, 0, 0]);
	assert_eq!(out.validator_emission, vec![750_000_000, 250_000_000, 0]);
	// Permits for the next epoch go to the staked uids.
	assert_eq!(out.validator_permit, vec![true, true, false]);
}

#[test]
fn all_inactive_pays_by_stake_and_reports_inactivity() {
	let mut w = World::new(&[30, 10, 0], Hyperparams { activity_cutoff: 10, ..yuma3() });
	w.weigh(0, &[(2, 65535)]).weigh(1, &[(2, 65535)]);
	for n in &mut w.neurons {
		n.last_update = 0;
	}
	let out = w.epoch();
	assert_eq!(out.active, vec![false, false, false]);
	assert_eq!(out.incentive, vec![0, 0, 0]);
	assert_eq!(out.total_emission(), w.emission);
	assert_eq!(out.validator_emission, vec![750_000_000, 250_000_000, 0]);
}

#[test]
fn empty_weights_fall_back_to_active_stake() {
	let mut w = World::new(&[1, 3, 0], yuma());
	let out = w.epoch();
	assert_eq!(out.validator_emission, vec![250_000_000, 750_000_000, 0]);
	assert!(out.bonds.iter().all(Vec::is_empty));
}

#[test]
fn all_weight_on_one_miner_gives_it_all_incentive() {
	let mut w = World::new(&[50, 50, 0, 0], yuma3());
	w.weigh(0, &[(2, 65535)]).weigh(1, &[(2, 65535)]);
	let out = w.epoch();
	assert_eq!(out.incentive, vec![0, 0, 65535, 0]);
	assert_eq!(out.consensus[2], 65535);
	assert_eq!(out.miner_emission[3], 0);
	assert_eq!(out.miner_emission[2], w.emission / 2);
}

#[test]
fn a_validator_weighting_only_itself_earns_no_trust() {
	let mut w = World::new(&[60, 40, 0], yuma3());
	w.weigh(0, &[(0, 65535)]).weigh(1, &[(2, 65535)]);
	let out = w.epoch();
	assert_eq!(out.validator_trust[0], 0, "its only weight was on itself");
	// Validator 1 holds 40 % < kappa: miner 2's consensus is 0.
	assert_eq!(out.consensus[2], 0);
}

#[test]
fn kappa_moves_consensus() {
	// Three validators (50/30/20) give miner 3 different shares of their weight (the rest
	// goes to miner 4): 0.2, 0.5 and 0.8.
	let run = |kappa: u16| {
		let mut w = World::new(&[50, 30, 20, 0, 0], Hyperparams { kappa, ..yuma3() });
		w.weigh(0, &[(3, 16384), (4, 65535)]); // 0.2 / 0.8
		w.weigh(1, &[(3, 65535), (4, 65535)]); // 0.5 / 0.5
		w.weigh(2, &[(3, 65535), (4, 16384)]); // 0.8 / 0.2
		w.epoch().consensus[3]
	};
	let (low, mid, high) = (run(52_428), run(32_767), run(13_107)); // 0.8, 0.5, 0.2
																 // Supported by 80 % of stake: 0.2; by half: 0.5; by 20 %: 0.8 (each up to rounding).
	assert!(low < mid && mid < high, "{low} {mid} {high}");
	assert!((13_100..=13_110).contains(&low), "{low}");
	assert!((32_760..=32_770).contains(&mid), "{mid}");
	assert!((52_420..=52_430).contains(&high), "{high}");
}

#[test]
fn a_validator_going_inactive_and_coming_back() {
	let mut w = World::new(&[60, 40, 0, 0], Hyperparams { activity_cutoff: 100, ..yuma3() });
	w.weigh(0, &[(2, 65535)]).weigh(1, &[(3, 65535)]);
	let first = w.epoch();
	// Validator 0 holds kappa: miner 2 gets the consensus, miner 3 none.
	assert_eq!(first.incentive, vec![0, 0, 65535, 0]);
	assert!(first.validator_emission[0] > 0);

	// Validator 0 stops setting weights: by the next epoch it is inactive.
	w.neurons[0].last_update = 0;
	let away = w.epoch();
	assert!(!away.active[0] && away.active[1]);
	assert_eq!(away.incentive, vec![0, 0, 0, 65535], "validator 1 alone decides");
	assert_eq!(away.validator_emission[0], 0, "an inactive validator earns nothing");

	// It comes back: its weights count again.
	let back = w.epoch();
	assert!(back.active[0]);
	assert_eq!(back.incentive, vec![0, 0, 65535, 0]);
	assert!(back.validator_emission[0] > 0);
}

#[test]
fn a_miner_replaced_at_its_uid_loses_old_weights_and_bonds() {
	let mut w = World::new(&[100, 0, 0], yuma3());
	w.weigh(0, &[(1, 65535), (2, 65535)]);
	let first = w.epoch();
	assert!(first.bonds[0].iter().any(|(j, _)| *j == 1));

	// A new miner takes uid 1 after the validator's last update.
	w.neurons[1].registered_at = w.block - 1;
	w.neurons[0].last_update = w.block - 2;
	let replaced = w.epoch();
	assert_eq!(replaced.incentive[1], 0, "weights set before the registration do not count");
	assert_eq!(replaced.incentive[2], 65535);
	assert!(replaced.bonds[0].iter().all(|(j, _)| *j != 1), "bonds to the old occupant are gone");

	// The validator weighs the newcomer again.
	let again = w.epoch();
	assert_eq!(again.incentive[1], again.incentive[2]);
	assert!(again.incentive[1] > 0);
}

#[test]
fn original_yuma_bonds_are_column_max_upscaled() {
	let mut w = World::new(&[75, 25, 0], yuma());
	w.weigh(0, &[(2, 65535)]).weigh(1, &[(2, 65535)]);
	let out = w.epoch();
	// Column 2's largest bond (validator 0's) is stored as 65535; validator 1's is a
	// third of it, truncated twice as subtensor stores bonds: (0.25 / 0.75) in I32F32 is
	// 0x55555555, and floor(0x55555555 * 65535 / 2^32) = 21844 (rounding would give 21845).
	assert_eq!(out.bonds[0], vec![(2, 65535)]);
	assert_eq!(out.bonds[1], vec![(2, 21844)]);
	assert_eq!(out.dividends, vec![49151, 16383, 0]);
}

#[test]
fn a_validator_losing_its_permit_keeps_no_bonds() {
	for params in [yuma(), yuma3()] {
		let mut w = World::new(&[300, 100, 0, 0], Hyperparams { max_validators: 1, ..params });
		w.weigh(0, &[(2, 65535), (3, 30000)]).weigh(1, &[(2, 65535), (3, 30000)]);
		// Both held permits before this epoch, so both are paid; only uid 0 keeps one.
		let out = w.epoch();
		assert_eq!(out.validator_permit, vec![true, false, false, false]);
		assert!(out.dividends[1] > 0);
		assert!(!out.bonds[0].is_empty());
		assert!(out.bonds[1].is_empty(), "{:?}: bonds go with the permit", params.variant);
		// From then on uid 1 earns no dividends.
		let out = w.epoch();
		assert_eq!(out.dividends[1], 0);
		assert_eq!(out.dividends[0], u16::MAX);
	}
}

#[test]
fn commit_reveal_masks_weights_older_than_a_registration() {
	let mut w = World::new(&[100, 0, 0], Hyperparams { commit_reveal: true, ..yuma3() });
	w.weigh(0, &[(1, 65535), (2, 65535)]);
	w.neurons[2].registered_at = 500;
	w.neurons[0].first_unrevealed_commit = Some(400);
	let out = w.epoch();
	assert_eq!(out.incentive, vec![0, 65535, 0]);
}

#[test]
fn liquid_alpha_changes_bonds_but_not_incentive() {
	let base = {
		let mut w = World::new(&[60, 40, 0, 0], yuma3());
		w.weigh(0, &[(2, 65535), (3, 30000)]).weigh(1, &[(2, 65535)]);
		w
	};
	let mut plain = base.clone();
	let mut liquid = base.clone();
	liquid.params.liquid_alpha = true;
	let (a, b) = (plain.epoch(), liquid.epoch());
	assert_eq!(a.incentive, b.incentive);
	assert_ne!(a.bonds, b.bonds);
}

#[test]
fn malformed_input_is_refused_not_panicked_on() {
	let mut w = World::new(&[1, 1], yuma3());
	w.weights[0] = vec![(5, 1)];
	assert_eq!(hearth_yuma::run_epoch(&w.input()), Err(EpochError::UidOutOfRange { field: "weights", row: 0, uid: 5 }));
	w.weights[0] = vec![(1, 1), (1, 2)];
	assert_eq!(hearth_yuma::run_epoch(&w.input()), Err(EpochError::DuplicateUid { field: "weights", row: 0, uid: 1 }));
	// Sorted rows whose last uid is out of range, and duplicates in an unsorted row.
	w.weights[0] = vec![(0, 1), (2, 1)];
	assert_eq!(hearth_yuma::run_epoch(&w.input()), Err(EpochError::UidOutOfRange { field: "weights", row: 0, uid: 2 }));
	w.weights[0] = vec![(1, 1), (0, 3), (1, 2)];
	assert_eq!(hearth_yuma::run_epoch(&w.input()), Err(EpochError::DuplicateUid { field: "weights", row: 0, uid: 1 }));
	// Bonds are checked the same way, after the weights.
	w.weights[0] = vec![(1, 1)];
	w.bonds[1] = vec![(0, 5), (0, 6)];
	assert_eq!(hearth_yuma::run_epoch(&w.input()), Err(EpochError::DuplicateUid { field: "bonds", row: 1, uid: 0 }));
	w.bonds[1] = vec![(7, 5)];
	assert_eq!(hearth_yuma::run_epoch(&w.input()), Err(EpochError::UidOutOfRange { field: "bonds", row: 1, uid: 7 }));
	w.bonds = vec![Vec::new(); 3];
	assert_eq!(
		hearth_yuma::run_epoch(&w.input()),
		Err(EpochError::LengthMismatch { field: "bonds", expected: 2, got: 3 })
	);
	w.weights = vec![Vec::new()];
	assert_eq!(
		hearth_yuma::run_epoch(&w.input()),
		Err(EpochError::LengthMismatch { field: "weights", expected: 2, got: 1 })
	);
}

#[test]
fn rows_in_any_order_give_the_sorted_rows_result() {
	let mut w = World::new(&[60, 40, 0, 0], yuma());
	w.weigh(0, &[(2, 100), (3, 65535)]).weigh(1, &[(2, 65535), (3, 30000)]);
	w.bonds[0] = vec![(2, 65535), (3, 1000)];
	let sorted = hearth_yuma::run_epoch(&w.input());
	w.weigh(0, &[(3, 65535), (2, 100)]);
	w.bonds[0] = vec![(3, 1000), (2, 65535)];
	assert_eq!(hearth_yuma::run_epoch(&w.input()), sorted);
	assert!(sorted.is_ok());
}
