//! `hearth-worker` processes for end-to-end tests: the binary next to the node's, a
//! miner's configuration file, the tiny seeded model, and a child process that is
//! killed when dropped (its log's tail printed if the test is failing).

use hearth_engine::import::{quantize, seeded};
use hearth_engine::{encode, Model};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The `hearth-worker` binary next to the node's (or `$HEARTH_WORKER_BIN`).
pub fn binary() -> PathBuf {
	if let Ok(path) = std::env::var("HEARTH_WORKER_BIN") {
		return PathBuf::from(path);
	}
	let bin = crate::node::node_binary().with_file_name("hearth-worker");
	assert!(bin.exists(), "{} does not exist: build it (`make build`) or set HEARTH_WORKER_BIN", bin.display());
	bin
}

/// Writes the tiny seeded BERT model (`tiny.hearth`) and its vocabulary into `dir`.
pub fn tiny_model(dir: &Path) -> (Model, Vec<u8>) {
	let model = Model::Bert(quantize::bert(&seeded::bert(seeded::TINY, 5)).expect("quantizes"));
	let bytes = encode(&model);
	std::fs::write(dir.join("tiny.hearth"), &bytes).expect("model file");
	let mut vocab = vec!["[PAD]".to_string(), "[UNK]".into(), "[CLS]".into(), "[SEP]".into()];
	vocab.extend((4..seeded::TINY.vocab).map(|i| format!("w{i}")));
	std::fs::write(dir.join("tiny.vocab.txt"), vocab.join("\n")).expect("vocab");
	(model, bytes)
}

/// Where a miner runs: its files and ports.
pub struct MinerSetup<'a> {
	/// Its directory (hotkey, journal, config).
	pub dir: &'a Path,
	/// The node's RPC port.
	pub rpc_port: u16,
	/// The hotkey's secret URI.
	pub suri: &'a str,
	/// The models directory.
	pub models: &'a Path,
	/// The API port.
	pub api_port: u16,
	/// The operations port.
	pub ops_port: u16,
}

/// Writes the hotkey file (owner-only) and a miner's config on subnet 1; returns the
/// config's path. `extra` is appended (more TOML).
pub fn miner_config(m: &MinerSetup<'_>, extra: &str) -> PathBuf {
	std::fs::create_dir_all(m.dir).expect("miner dir");
	let hotkey = m.dir.join("hotkey");
	std::fs::write(&hotkey, format!("{}\n", m.suri)).expect("hotkey");
	{
		use std::os::unix::fs::PermissionsExt;
		std::fs::set_permissions(&hotkey, std::fs::Permissions::from_mode(0o600)).expect("chmod");
	}
	let config = m.dir.join("worker.toml");
	std::fs::write(
		&config,
		format!(
			"[chain]\nurl = \"ws://127.0.0.1:{rpc}\"\n[hotkey]\nfile = \"{hotkey}\"\n[subnet]\nnetuid = 1\nmax_burn = \"1\"\n\
			 [serve]\nlisten = \"127.0.0.1:{api}\"\nendpoint = \"127.0.0.1:{api}\"\n[ops]\nlisten = \"127.0.0.1:{ops}\"\n\
			 [models]\ndir = \"{models}\"\n[journal]\npath = \"{journal}\"\n[compute]\nbackend = \"cpu\"\n{extra}",
			rpc = m.rpc_port,
			hotkey = hotkey.display(),
			api = m.api_port,
			ops = m.ops_port,
			models = m.models.display(),
			journal = m.dir.join("journal.redb").display(),
		),
	)
	.expect("config");
	config
}

/// A running `hearth-worker` process; dropping it kills it.
pub struct Worker {
	child: Option<Child>,
	/// The config it runs with.
	pub config: PathBuf,
	/// Its log file.
	pub log: PathBuf,
}

impl Worker {
	/// `hearth-worker run --config config`, logging to `log`.
	pub fn start(config: &Path, log: &Path) -> Self {
		Self::spawn(&["run", "--config", &config.display().to_string()], config, log, &[])
	}

	/// `hearth-worker <args>` with extra environment variables, logging to `log`.
	pub fn spawn(args: &[&str], config: &Path, log: &Path, env: &[(&str, &str)]) -> Self {
		let out = std::fs::OpenOptions::new().create(true).append(true).open(log).expect("log file");
		let err = out.try_clone().expect("log handle");
		let child = Command::new(binary())
			.args(args)
			.env("RUST_LOG", "info")
			.envs(env.iter().copied())
			.stdin(Stdio::null())
			.stdout(out)
			.stderr(err)
			.spawn()
			.expect("the worker starts");
		Self { child: Some(child), config: config.into(), log: log.into() }
	}

	/// Sends `signal` and waits (40 s at most, then SIGKILL) for the exit.
	pub fn signal(&mut self, signal: i32) -> Option<std::process::ExitStatus> {
		let mut child = self.child.take()?;
		// SAFETY: our own unreaped child; `kill` has no memory-safety preconditions.
		unsafe { libc::kill(child.id() as libc::pid_t, signal) };
		let deadline = std::time::Instant::now() + Duration::from_secs(40);
		while std::time::Instant::now() < deadline {
			if let Ok(Some(status)) = child.try_wait() {
				return Some(status);
			}
			std::thread::sleep(Duration::from_millis(100));
		}
		let _ = child.kill();
		child.wait().ok()
	}

	/// The last 40 lines of its log.
	pub fn log_tail(&self) -> String {
		let text = std::fs::read_to_string(&self.log).unwrap_or_default();
		let lines: Vec<&str> = text.lines().collect();
		lines[lines.len().saturating_sub(40)..].join("\n")
	}
}

impl Drop for Worker {
	fn drop(&mut self) {
		if std::thread::panicking() {
			eprintln!("--- last lines of {} ---\n{}", self.log.display(), self.log_tail());
		}
		self.signal(libc::SIGKILL);
	}
}

/// Alice creates subnet 1, registers the tiny model (written into `models`) and claims
/// and stakes `miner`'s hotkey with 100 HTH, in one batch: what a miner needs before
/// `hearth-worker run` does the rest with the hotkey alone. The model's identity.
pub async fn subnet_with_tiny_model(
	rpc: &crate::rpc::Rpc,
	ctx: &crate::tx::ChainContext,
	models: &Path,
	miner: sp_keyring::Sr25519Keyring,
) -> [u8; 32] {
	use hearth_runtime::{RuntimeCall, HTH};
	std::fs::create_dir_all(models).expect("models dir");
	let (_, bytes) = tiny_model(models);
	let file = hearth_engine::format::split(&bytes).expect("splits");
	let setup = RuntimeCall::Utility(pallet_utility::Call::batch_all {
		calls: vec![
			RuntimeCall::Subnets(pallet_hearth_subnets::Call::create_subnet { max_lock: 100 * HTH }),
			RuntimeCall::Jobs(pallet_hearth_jobs::Call::register_model {
				netuid: 1,
				header: file.header.to_vec().try_into().expect("a header"),
				chunk_hashes: file.chunk_hashes().try_into().expect("hashes"),
				max_input: 40,
			}),
			RuntimeCall::Staking(crate::tx::claim_hotkey(ctx, sp_keyring::Sr25519Keyring::Alice, miner)),
			RuntimeCall::Staking(pallet_hearth_staking::Call::add_stake {
				hotkey: miner.to_account_id(),
				amount: 100 * HTH,
			}),
		],
	});
	crate::tx::send(rpc, ctx, sp_keyring::Sr25519Keyring::Alice, setup).await;
	file.id()
}
