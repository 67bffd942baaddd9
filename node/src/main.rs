//! `hearth-node`: the Hearth validator and full node.

// `sc_cli::Error` and `sc_service::Error` are large by design; the node returns them
// as Substrate's own commands do.
#![allow(clippy::result_large_err)]

mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
