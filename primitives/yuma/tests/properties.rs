//! Properties over random subnets: the sparse epoch equals the dense reference;
//! incentive sums to one (or zero); emission is never more than E and loses less than
//! one unit per uid; relabelling uids permutes every output.

mod common;

use common::World;

use hearth_yuma::{
	median::{weighted_median, Selector, Vote},
	reference::run_epoch_dense,
	run_epoch, Hyperparams, Neuron, U16Row, Variant, I32F32,
};
use proptest::prelude::*;

/// A random subnet: the shared scenario type.
type Case = World;

/// `n` rows of up to `per_row` entries; values from the whole range or, to make ties
/// in the medians, from a handful.
fn sparse_rows(n: usize, per_row: usize) -> impl Strategy<Value = Vec<U16Row>> {
	let value = prop_oneof![any::<u16>(), prop::sample::select(vec![1u16, 2, 30_000, 65_535])];
	prop::collection::vec(prop::collection::btree_map(0..n as u16, value, 0..=n.min(per_row)), n)
		.prop_map(|rows| rows.into_iter().map(|m| m.into_iter().collect()).collect())
}

fn case(max_n: usize, distinct_stakes: bool) -> impl Strategy<Value = Case> {
	case_with(1..=max_n, 8, distinct_stakes)
}

/// Subnets wider than the epoch's 16-column tiles, with rows up to every uid.
fn wide_case() -> impl Strategy<Value = Case> {
	case_with(60..=150, usize::MAX, false)
}

fn case_with(
	sizes: core::ops::RangeInclusive<usize>,
	per_row: usize,
	distinct_stakes: bool,
) -> impl Strategy<Value = Case> {
	sizes.prop_flat_map(move |n| {
		let stakes = if distinct_stakes {
			Just((1..=n as u64).map(|i| i * 1_000 + i * i).collect::<Vec<_>>()).boxed()
		} else {
			prop::collection::vec(prop_oneof![Just(0u64), 1..1_000_000u64], n).boxed()
		};
		(
			stakes,
			prop::collection::vec((0..900u64, 0..1_000u64, any::<bool>(), prop::option::of(0..900u64)), n),
			sparse_rows(n, per_row),
			sparse_rows(n, per_row),
			(any::<bool>(), any::<bool>(), any::<bool>(), 0..60_000u16, 0..=1_000_000u64, 1..8u16),
			prop::option::of(500..999u64),
			1..u64::MAX,
			// The bonds penalty: its two shortcut values and any other.
			prop_oneof![Just(0u16), Just(u16::MAX), any::<u16>()],
		)
			.prop_map(|(stakes, meta, weights, bonds, (yuma3, liquid, cr, kappa, bma, maxv), last, e, penalty)| {
				World {
					neurons: stakes
						.iter()
						.zip(meta)
						.map(|(s, (reg, upd, permit, commit))| Neuron {
							stake: *s,
							registered_at: reg,
							last_update: upd,
							validator_permit: permit,
							first_unrevealed_commit: commit,
						})
						.collect(),
					weights,
					bonds,
					params: Hyperparams {
						variant: if yuma3 { Variant::Yuma3 } else { Variant::Yuma },
						liquid_alpha: liquid,
						commit_reveal: cr,
						kappa,
						bonds_moving_average: bma,
						max_validators: maxv,
						activity_cutoff: 300,
						bonds_penalty: penalty,
						..Default::default()
					},
					block: 1_000,
					last_epoch_block: last,
					emission: e as u128,
				}
			})
	})
}

/// The same case with uid `i` renamed `perm[i]`.
fn relabel(c: &Case, perm: &[usize]) -> Case {
	let mut out = c.clone();
	let map_row = |row: &U16Row| -> U16Row {
		let mut r: U16Row = row.iter().map(|(j, v)| (perm[*j as usize] as u16, *v)).collect();
		r.sort();
		r
	};
	for (i, &to) in perm.iter().enumerate() {
		out.neurons[to] = c.neurons[i].clone();
		out.weights[to] = map_row(&c.weights[i]);
		out.bonds[to] = map_row(&c.bonds[i]);
	}
	out
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(300))]

	#[test]
	fn sparse_equals_dense(c in case(24, false)) {
		let sparse = run_epoch(&c.input()).expect("valid input");
		prop_assert_eq!(sparse, run_epoch_dense(&c.input()));
	}

	#[test]
	fn the_fast_median_is_the_specifications(
		votes in prop::collection::vec(
			(prop_oneof![0..5i64, 0..(1i64 << 33)], prop_oneof![Just(0i64), 0..(1i64 << 28)]),
			0..300,
		),
		kappa in prop_oneof![0..=(1i64 << 32) + 5, Just(I32F32::from_u16_proportion(32_767).to_bits())],
	) {
		let stake: Vec<I32F32> = votes.iter().map(|(_, s)| I32F32::from_bits(*s)).collect();
		let score: Vec<I32F32> = votes.iter().map(|(w, _)| I32F32::from_bits(*w)).collect();
		let total = stake.iter().fold(I32F32::ZERO, |acc, s| acc.add(*s));
		let minority = total.sub(I32F32::from_bits(kappa));
		let spec = weighted_median(&stake, &score, minority, total);
		let votes: Vec<Vote> = votes.iter().map(|(w, s)| Vote { score: *w, stake: *s }).collect();
		let fast = Selector::new(8).weighted_median(&votes, minority.to_bits());
		prop_assert_eq!(fast, spec.to_bits());
	}

	#[test]
	fn incentive_sums_to_one_or_zero(c in case(24, false)) {
		let out = run_epoch(&c.input()).expect("valid input");
		let n = c.neurons.len() as u32;
		let total: u32 = out.incentive.iter().map(|x| *x as u32).sum();
		prop_assert!(total == 0 || (65_535 - n - 1..=65_535).contains(&total), "Σ incentive = {}", total);
	}

	#[test]
	fn emission_is_at_most_e_and_loses_less_than_a_unit_per_uid(c in case(24, false)) {
		let out = run_epoch(&c.input()).expect("valid input");
		let paid = out.total_emission();
		prop_assert!(paid <= c.emission);
		let anyone = c.neurons.iter().any(|n| n.stake > 0);
		if anyone {
			prop_assert!(c.emission - paid < c.neurons.len() as u128 + 1, "lost {}", c.emission - paid);
		}
	}

	#[test]
	fn relabelling_uids_permutes_outputs(
		c in case(16, true),
		seed in any::<u64>(),
	) {
		let n = c.neurons.len();
		let mut perm: Vec<usize> = (0..n).collect();
		// A seeded Fisher-Yates shuffle.
		let mut x = seed | 1;
		for i in (1..n).rev() {
			x ^= x << 13; x ^= x >> 7; x ^= x << 17;
			perm.swap(i, (x % (i as u64 + 1)) as usize);
		}
		let a = run_epoch(&c.input()).expect("valid");
		let b = run_epoch(&relabel(&c, &perm).input()).expect("valid");
		for i in 0..n {
			let j = perm[i];
			prop_assert_eq!(a.incentive[i], b.incentive[j]);
			prop_assert_eq!(a.dividends[i], b.dividends[j]);
			prop_assert_eq!(a.consensus[i], b.consensus[j]);
			prop_assert_eq!(a.validator_trust[i], b.validator_trust[j]);
			prop_assert_eq!(a.validator_permit[i], b.validator_permit[j]);
			prop_assert_eq!(a.miner_emission[i], b.miner_emission[j]);
			prop_assert_eq!(a.validator_emission[i], b.validator_emission[j]);
			let mut bonds_a: U16Row = a.bonds[i].iter().map(|(k, v)| (perm[*k as usize] as u16, *v)).collect();
			bonds_a.sort();
			prop_assert_eq!(bonds_a, b.bonds[j].clone());
		}
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(40))]

	#[test]
	fn sparse_equals_dense_on_wide_subnets(c in wide_case()) {
		let sparse = run_epoch(&c.input()).expect("valid input");
		prop_assert_eq!(sparse, run_epoch_dense(&c.input()));
	}
}
