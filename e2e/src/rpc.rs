//! A small JSON-RPC client over the node's HTTP and WebSocket endpoint.

use std::time::Duration;

use jsonrpsee::{
	core::{
		client::{ClientT, Error as ClientError, Subscription, SubscriptionClientT},
		params::ArrayParams,
	},
	http_client::{HttpClient, HttpClientBuilder},
	ws_client::WsClientBuilder,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

pub use hearth_runtime::Hash;

/// A JSON-RPC client of one node.
#[derive(Clone)]
pub struct Rpc {
	port: u16,
	http: HttpClient,
}

fn params(values: Vec<Value>) -> ArrayParams {
	let mut params = ArrayParams::new();
	for value in values {
		params.insert(value).expect("a serde_json::Value serializes");
	}
	params
}

impl Rpc {
	/// A client of the node listening on 127.0.0.1:`port`.
	pub fn new(port: u16) -> Self {
		let http = HttpClientBuilder::default()
			.request_timeout(Duration::from_secs(30))
			.build(format!("http://127.0.0.1:{port}"))
			.expect("a loopback URL is valid");
		Self { port, http }
	}

	/// Calls `method` with positional `args`.
	pub async fn call<T: DeserializeOwned>(&self, method: &str, args: Vec<Value>) -> Result<T, ClientError> {
		self.http.request(method, params(args)).await
	}

	/// Calls `method`, or `None` while the node does not answer (still starting, or
	/// stopped).
	pub async fn try_call<T: DeserializeOwned>(&self, method: &str, args: Vec<Value>) -> Option<T> {
		self.call(method, args).await.ok()
	}

	/// Opens a subscription over WebSocket.
	pub async fn subscribe(
		&self,
		method: &str,
		args: Vec<Value>,
		unsubscribe: &str,
	) -> Result<Subscription<Value>, ClientError> {
		let ws = WsClientBuilder::default()
			.request_timeout(Duration::from_secs(30))
			.build(format!("ws://127.0.0.1:{}", self.port))
			.await?;
		// The client must outlive the subscription: leak it for the test's lifetime.
		let ws: &'static _ = Box::leak(Box::new(ws));
		ws.subscribe(method, params(args), unsubscribe).await
	}

	/// Number of the block with `hash`, or of the best block when `None`.
	pub async fn block_number(&self, hash: Option<Hash>) -> Option<u32> {
		let header: Value = self.try_call("chain_getHeader", vec![serde_json::json!(hash)]).await?;
		parse_hex_u32(header.get("number")?.as_str()?)
	}

	/// Best block number.
	pub async fn best_number(&self) -> Option<u32> {
		self.block_number(None).await
	}

	/// Finalized head hash and number.
	pub async fn finalized(&self) -> Option<(Hash, u32)> {
		let hash: Hash = self.try_call("chain_getFinalizedHead", vec![]).await?;
		Some((hash, self.block_number(Some(hash)).await?))
	}

	/// Hash of the block at `number` on the node's best chain.
	pub async fn block_hash(&self, number: u32) -> Option<Hash> {
		self.try_call::<Option<Hash>>("chain_getBlockHash", vec![number.into()]).await.flatten()
	}

	/// Number of connected peers.
	pub async fn peers(&self) -> Option<u64> {
		let health: Value = self.try_call("system_health", vec![]).await?;
		health.get("peers")?.as_u64()
	}
}

/// Parses a `0x`-prefixed hex block number.
pub fn parse_hex_u32(hex: &str) -> Option<u32> {
	u32::from_str_radix(hex.strip_prefix("0x")?, 16).ok()
}

/// The JSON-RPC error code of a failed call, if the server answered with one.
pub fn error_code(err: &ClientError) -> Option<i32> {
	match err {
		ClientError::Call(object) => Some(object.code()),
		_ => None,
	}
}
