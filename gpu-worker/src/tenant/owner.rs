//! Subnet owners' and coldkeys' calls: what setting up a subnet takes, one command each.

use super::args::{StakeCommand, SubnetCommand};
use super::submit::send;
use super::{hth, INCLUSION};
use crate::chain::Chain;
use crate::keys::Hotkey;
use hearth_runtime::{RuntimeCall, RuntimeEvent};
use serde_json::{json, Value};
use sp_core::crypto::{AccountId32, Ss58Codec};

fn account(text: &str) -> Result<AccountId32, String> {
	AccountId32::from_ss58check(text).map_err(|e| format!("{text:?} is not an SS58 address ({e:?})"))
}

fn amount(text: &str, what: &str) -> Result<u128, String> {
	crate::config::parse_hth(text).map_err(|e| format!("{what}: {e}"))
}

/// `hearth subnet …`.
pub async fn subnet(chain: &Chain, key: &Hotkey, command: SubnetCommand) -> Result<Value, String> {
	match command {
		SubnetCommand::Create { max_lock } => {
			let max_lock = amount(&max_lock, "--max-lock")?;
			let call = RuntimeCall::Subnets(pallet_hearth_subnets::Call::create_subnet { max_lock });
			let done = send(chain, key, call, INCLUSION).await?;
			let (netuid, lock) = done
				.events
				.iter()
				.find_map(|e| match e {
					RuntimeEvent::Subnets(pallet_hearth_subnets::Event::SubnetCreated { netuid, lock, .. }) => {
						Some((*netuid, *lock))
					},
					_ => None,
				})
				.ok_or("the block has no SubnetCreated event")?;
			Ok(json!({"netuid": netuid, "lock": hth(lock), "block": done.number}))
		},
		SubnetCommand::SetRateLimit { netuid, blocks } => {
			let change = pallet_hearth_subnets::Hyperparameter::WeightsRateLimit(blocks);
			let call = RuntimeCall::Subnets(pallet_hearth_subnets::Call::set_hyperparameter { netuid, change });
			// Hyperparameters are frozen in the blocks before each epoch: wait it out.
			let mut attempts = 0;
			loop {
				match send(chain, key, call.clone(), INCLUSION).await {
					Ok(done) => {
						return Ok(json!({"netuid": netuid, "weights_rate_limit": blocks, "block": done.number}))
					},
					Err(e) if e.contains("TooCloseToEpoch") && attempts < 5 => {
						attempts += 1;
						tokio::time::sleep(std::time::Duration::from_secs(4)).await;
					},
					Err(e) => return Err(e),
				}
			}
		},
		SubnetCommand::RegisterModel { netuid, model, max_input } => {
			let bytes = std::fs::read(&model).map_err(|e| format!("{}: {e}", model.display()))?;
			let file = hearth_engine::format::split(&bytes).map_err(|e| format!("{}: {e}", model.display()))?;
			let id = file.id();
			let call = RuntimeCall::Jobs(pallet_hearth_jobs::Call::register_model {
				netuid,
				header: file.header.to_vec().try_into().map_err(|_| "the header is over the chain's bound")?,
				chunk_hashes: file
					.chunk_hashes()
					.try_into()
					.map_err(|_| "the model has more steps than the chain takes")?,
				max_input,
			});
			let done = send(chain, key, call, INCLUSION).await?;
			Ok(json!({"netuid": netuid, "model": format!("0x{}", hex::encode(id)), "block": done.number}))
		},
		SubnetCommand::Register { netuid, hotkey, max_burn } => {
			let hotkey = account(&hotkey)?;
			let max_burn = amount(&max_burn, "--max-burn")?;
			let call = RuntimeCall::Subnets(pallet_hearth_subnets::Call::register { netuid, hotkey, max_burn });
			let done = send(chain, key, call, INCLUSION).await?;
			let uid = done.events.iter().find_map(|e| match e {
				RuntimeEvent::Subnets(pallet_hearth_subnets::Event::NeuronRegistered { uid, .. }) => Some(*uid),
				_ => None,
			});
			Ok(json!({"netuid": netuid, "uid": uid, "block": done.number}))
		},
	}
}

/// `hearth stake …`.
pub async fn stake(chain: &Chain, key: &Hotkey, command: StakeCommand) -> Result<Value, String> {
	match command {
		StakeCommand::Claim { hotkey_key } => {
			let hotkey = Hotkey::load(&hotkey_key)?;
			let message = pallet_hearth_staking::claim_payload(chain.genesis.as_ref(), &key.account());
			let call = RuntimeCall::Staking(pallet_hearth_staking::Call::register_hotkey {
				hotkey: hotkey.account(),
				proof: sp_runtime::MultiSignature::Sr25519(hotkey.sign(&message)),
			});
			let done = send(chain, key, call, INCLUSION).await?;
			Ok(json!({"hotkey": hotkey.address(), "coldkey": key.address(), "block": done.number}))
		},
		StakeCommand::Add { hotkey, amount: text } => {
			let who = account(&hotkey)?;
			let amount = amount(&text, "amount")?;
			let call = RuntimeCall::Staking(pallet_hearth_staking::Call::add_stake { hotkey: who.clone(), amount });
			let done = send(chain, key, call, INCLUSION).await?;
			Ok(json!({"hotkey": who.to_ss58check(), "staked": hth(amount), "block": done.number}))
		},
	}
}
