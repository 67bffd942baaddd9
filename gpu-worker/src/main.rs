//! `hearth-worker`: Hearth's GPU worker. This first part imports models into the
//! det-int8 format and runs inference; the chain client (register, bid, execute,
//! post results) comes next.

mod args;
mod backend;
mod commands;

use clap::Parser;

fn main() {
	let cli = args::Cli::parse();
	match commands::dispatch(cli) {
		Ok(json) => {
			use std::io::Write;
			// A closed pipe (`| head`) is not an error worth a panic.
			let _ = writeln!(std::io::stdout().lock(), "{json}");
		},
		Err(e) => {
			eprintln!("error: {e}");
			std::process::exit(1);
		},
	}
}
