//! Genesis presets: the named starting states a chain spec is built from.
//!
//! * `development`: Alice authors and finalizes alone, 2 s slots, stake unbonds in 15
//!   blocks; for `--dev` and the end-to-end tests.
//! * `local_testnet`: Alice, Bob, Charlie and Dave author and finalize, 6 s slots, an
//!   hour of unbonding. With four GRANDPA voters, finality needs three, so it survives
//!   one node down.
//!
//! Both endow the well-known dev accounts and make Alice the sudo key.

use crate::{AccountId, BalancesConfig, HearthParamsConfig, RuntimeGenesisConfig, SudoConfig, HTH};
use alloc::{string::String, vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each dev account holds at genesis.
pub const DEV_ENDOWMENT: crate::Balance = 1_000_000 * HTH;
/// Slot duration of the `development` preset.
pub const DEV_SLOT_DURATION_MS: u64 = 2_000;
/// Slot duration of `local_testnet` and of real networks.
pub const NETWORK_SLOT_DURATION_MS: u64 = 6_000;
/// `development`: stake unbonds in 15 blocks (30 s), slashes wait 5 blocks.
pub const DEV_UNBONDING_BLOCKS: u32 = 15;
/// `development` slash deferral window.
pub const DEV_SLASH_WINDOW_BLOCKS: u32 = 5;
/// `local_testnet`: an hour of unbonding, half an hour of deferral.
pub const LOCAL_UNBONDING_BLOCKS: u32 = 600;
/// `local_testnet` slash deferral window.
pub const LOCAL_SLASH_WINDOW_BLOCKS: u32 = 300;

/// `development`: new subnets run an epoch every 6 blocks (12 s).
pub const DEV_TEMPO: u16 = 5;
/// The least tempo a `development` subnet owner may set.
pub const DEV_MIN_TEMPO: u16 = 2;
/// λ, the weight of paid demand in splitting the block reward, at genesis.
pub const DEMAND_BLEND_PERCENT: u32 = 20;

/// Chain parameters a preset fixes.
struct Timing {
	slot_duration_ms: u64,
	unbonding_period_blocks: u32,
	slash_defer_window_blocks: u32,
	/// Tempo of new subnets and its least value (`None`: the runtime's defaults).
	tempo: Option<(u16, u16)>,
}

/// A dev authority's keys, as `hearth-node --alice` (etc.) puts them in its keystore:
/// sr25519 `//Name` for Aura and ed25519 `//Name` for GRANDPA.
fn authority(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(aura.public().into(), grandpa.public().into())
}

fn genesis(authorities: Vec<(AuraId, GrandpaId)>, endowed: Vec<AccountId>, root: AccountId, timing: Timing) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowed.into_iter().map(|who| (who, DEV_ENDOWMENT)).collect::<Vec<_>>() },
		aura: pallet_aura::GenesisConfig {
			authorities: authorities.iter().map(|(aura, _)| aura.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: authorities.into_iter().map(|(_, grandpa)| (grandpa, 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
		hearth_params: HearthParamsConfig {
			slot_duration_ms: timing.slot_duration_ms,
			unbonding_period_blocks: timing.unbonding_period_blocks,
			slash_defer_window_blocks: timing.slash_defer_window_blocks,
		},
		emissions: pallet_hearth_emissions::GenesisConfig {
			demand_blend: sp_runtime::Perbill::from_percent(DEMAND_BLEND_PERCENT),
		},
		subnets: pallet_hearth_subnets::GenesisConfig {
			default_tempo: timing.tempo.map_or(0, |(t, _)| t),
			min_tempo: timing.tempo.map_or(0, |(_, m)| m),
		},
	})
}

/// The `development` preset.
pub fn development() -> Value {
	genesis(
		vec![authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		Timing {
			slot_duration_ms: DEV_SLOT_DURATION_MS,
			unbonding_period_blocks: DEV_UNBONDING_BLOCKS,
			slash_defer_window_blocks: DEV_SLASH_WINDOW_BLOCKS,
			tempo: Some((DEV_TEMPO, DEV_MIN_TEMPO)),
		},
	)
}

/// The `local_testnet` preset.
pub fn local_testnet() -> Value {
	genesis(
		vec![
			authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			authority(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			authority(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		Timing {
			slot_duration_ms: NETWORK_SLOT_DURATION_MS,
			unbonding_period_blocks: LOCAL_UNBONDING_BLOCKS,
			slash_defer_window_blocks: LOCAL_SLASH_WINDOW_BLOCKS,
			tempo: None,
		},
	)
}

/// The JSON patch of a named preset, if the runtime knows it.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(String::into_bytes)
}

/// The names of the presets, for `hearth-node` and `chain-spec-builder`.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
