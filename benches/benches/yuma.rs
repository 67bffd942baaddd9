//! One Yuma epoch at n = 256, 1024 and 4096 uids with 64 validators, for dense and
//! sparse weight patterns, against the dense O(n²) reference measured in the same run.
//!
//! `cargo bench -p hearth-benches --bench yuma` prints, per case: the sparse epoch's
//! median time, its time per non-zero weight, the reference's median, and the ratio.
//! Set `YUMA_BENCH_QUICK=1` to skip n = 4096 for the reference (its matrices take
//! ~1 GiB).

use hearth_benches::{measure, Budget, Rng};
use hearth_yuma::{reference::run_epoch_dense, run_epoch, EpochInput, Hyperparams, Neuron, U16Row, Variant};

const VALIDATORS: usize = 64;

struct Subnet {
	neurons: Vec<Neuron>,
	weights: Vec<U16Row>,
	bonds: Vec<U16Row>,
	params: Hyperparams,
}

impl Subnet {
	fn input(&self) -> EpochInput<'_> {
		EpochInput {
			block: 10_000,
			last_epoch_block: Some(9_640),
			neurons: &self.neurons,
			weights: &self.weights,
			bonds: &self.bonds,
			params: &self.params,
			emission: 500_000_000_000,
		}
	}
}

/// `n` uids, the first 64 validators; each validator weighs `per_row` miners (all of
/// them when `per_row >= n`). Bonds come from one warm-up epoch.
fn subnet(n: usize, per_row: usize, variant: Variant) -> Subnet {
	let mut rng = Rng::new(0x9E37_79B9_7F4A_7C15 ^ n as u64 ^ per_row as u64);
	let neurons = (0..n)
		.map(|i| Neuron {
			stake: if i < VALIDATORS { 1_000_000 + rng.next() % 1_000_000 } else { 0 },
			registered_at: 0,
			last_update: 9_999,
			validator_permit: i < VALIDATORS,
			first_unrevealed_commit: None,
		})
		.collect();
	let weights = (0..n)
		.map(|i| {
			if i >= VALIDATORS {
				return Vec::new();
			}
			let mut row: Vec<(u16, u16)> = if per_row >= n {
				(0..n).map(|j| (j as u16, 1 + (rng.next() % 65_535) as u16)).collect()
			} else {
				let mut cols: Vec<u16> =
					(0..per_row).map(|_| (VALIDATORS as u64 + rng.next() % (n - VALIDATORS) as u64) as u16).collect();
				cols.sort();
				cols.dedup();
				cols.into_iter().map(|j| (j, 1 + (rng.next() % 65_535) as u16)).collect()
			};
			row.retain(|(j, _)| *j as usize != i);
			row
		})
		.collect();
	let params = Hyperparams { variant, max_validators: VALIDATORS as u16, ..Default::default() };
	let mut s = Subnet { neurons, weights, bonds: vec![Vec::new(); n], params };
	s.bonds = run_epoch(&s.input()).expect("valid").bonds;
	s
}

fn main() {
	let quick = std::env::var("YUMA_BENCH_QUICK").is_ok();
	println!(
		"{:<8} {:<7} {:<7} {:>9} {:>12} {:>14} {:>14} {:>8}",
		"variant", "n", "pattern", "nnz", "sparse", "per nnz", "dense ref", "ratio"
	);
	for variant in [Variant::Yuma3, Variant::Yuma] {
		for n in [256usize, 1024, 4096] {
			for (pattern, per_row) in [("dense", usize::MAX), ("sparse", 32)] {
				let s = subnet(n, per_row, variant);
				let nnz: usize =
					s.weights.iter().map(Vec::len).sum::<usize>() + s.bonds.iter().map(Vec::len).sum::<usize>();
				let budget = Budget::new(3, 300);
				let sparse = measure(budget, || {
					std::hint::black_box(run_epoch(&s.input()).expect("valid"));
				});
				let dense = if quick && n > 1024 {
					None
				} else {
					assert_eq!(run_epoch(&s.input()).expect("valid"), run_epoch_dense(&s.input()), "sparse == dense");
					Some(measure(budget, || {
						std::hint::black_box(run_epoch_dense(&s.input()));
					}))
				};
				println!(
					"{:<8} {:<7} {:<7} {:>9} {:>10.3}ms {:>12.1}ns {:>12} {:>8}",
					format!("{variant:?}"),
					n,
					pattern,
					nnz,
					sparse.secs() * 1e3,
					sparse.secs() * 1e9 / nnz.max(1) as f64,
					dense.as_ref().map_or("skipped".into(), |d| format!("{:.3}ms", d.secs() * 1e3)),
					dense.as_ref().map_or("-".into(), |d| format!("{:.1}x", sparse.speedup_over(d))),
				);
			}
		}
	}
}
