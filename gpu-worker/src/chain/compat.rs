//! Is the node's runtime the one this worker was built with, where it matters?
//!
//! The worker signs calls, reads storage and calls runtime APIs with the types of the
//! `hearth-runtime` it was compiled against. On connect it fetches the node's metadata
//! (v16) and compares, with its own runtime's metadata, the **shape** of every item it
//! uses: each call it signs (pallet index, call index, argument types), each storage
//! item it reads (prefix, hashers, key and value types), each runtime-API method it
//! calls (argument and answer types) and the transaction extensions, in order. A shape
//! is the type resolved all the way down (names, field names, variant indices,
//! primitive kinds), so a renumbered type registry does not matter and a changed field
//! does. Any difference refuses the connection with a list naming each item; a
//! different spec version with the same shapes is only reported (upgrades that do not
//! touch what the worker uses do not stop it).

use super::ChainError;
use codec::Decode;
use frame_metadata::v16::{RuntimeMetadataV16, StorageEntryType};
use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
use scale_info::{form::PortableForm, PortableRegistry, TypeDef};
use serde_json::Value;
use std::collections::BTreeMap;

/// The calls the worker signs: (pallet, call).
pub const CALLS: &[(&str, &str)] = &[
	("Subnets", "register"),
	("Subnets", "serve"),
	("Subnets", "set_gpus"),
	("Leases", "publish_offer"),
	("Leases", "update_offer"),
	("Leases", "bid"),
	("Leases", "heartbeat"),
	("Leases", "withdraw"),
	("Jobs", "submit_result"),
];

/// The storage items it reads: (pallet, item).
pub const STORAGE: &[(&str, &str)] = &[("System", "Account"), ("Leases", "Orders"), ("Leases", "OpenLeases")];

/// The runtime-API methods it calls: (API, method).
pub const APIS: &[(&str, &str)] = &[
	("SubnetsApi", "metagraph"),
	("LeasesApi", "lease"),
	("LeasesApi", "offers"),
	("JobsApi", "models"),
	("JobsApi", "job"),
	("JobsApi", "miner_jobs"),
	("JobsApi", "check_receipt"),
];

/// Checks `state_getRuntimeVersion`'s answer: the same runtime (spec name); returns the
/// spec and transaction versions (a different spec version is not refused here: the
/// metadata check decides).
pub fn check_version(version: &Value) -> Result<(u32, u32), ChainError> {
	let ours = &hearth_runtime::VERSION;
	let name = version.get("specName").and_then(Value::as_str).unwrap_or("?");
	if name != &*ours.spec_name {
		return Err(ChainError::Incompatible(format!("the node runs {name:?}, not {:?}", &*ours.spec_name)));
	}
	let field = |f: &str| version.get(f).and_then(Value::as_u64).map(|v| v as u32);
	let (Some(spec), Some(tx)) = (field("specVersion"), field("transactionVersion")) else {
		return Err(ChainError::Decode(format!("a runtime version without specVersion/transactionVersion: {version}")));
	};
	if spec != ours.spec_version {
		tracing::warn!(
			"the node runs spec version {spec}, this worker was built for {}; continuing only if the calls, storage and APIs it uses are unchanged",
			ours.spec_version
		);
	}
	Ok((spec, tx))
}

/// Compares the node's metadata (the raw answer of `Metadata_metadata_at_version(16)`)
/// with the worker's runtime (module docs).
pub fn check_metadata(answer: &[u8]) -> Result<(), ChainError> {
	let theirs = decode_v16(answer, "the node's")?;
	let ours = decode_v16(&own_metadata(), "the worker's")?;
	let differences = differences(&shapes(&ours), &shapes(&theirs));
	if differences.is_empty() {
		Ok(())
	} else {
		Err(ChainError::Incompatible(format!(
			"the node's runtime differs from the one this worker was built for (spec {}): {}; run a hearth-worker built for the node's runtime",
			hearth_runtime::VERSION.spec_version,
			differences.join("; ")
		)))
	}
}

/// The worker's runtime's metadata v16, encoded as the runtime API answers
/// (`Option<OpaqueMetadata>`). Building it reads pallet storage versions, so it runs
/// in an empty state.
fn own_metadata() -> Vec<u8> {
	let metadata =
		sp_io::TestExternalities::new_empty().execute_with(|| hearth_runtime::Runtime::metadata_at_version(16));
	codec::Encode::encode(&metadata)
}

fn decode_v16(answer: &[u8], whose: &str) -> Result<RuntimeMetadataV16, ChainError> {
	let opaque = Option::<Vec<u8>>::decode(&mut &answer[..])
		.map_err(|e| ChainError::Decode(format!("{whose} metadata: {e}")))?
		.ok_or_else(|| ChainError::Incompatible(format!("{whose} runtime does not serve metadata v16")))?;
	let prefixed = RuntimeMetadataPrefixed::decode(&mut &opaque[..])
		.map_err(|e| ChainError::Decode(format!("{whose} metadata: {e}")))?;
	match prefixed.1 {
		RuntimeMetadata::V16(m) => Ok(m),
		_ => Err(ChainError::Incompatible(format!("{whose} metadata is not v16"))),
	}
}

/// Every item the worker uses, by name, with its shape (`None`: missing).
fn shapes(m: &RuntimeMetadataV16) -> BTreeMap<String, Option<String>> {
	let reg = &m.types;
	let mut out = BTreeMap::new();
	for (pallet, call) in CALLS {
		let shape = m.pallets.iter().find(|p| p.name == *pallet).and_then(|p| {
			let ty = reg.resolve(p.calls.as_ref()?.ty.id)?;
			let TypeDef::Variant(v) = &ty.type_def else { return None };
			let variant = v.variants.iter().find(|v| v.name == *call)?;
			let fields: Vec<String> = variant
				.fields
				.iter()
				.map(|f| format!("{}:{}", f.name.as_deref().unwrap_or(""), shape(reg, f.ty.id, &mut Vec::new())))
				.collect();
			Some(format!("pallet {} call {} ({})", p.index, variant.index, fields.join(",")))
		});
		out.insert(format!("call {pallet}.{call}"), shape);
	}
	for (pallet, item) in STORAGE {
		let shape = m.pallets.iter().find(|p| p.name == *pallet).and_then(|p| {
			let storage = p.storage.as_ref()?;
			let entry = storage.entries.iter().find(|e| e.name == *item)?;
			Some(match &entry.ty {
				StorageEntryType::Plain(ty) => {
					format!("{} plain {}", storage.prefix, shape(reg, ty.id, &mut Vec::new()))
				},
				StorageEntryType::Map { hashers, key, value } => format!(
					"{} map {hashers:?} {} -> {}",
					storage.prefix,
					shape(reg, key.id, &mut Vec::new()),
					shape(reg, value.id, &mut Vec::new())
				),
			})
		});
		out.insert(format!("storage {pallet}.{item}"), shape);
	}
	for (api, method) in APIS {
		let shape = m.apis.iter().find(|a| a.name == *api).and_then(|a| {
			let method = a.methods.iter().find(|x| x.name == *method)?;
			let inputs: Vec<String> = method.inputs.iter().map(|i| shape(reg, i.ty.id, &mut Vec::new())).collect();
			Some(format!("({}) -> {}", inputs.join(","), shape(reg, method.output.id, &mut Vec::new())))
		});
		out.insert(format!("runtime API {api}.{method}"), shape);
	}
	let extensions: Vec<String> = m
		.extrinsic
		.transaction_extensions
		.iter()
		.map(|e| {
			format!(
				"{}:{}:{}",
				e.identifier,
				shape(reg, e.ty.id, &mut Vec::new()),
				shape(reg, e.implicit.id, &mut Vec::new())
			)
		})
		.collect();
	out.insert("transaction extensions".into(), Some(extensions.join(",")));
	out
}

fn differences(ours: &BTreeMap<String, Option<String>>, theirs: &BTreeMap<String, Option<String>>) -> Vec<String> {
	ours.iter()
		.filter_map(|(item, shape)| match (shape, theirs.get(item).cloned().flatten()) {
			(Some(a), Some(b)) if *a == b => None,
			(Some(_), Some(_)) => Some(format!("{item} has another shape")),
			(Some(_), None) => Some(format!("{item} is missing on the node")),
			(None, _) => Some(format!("{item} is missing in this worker's own runtime")),
		})
		.collect()
}

/// A type resolved all the way down, as text; a type met again inside itself is named
/// by its path only.
fn shape(reg: &PortableRegistry, id: u32, stack: &mut Vec<u32>) -> String {
	let Some(ty) = reg.resolve(id) else { return format!("?{id}") };
	let path = ty.path.segments.join("::");
	if stack.contains(&id) {
		return format!("@{path}");
	}
	stack.push(id);
	let fields = |fields: &[scale_info::Field<PortableForm>], stack: &mut Vec<u32>| {
		fields
			.iter()
			.map(|f| format!("{}:{}", f.name.as_deref().unwrap_or(""), shape(reg, f.ty.id, stack)))
			.collect::<Vec<_>>()
			.join(",")
	};
	let def = match &ty.type_def {
		TypeDef::Composite(c) => format!("{{{}}}", fields(&c.fields, stack)),
		TypeDef::Variant(v) => {
			let vs: Vec<String> =
				v.variants.iter().map(|x| format!("{}#{}({})", x.name, x.index, fields(&x.fields, stack))).collect();
			format!("<{}>", vs.join("|"))
		},
		TypeDef::Sequence(s) => format!("[{}]", shape(reg, s.type_param.id, stack)),
		TypeDef::Array(a) => format!("[{};{}]", shape(reg, a.type_param.id, stack), a.len),
		TypeDef::Tuple(t) => {
			let parts: Vec<String> = t.fields.iter().map(|f| shape(reg, f.id, stack)).collect();
			format!("({})", parts.join(","))
		},
		TypeDef::Primitive(p) => format!("{p:?}"),
		TypeDef::Compact(c) => format!("compact {}", shape(reg, c.type_param.id, stack)),
		TypeDef::BitSequence(b) => {
			format!("bits {} {}", shape(reg, b.bit_store_type.id, stack), shape(reg, b.bit_order_type.id, stack))
		},
	};
	stack.pop();
	format!("{path}{def}")
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Encode;

	fn own() -> Vec<u8> {
		own_metadata()
	}

	#[test]
	fn the_workers_own_runtime_is_compatible_and_every_item_is_found() {
		check_metadata(&own()).unwrap();
		let m = decode_v16(&own(), "own").unwrap();
		let s = shapes(&m);
		assert_eq!(s.len(), CALLS.len() + STORAGE.len() + APIS.len() + 1);
		assert!(s.values().all(Option::is_some), "{s:?}");
	}

	#[test]
	fn a_changed_call_a_missing_api_and_a_foreign_runtime_are_named() {
		let mut m = decode_v16(&own(), "own").unwrap();
		// The node's Leases.bid takes another argument type; JobsApi is gone.
		let leases = m.pallets.iter().find(|p| p.name == "Leases").unwrap();
		let call_ty = leases.calls.as_ref().unwrap().ty.id;
		let bool_ty = m
			.types
			.types
			.iter()
			.find(|t| matches!(t.ty.type_def, TypeDef::Primitive(scale_info::TypeDefPrimitive::Bool)))
			.unwrap()
			.id;
		if let TypeDef::Variant(v) = &mut m.types.types[call_ty as usize].ty.type_def {
			let bid = v.variants.iter_mut().find(|v| v.name == "bid").unwrap();
			bid.fields[2].ty = bool_ty.into();
		}
		m.apis.retain(|a| a.name != "JobsApi");
		let bytes = Some(RuntimeMetadataPrefixed::from(m).encode()).encode();
		let ChainError::Incompatible(why) = check_metadata(&bytes).unwrap_err() else { panic!() };
		assert!(why.contains("call Leases.bid has another shape"), "{why}");
		assert!(why.contains("runtime API JobsApi.check_receipt is missing on the node"), "{why}");
		assert!(!why.contains("Subnets.register"), "{why}");

		let version = serde_json::json!({"specName": "polkadot", "specVersion": 1, "transactionVersion": 1});
		assert!(check_version(&version).unwrap_err().to_string().contains("\"polkadot\""));
		let ours = &hearth_runtime::VERSION;
		let version = serde_json::json!({"specName": &*ours.spec_name, "specVersion": ours.spec_version + 1, "transactionVersion": 7});
		assert_eq!(check_version(&version).unwrap(), (ours.spec_version + 1, 7));
	}
}
