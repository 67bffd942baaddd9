//! The metadata a client decodes with: every Hearth type, field, variant and runtime
//! API documented, and the units of what is easy to misread named.

use crate::Runtime;
use codec::Decode;
use frame_metadata::{v15::RuntimeMetadataV15, RuntimeMetadata, RuntimeMetadataPrefixed};
use scale_info::{form::PortableForm, Field, TypeDef};

fn metadata_v15() -> RuntimeMetadataV15 {
	// Some pallet constants are read from storage (the params pallet's).
	let opaque = sp_io::TestExternalities::default()
		.execute_with(|| Runtime::metadata_at_version(15))
		.expect("the runtime serves metadata v15");
	match RuntimeMetadataPrefixed::decode(&mut &opaque[..]).expect("metadata decodes").1 {
		RuntimeMetadata::V15(metadata) => metadata,
		other => panic!("asked for v15, got version {}", other.version()),
	}
}

/// Whether a type path is one of Hearth's own crates.
fn is_hearth(segments: &[String]) -> bool {
	segments.first().is_some_and(|c| c.starts_with("pallet_hearth_") || c.starts_with("hearth_"))
}

/// `path.field` for every named field of `fields` without documentation.
fn undocumented_fields(path: &str, fields: &[Field<PortableForm>], out: &mut Vec<String>) {
	for field in fields {
		if let Some(name) = &field.name {
			if field.docs.iter().all(|line| line.trim().is_empty()) {
				out.push(format!("{path}.{name}"));
			}
		}
	}
}

#[test]
fn every_hearth_type_field_and_variant_is_documented() {
	let metadata = metadata_v15();
	let mut missing = Vec::new();
	let mut checked = 0;
	for ty in &metadata.types.types {
		let ty = &ty.ty;
		if !is_hearth(&ty.path.segments) {
			continue;
		}
		checked += 1;
		let path = ty.path.segments.join("::");
		// `construct_runtime!`'s aggregates (RuntimeCall, RuntimeEvent, OriginCaller…) are
		// generated; their variants are the pallets, documented by the pallets' own types.
		let generated = path.starts_with("hearth_runtime::construct::");
		// FRAME documents a pallet's `Call`, `Event` and `Error` through their variants.
		let frame_enum = ["Call", "Event", "Error"].iter().any(|n| path.ends_with(&format!("::pallet::{n}")));
		if ty.docs.is_empty() && !generated && !frame_enum {
			missing.push(path.clone());
		}
		match &ty.type_def {
			TypeDef::Composite(c) => undocumented_fields(&path, &c.fields, &mut missing),
			TypeDef::Variant(v) if !generated => {
				for variant in &v.variants {
					let name = format!("{path}::{}", variant.name);
					if variant.docs.is_empty() {
						missing.push(name.clone());
					}
					// A call's parameters are documented in the call's own docs.
					if !path.ends_with("::pallet::Call") {
						undocumented_fields(&name, &variant.fields, &mut missing);
					}
				}
			},
			_ => {},
		}
	}
	assert!(checked > 50, "only {checked} Hearth types found in the metadata");
	assert!(missing.is_empty(), "undocumented in the metadata:\n  {}", missing.join("\n  "));
}

#[test]
fn every_hearth_runtime_api_and_method_is_documented() {
	let metadata = metadata_v15();
	let hearth = ["SubnetsApi", "StakingApi", "LeasesApi", "JobsApi", "EmissionsApi", "SlashingApi"];
	for name in hearth {
		let api = metadata.apis.iter().find(|a| a.name == name).unwrap_or_else(|| panic!("{name} is in the metadata"));
		assert!(!api.docs.is_empty(), "{name} has no docs");
		for method in &api.methods {
			assert!(!method.docs.is_empty(), "{name}_{} has no docs", method.name);
		}
	}
}

/// The doc lines of the named field of the named Hearth type.
fn field_docs(metadata: &RuntimeMetadataV15, type_name: &str, field: &str) -> String {
	let ty = metadata
		.types
		.types
		.iter()
		.map(|t| &t.ty)
		.find(|t| is_hearth(&t.path.segments) && t.path.segments.last().is_some_and(|n| n == type_name))
		.unwrap_or_else(|| panic!("{type_name} is in the metadata"));
	let TypeDef::Composite(c) = &ty.type_def else { panic!("{type_name} is a struct") };
	let f = c.fields.iter().find(|f| f.name.as_deref() == Some(field)).unwrap_or_else(|| panic!("{type_name}.{field}"));
	f.docs.join(" ")
}

#[test]
fn units_a_client_could_misread_are_named() {
	let metadata = metadata_v15();
	for field in ["consensus", "incentive", "dividends", "validator_trust"] {
		let docs = field_docs(&metadata, "NeuronStats", field);
		assert!(docs.contains("65535"), "NeuronStats.{field} does not say it is a fraction of 65535: {docs:?}");
	}
	for (ty, field) in [
		("StakePosition", "value"),
		("StakeInfo", "staked"),
		("StakeInfo", "withdrawable"),
		("Delegator", "value"),
		("HotkeyInfo", "deposit"),
	] {
		let docs = field_docs(&metadata, ty, field);
		assert!(docs.contains("10⁻¹² HTH"), "{ty}.{field} does not name its unit: {docs:?}");
	}
}
