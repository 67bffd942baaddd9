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
