//! Command-line arguments of `hearth-node`.

/// The Hearth validator node.
#[derive(Debug, clap::Parser)]
pub(crate) struct Cli {
	#[command(subcommand)]
	pub(crate) subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub(crate) run: sc_cli::RunCmd,
}

/// Everything `hearth-node` can do besides running a node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub(crate) enum Subcommand {
	/// Key management: generate, inspect, insert keys; node keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Export a chain spec (plain, or raw with `--raw`) from a built-in id or a file.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Build a chain spec (legacy; prefer `export-chain-spec`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Database metadata: best, finalized and genesis blocks.
	ChainInfo(sc_cli::ChainInfoCmd),
}
