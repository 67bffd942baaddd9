//! A straightforward dense implementation of one epoch: n×n matrices, every column of
//! every row visited. It is the baseline of the bench and the oracle of the tests (the
//! sparse [`run_epoch`](crate::run_epoch) must agree with it on every input), and it is
//! deliberately written without any of the sparse code's shortcuts.

use crate::{
	bonds::{ema_alpha, liquid_alpha},
	epoch::{pro_rata, stake_shares, top_k_permits},
	fixed::{sum, I32F32},
	median::weighted_median,
	types::{EpochInput, EpochOutput, Variant},
};
use alloc::{vec, vec::Vec};

type Dense = Vec<Vec<I32F32>>;

fn normalize(v: &mut [I32F32]) {
	let total = sum(v);
	if !total.is_zero() {
		v.iter_mut().for_each(|x| *x = x.div(total));
	}
}

// The reference reads like the specification's matrix formulas: indices, not iterators.
#[allow(clippy::needless_range_loop)]
fn col_normalize(m: &mut Dense) {
	let n = m.len();
	for j in 0..n {
		let total = (0..n).fold(I32F32::ZERO, |acc, i| acc.add(m[i][j]));
		if !total.is_zero() {
			(0..n).for_each(|i| m[i][j] = m[i][j].div(total));
		}
	}
}

fn dense(rows: &[crate::U16Row], n: usize, read: impl Fn(u16) -> I32F32) -> Dense {
	let mut m = vec![vec![I32F32::ZERO; n]; n];
	for (i, row) in rows.iter().enumerate() {
		for (j, v) in row {
			m[i][*j as usize] = read(*v);
		}
	}
	m
}

/// One epoch, densely. Panics on malformed input (it is a test and bench tool).
pub fn run_epoch_dense(input: &EpochInput<'_>) -> EpochOutput {
	let nr = input.neurons;
	let p = input.params;
	let n = nr.len();
	let active: Vec<bool> = nr.iter().map(|x| x.last_update + p.activity_cutoff >= input.block).collect();
	let s = stake_shares(&nr.iter().map(|x| x.stake).collect::<Vec<_>>());
	let validator_permit = top_k_permits(&s, p.max_validators as usize);
	let mut a: Vec<I32F32> =
		(0..n).map(|i| if active[i] && nr[i].validator_permit { s[i] } else { I32F32::ZERO }).collect();
	normalize(&mut a);

	let mut w = dense(input.weights, n, I32F32::from_u16);
	for i in 0..n {
		for j in 0..n {
			let unrevealed = p.commit_reveal && nr[i].first_unrevealed_commit.is_some_and(|c| c < nr[j].registered_at);
			if !nr[i].validator_permit || i == j || nr[i].last_update <= nr[j].registered_at || unrevealed {
				w[i][j] = I32F32::ZERO;
			}
		}
		let total = sum(&w[i]);
		if !total.is_zero() {
			w[i].iter_mut().for_each(|x| *x = x.div(total));
		}
	}

	// Consensus: every column, with every voter's score (zeros included).
	let voters: Vec<usize> = (0..n).filter(|&i| a[i] > I32F32::ZERO).collect();
	let mut vs: Vec<I32F32> = voters.iter().map(|&i| a[i]).collect();
	normalize(&mut vs);
	let total = sum(&vs);
	let minority = total.sub(I32F32::from_u16_proportion(p.kappa));
	let c: Vec<I32F32> = (0..n)
		.map(|j| {
			let scores: Vec<I32F32> = voters.iter().map(|&i| w[i][j]).collect();
			weighted_median(&vs, &scores, minority, total)
		})
		.collect();

	let wc: Dense = w.iter().map(|row| row.iter().zip(&c).map(|(&x, &cj)| x.min(cj)).collect()).collect();
	let trust: Vec<I32F32> = wc.iter().map(|row| sum(row)).collect();
	let mut incentive: Vec<I32F32> =
		(0..n).map(|j| (0..n).fold(I32F32::ZERO, |acc, i| acc.add(a[i].mul(wc[i][j])))).collect();
	normalize(&mut incentive);
	let penalty = I32F32::from_u16_proportion(p.bonds_penalty);
	let wb: Dense = (0..n).map(|i| (0..n).map(|j| w[i][j].add(penalty.mul(wc[i][j].sub(w[i][j])))).collect()).collect();

	let cutoff = input.last_epoch_block.map(|b| b + 1).unwrap_or(input.block.saturating_sub(p.tempo));
	let alpha = ema_alpha(p.bonds_moving_average);
	let one_minus = I32F32::ONE.sub(alpha);
	let proportion = p.variant == Variant::Yuma3;
	let mut b =
		dense(input.bonds, n, |v| if proportion { I32F32::from_u16_proportion(v) } else { I32F32::from_u16(v) });
	for row in b.iter_mut() {
		for j in 0..n {
			if cutoff <= nr[j].registered_at {
				row[j] = I32F32::ZERO;
			}
		}
	}
	let (mut dividends, stored) = match p.variant {
		Variant::Yuma => {
			col_normalize(&mut b);
			let mut delta: Dense = (0..n).map(|i| (0..n).map(|j| wb[i][j].mul(a[i])).collect()).collect();
			col_normalize(&mut delta);
			let mut eb: Dense =
				(0..n).map(|i| (0..n).map(|j| alpha.mul(delta[i][j]).add(one_minus.mul(b[i][j]))).collect()).collect();
			col_normalize(&mut eb);
			let d: Vec<I32F32> =
				eb.iter().map(|row| (0..n).fold(I32F32::ZERO, |acc, j| acc.add(row[j].mul(incentive[j])))).collect();
			let maxima: Vec<I32F32> = (0..n).map(|j| (0..n).map(|i| eb[i][j]).max().unwrap_or_default()).collect();
			let stored: Vec<crate::U16Row> = eb
				.iter()
				.map(|row| {
					(0..n).map(|j| (j as u16, row[j].div(maxima[j]).to_u16())).filter(|(_, v)| *v != 0).collect()
				})
				.collect();
			(d, stored)
		},
		Variant::Yuma3 => {
			let liquid = p.liquid_alpha && c.iter().any(|x| !x.is_zero());
			let eb: Dense = (0..n)
				.map(|i| {
					(0..n)
						.map(|j| {
							let (x, old) = (wb[i][j], b[i][j]);
							if !liquid {
								return alpha.mul(x).add(one_minus.mul(old));
							}
							let al = liquid_alpha(p, x, old, c[j]);
							I32F32::ONE.sub(al).mul(old).add(al.mul(x).max(I32F32::ZERO)).min(I32F32::ONE)
						})
						.collect()
				})
				.collect();
			let mut ebn = eb.clone();
			col_normalize(&mut ebn);
			let d: Vec<I32F32> = (0..n)
				.map(|i| a[i].mul((0..n).fold(I32F32::ZERO, |acc, j| acc.add(ebn[i][j].mul(incentive[j])))))
				.collect();
			let stored: Vec<crate::U16Row> = eb
				.iter()
				.map(|row| (0..n).map(|j| (j as u16, row[j].to_u16())).filter(|(_, v)| *v != 0).collect())
				.collect();
			(d, stored)
		},
	};
	normalize(&mut dividends);
	// Only uids holding a new permit keep a bond row.
	let stored: Vec<crate::U16Row> =
		stored.into_iter().zip(&validator_permit).map(|(row, permit)| if *permit { row } else { Vec::new() }).collect();

	let whole = sum(&incentive).add(sum(&dividends));
	let (miner_emission, validator_emission) = if whole > I32F32::ZERO {
		let miner: Vec<u128> = incentive.iter().map(|x| pro_rata(input.emission, *x, whole)).collect();
		let both: Vec<u128> = (0..n).map(|i| pro_rata(input.emission, incentive[i].add(dividends[i]), whole)).collect();
		(miner.clone(), both.iter().zip(&miner).map(|(b, m)| b - m).collect())
	} else {
		let basis = if sum(&a).is_zero() { s.clone() } else { a.clone() };
		let total = sum(&basis);
		(vec![0; n], basis.iter().map(|x| pro_rata(input.emission, *x, total)).collect())
	};
	let to_u16 = |v: &[I32F32]| v.iter().map(|x| x.to_u16()).collect::<Vec<_>>();
	EpochOutput {
		active,
		validator_permit,
		consensus: to_u16(&c),
		incentive: to_u16(&incentive),
		dividends: to_u16(&dividends),
		validator_trust: to_u16(&trust),
		bonds: stored,
		miner_emission,
		validator_emission,
	}
}
