//! `hearth`: the tenant's tool (see `hearth_worker::tenant`).

use clap::Parser;

fn main() {
	let cli = hearth_worker::tenant::args::Cli::parse();
	match hearth_worker::tenant::dispatch(cli) {
		Ok(out) => {
			use std::io::Write;
			// A closed pipe (`| head`) is not an error worth a panic.
			let _ = writeln!(std::io::stdout().lock(), "{out}");
		},
		Err(e) => {
			eprintln!("error: {e}");
			std::process::exit(1);
		},
	}
}
