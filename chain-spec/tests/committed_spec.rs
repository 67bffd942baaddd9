//! The committed `specs/local_testnet.json` must match what the current runtime's
//! `local_testnet` preset produces. Regenerate it with `make chain-spec`.
//!
//! The wasm blob (`genesis.runtimeGenesis.code`) is compared by presence only: its bytes
//! embed the absolute paths of the build (panic locations), so they differ between two
//! checkouts of the same commit. Everything a network agrees on besides the code (name,
//! id, chain type, protocol id, properties, the genesis patch) is compared exactly.

use serde_json::Value;

fn without_code(mut spec: Value) -> (Value, Option<String>) {
	let code = spec
		.pointer_mut("/genesis/runtimeGenesis")
		.and_then(Value::as_object_mut)
		.and_then(|genesis| genesis.remove("code"))
		.and_then(|code| code.as_str().map(str::to_owned));
	(spec, code)
}

#[test]
fn committed_local_testnet_spec_is_current() {
	let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(hearth_chain_spec::LOCAL_TESTNET_SPEC_PATH);
	let committed = std::fs::read_to_string(&path)
		.unwrap_or_else(|e| panic!("{} cannot be read ({e}): run `make chain-spec`", path.display()));
	let fresh =
		hearth_chain_spec::to_plain_json(&hearth_chain_spec::local_testnet().expect("the runtime wasm is built"))
			.expect("the spec serializes");

	let (committed, committed_code) =
		without_code(serde_json::from_str(&committed).expect("the committed spec is JSON"));
	let (fresh, fresh_code) = without_code(serde_json::from_str(&fresh).expect("fresh spec is JSON"));

	assert!(
		committed_code.is_some_and(|c| c.starts_with("0x") && c.len() > 1_000),
		"{} has no runtime code: run `make chain-spec`",
		path.display()
	);
	assert!(fresh_code.is_some(), "a fresh spec carries the runtime code");
	assert!(
		committed == fresh,
		"{} is out of date with the runtime's local_testnet preset: run `make chain-spec`\n\
		 committed: {committed:#}\nfresh: {fresh:#}",
		path.display()
	);
}

#[test]
fn ids_name_the_builtin_specs_and_unknown_ids_are_refused() {
	assert_eq!(hearth_chain_spec::load("dev").expect("dev").id(), "hearth_dev");
	assert_eq!(hearth_chain_spec::load("local").expect("local").id(), "hearth_local_testnet");
	let Err(err) = hearth_chain_spec::load("no-such-chain") else { panic!("an unknown chain id is refused") };
	assert!(err.contains("unknown chain `no-such-chain`"), "{err}");
}
