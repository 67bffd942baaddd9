//! Command-line arguments.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Hearth's GPU worker: deterministic (det-int8) inference on GPU or CPU.
#[derive(Parser, Debug)]
#[command(name = "hearth-worker", version, about)]
pub struct Cli {
	/// What to do.
	#[command(subcommand)]
	pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
	/// Model files: import float weights, inspect a det-int8 file.
	#[command(subcommand)]
	Model(ModelCommand),
	/// Run a model on one input and print the output and its hash as JSON.
	Infer(InferArgs),
	/// Report whether the CUDA backend can be used, and why not.
	Probe,
	/// Re-run one step of a model from its input activation and print its trace
	/// element (what a challenger runs before it pays a bond).
	VerifyStep(VerifyStepArgs),
	/// Mine: register, serve the endpoint and GPUs, keep an offer, bid, serve tenants
	/// and validators over HTTP with signed receipts, answer on-chain jobs, heartbeat,
	/// withdraw. Stops cleanly on SIGTERM.
	Run(ConfigArgs),
	/// The hotkey's registration, stake, offers, leases and earnings, as a table.
	Status {
		/// Where the configuration comes from.
		#[command(flatten)]
		config: ConfigArgs,
		/// Print JSON instead of a table.
		#[arg(long)]
		json: bool,
	},
	/// Re-run a receipt: check its signature, re-run its input with the CPU twin and
	/// say whether the miner's answer was honest, or the first step it got wrong.
	Verify(VerifyArgs),
	/// Serve re-runs and challenge material to a validator's off-chain worker on
	/// loopback (`POST /v1/rerun`, `POST /v1/challenge`), for every model in a directory.
	Verifier(VerifierArgs),
	/// Measure this box: sequences per second of a BERT model at given lengths, on the
	/// backend `run` would use (seeded token ids; the answer does not depend on them).
	Bench(BenchArgs),
	/// The worker's configuration file.
	#[command(subcommand)]
	Config(ConfigCommand),
	/// The hotkey file: generate one, or show its public side.
	#[command(subcommand)]
	Keys(KeysCommand),
}

/// `bench`'s arguments.
#[derive(clap::Args, Debug)]
pub struct BenchArgs {
	/// The det-int8 BERT model file.
	#[arg(long)]
	pub model: PathBuf,
	/// Sequence lengths, comma-separated.
	#[arg(long, default_value = "16,128")]
	pub tokens: String,
	/// Sequences per length (run as one batch).
	#[arg(long, default_value_t = 16)]
	pub seqs: usize,
	/// Where and how to compute.
	#[command(flatten)]
	pub compute: ComputeArgs,
}

/// `verifier`'s arguments.
#[derive(clap::Args, Debug)]
pub struct VerifierArgs {
	/// The directory of det-int8 model files (`*.hearth`).
	#[arg(long)]
	pub models: PathBuf,
	/// Where to listen (keep it on loopback: it answers anyone).
	#[arg(long, default_value = "127.0.0.1:9617")]
	pub listen: std::net::SocketAddr,
	/// CPU threads per re-run.
	#[arg(long, default_value_t = 2)]
	pub threads: usize,
}

/// `verify`'s arguments.
#[derive(clap::Args, Debug)]
pub struct VerifyArgs {
	/// A JSON file holding `{"receipt": "0x…", "tokens": [...]}`: the `hearth` object of
	/// a `/v1/embeddings` answer item.
	pub receipt: PathBuf,
	/// The det-int8 model file the receipt names.
	#[arg(long)]
	pub model: PathBuf,
}

/// `config …`.
#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
	/// Print every key's effective value and where it came from (flag, environment,
	/// file, default), and every problem; exits non-zero when there is one.
	Check(ConfigArgs),
}

/// Where the configuration comes from.
#[derive(clap::Args, Debug)]
pub struct ConfigArgs {
	/// The TOML file (also $HEARTH_CONFIG).
	#[arg(long, env = "HEARTH_CONFIG")]
	pub config: Option<PathBuf>,
	/// Override one key: --set section.name=value (repeatable; beats $HEARTH_* and the
	/// file).
	#[arg(long = "set", value_name = "KEY=VALUE")]
	pub set: Vec<String>,
}

/// `keys …`.
#[derive(Subcommand, Debug)]
pub enum KeysCommand {
	/// Generate a new sr25519 hotkey into FILE (created owner-only, never overwritten)
	/// and print its address; the phrase is printed once, to stderr, for a backup.
	Generate {
		/// Where to write the hotkey.
		file: PathBuf,
	},
	/// Print a hotkey file's address and public key (the file must be owner-only).
	Inspect {
		/// The hotkey file.
		file: PathBuf,
	},
}

/// `model …`.
#[derive(Subcommand, Debug)]
pub enum ModelCommand {
	/// Quantize a BERT checkpoint (model.safetensors + config.json) into a det-int8 file.
	Import {
		/// The checkpoint's model.safetensors.
		#[arg(long)]
		safetensors: PathBuf,
		/// Its config.json (default: next to the safetensors file).
		#[arg(long)]
		config: Option<PathBuf>,
		/// Where to write the det-int8 model.
		#[arg(long)]
		out: PathBuf,
	},
	/// Check a det-int8 model file and print its identity, shape, header hash and
	/// chunk hashes.
	Inspect {
		/// The model file.
		file: PathBuf,
		/// Also write each step's chunk to DIR/step-<i>.chunk (what `verify-step
		/// --chunk` and a challenge take).
		#[arg(long)]
		chunks: Option<PathBuf>,
	},
}

/// `infer`'s arguments.
#[derive(clap::Args, Debug)]
pub struct InferArgs {
	/// The det-int8 model file.
	#[arg(long)]
	pub model: PathBuf,
	/// Token ids for a BERT model, comma-separated (e.g. 101,7592,2088,102).
	#[arg(long, conflicts_with_all = ["features", "tokens_file"], required_unless_present_any = ["features", "tokens_file"])]
	pub tokens: Option<String>,
	/// Many BERT inputs: one comma-separated sequence per line (`#` comments and blank
	/// lines skipped; `-` reads standard input). The model is loaded once and the
	/// sequences run as a batch over --threads; prints each output and the time spent.
	#[arg(long, conflicts_with_all = ["features", "trace"])]
	pub tokens_file: Option<PathBuf>,
	/// Q12 features for an MLP model, comma-separated integers (value × 4096).
	#[arg(long, allow_hyphen_values = true)]
	pub features: Option<String>,
	/// The job id bound into the output hash: 32 bytes as hex (default: zeros).
	#[arg(long)]
	pub job_id: Option<String>,
	/// Where and how to compute.
	#[command(flatten)]
	pub compute: ComputeArgs,
	/// Print the trace: one hash per step (every run computes it; the output hash
	/// commits to it).
	#[arg(long)]
	pub trace: bool,
	/// With --trace: write each step's activation (canonical bytes) to DIR/step-<i>.act.
	#[arg(long, requires = "trace")]
	pub activations: Option<PathBuf>,
}

/// `verify-step`'s arguments.
#[derive(clap::Args, Debug)]
pub struct VerifyStepArgs {
	/// The det-int8 model file (the step's chunk is cut from it and run alone).
	#[arg(long, conflicts_with = "chunk", required_unless_present = "chunk")]
	pub model: Option<PathBuf>,
	/// The step's chunk alone (what the runtime holds in a challenge), instead of
	/// --model.
	#[arg(long)]
	pub chunk: Option<PathBuf>,
	/// The step to re-run (0 = BERT's embeddings or an MLP's first layer).
	#[arg(long)]
	pub step: u32,
	/// The step's input activation (canonical bytes, as `infer --activations` writes
	/// them); for an MLP's step 0, the features' activation.
	#[arg(long, conflicts_with = "tokens", required_unless_present = "tokens")]
	pub input: Option<PathBuf>,
	/// Token ids, for BERT's step 0 (comma-separated).
	#[arg(long)]
	pub tokens: Option<String>,
	/// The trace element to compare with (0x + 64 hex digits): the miner's `t_i`.
	#[arg(long)]
	pub expect: Option<String>,
	/// Write the step's output activation here.
	#[arg(long)]
	pub out: Option<PathBuf>,
	/// Where and how to compute.
	#[command(flatten)]
	pub compute: ComputeArgs,
}

/// The backend flags every command that runs a model takes.
#[derive(clap::Args, Debug)]
pub struct ComputeArgs {
	/// CPU threads.
	#[arg(long, default_value_t = 2)]
	pub threads: usize,
	/// Where to compute: cuda when usable, else cpu (auto); or force one.
	#[arg(long, value_enum, default_value_t = BackendChoice::Auto)]
	pub backend: BackendChoice,
}

/// Where computation runs.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackendChoice {
	/// The GPU when the probe finds it usable, else the CPU twin.
	Auto,
	/// The CPU twin.
	Cpu,
	/// The GPU, or fail.
	Cuda,
}
