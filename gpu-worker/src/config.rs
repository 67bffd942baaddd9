//! The worker's configuration: one TOML file, every key overridable.
//!
//! Each key is `section.name` (`chain.url`). Its value comes from the first of:
//! 1. a flag, `--set section.name=value` (repeatable);
//! 2. the environment, `HEARTH_SECTION_NAME` (`HEARTH_CHAIN_URL`);
//! 3. the TOML file (`[chain]` then `url = "…"`);
//! 4. the default in [`KEYS`] (keys without one are required).
//!
//! [`Config::resolve`] reports every problem at once (unknown keys, missing required
//! keys, values that do not parse, each naming where the value came from), never only
//! the first; `hearth-worker config check` prints the effective values with their
//! sources and those problems.

use crate::args::BackendChoice;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// A key the configuration knows: its name, default and meaning.
pub struct Key {
	/// `section.name`.
	pub name: &'static str,
	/// The default, if the key is optional.
	pub default: Option<&'static str>,
	/// What it means (printed by `config check`).
	pub doc: &'static str,
}

const fn key(name: &'static str, default: Option<&'static str>, doc: &'static str) -> Key {
	Key { name, default, doc }
}

/// Every key, in the order `config check` prints them.
pub const KEYS: &[Key] = &[
	key("chain.url", Some("ws://127.0.0.1:9944"), "the node's WebSocket RPC (ws:// or wss://)"),
	key("hotkey.file", None, "the hotkey's secret URI file, owner-only (chmod 600)"),
	key("subnet.netuid", None, "the subnet this worker mines on"),
	key("subnet.max_burn", Some("1"), "the most HTH registration may burn"),
	key("serve.listen", Some("0.0.0.0:8440"), "where the tenant API listens"),
	key("serve.endpoint", None, "the address published on chain (host:port tenants reach)"),
	key("ops.listen", Some("127.0.0.1:9616"), "where /healthz, /readyz and /metrics listen"),
	key("models.dir", None, "the directory of det-int8 model files (*.hearth, each with <name>.vocab.txt)"),
	key("journal.path", Some("hearth-worker.redb"), "the journal (requests, receipts, submissions)"),
	key("compute.backend", Some("auto"), "auto (the GPU when usable), cpu or cuda"),
	key("compute.threads", Some("2"), "CPU threads for the CPU twin"),
	key("market.price", Some("0.001"), "the offer's price per block, HTH"),
	key("market.floor_price", Some("0.0005"), "the lowest price per block a bid goes to, HTH"),
	key("market.max_leases", Some("4"), "the most leases served at once"),
	key("market.region", Some("unspecified"), "the offer's region (up to 16 printable ASCII characters, e.g. eu-west)"),
	key("heartbeat.every", Some("10"), "blocks between heartbeats while a lease is active"),
	key("withdraw.every", Some("600"), "blocks between withdrawals of lease earnings"),
	key("limits.requests_per_minute", Some("600"), "requests one requester may send per minute"),
	key("limits.max_inputs", Some("64"), "inputs one /v1/embeddings request may carry"),
	key("limits.max_batch", Some("8"), "inputs run together across concurrent requests"),
];

/// Where a value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
	/// A `--set` flag.
	Flag,
	/// An environment variable (its name).
	Env(String),
	/// The TOML file.
	File(PathBuf),
	/// The built-in default.
	Default,
}

impl std::fmt::Display for Source {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::Flag => write!(f, "--set"),
			Self::Env(name) => write!(f, "${name}"),
			Self::File(path) => write!(f, "{}", path.display()),
			Self::Default => write!(f, "default"),
		}
	}
}

/// The environment variable of a key: `chain.url` → `HEARTH_CHAIN_URL`.
pub fn env_name(key: &str) -> String {
	format!("HEARTH_{}", key.replace('.', "_").to_uppercase())
}

/// HTH has 12 decimals: 1 HTH = 10^12 units.
const UNITS_PER_HTH: u128 = 1_000_000_000_000;

/// Parses a decimal HTH amount (`"1.5"`) into units; at most 12 decimals.
pub fn parse_hth(text: &str) -> Result<u128, String> {
	let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
	let (whole, frac) = text.split_once('.').unwrap_or((text, "0"));
	if !digits(whole) || !digits(frac) {
		return Err(format!("{text:?} is not a decimal HTH amount (e.g. 1.5)"));
	}
	if frac.len() > 12 {
		return Err(format!("{text:?} has more than 12 decimals (1 unit = 10^-12 HTH)"));
	}
	let whole: u128 = whole.parse().map_err(|_| format!("{text:?} is too large"))?;
	let frac_units: u128 =
		if frac.is_empty() { 0 } else { frac.parse::<u128>().unwrap_or(0) * 10u128.pow(12 - frac.len() as u32) };
	whole
		.checked_mul(UNITS_PER_HTH)
		.and_then(|w| w.checked_add(frac_units))
		.ok_or_else(|| format!("{text:?} is too large"))
}

/// Units as exact decimal HTH (`1.5`, `0.000000000001`): what [`parse_hth`] reads.
pub fn format_hth(units: u128) -> String {
	let frac = format!("{:012}", units % UNITS_PER_HTH);
	match frac.trim_end_matches('0') {
		"" => format!("{}", units / UNITS_PER_HTH),
		frac => format!("{}.{frac}", units / UNITS_PER_HTH),
	}
}

/// The effective configuration.
#[derive(Clone, Debug)]
pub struct Config {
	/// The node's WebSocket URL.
	pub chain_url: String,
	/// The hotkey file.
	pub hotkey_file: PathBuf,
	/// The subnet.
	pub netuid: u16,
	/// Most units registration may burn.
	pub max_burn: u128,
	/// The tenant API's listening address.
	pub serve_listen: SocketAddr,
	/// The endpoint published on chain.
	pub endpoint: SocketAddr,
	/// The operations listener.
	pub ops_listen: SocketAddr,
	/// The model directory.
	pub models_dir: PathBuf,
	/// The journal's file.
	pub journal_path: PathBuf,
	/// Where computation runs.
	pub backend: BackendChoice,
	/// CPU threads.
	pub threads: usize,
	/// Offer price per block, units.
	pub price: u128,
	/// Lowest bid per block, units.
	pub floor_price: u128,
	/// Most concurrent leases.
	pub max_leases: u32,
	/// The offer's region (≤ 16 printable ASCII bytes).
	pub region: String,
	/// Blocks between heartbeats.
	pub heartbeat_every: u32,
	/// Blocks between withdrawals.
	pub withdraw_every: u32,
	/// Per-requester requests per minute.
	pub requests_per_minute: u32,
	/// Inputs per request.
	pub max_inputs: usize,
	/// Inputs batched together.
	pub max_batch: usize,
}

/// Every value with its source, and every problem found.
#[derive(Clone, Debug, Default)]
pub struct Resolved {
	/// `key → (value, source)` for every key that has a value.
	pub values: BTreeMap<&'static str, (String, Source)>,
	/// Problems, each naming its key and source.
	pub problems: Vec<String>,
}

impl Resolved {
	/// Layers the sources (module docs): `file` (if any), the environment `env`, the
	/// `--set` flags.
	pub fn gather(file: Option<&Path>, env: &dyn Fn(&str) -> Option<String>, flags: &[String]) -> Self {
		let mut r = Self::default();
		for k in KEYS {
			if let Some(d) = k.default {
				r.values.insert(k.name, (d.to_string(), Source::Default));
			}
		}
		if let Some(path) = file {
			r.read_file(path);
		}
		for k in KEYS {
			let name = env_name(k.name);
			if let Some(v) = env(&name) {
				r.values.insert(k.name, (v, Source::Env(name)));
			}
		}
		for flag in flags {
			match flag.split_once('=').and_then(|(k, v)| Some((known(k.trim())?, v.trim()))) {
				Some((k, v)) => {
					r.values.insert(k, (v.to_string(), Source::Flag));
				},
				None => r.problems.push(format!("--set {flag}: expected section.name=value with a known key")),
			}
		}
		r
	}

	fn read_file(&mut self, path: &Path) {
		let text = match std::fs::read_to_string(path) {
			Ok(t) => t,
			Err(e) => return self.problems.push(format!("{}: {e}", path.display())),
		};
		let table: toml::Table = match text.parse() {
			Ok(t) => t,
			Err(e) => return self.problems.push(format!("{}: not valid TOML: {e}", path.display())),
		};
		for (section, inner) in table {
			let Some(inner) = inner.as_table() else {
				self.problems.push(format!("{}: `{section}` must be a [section] of keys", path.display()));
				continue;
			};
			for (name, value) in inner {
				let full = format!("{section}.{name}");
				let Some(k) = known(&full) else {
					self.problems.push(format!("{}: unknown key {full}", path.display()));
					continue;
				};
				let text = match value {
					toml::Value::String(s) => s.clone(),
					toml::Value::Integer(i) => i.to_string(),
					toml::Value::Float(f) => f.to_string(),
					toml::Value::Boolean(b) => b.to_string(),
					other => {
						self.problems.push(format!(
							"{}: {full} must be a string or a number, not {}",
							path.display(),
							other.type_str()
						));
						continue;
					},
				};
				self.values.insert(k, (text, Source::File(path.to_path_buf())));
			}
		}
	}

	/// The typed configuration, or every problem (those found gathering included).
	pub fn config(mut self) -> Result<Config, Vec<String>> {
		let mut p = Parser { values: &self.values, problems: Vec::new() };
		let addr = |s: &str| s.parse::<SocketAddr>().map_err(|e| e.to_string());
		let chain_url = p.get("chain.url", |s| {
			if s.starts_with("ws://") || s.starts_with("wss://") {
				Ok(s.to_string())
			} else {
				Err("must start with ws:// or wss://".into())
			}
		});
		let hotkey_file = p.get("hotkey.file", |s| Ok(PathBuf::from(s)));
		let netuid = p.get("subnet.netuid", |s| s.parse::<u16>().map_err(|e| e.to_string()));
		let max_burn = p.get("subnet.max_burn", parse_hth);
		let serve_listen = p.get("serve.listen", addr);
		let endpoint = p.get("serve.endpoint", |s| {
			let a =
				s.parse::<SocketAddr>().map_err(|e| format!("{e} (an IP address and port, e.g. 203.0.113.7:8440)"))?;
			if a.ip().is_unspecified() || a.port() == 0 {
				return Err("must be an address others can reach, not 0.0.0.0 or port 0".into());
			}
			Ok(a)
		});
		let ops_listen = p.get("ops.listen", addr);
		let models_dir = p.get("models.dir", |s| {
			let d = PathBuf::from(s);
			if d.is_dir() {
				Ok(d)
			} else {
				Err("not a directory".into())
			}
		});
		let journal_path = p.get("journal.path", |s| Ok(PathBuf::from(s)));
		let backend = p.get("compute.backend", |s| match s {
			"auto" => Ok(BackendChoice::Auto),
			"cpu" => Ok(BackendChoice::Cpu),
			"cuda" => Ok(BackendChoice::Cuda),
			_ => Err("must be auto, cpu or cuda".into()),
		});
		let threads = p.get("compute.threads", positive);
		let price = p.get("market.price", parse_hth);
		let floor_price = p.get("market.floor_price", parse_hth);
		let max_leases = p.get("market.max_leases", positive);
		let region = p.get("market.region", |s| {
			if s.is_empty() || s.len() > 16 || !s.bytes().all(|b| b.is_ascii_graphic()) {
				Err("must be 1 to 16 printable ASCII characters without spaces".into())
			} else {
				Ok(s.to_string())
			}
		});
		let heartbeat_every = p.get("heartbeat.every", positive);
		let withdraw_every = p.get("withdraw.every", positive);
		let requests_per_minute = p.get("limits.requests_per_minute", positive);
		let max_inputs = p.get("limits.max_inputs", positive);
		let max_batch = p.get("limits.max_batch", positive);
		let config = (|| {
			Some(Config {
				chain_url: chain_url?,
				hotkey_file: hotkey_file?,
				netuid: netuid?,
				max_burn: max_burn?,
				serve_listen: serve_listen?,
				endpoint: endpoint?,
				ops_listen: ops_listen?,
				models_dir: models_dir?,
				journal_path: journal_path?,
				backend: backend?,
				threads: threads? as usize,
				price: price?,
				floor_price: floor_price?,
				max_leases: max_leases?,
				region: region?,
				heartbeat_every: heartbeat_every?,
				withdraw_every: withdraw_every?,
				requests_per_minute: requests_per_minute?,
				max_inputs: max_inputs? as usize,
				max_batch: max_batch? as usize,
			})
		})();
		let mut problems = std::mem::take(&mut self.problems);
		problems.append(&mut p.problems);
		match config {
			Some(c) if problems.is_empty() && c.floor_price > c.price => {
				Err(vec!["market.floor_price is above market.price: no bid could respect both".into()])
			},
			Some(c) if problems.is_empty() => Ok(c),
			_ => Err(problems),
		}
	}
}

fn known(name: &str) -> Option<&'static str> {
	KEYS.iter().find(|k| k.name == name).map(|k| k.name)
}

fn positive(s: &str) -> Result<u32, String> {
	match s.parse::<u32>() {
		Ok(0) => Err("must be at least 1".into()),
		Ok(v) => Ok(v),
		Err(e) => Err(e.to_string()),
	}
}

struct Parser<'a> {
	values: &'a BTreeMap<&'static str, (String, Source)>,
	problems: Vec<String>,
}

impl Parser<'_> {
	/// The parsed value of `key`, or `None` and a problem.
	fn get<T>(&mut self, key: &'static str, parse: impl Fn(&str) -> Result<T, String>) -> Option<T> {
		match self.values.get(key) {
			None => {
				self.problems.push(format!(
					"{key} is required: set it in the file's [{}] section, ${} or --set {key}=…",
					key.split('.').next().unwrap_or(key),
					env_name(key)
				));
				None
			},
			Some((text, source)) => {
				parse(text).map_err(|e| self.problems.push(format!("{key} = {text:?} (from {source}): {e}"))).ok()
			},
		}
	}
}

/// `config check`'s report: every key, its effective value and source, and problems.
pub fn report(resolved: &Resolved, problems: &[String]) -> serde_json::Value {
	let keys: Vec<serde_json::Value> = KEYS
		.iter()
		.map(|k| {
			let (value, source) = match resolved.values.get(k.name) {
				Some((v, s)) => (serde_json::json!(v), s.to_string()),
				None => (serde_json::Value::Null, "missing".into()),
			};
			serde_json::json!({"key": k.name, "value": value, "source": source, "env": env_name(k.name), "doc": k.doc})
		})
		.collect();
	serde_json::json!({"ok": problems.is_empty(), "keys": keys, "problems": problems})
}

#[cfg(test)]
mod tests {
	use super::*;

	fn no_env(_: &str) -> Option<String> {
		None
	}

	fn file(text: &str) -> (tempfile::TempDir, PathBuf) {
		let d = tempfile::tempdir().unwrap();
		let path = d.path().join("worker.toml");
		std::fs::write(&path, text).unwrap();
		(d, path)
	}

	fn complete(models: &Path) -> String {
		format!(
			"[hotkey]\nfile = \"/k\"\n[subnet]\nnetuid = 3\n[serve]\nendpoint = \"10.0.0.2:8440\"\n[models]\ndir = \"{}\"\n",
			models.display()
		)
	}

	#[test]
	fn flags_beat_the_environment_which_beats_the_file_which_beats_defaults() {
		let (d, path) =
			file(&(complete(Path::new("/tmp")) + "[chain]\nurl = \"ws://file:1\"\n[market]\nprice = \"0.002\"\n"));
		let env = |name: &str| match name {
			"HEARTH_CHAIN_URL" => Some("ws://env:2".to_string()),
			"HEARTH_MARKET_PRICE" => Some("0.003".to_string()),
			_ => None,
		};
		let flags = vec!["chain.url=wss://flag:3".to_string()];
		let r = Resolved::gather(Some(&path), &env, &flags);
		assert_eq!(r.values["chain.url"], ("wss://flag:3".into(), Source::Flag));
		assert_eq!(r.values["market.price"], ("0.003".into(), Source::Env("HEARTH_MARKET_PRICE".into())));
		assert_eq!(r.values["subnet.netuid"], ("3".into(), Source::File(path.clone())));
		assert_eq!(r.values["compute.threads"], ("2".into(), Source::Default));
		let c = r.config().unwrap();
		assert_eq!(c.chain_url, "wss://flag:3");
		assert_eq!(c.price, 3_000_000_000);
		assert_eq!((c.netuid, c.max_burn, c.threads), (3, UNITS_PER_HTH, 2));
		drop(d);
	}

	#[test]
	fn every_problem_is_reported_at_once_naming_key_and_source() {
		let (_d, path) = file("[chain]\nurl = \"http://x\"\nport = 3\n[subnet]\nnetuid = \"many\"\n[market]\nprice = \"1.0000000000001\"\n");
		let env = |name: &str| (name == "HEARTH_COMPUTE_THREADS").then(|| "0".to_string());
		let flags = vec!["bogus".to_string(), "serve.endpoint=0.0.0.0:8440".to_string()];
		let problems = Resolved::gather(Some(&path), &env, &flags).config().unwrap_err();
		let all = problems.join("\n");
		for expected in [
			"unknown key chain.port",
			"--set bogus",
			"chain.url = \"http://x\"",
			"must start with ws://",
			"subnet.netuid = \"many\"",
			"more than 12 decimals",
			"compute.threads = \"0\" (from $HEARTH_COMPUTE_THREADS): must be at least 1",
			"serve.endpoint = \"0.0.0.0:8440\" (from --set): must be an address others can reach",
			"hotkey.file is required",
			"models.dir is required",
		] {
			assert!(all.contains(expected), "missing {expected:?} in:\n{all}");
		}
		assert_eq!(problems.len(), 9, "{all}");
	}

	#[test]
	fn a_bad_file_is_named() {
		let (_d, path) = file("[chain\nurl=");
		let problems = Resolved::gather(Some(&path), &no_env, &[]).config().unwrap_err();
		assert!(problems[0].contains("not valid TOML") && problems[0].contains("worker.toml"), "{problems:?}");
		let missing = Resolved::gather(Some(Path::new("/nonexistent/w.toml")), &no_env, &[]).config().unwrap_err();
		assert!(missing[0].starts_with("/nonexistent/w.toml:"), "{missing:?}");
	}

	#[test]
	fn hth_amounts_parse_exactly() {
		assert_eq!(parse_hth("1"), Ok(UNITS_PER_HTH));
		assert_eq!(parse_hth("0.000000000001"), Ok(1));
		assert_eq!(parse_hth("12.5"), Ok(12_500_000_000_000));
		for bad in ["", ".5", "1.", "-1", "1e3", "1,5", "340282366920938463463374607431768211455"] {
			assert!(parse_hth(bad).is_err(), "{bad}");
		}
	}

	#[test]
	fn the_report_lists_every_key_with_its_source() {
		let d = tempfile::tempdir().unwrap();
		let (_f, path) = file(&complete(d.path()));
		let r = Resolved::gather(Some(&path), &no_env, &[]);
		let v = report(&r, &[]);
		assert_eq!(v["ok"], true);
		assert_eq!(v["keys"].as_array().unwrap().len(), KEYS.len());
		assert_eq!(v["keys"][0]["env"], "HEARTH_CHAIN_URL");
		assert_eq!(v["keys"][2]["source"], path.display().to_string());
		assert!(r.config().is_ok());
	}
}
