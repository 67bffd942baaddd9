//! `hearth-worker`: the command line (see `hearth-worker --help`).

use clap::Parser;

fn main() {
	let cli = hearth_worker::args::Cli::parse();
	match hearth_worker::commands::dispatch(cli) {
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
