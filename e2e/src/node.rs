//! Starting and stopping `hearth-node` processes.

use std::{
	fs,
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	sync::atomic::{AtomicU32, Ordering},
	time::{Duration, Instant},
};

use crate::rpc::Rpc;

/// The `hearth-node` binary under test.
pub fn node_binary() -> PathBuf {
	if let Ok(path) = std::env::var("HEARTH_NODE_BIN") {
		return PathBuf::from(path);
	}
	// <target>/debug/deps/<test-binary> -> <target>/debug/hearth-node
	let exe = std::env::current_exe().expect("the test binary has a path");
	let debug_dir = exe.parent().and_then(Path::parent).expect("test binary is in <target>/debug/deps");
	let bin = debug_dir.join("hearth-node");
	assert!(
		bin.exists(),
		"{} does not exist: build the node first (`make build`) or set HEARTH_NODE_BIN",
		bin.display()
	);
	bin
}

/// A free TCP port on 127.0.0.1 (asked of the OS, then released for the node to bind),
/// never one this process handed out before: the OS may give a released port again at
/// once, and a node whose RPC and P2P ports collide serves no RPC.
pub fn free_port() -> u16 {
	static GIVEN: std::sync::Mutex<std::collections::BTreeSet<u16>> =
		std::sync::Mutex::new(std::collections::BTreeSet::new());
	let mut given = GIVEN.lock().unwrap_or_else(|p| p.into_inner());
	loop {
		let port = TcpListener::bind("127.0.0.1:0")
			.and_then(|l| l.local_addr())
			.map(|a| a.port())
			.expect("the OS hands out a free loopback port");
		if given.insert(port) {
			return port;
		}
	}
}

/// A directory that is removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
	/// A fresh, empty directory under the system temp dir, unique to this process.
	pub fn new(label: &str) -> Self {
		static NEXT: AtomicU32 = AtomicU32::new(0);
		let path = std::env::temp_dir().join(format!(
			"hearth-e2e-{}-{}-{label}",
			std::process::id(),
			NEXT.fetch_add(1, Ordering::Relaxed)
		));
		let _ = fs::remove_dir_all(&path);
		fs::create_dir_all(&path).expect("temp dir can be created");
		Self(path)
	}

	/// The directory.
	pub fn path(&self) -> &Path {
		&self.0
	}
}

impl Drop for TempDir {
	fn drop(&mut self) {
		let _ = fs::remove_dir_all(&self.0);
	}
}

/// How to start a node.
#[derive(Clone, Debug)]
pub struct NodeConfig {
	/// A name for logs and messages.
	pub name: String,
	/// `--chain` and the dev-key flag, e.g. `["--dev"]` or `["--chain", "local", "--bob"]`.
	pub args: Vec<String>,
	/// Where the node keeps its database and keys.
	pub base_path: PathBuf,
	/// libp2p port.
	pub p2p_port: u16,
	/// JSON-RPC port (HTTP and WebSocket).
	pub rpc_port: u16,
	/// Prometheus port.
	pub prometheus_port: u16,
}

impl NodeConfig {
	/// A config on fresh free ports.
	pub fn new(name: &str, base_path: &Path, args: &[&str]) -> Self {
		Self {
			name: name.into(),
			args: args.iter().map(|a| a.to_string()).collect(),
			base_path: base_path.to_path_buf(),
			p2p_port: free_port(),
			rpc_port: free_port(),
			prometheus_port: free_port(),
		}
	}
}

/// A running `hearth-node`. Dropping it stops the process.
pub struct Node {
	/// How it was started (ports, base path, flags).
	pub config: NodeConfig,
	child: Option<Child>,
	log: PathBuf,
}

impl Node {
	/// Starts the node; its stdout and stderr go to `<base_path>/node.log`.
	pub fn start(config: NodeConfig) -> Self {
		fs::create_dir_all(&config.base_path).expect("base path can be created");
		let log = config.base_path.join(format!("{}.log", config.name));
		let out = fs::OpenOptions::new().create(true).append(true).open(&log).expect("log file");
		let err = out.try_clone().expect("log file handle");
		let child = Command::new(node_binary())
			.args(&config.args)
			.arg("--base-path")
			.arg(&config.base_path)
			.args(["--port", &config.p2p_port.to_string()])
			.args(["--rpc-port", &config.rpc_port.to_string()])
			.args(["--prometheus-port", &config.prometheus_port.to_string()])
			.args(["--no-telemetry", "--no-mdns", "--name", &config.name])
			.stdin(Stdio::null())
			.stdout(out)
			.stderr(err)
			.spawn()
			.unwrap_or_else(|e| panic!("cannot start {}: {e}", config.name));
		Self { config, child: Some(child), log }
	}

	/// The operating-system process id.
	pub fn pid(&self) -> Option<u32> {
		self.child.as_ref().map(Child::id)
	}

	/// An RPC client for this node.
	pub fn rpc(&self) -> Rpc {
		Rpc::new(self.config.rpc_port)
	}

	/// Whether the process is still running.
	pub fn is_running(&mut self) -> bool {
		matches!(self.child.as_mut().map(|c| c.try_wait()), Some(Ok(None)))
	}

	/// The last `lines` lines the node logged, for failure messages.
	pub fn log_tail(&self, lines: usize) -> String {
		let text = fs::read_to_string(&self.log).unwrap_or_default();
		let all: Vec<&str> = text.lines().collect();
		all[all.len().saturating_sub(lines)..].join("\n")
	}

	/// Sends `signal` to the process by pid, then waits for it to exit (SIGKILL after
	/// a grace period).
	pub fn stop_with(&mut self, signal: i32) {
		let Some(mut child) = self.child.take() else { return };
		let pid = child.id() as libc::pid_t;
		// SAFETY: `kill` has no memory-safety preconditions; `pid` is our own child,
		// which has not been reaped yet, so the id cannot have been reused.
		unsafe { libc::kill(pid, signal) };
		let deadline = Instant::now() + Duration::from_secs(20);
		while Instant::now() < deadline {
			if let Ok(Some(_)) = child.try_wait() {
				return;
			}
			std::thread::sleep(Duration::from_millis(100));
		}
		let _ = child.kill();
		let _ = child.wait();
	}

	/// Kills the process at once (SIGKILL), as a crash or power loss would.
	pub fn kill(&mut self) {
		self.stop_with(libc::SIGKILL);
	}

	/// Stops the process gracefully (SIGTERM).
	pub fn stop(&mut self) {
		self.stop_with(libc::SIGTERM);
	}

	/// Starts the same node again: same base path, keys and ports.
	pub fn restart(&mut self) {
		self.stop();
		let fresh = Node::start(self.config.clone());
		*self = fresh;
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		if std::thread::panicking() {
			eprintln!("--- last log lines of {} ---\n{}", self.config.name, self.log_tail(40));
		}
		self.stop();
	}
}

/// Runs `hearth-node key generate-node-key` into `<base_path>/chains/<chain>/network`,
/// where the node looks for its persisted key, and returns the peer id it printed.
pub fn generate_node_key(base_path: &Path, chain: &str) -> String {
	let out = Command::new(node_binary())
		.args(["key", "generate-node-key", "--chain", chain, "--base-path"])
		.arg(base_path)
		.output()
		.expect("hearth-node key generate-node-key runs");
	assert!(out.status.success(), "generate-node-key failed: {}", String::from_utf8_lossy(&out.stderr));
	// The secret goes to the file; the peer id is the last line printed.
	let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
	text.lines()
		.map(str::trim)
		.rfind(|l| l.starts_with("12D3") || l.starts_with("Qm"))
		.unwrap_or_else(|| panic!("no peer id in generate-node-key output: {text}"))
		.to_string()
}
