//! The chain client: JSON-RPC over WebSocket (jsonrpsee 0.24, the node's own) with the
//! runtime's own types.
//!
//! Why not subxt: the worker is built from the same workspace as the runtime, so it
//! encodes calls and decodes storage, events and runtime-API answers with the exact
//! Rust types the runtime uses (`hearth_runtime::RuntimeCall`, the pallets' structs) —
//! no generated code to keep in step, no dynamic decoding, nothing a runtime change can
//! silently misread. What a metadata-driven client gives for free (noticing that the
//! node runs another runtime) is done by [`compat`]: on connect the worker compares
//! the node's runtime version and the metadata of every pallet it calls with the
//! runtime it was built with, and refuses to run against a different one, naming what
//! differs. It also keeps the cold build small: subxt would add its codegen, decoding
//! and RPC stacks beside the ones the node already compiles.

pub mod compat;
pub mod reads;
pub mod tx;

use codec::{Decode, Encode};
use hearth_runtime::Hash;
use jsonrpsee::core::client::ClientT;
use jsonrpsee::core::params::ArrayParams;
use jsonrpsee::ws_client::{WsClient, WsClientBuilder};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::time::Duration;

/// What went wrong talking to the node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainError {
	/// The node cannot be reached or the connection dropped.
	Unreachable(String),
	/// The node answered with an error.
	Rpc(String),
	/// An answer did not decode.
	Decode(String),
	/// The node runs a runtime this worker was not built for.
	Incompatible(String),
}

impl std::fmt::Display for ChainError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::Unreachable(e) => write!(f, "the node is unreachable: {e}"),
			Self::Rpc(e) => write!(f, "the node refused: {e}"),
			Self::Decode(e) => write!(f, "cannot decode the node's answer: {e}"),
			Self::Incompatible(e) => write!(f, "incompatible runtime: {e}"),
		}
	}
}

fn rpc_error(e: jsonrpsee::core::client::Error) -> ChainError {
	match e {
		jsonrpsee::core::client::Error::Call(obj) => {
			ChainError::Rpc(format!("{} (code {})", obj.message(), obj.code()))
		},
		other => ChainError::Unreachable(other.to_string()),
	}
}

/// `0x`-hex of bytes.
pub fn to_hex(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

fn from_hex(text: &str) -> Result<Vec<u8>, ChainError> {
	hex::decode(text.trim_start_matches("0x")).map_err(|e| ChainError::Decode(format!("not hex: {e}")))
}

/// A connection to one node, checked compatible.
pub struct Chain {
	client: WsClient,
	/// The chain's genesis hash.
	pub genesis: Hash,
	/// The runtime's spec version.
	pub spec_version: u32,
	/// The runtime's transaction version.
	pub transaction_version: u32,
}

impl Chain {
	/// Connects to `url` and checks that the node runs the runtime this worker was
	/// built with ([`compat::check`]).
	pub async fn connect(url: &str) -> Result<Self, ChainError> {
		let client = WsClientBuilder::default()
			.request_timeout(Duration::from_secs(30))
			.connection_timeout(Duration::from_secs(10))
			.max_request_size(16 << 20)
			.max_response_size(64 << 20)
			.build(url)
			.await
			.map_err(|e| ChainError::Unreachable(format!("{url}: {e}")))?;
		let mut chain = Self { client, genesis: Hash::zero(), spec_version: 0, transaction_version: 0 };
		let version: Value = chain.call("state_getRuntimeVersion", vec![]).await?;
		let (spec, tx) = compat::check_version(&version)?;
		chain.spec_version = spec;
		chain.transaction_version = tx;
		let metadata = chain.runtime_api_raw("Metadata_metadata_at_version", &16u32.encode(), None).await?;
		compat::check_metadata(&metadata)?;
		chain.genesis = chain
			.call::<Option<Hash>>("chain_getBlockHash", vec![json!(0)])
			.await?
			.ok_or_else(|| ChainError::Decode("the node has no block 0".into()))?;
		Ok(chain)
	}

	/// Whether the connection is still open.
	pub fn is_connected(&self) -> bool {
		self.client.is_connected()
	}

	/// Calls `method` with positional `args`.
	pub async fn call<T: DeserializeOwned>(&self, method: &str, args: Vec<Value>) -> Result<T, ChainError> {
		let mut params = ArrayParams::new();
		for a in args {
			params.insert(a).map_err(|e| ChainError::Decode(e.to_string()))?;
		}
		self.client.request(method, params).await.map_err(rpc_error)
	}

	/// The best block's hash and number.
	pub async fn best(&self) -> Result<(Hash, u32), ChainError> {
		let header: Value = self.call("chain_getHeader", vec![]).await?;
		let hash: Hash = self.call("chain_getBlockHash", vec![]).await?;
		let number = header
			.get("number")
			.and_then(Value::as_str)
			.and_then(|n| u32::from_str_radix(n.trim_start_matches("0x"), 16).ok())
			.ok_or_else(|| ChainError::Decode(format!("a header without a number: {header}")))?;
		Ok((hash, number))
	}

	/// Raw storage at `key` in block `at` (best when `None`).
	pub async fn storage_raw(&self, key: &[u8], at: Option<Hash>) -> Result<Option<Vec<u8>>, ChainError> {
		let value: Option<String> = self.call("state_getStorage", vec![json!(to_hex(key)), json!(at)]).await?;
		value.map(|v| from_hex(&v)).transpose()
	}

	/// Storage at `key`, decoded as `T`.
	pub async fn storage<T: Decode>(&self, key: &[u8], at: Option<Hash>) -> Result<Option<T>, ChainError> {
		match self.storage_raw(key, at).await? {
			None => Ok(None),
			Some(bytes) => T::decode(&mut &bytes[..])
				.map(Some)
				.map_err(|e| ChainError::Decode(format!("storage 0x{}: {e}", hex::encode(key)))),
		}
	}

	/// Every key under `prefix` in block `at`, `page` at a time.
	pub async fn keys(&self, prefix: &[u8], at: Option<Hash>) -> Result<Vec<Vec<u8>>, ChainError> {
		const PAGE: u32 = 512;
		let mut out = Vec::new();
		let mut start: Option<String> = None;
		loop {
			let page: Vec<String> = self
				.call("state_getKeysPaged", vec![json!(to_hex(prefix)), json!(PAGE), json!(start), json!(at)])
				.await?;
			let full = page.len() as u32 == PAGE;
			start = page.last().cloned();
			for k in page {
				out.push(from_hex(&k)?);
			}
			if !full {
				return Ok(out);
			}
		}
	}

	/// Runtime API `method` with SCALE `args` at `at`: the raw answer.
	pub async fn runtime_api_raw(&self, method: &str, args: &[u8], at: Option<Hash>) -> Result<Vec<u8>, ChainError> {
		let answer: String = self.call("state_call", vec![json!(method), json!(to_hex(args)), json!(at)]).await?;
		from_hex(&answer)
	}

	/// Runtime API `method`, decoded as `T`.
	pub async fn runtime_api<T: Decode>(&self, method: &str, args: &[u8], at: Option<Hash>) -> Result<T, ChainError> {
		let bytes = self.runtime_api_raw(method, args, at).await?;
		T::decode(&mut &bytes[..]).map_err(|e| ChainError::Decode(format!("{method}: {e}")))
	}

	/// Hands a signed extrinsic to the node's pool; its hash.
	pub async fn submit(&self, extrinsic: &[u8]) -> Result<Hash, ChainError> {
		self.call("author_submitExtrinsic", vec![json!(to_hex(extrinsic))]).await
	}
}
