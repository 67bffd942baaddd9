//! What serving needs to know about the chain, kept current by the chain client and
//! read by every request: who may call, and the block receipts name.

use sp_core::crypto::AccountId32;
use std::collections::{HashMap, HashSet};

/// The chain as the worker last saw it.
#[derive(Clone, Debug, Default)]
pub struct ChainView {
	/// The genesis hash, once connected (receipts and calls are bound to it).
	pub genesis: Option<[u8; 32]>,
	/// Whether the node answers now.
	pub connected: bool,
	/// The best block seen (receipts name it; the challenge window counts from it).
	pub best: u32,
	/// Whether the hotkey holds a uid on the subnet.
	pub registered: bool,
	/// Active leases on this provider: lease id → tenant.
	pub leases: HashMap<u64, AccountId32>,
	/// Hotkeys with a validator permit on the subnet (they may probe).
	pub validators: HashSet<AccountId32>,
	/// The models registered (and not retired) on the subnet: only these are served,
	/// since a receipt for any other could not be challenged.
	pub models: HashSet<[u8; 32]>,
}
