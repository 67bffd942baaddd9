//! The fixed-point pieces of the epoch against the crate subtensor computes them with
//! (substrate-fixed 0.6.0), bit for bit: multiplication and division, `exp` (with
//! subtensor's clamp and error mapping), the liquid alpha of one bond, and the EMA
//! factor. The formulas on the substrate-fixed side follow subtensor's epoch code
//! (`epoch/math.rs`, `epoch/run_epoch.rs`): the same operations in the same order.

use hearth_yuma::{
	bonds::{ema_alpha, liquid_alpha},
	Hyperparams, I32F32,
};
use proptest::prelude::*;
use substrate_fixed::{
	transcendental,
	types::{I32F32 as Fx, I64F64},
};

const ONE: i64 = 1 << 32;

fn fx(x: I32F32) -> Fx {
	Fx::from_bits(x.to_bits())
}

/// subtensor's `exp_safe`: the input clamped to [-20, 20], then the crate's `exp`; an
/// error is 0 for a non-positive input and the largest value otherwise.
fn subtensor_exp(x: Fx) -> Fx {
	let (low, high) = (Fx::from_num(-20), Fx::from_num(20));
	let x = if x < low {
		low
	} else if x > high {
		high
	} else {
		x
	};
	match transcendental::exp::<Fx, Fx>(x) {
		Ok(value) => value,
		Err(()) if x <= Fx::from_num(0) => Fx::from_num(0),
		Err(()) => Fx::max_value(),
	}
}

fn clamp(x: Fx, low: Fx, high: Fx) -> Fx {
	if x < low {
		low
	} else if x > high {
		high
	} else {
		x
	}
}

/// subtensor's per-bond liquid alpha (`alpha_sigmoid`), in substrate-fixed arithmetic.
fn subtensor_liquid_alpha(params: &Hyperparams, weight: Fx, bond: Fx, consensus: Fx) -> Fx {
	let (zero, one) = (Fx::from_num(0), Fx::from_num(1));
	let buy = clamp(weight.saturating_sub(consensus), zero, one);
	let sell = clamp(bond.saturating_sub(weight), zero, one);
	let diff = if weight >= bond { buy } else { sell };
	let exponent = Fx::from_num(params.alpha_steepness)
		.saturating_div(Fx::from_num(-100))
		.saturating_mul(diff.saturating_sub(Fx::from_num(0.5)));
	let sigmoid = one.saturating_div(one.saturating_add(subtensor_exp(exponent)));
	let u16_max = Fx::from_num(u16::MAX);
	let low = Fx::from_num(params.alpha_low).saturating_div(u16_max);
	let high = Fx::from_num(params.alpha_high).saturating_div(u16_max);
	clamp(low.saturating_add(sigmoid.saturating_mul(high.saturating_sub(low))), low, high)
}

/// subtensor's EMA factor without liquid alpha (`compute_disabled_liquid_alpha`).
fn subtensor_ema_alpha(bonds_moving_average: u64) -> Fx {
	let average = I64F64::from_num(bonds_moving_average).saturating_div(I64F64::from_num(1_000_000));
	Fx::from_num(1).saturating_sub(Fx::from_num(average))
}

fn exp_input() -> impl Strategy<Value = i64> {
	prop_oneof![
		-22 * ONE..22 * ONE,
		-2 * ONE..2 * ONE,
		prop::sample::select(vec![
			0,
			1,
			-1,
			ONE,
			-ONE,
			ONE + 1,
			ONE - 1,
			-ONE + 1,
			20 * ONE,
			-20 * ONE,
			i64::MAX,
			i64::MIN
		]),
	]
}

/// A value in [0, 1.25]: weights, bonds and consensus are proportions.
fn proportion() -> impl Strategy<Value = i64> {
	prop_oneof![0..=ONE + ONE / 4, prop::sample::select(vec![0, ONE / 2, ONE, ONE / 2 + 1, ONE / 2 - 1])]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(4_000))]

	#[test]
	fn exp_is_the_crates_bit_for_bit(x in exp_input()) {
		let ours = I32F32::from_bits(x).exp();
		prop_assert_eq!(ours.to_bits(), subtensor_exp(Fx::from_bits(x)).to_bits(), "exp of raw {}", x);
	}

	#[test]
	fn multiplication_and_division_are_the_crates(a in any::<i64>(), b in any::<i64>(), small in -(1i64 << 40)..(1i64 << 40)) {
		for (x, y) in [(a, b), (small, b), (a, small), (small, small >> 3)] {
			let (ours, theirs) = (I32F32::from_bits(x), Fx::from_bits(x));
			prop_assert_eq!(ours.mul(I32F32::from_bits(y)).to_bits(), theirs.saturating_mul(Fx::from_bits(y)).to_bits());
			// Where the crate's division is defined, ours agrees; elsewhere ours is 0.
			let quotient = theirs.checked_div(Fx::from_bits(y)).map_or(0, |q| q.to_bits());
			prop_assert_eq!(ours.div(I32F32::from_bits(y)).to_bits(), quotient);
		}
	}

	#[test]
	fn liquid_alpha_is_subtensors(
		weight in proportion(),
		bond in proportion(),
		consensus in proportion(),
		bounds in (any::<u16>(), any::<u16>()),
		steepness in prop_oneof![0u16..=32_767, Just(1_000u16), Just(100u16)],
	) {
		let params = Hyperparams {
			liquid_alpha: true,
			alpha_low: bounds.0.min(bounds.1),
			alpha_high: bounds.0.max(bounds.1),
			alpha_steepness: steepness,
			..Default::default()
		};
		let ours = liquid_alpha(&params, I32F32::from_bits(weight), I32F32::from_bits(bond), I32F32::from_bits(consensus));
		let theirs =
			subtensor_liquid_alpha(&params, Fx::from_bits(weight), Fx::from_bits(bond), Fx::from_bits(consensus));
		prop_assert_eq!(ours.to_bits(), theirs.to_bits());
	}

	#[test]
	fn the_ema_factor_is_subtensors(average in 0u64..=1_000_000) {
		prop_assert_eq!(ema_alpha(average).to_bits(), subtensor_ema_alpha(average).to_bits());
	}
}

#[test]
fn worked_values() {
	// exp(1) is the crate's constant E (23 fraction bits), not the series' 11674931554.
	assert_eq!(I32F32::ONE.exp().to_bits(), 11_674_931_200);
	assert_eq!(fx(I32F32::ONE.exp()), subtensor_exp(Fx::from_num(1)));
	// exp(-1) goes through the series, so it is not 1 / E.
	assert_ne!(I32F32::from_bits(-ONE).exp(), I32F32::ONE.div(I32F32::ONE.exp()));
	assert_eq!(ema_alpha(900_000).to_bits(), 429_496_730);
}
