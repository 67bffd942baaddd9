//! # Hearth end-to-end harness
//!
//! Starts real `hearth-node` processes on free 127.0.0.1 ports, each with its own base
//! path, and talks to them over JSON-RPC. A [`node::Node`] stops its process by pid
//! when dropped, so a failing or panicking test never leaves a node running.
//!
//! The node binary is found next to the test binary's target directory
//! (`<target>/debug/hearth-node`), or at `$HEARTH_NODE_BIN`.

pub mod node;
pub mod rpc;
pub mod state;
pub mod tx;
pub mod worker;

use std::time::{Duration, Instant};

/// Polls `check` every `every` until it returns `Some`, or fails with `what` at the
/// deadline. Waiting never sleeps blindly: it waits on an observable condition.
pub async fn wait_until<T, F, Fut>(what: &str, timeout: Duration, mut check: F) -> T
where
	F: FnMut() -> Fut,
	Fut: std::future::Future<Output = Option<T>>,
{
	let deadline = Instant::now() + timeout;
	loop {
		if let Some(value) = check().await {
			return value;
		}
		if Instant::now() >= deadline {
			panic!("timed out after {timeout:?} waiting for {what}");
		}
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
}

/// Waits (up to two minutes: a cold node compiles its runtime first) until the node
/// behind `rpc` has finalized block 1 or later; returns the finalized hash and number.
pub async fn first_finalized(rpc: &rpc::Rpc) -> (hearth_runtime::Hash, u32) {
	wait_until("a finalized block", Duration::from_secs(120), || async {
		rpc.finalized().await.filter(|(_, n)| *n >= 1)
	})
	.await
}
