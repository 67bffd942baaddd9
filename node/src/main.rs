//! `hearth-node`: the Hearth validator and full node.

mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
