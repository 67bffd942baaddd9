//! `hearth`'s arguments. Keys never come from a flag: `--key FILE` names an
//! owner-only file holding a secret URI, or the `SURI` environment variable holds one.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Hearth for tenants: rent a GPU, get embeddings with receipts, check them, prove a
/// wrong one on chain, manage the lease.
#[derive(Parser, Debug)]
#[command(name = "hearth", version, about)]
pub struct Cli {
	/// The node's WebSocket RPC.
	#[arg(long, global = true, default_value = "ws://127.0.0.1:9944", env = "HEARTH_NODE")]
	pub node: String,
	/// An owner-only file holding the account's secret URI (else `$SURI`).
	#[arg(long, global = true)]
	pub key: Option<PathBuf>,
	/// What to do.
	#[command(subcommand)]
	pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
	/// Open an order (auto-award) and wait for the lease.
	Order(OrderArgs),
	/// Embed texts with the lease's miner; every receipt is saved.
	Embed(EmbedArgs),
	/// Re-run saved receipts with the CPU twin and say which are wrong.
	Check(CheckArgs),
	/// Prove a wrong receipt on chain (finds the step, sends the chunk, pays the bond).
	Challenge(ChallengeArgs),
	/// A lease: its state, a top-up, or closing it.
	#[command(subcommand)]
	Lease(LeaseCommand),
	/// A subnet owner's calls: create a subnet, set a hyperparameter, register a model,
	/// register a hotkey.
	#[command(subcommand)]
	Subnet(SubnetCommand),
	/// A coldkey's calls: claim a hotkey, stake on it.
	#[command(subcommand)]
	Stake(StakeCommand),
	/// The network at a glance: blocks, a subnet's miners with scores, weights,
	/// incentive and stake, leases, requests served, challenges, emission.
	Status(StatusArgs),
}

/// `subnet`'s subcommands.
#[derive(Subcommand, Debug)]
pub enum SubnetCommand {
	/// Creates a subnet (the key is its owner); prints its netuid.
	Create {
		/// The most the lock may cost, HTH.
		#[arg(long, default_value = "100")]
		max_lock: String,
	},
	/// Sets the weights rate limit (blocks between two weight submissions).
	SetRateLimit {
		/// The subnet.
		#[arg(long)]
		netuid: u16,
		/// Blocks.
		blocks: u32,
	},
	/// Registers a det-int8 model file on the subnet (deposit per stored byte).
	RegisterModel {
		/// The subnet.
		#[arg(long)]
		netuid: u16,
		/// The model file.
		#[arg(long)]
		model: PathBuf,
		/// The longest input, in tokens.
		#[arg(long, default_value_t = 256)]
		max_input: u32,
	},
	/// Registers a hotkey on the subnet (the key pays the burn).
	Register {
		/// The subnet.
		#[arg(long)]
		netuid: u16,
		/// The hotkey, SS58.
		#[arg(long)]
		hotkey: String,
		/// The most the burn may cost, HTH.
		#[arg(long, default_value = "1")]
		max_burn: String,
	},
}

/// `stake`'s subcommands.
#[derive(Subcommand, Debug)]
pub enum StakeCommand {
	/// Claims a hotkey for the key's coldkey; the hotkey's own secret signs the claim
	/// (an owner-only file holding its secret URI).
	Claim {
		/// The hotkey's key file.
		#[arg(long)]
		hotkey_key: PathBuf,
	},
	/// Stakes on a hotkey.
	Add {
		/// The hotkey, SS58.
		#[arg(long)]
		hotkey: String,
		/// HTH.
		amount: String,
	},
}

/// `status`'s arguments.
#[derive(clap::Args, Debug)]
pub struct StatusArgs {
	/// The subnet.
	#[arg(long, default_value_t = 1)]
	pub netuid: u16,
	/// A worker's operations address (`host:port`) whose `/metrics` count requests
	/// served; repeat for each.
	#[arg(long)]
	pub worker: Vec<std::net::SocketAddr>,
	/// Redraw every this many seconds until interrupted (0: print once, as JSON).
	#[arg(long, default_value_t = 0)]
	pub watch: u64,
	/// A file whose text is shown under the live status (what to try next).
	#[arg(long)]
	pub note: Option<PathBuf>,
}

/// `order`'s arguments.
#[derive(clap::Args, Debug)]
pub struct OrderArgs {
	/// The subnet.
	#[arg(long)]
	pub netuid: u16,
	/// The least VRAM per GPU, GiB.
	#[arg(long, default_value_t = 1)]
	pub min_vram: u16,
	/// GPUs.
	#[arg(long, default_value_t = 1)]
	pub count: u8,
	/// The most per block, HTH.
	#[arg(long)]
	pub max_price: String,
	/// Blocks.
	#[arg(long)]
	pub duration: u32,
	/// The escrow put up now, HTH (at least the price of the first blocks).
	#[arg(long)]
	pub deposit: String,
	/// Seconds to wait for the award.
	#[arg(long, default_value_t = 120)]
	pub wait: u64,
}

/// `embed`'s arguments.
#[derive(clap::Args, Debug)]
pub struct EmbedArgs {
	/// The lease.
	#[arg(long)]
	pub lease: u64,
	/// The model: its name on the miner or its identity (0x + 64 hex).
	#[arg(long)]
	pub model: String,
	/// Where receipts are saved (one JSON file per input, named by nonce).
	#[arg(long, default_value = "receipts")]
	pub receipts: PathBuf,
	/// The texts.
	#[arg(required = true)]
	pub texts: Vec<String>,
}

/// `check`'s arguments.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
	/// The det-int8 model file the receipts name.
	#[arg(long)]
	pub model: PathBuf,
	/// Saved receipts (files `embed` wrote).
	#[arg(required = true)]
	pub receipts: Vec<PathBuf>,
}

/// `challenge`'s arguments.
#[derive(clap::Args, Debug)]
pub struct ChallengeArgs {
	/// The det-int8 model file the receipt names.
	#[arg(long)]
	pub model: PathBuf,
	/// The saved receipt.
	pub receipt: PathBuf,
}

/// `lease`'s subcommands.
#[derive(Subcommand, Debug)]
pub enum LeaseCommand {
	/// The lease now: escrow left, earned, paid blocks left, last heartbeat.
	Status {
		/// The lease.
		id: u64,
	},
	/// Adds escrow.
	TopUp {
		/// The lease.
		id: u64,
		/// HTH.
		amount: String,
	},
	/// Closes the lease; the escrow not yet earned comes back.
	Close {
		/// The lease.
		id: u64,
	},
}
