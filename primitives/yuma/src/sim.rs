//! The offline simulator: a scenario (JSON) in, per-epoch results (JSON) out.
//! The schema is documented in this crate's README. Every malformed input gets an
//! error that names the field; nothing here panics on input.

use crate::{run_epoch, EpochInput, EpochOutput, Hyperparams, Neuron, U16Row, Variant};
use serde_json::{json, Map, Value};
use std::{format, string::String, vec::Vec};

/// A simulator error: what is wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimError(pub String);

impl core::fmt::Display for SimError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(&self.0)
	}
}

type Result<T> = core::result::Result<T, SimError>;

fn err<T>(msg: String) -> Result<T> {
	Err(SimError(msg))
}

fn as_u64(v: &Value, path: &str) -> Result<u64> {
	match v {
		Value::Number(n) => n.as_u64().map_or_else(|| err(format!("{path}: {n} is not an unsigned integer")), Ok),
		Value::String(s) => s.parse().map_err(|_| SimError(format!("{path}: \"{s}\" is not an unsigned integer"))),
		other => err(format!("{path}: expected an unsigned integer, found {other}")),
	}
}

fn as_u128(v: &Value, path: &str) -> Result<u128> {
	match v {
		Value::Number(n) => {
			n.as_u64().map(u128::from).map_or_else(|| err(format!("{path}: {n} is not an unsigned integer")), Ok)
		},
		Value::String(s) => s.parse().map_err(|_| SimError(format!("{path}: \"{s}\" is not an unsigned integer"))),
		other => err(format!("{path}: expected an unsigned integer, found {other}")),
	}
}

fn as_u16(v: &Value, path: &str) -> Result<u16> {
	let x = as_u64(v, path)?;
	u16::try_from(x).map_err(|_| SimError(format!("{path}: {x} does not fit in 0..=65535")))
}

fn as_bool(v: &Value, path: &str) -> Result<bool> {
	v.as_bool().map_or_else(|| err(format!("{path}: expected true or false, found {v}")), Ok)
}

fn as_array<'a>(v: &'a Value, path: &str) -> Result<&'a Vec<Value>> {
	v.as_array().map_or_else(|| err(format!("{path}: expected an array, found {v}")), Ok)
}

fn as_object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>> {
	v.as_object().map_or_else(|| err(format!("{path}: expected an object, found {v}")), Ok)
}

/// A per-uid array of exactly `n` entries.
fn per_uid<T>(v: &Value, path: &str, n: usize, f: impl Fn(&Value, &str) -> Result<T>) -> Result<Vec<T>> {
	let items = as_array(v, path)?;
	if items.len() != n {
		return err(format!("{path}: {} entries, expected {n} (one per uid)", items.len()));
	}
	items.iter().enumerate().map(|(i, x)| f(x, &format!("{path}[{i}]"))).collect()
}

/// Sparse rows `[[uid, value], ...]`, one per uid, uids in range and distinct per row.
fn rows(v: &Value, path: &str, n: usize) -> Result<Vec<U16Row>> {
	per_uid(v, path, n, |row, row_path| {
		let mut seen = std::collections::BTreeSet::new();
		as_array(row, row_path)?
			.iter()
			.enumerate()
			.map(|(k, pair)| {
				let at = format!("{row_path}[{k}]");
				let pair = as_array(pair, &at)?;
				if pair.len() != 2 {
					return err(format!("{at}: expected [uid, value], found {} items", pair.len()));
				}
				let uid = as_u16(&pair[0], &format!("{at}[0]"))?;
				if uid as usize >= n {
					return err(format!("{row_path}: uid {uid} out of range ({n} uids)"));
				}
				if !seen.insert(uid) {
					return err(format!("{row_path}: uid {uid} appears twice"));
				}
				Ok((uid, as_u16(&pair[1], &format!("{at}[1]"))?))
			})
			.collect()
	})
}

fn reject_unknown(obj: &Map<String, Value>, path: &str, known: &[&str]) -> Result<()> {
	match obj.keys().find(|k| !known.contains(&k.as_str())) {
		Some(k) => err(format!("{path}: unknown field `{k}` (known: {})", known.join(", "))),
		None => Ok(()),
	}
}

fn params(v: Option<&Value>, variant: Variant) -> Result<Hyperparams> {
	let mut p = Hyperparams { variant, ..Default::default() };
	let Some(v) = v else { return Ok(p) };
	let obj = as_object(v, "params")?;
	reject_unknown(
		obj,
		"params",
		&[
			"kappa",
			"bonds_moving_average",
			"bonds_penalty",
			"max_validators",
			"activity_cutoff",
			"tempo",
			"commit_reveal",
			"liquid_alpha",
			"alpha_low",
			"alpha_high",
			"alpha_steepness",
		],
	)?;
	for (key, value) in obj {
		let path = format!("params.{key}");
		match key.as_str() {
			"kappa" => p.kappa = as_u16(value, &path)?,
			"bonds_moving_average" => {
				p.bonds_moving_average = as_u64(value, &path)?;
				if p.bonds_moving_average > 1_000_000 {
					return err(format!("{path}: {} is above 1000000", p.bonds_moving_average));
				}
			},
			"bonds_penalty" => p.bonds_penalty = as_u16(value, &path)?,
			"max_validators" => p.max_validators = as_u16(value, &path)?,
			"activity_cutoff" => p.activity_cutoff = as_u64(value, &path)?,
			"tempo" => p.tempo = as_u64(value, &path)?,
			"commit_reveal" => p.commit_reveal = as_bool(value, &path)?,
			"liquid_alpha" => p.liquid_alpha = as_bool(value, &path)?,
			"alpha_low" => p.alpha_low = as_u16(value, &path)?,
			"alpha_high" => p.alpha_high = as_u16(value, &path)?,
			"alpha_steepness" => p.alpha_steepness = as_u16(value, &path)?,
			_ => {},
		}
	}
	if p.alpha_low > p.alpha_high {
		return err(format!("params.alpha_low: {} is above alpha_high {}", p.alpha_low, p.alpha_high));
	}
	Ok(p)
}

fn amount(x: u128) -> Value {
	u64::try_from(x).map_or_else(|_| Value::String(x.to_string()), Value::from)
}

fn epoch_json(block: u64, out: &EpochOutput) -> Value {
	json!({
		"block": block,
		"active": out.active,
		"validator_permit": out.validator_permit,
		"consensus": out.consensus,
		"incentive": out.incentive,
		"dividends": out.dividends,
		"validator_trust": out.validator_trust,
		"bonds": out.bonds.iter().map(|r| r.iter().map(|(u, v)| json!([u, v])).collect::<Vec<_>>()).collect::<Vec<_>>(),
		"miner_emission": out.miner_emission.iter().map(|x| amount(*x)).collect::<Vec<_>>(),
		"validator_emission": out.validator_emission.iter().map(|x| amount(*x)).collect::<Vec<_>>(),
	})
}

/// Runs a scenario given as JSON text; returns the results as JSON.
pub fn run_scenario(text: &str) -> Result<Value> {
	let scenario: Value =
		serde_json::from_str(text).map_err(|e| SimError(format!("scenario is not valid JSON: {e}")))?;
	let top = as_object(&scenario, "scenario")?;
	reject_unknown(
		top,
		"scenario",
		&["variant", "params", "emission", "stake", "registered_at", "validator_permit", "bonds", "epochs"],
	)?;
	let variant = match top.get("variant").map(|v| v.as_str()) {
		None => Variant::Yuma3,
		Some(Some("yuma3")) => Variant::Yuma3,
		Some(Some("yuma")) => Variant::Yuma,
		Some(_) => {
			return err(format!(
				"variant: unknown {} (expected \"yuma\" or \"yuma3\")",
				top.get("variant").map(Value::to_string).unwrap_or_default()
			))
		},
	};
	let params = params(top.get("params"), variant)?;
	let emission = as_u128(top.get("emission").ok_or_else(|| SimError("emission: missing".into()))?, "emission")?;
	let stake_v = top.get("stake").ok_or_else(|| SimError("stake: missing".into()))?;
	let n = as_array(stake_v, "stake")?.len();
	if n == 0 || n > 4096 {
		return err(format!("stake: {n} uids, expected 1..=4096"));
	}
	let stake = per_uid(stake_v, "stake", n, as_u64)?;
	let registered_at = match top.get("registered_at") {
		Some(v) => per_uid(v, "registered_at", n, as_u64)?,
		None => vec![0; n],
	};
	let mut permits = match top.get("validator_permit") {
		Some(v) => per_uid(v, "validator_permit", n, as_bool)?,
		None => crate::top_k_permits(&crate::stake_shares(&stake), params.max_validators as usize),
	};
	let mut bonds = match top.get("bonds") {
		Some(v) => rows(v, "bonds", n)?,
		None => vec![Vec::new(); n],
	};
	let epochs = as_array(top.get("epochs").ok_or_else(|| SimError("epochs: missing".into()))?, "epochs")?;

	let mut weights: Vec<U16Row> = vec![Vec::new(); n];
	let mut previous_block: Option<u64> = None;
	let mut results = Vec::new();
	for (e, epoch) in epochs.iter().enumerate() {
		let at = format!("epochs[{e}]");
		let obj = as_object(epoch, &at)?;
		reject_unknown(obj, &at, &["block", "last_update", "last_epoch_block", "weights", "first_unrevealed_commit"])?;
		let block =
			as_u64(obj.get("block").ok_or_else(|| SimError(format!("{at}.block: missing")))?, &format!("{at}.block"))?;
		if previous_block.is_some_and(|p| block <= p) {
			return err(format!("{at}.block: {block} is not after the previous epoch's block"));
		}
		let last_update = per_uid(
			obj.get("last_update").ok_or_else(|| SimError(format!("{at}.last_update: missing")))?,
			&format!("{at}.last_update"),
			n,
			as_u64,
		)?;
		let last_epoch_block = match obj.get("last_epoch_block") {
			Some(v) => Some(as_u64(v, &format!("{at}.last_epoch_block"))?),
			None => previous_block,
		};
		if let Some(w) = obj.get("weights") {
			weights = rows(w, &format!("{at}.weights"), n)?;
		}
		let commits = match obj.get("first_unrevealed_commit") {
			Some(v) => per_uid(v, &format!("{at}.first_unrevealed_commit"), n, |x, p| {
				if x.is_null() {
					Ok(None)
				} else {
					as_u64(x, p).map(Some)
				}
			})?,
			None => vec![None; n],
		};
		let neurons: Vec<Neuron> = (0..n)
			.map(|i| Neuron {
				stake: stake[i],
				registered_at: registered_at[i],
				last_update: last_update[i],
				validator_permit: permits[i],
				first_unrevealed_commit: commits[i],
			})
			.collect();
		let input = EpochInput {
			block,
			last_epoch_block,
			neurons: &neurons,
			weights: &weights,
			bonds: &bonds,
			params: &params,
			emission,
		};
		let out = run_epoch(&input).map_err(|e| SimError(format!("{at}: {e}")))?;
		results.push(epoch_json(block, &out));
		permits = out.validator_permit;
		bonds = out.bonds;
		previous_block = Some(block);
	}
	Ok(json!({ "epochs": results }))
}
