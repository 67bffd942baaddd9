//! `hearth-worker`: the command line (see `hearth-worker --help`).

use clap::Parser;

fn main() {
	let cli = hearth_worker::args::Cli::parse();
	match hearth_worker::commands::dispatch(cli) {
		Ok(out) => {
			use std::io::Write;
			// A closed pipe (`| head`) is not an error worth a panic. Text (a table) is
			// printed as it is, anything else as JSON.
			let _ = match out {
				serde_json::Value::String(text) => write!(std::io::stdout().lock(), "{text}"),
				json => writeln!(std::io::stdout().lock(), "{json}"),
			};
		},
		Err(e) => {
			eprintln!("error: {e}");
			std::process::exit(1);
		},
	}
}
