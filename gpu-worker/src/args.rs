//! Command-line arguments.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Hearth's GPU worker: deterministic (det-int8) inference on GPU or CPU.
#[derive(Parser, Debug)]
#[command(name = "hearth-worker", version, about)]
pub(crate) struct Cli {
	#[command(subcommand)]
	pub command: Command,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
	/// Model files: import float weights, inspect a det-int8 file.
	#[command(subcommand)]
	Model(ModelCommand),
	/// Run a model on one input and print the output and its hash as JSON.
	Infer(InferArgs),
	/// Report whether the CUDA backend can be used, and why not.
	Probe,
}

#[derive(Subcommand, Debug)]
pub(crate) enum ModelCommand {
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
	/// Check a det-int8 model file and print its identity and shape.
	Inspect {
		/// The model file.
		file: PathBuf,
	},
}

#[derive(clap::Args, Debug)]
pub(crate) struct InferArgs {
	/// The det-int8 model file.
	#[arg(long)]
	pub model: PathBuf,
	/// Token ids for a BERT model, comma-separated (e.g. 101,7592,2088,102).
	#[arg(long, conflicts_with = "features", required_unless_present = "features")]
	pub tokens: Option<String>,
	/// Q12 features for an MLP model, comma-separated integers (value × 4096).
	#[arg(long, allow_hyphen_values = true)]
	pub features: Option<String>,
	/// The job id bound into the output hash: 32 bytes as hex (default: zeros).
	#[arg(long)]
	pub job_id: Option<String>,
	/// CPU threads.
	#[arg(long, default_value_t = 2)]
	pub threads: usize,
	/// Where to compute: cuda when usable, else cpu (auto); or force one.
	#[arg(long, value_enum, default_value_t = BackendChoice::Auto)]
	pub backend: BackendChoice,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BackendChoice {
	Auto,
	Cpu,
	Cuda,
}
