//! The simulator: the README's example runs; bad input names the field; the binary exits
//! non-zero with the message.
#![cfg(feature = "sim")]

use hearth_yuma::sim::run_scenario;
use serde_json::Value;

const EXAMPLE: &str = include_str!("../examples/scenario.json");

#[test]
fn example_scenario_runs_and_carries_state() {
	let out = run_scenario(EXAMPLE).expect("the example is valid");
	let epochs = out["epochs"].as_array().expect("epochs");
	assert_eq!(epochs.len(), 3);
	// Epoch 1: validator 0 (60 %) holds kappa, so miner 2 (weighed by both) leads.
	let first = &epochs[0];
	let incentive: Vec<u64> = first["incentive"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
	assert!(incentive[2] > incentive[3] && incentive[3] > 0 && incentive[4] == 0, "{incentive:?}");
	// Epoch 2 weighs only miner 3 (mostly): it leads.
	let second: Vec<u64> = epochs[1]["incentive"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
	assert_eq!(second[2], 0);
	assert!(second[3] > 60_000);
	// Bonds carried: epoch 2's bonds still hold something toward miner 2 (decaying).
	let bonds0 = epochs[1]["bonds"][0].as_array().unwrap();
	assert!(bonds0.iter().any(|pair| pair[0] == 2), "{bonds0:?}");
	// Epoch 3 kept epoch 2's weights; emission sums to at most E.
	for epoch in epochs {
		let total: u128 = ["miner_emission", "validator_emission"]
			.iter()
			.flat_map(|k| epoch[*k].as_array().unwrap().iter())
			.map(|v| match v {
				Value::Number(n) => n.as_u64().unwrap() as u128,
				Value::String(s) => s.parse().unwrap(),
				_ => panic!("amount"),
			})
			.sum();
		assert!(total <= 500_000_000_000 && total > 500_000_000_000 - 10);
	}
}

fn error_of(json: &str) -> String {
	run_scenario(json).expect_err("refused").0
}

#[test]
fn bad_input_names_the_field() {
	let base: Value = serde_json::from_str(EXAMPLE).unwrap();
	let with = |f: &dyn Fn(&mut Value)| {
		let mut v = base.clone();
		f(&mut v);
		error_of(&v.to_string())
	};
	assert_eq!(
		with(&|v| v["epochs"][1]["last_update"] = serde_json::json!([1, 2])),
		"epochs[1].last_update: 2 entries, expected 5 (one per uid)"
	);
	assert_eq!(
		with(&|v| v["epochs"][0]["weights"][1] = serde_json::json!([[9, 1]])),
		"epochs[0].weights[1]: uid 9 out of range (5 uids)"
	);
	assert_eq!(
		with(&|v| v["epochs"][0]["weights"][1] = serde_json::json!([[2, 1], [2, 5]])),
		"epochs[0].weights[1]: uid 2 appears twice"
	);
	assert_eq!(
		with(&|v| v["variant"] = serde_json::json!("yuma4")),
		"variant: unknown \"yuma4\" (expected \"yuma\" or \"yuma3\")"
	);
	assert_eq!(
		with(&|v| v["params"]["kappa"] = serde_json::json!(70000)),
		"params.kappa: 70000 does not fit in 0..=65535"
	);
	assert_eq!(with(&|v| v["stake"][0] = serde_json::json!(-5)), "stake[0]: -5 is not an unsigned integer");
	assert!(with(&|v| v["params"]["kapa"] = serde_json::json!(1)).starts_with("params: unknown field `kapa`"));
	assert_eq!(
		with(&|v| v["epochs"][1]["block"] = serde_json::json!(50)),
		"epochs[1].block: 50 is not after the previous epoch's block"
	);
	assert!(error_of("{not json").starts_with("scenario is not valid JSON"));
	assert_eq!(error_of("[]"), "scenario: expected an object, found []");
}

#[test]
fn the_binary_reads_stdin_and_fails_loudly() {
	use std::{
		io::Write,
		process::{Command, Stdio},
	};
	let run = |input: &str| {
		let mut child = Command::new(env!("CARGO_BIN_EXE_yuma-sim"))
			.stdin(Stdio::piped())
			.stdout(Stdio::piped())
			.stderr(Stdio::piped())
			.spawn()
			.expect("yuma-sim starts");
		child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
		child.wait_with_output().unwrap()
	};
	let ok = run(EXAMPLE);
	assert!(ok.status.success());
	let parsed: Value = serde_json::from_slice(&ok.stdout).expect("JSON on stdout");
	assert_eq!(parsed["epochs"].as_array().unwrap().len(), 3);
	let bad = run(r#"{"variant":"nope","emission":1,"stake":[1],"epochs":[]}"#);
	assert_eq!(bad.status.code(), Some(2));
	assert!(String::from_utf8_lossy(&bad.stderr).contains("variant: unknown \"nope\""));
}
