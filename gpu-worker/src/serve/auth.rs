//! Who may call: every request carries the requester's signature of a
//! [`hearth_primitives::receipt::Call`] over its exact body, in four headers:
//!
//! | header | value |
//! |---|---|
//! | `x-hearth-requester` | the requester's SS58 address |
//! | `x-hearth-nonce` | the first input's nonce (decimal u64) |
//! | `x-hearth-served` | `lease:<id>` (a tenant) or `probe` (a validator) |
//! | `x-hearth-signature` | `0x` + the sr25519 signature (64 bytes) of the call's signing payload |
//!
//! A missing or malformed header or a signature that does not verify is **401**; a
//! good signature from someone this miner may not serve is **403**, with the reason:
//! a lease that is not active on this provider or belongs to another tenant, a probe
//! from an account without a validator permit on the subnet.

use super::view::ChainView;
use hearth_primitives::receipt::{Call, Served};
use sp_core::crypto::{AccountId32, Ss58Codec};
use sp_core::sr25519;

/// Why a call is refused: the HTTP status and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
	/// 400, 401, 403, 409, 429, 503…
	pub status: u16,
	/// What is wrong, for the caller.
	pub reason: String,
}

impl Refusal {
	/// A refusal with `status`.
	pub fn new(status: u16, reason: impl Into<String>) -> Self {
		Self { status, reason: reason.into() }
	}
}

/// The authentication headers, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallHeaders {
	/// The requester.
	pub requester: AccountId32,
	/// The first nonce.
	pub nonce: u64,
	/// What the call is served under.
	pub served: Served,
	/// The signature.
	pub signature: sr25519::Signature,
}

/// Parses the headers; `get` looks one up by its lower-case name.
pub fn parse_headers(get: &dyn Fn(&str) -> Option<String>) -> Result<CallHeaders, Refusal> {
	let need = |name: &str| {
		get(name)
			.ok_or_else(|| Refusal::new(401, format!("missing header {name} (calls must be signed; see the API docs)")))
	};
	let bad = |name: &str, why: &str| Refusal::new(401, format!("header {name}: {why}"));
	let requester = AccountId32::from_ss58check(need("x-hearth-requester")?.trim())
		.map_err(|e| bad("x-hearth-requester", &format!("not an SS58 address ({e:?})")))?;
	let nonce =
		need("x-hearth-nonce")?.trim().parse::<u64>().map_err(|_| bad("x-hearth-nonce", "not a decimal u64"))?;
	let served = match need("x-hearth-served")?.trim() {
		"probe" => Served::Probe,
		other => match other.strip_prefix("lease:").map(str::parse::<u64>) {
			Some(Ok(id)) => Served::Lease(id),
			_ => return Err(bad("x-hearth-served", "expected lease:<id> or probe")),
		},
	};
	let sig_hex = need("x-hearth-signature")?;
	let bytes = sig_hex
		.trim()
		.strip_prefix("0x")
		.and_then(|h| hex::decode(h).ok())
		.ok_or_else(|| bad("x-hearth-signature", "expected 0x and hex"))?;
	let signature = sr25519::Signature::try_from(bytes.as_slice())
		.map_err(|_| bad("x-hearth-signature", &format!("an sr25519 signature is 64 bytes, not {}", bytes.len())))?;
	Ok(CallHeaders { requester, nonce, served, signature })
}

/// Checks the signature over `body` for this miner on this chain, then whether the
/// requester may be served as it says.
pub fn authorize(
	headers: &CallHeaders,
	body: &[u8],
	miner: &AccountId32,
	netuid: u16,
	view: &ChainView,
) -> Result<Call<AccountId32>, Refusal> {
	let Some(genesis) = view.genesis else {
		return Err(Refusal::new(503, "not connected to the chain yet: cannot check who may call"));
	};
	let call = Call {
		genesis,
		netuid,
		miner: miner.clone(),
		requester: headers.requester.clone(),
		nonce: headers.nonce,
		served: headers.served,
		body_hash: sp_crypto_hashing::blake2_256(body),
	};
	let public = sr25519::Public::from_raw(*headers.requester.as_ref());
	if !<sr25519::Pair as sp_core::Pair>::verify(&headers.signature, call.signing_payload(), &public) {
		return Err(Refusal::new(
			401,
			"the signature does not verify: sign \"hearth-call-v1\" ‖ SCALE(Call{genesis, netuid, miner, requester, nonce, served, blake2_256(body)}) with the requester's sr25519 key",
		));
	}
	match headers.served {
		Served::Lease(id) => match view.leases.get(&id) {
			None => Err(Refusal::new(403, format!("lease {id} is not active on this provider"))),
			Some(tenant) if *tenant != headers.requester => {
				Err(Refusal::new(403, format!("lease {id} belongs to another tenant")))
			},
			Some(_) => Ok(call),
		},
		Served::Probe if view.validators.contains(&headers.requester) => Ok(call),
		Served::Probe => Err(Refusal::new(
			403,
			format!(
				"{} has no validator permit on subnet {netuid}: probes are for validators",
				headers.requester.to_ss58check()
			),
		)),
	}
}

/// The four headers of a call signed by `signer` (what a tenant's or validator's client
/// sends; `call.requester` must be `signer`'s account).
pub fn call_headers(signer: &crate::keys::Hotkey, call: &Call<AccountId32>) -> Vec<(String, String)> {
	let served = match call.served {
		Served::Lease(id) => format!("lease:{id}"),
		Served::Probe => "probe".into(),
	};
	vec![
		("x-hearth-requester".into(), signer.address()),
		("x-hearth-nonce".into(), call.nonce.to_string()),
		("x-hearth-served".into(), served),
		("x-hearth-signature".into(), format!("0x{}", hex::encode(signer.sign(&call.signing_payload())))),
	]
}
