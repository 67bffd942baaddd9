//! `yuma-sim`: runs a Yuma scenario offline. Reads the scenario (JSON) on standard
//! input, writes per-epoch results (JSON) on standard output. See the crate README.

use std::io::Read;

fn main() {
	let mut text = String::new();
	if let Err(e) = std::io::stdin().read_to_string(&mut text) {
		eprintln!("yuma-sim: cannot read standard input: {e}");
		std::process::exit(2);
	}
	match hearth_yuma::sim::run_scenario(&text) {
		Ok(results) => match serde_json::to_string_pretty(&results) {
			Ok(out) => println!("{out}"),
			Err(e) => {
				eprintln!("yuma-sim: cannot write the results: {e}");
				std::process::exit(1);
			},
		},
		Err(e) => {
			eprintln!("yuma-sim: {e}");
			std::process::exit(2);
		},
	}
}
