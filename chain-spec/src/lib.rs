//! # Hearth chain specs
//!
//! Turns the runtime's genesis presets into chain specs, and names the specs a node can
//! load: `dev` (the `development` preset), `local` (the `local_testnet` preset), or a
//! path to a JSON spec file such as the committed `specs/local_testnet.json`.
//!
//! Everything that differs between networks (authorities, endowments, slot duration)
//! lives in the runtime's presets; this crate adds only what a spec carries besides
//! genesis: name, id, chain type and token properties.

use sc_chain_spec::{ChainType, Properties};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};

/// A Hearth chain spec (no client extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

/// The committed plain spec of `local_testnet`, relative to this crate.
pub const LOCAL_TESTNET_SPEC_PATH: &str = "specs/local_testnet.json";

/// Token symbol, decimals and address format, for wallets and explorers.
pub fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), "HTH".into());
	properties.insert("tokenDecimals".into(), 12.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn wasm() -> Result<&'static [u8], String> {
	hearth_runtime::WASM_BINARY
		.ok_or_else(|| "the runtime's wasm is not in this build (was it built with SKIP_WASM_BUILD=1?)".to_string())
}

/// One authority (Alice), 2 s blocks; what `hearth-node --dev` runs.
pub fn development() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Hearth Development")
		.with_id("hearth_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// Four authorities (Alice, Bob, Charlie, Dave), 6 s blocks.
pub fn local_testnet() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Hearth Local Testnet")
		.with_id("hearth_local_testnet")
		.with_chain_type(ChainType::Local)
		.with_protocol_id("hearth-local")
		.with_genesis_config_preset_name(LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// The spec a `--chain` argument names: a built-in id or a JSON file.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" | "development" => Box::new(development()?),
		"" | "local" | "local_testnet" => Box::new(local_testnet()?),
		path => {
			let path = std::path::PathBuf::from(path);
			if !path.exists() {
				return Err(format!(
					"unknown chain `{}`: not one of dev, local, and no such spec file",
					path.display()
				));
			}
			Box::new(ChainSpec::from_json_file(path)?)
		},
	})
}

/// The plain JSON of a spec, as `hearth-node export-chain-spec` writes it.
pub fn to_plain_json(spec: &ChainSpec) -> Result<String, String> {
	sc_service::ChainSpec::as_json(spec, false)
}
