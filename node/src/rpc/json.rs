//! Runtime API answers as JSON, from their own type information.
//!
//! Every `hearth_*` answer is a SCALE value the runtime returned; this module walks its
//! encoding with the type's `scale-info` description (the same one the metadata
//! carries), so the JSON follows the Rust types field for field and no hand-written
//! mapping can drift from them. The rules:
//!
//! | SCALE type | JSON |
//! |---|---|
//! | struct with named fields | object, one key per field, in declaration order |
//! | struct with one unnamed field (`Perbill`, ids) | the field's value |
//! | tuple, struct with several unnamed fields | array |
//! | `Option<T>` | `null` or the value |
//! | `Result<T, E>` | `{"Ok": …}` or `{"Err": …}` |
//! | enum variant without fields | its name, a string |
//! | enum variant with fields | `{"Name": value}` (one unnamed field), `{"Name": {…}}` or `{"Name": […]}` |
//! | `u8` … `u64`, `i8` … `i64`, `bool` | number, boolean |
//! | `u128`, `i128`, `u256`, `i256` (amounts, shares) | **decimal string** (exact in every client) |
//! | bytes (`Vec<u8>`, `[u8; N]`) | `0x…` hex |
//! | `AccountId32` | SS58 address (prefix 42) |
//! | `Compact<T>` | as `T` |

use codec::{Compact, Decode, Encode};
use scale_info::{form::PortableForm, Field, PortableRegistry, TypeDef, TypeDefPrimitive};
use serde_json::{Map, Value};
use sp_core::crypto::{AccountId32, Ss58AddressFormat, Ss58Codec};

/// Hearth's SS58 prefix (the runtime's `SS58Prefix`).
const SS58_PREFIX: u16 = 42;

/// Why a value could not be turned into JSON: its bytes do not match its type.
#[derive(Debug)]
pub(crate) struct Malformed(String);

impl std::fmt::Display for Malformed {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str(&self.0)
	}
}

/// `value` as JSON, by the rules of this module.
pub(crate) fn to_json<T: Encode + scale_info::TypeInfo + 'static>(value: &T) -> Result<Value, Malformed> {
	let mut registry = scale_info::Registry::new();
	let id = registry.register_type(&scale_info::meta_type::<T>()).id;
	scale_to_json(&registry.into(), id, &value.encode())
}

/// The encoding `bytes` of type `id` as JSON; an error names what does not match.
fn scale_to_json(registry: &PortableRegistry, id: u32, bytes: &[u8]) -> Result<Value, Malformed> {
	let mut input = bytes;
	let json = Walker { registry }.value(id, &mut input)?;
	if !input.is_empty() {
		return Err(Malformed(format!("{} bytes left after the value", input.len())));
	}
	Ok(json)
}

struct Walker<'a> {
	registry: &'a PortableRegistry,
}

fn short(what: &str) -> Malformed {
	Malformed(format!("the encoding ends inside a {what}"))
}

impl Walker<'_> {
	fn value(&self, id: u32, input: &mut &[u8]) -> Result<Value, Malformed> {
		let ty = self.registry.resolve(id).ok_or_else(|| Malformed(format!("type {id} is not in the registry")))?;
		let path = &ty.path.segments;
		match &ty.type_def {
			TypeDef::Composite(c) => {
				if path.last().is_some_and(|n| n == "AccountId32") {
					let raw = <[u8; 32]>::decode(input).map_err(|_| short("account id"))?;
					let format = Ss58AddressFormat::custom(SS58_PREFIX);
					return Ok(Value::String(AccountId32::from(raw).to_ss58check_with_version(format)));
				}
				self.fields(&c.fields, input)
			},
			TypeDef::Variant(v) => {
				let index = u8::decode(input).map_err(|_| short("enum"))?;
				let variant = v
					.variants
					.iter()
					.find(|x| x.index == index)
					.ok_or_else(|| Malformed(format!("{} has no variant with index {index}", path.join("::"))))?;
				let is_option = path.len() == 1 && path[0] == "Option";
				if is_option {
					return match variant.fields.first() {
						None => Ok(Value::Null),
						Some(f) => self.value(f.ty.id, input),
					};
				}
				if variant.fields.is_empty() {
					return Ok(Value::String(variant.name.clone()));
				}
				let inner = self.fields(&variant.fields, input)?;
				let mut object = Map::new();
				object.insert(variant.name.clone(), inner);
				Ok(Value::Object(object))
			},
			TypeDef::Sequence(s) => {
				let len = Compact::<u32>::decode(input).map_err(|_| short("sequence length"))?.0 as usize;
				self.items(s.type_param.id, len, input)
			},
			TypeDef::Array(a) => self.items(a.type_param.id, a.len as usize, input),
			TypeDef::Tuple(t) => match t.fields.len() {
				0 => Ok(Value::Null),
				_ => t.fields.iter().map(|f| self.value(f.id, input)).collect::<Result<_, _>>().map(Value::Array),
			},
			TypeDef::Primitive(p) => primitive(p, input),
			TypeDef::Compact(c) => {
				let n = Compact::<u128>::decode(input).map_err(|_| short("compact integer"))?.0;
				Ok(match self.registry.resolve(c.type_param.id).map(|t| &t.type_def) {
					Some(TypeDef::Primitive(TypeDefPrimitive::U128)) => Value::String(n.to_string()),
					_ => u64::try_from(n).map(Value::from).unwrap_or_else(|_| Value::String(n.to_string())),
				})
			},
			TypeDef::BitSequence(_) => Err(Malformed("bit sequences are not served as JSON".into())),
		}
	}

	/// A struct's or a variant's fields: none `null`, named ones an object, one unnamed
	/// its value, several unnamed an array.
	fn fields(&self, fields: &[Field<PortableForm>], input: &mut &[u8]) -> Result<Value, Malformed> {
		let named = fields.iter().all(|f| f.name.is_some());
		match fields {
			[] => Ok(Value::Null),
			_ if named => {
				let mut object = Map::new();
				for field in fields {
					object.insert(field.name.clone().unwrap_or_default(), self.value(field.ty.id, input)?);
				}
				Ok(Value::Object(object))
			},
			[only] => self.value(only.ty.id, input),
			_ => fields.iter().map(|f| self.value(f.ty.id, input)).collect::<Result<_, _>>().map(Value::Array),
		}
	}

	/// `len` elements of type `element`: bytes as hex, anything else as an array.
	fn items(&self, element: u32, len: usize, input: &mut &[u8]) -> Result<Value, Malformed> {
		let is_byte = matches!(
			self.registry.resolve(element).map(|t| &t.type_def),
			Some(TypeDef::Primitive(TypeDefPrimitive::U8))
		);
		if is_byte {
			if input.len() < len {
				return Err(short("byte string"));
			}
			let (bytes, rest) = input.split_at(len);
			*input = rest;
			return Ok(Value::String(format!("0x{}", hex::encode(bytes))));
		}
		// A length prefix larger than what is left cannot be honest: refuse it before
		// reserving room for it.
		if len > input.len() {
			return Err(Malformed(format!("a sequence claims {len} elements with {} bytes left", input.len())));
		}
		(0..len).map(|_| self.value(element, input)).collect::<Result<_, _>>().map(Value::Array)
	}
}

fn primitive(p: &TypeDefPrimitive, input: &mut &[u8]) -> Result<Value, Malformed> {
	fn take<T: Decode>(input: &mut &[u8], what: &str) -> Result<T, Malformed> {
		T::decode(input).map_err(|_| short(what))
	}
	Ok(match p {
		TypeDefPrimitive::Bool => Value::Bool(take::<bool>(input, "bool")?),
		TypeDefPrimitive::Char => {
			let c = take::<u32>(input, "char")?;
			Value::String(char::from_u32(c).map(String::from).ok_or_else(|| Malformed(format!("{c} is not a char")))?)
		},
		TypeDefPrimitive::Str => Value::String(take::<String>(input, "string")?),
		TypeDefPrimitive::U8 => take::<u8>(input, "u8")?.into(),
		TypeDefPrimitive::U16 => take::<u16>(input, "u16")?.into(),
		TypeDefPrimitive::U32 => take::<u32>(input, "u32")?.into(),
		TypeDefPrimitive::U64 => take::<u64>(input, "u64")?.into(),
		TypeDefPrimitive::I8 => take::<i8>(input, "i8")?.into(),
		TypeDefPrimitive::I16 => take::<i16>(input, "i16")?.into(),
		TypeDefPrimitive::I32 => take::<i32>(input, "i32")?.into(),
		TypeDefPrimitive::I64 => take::<i64>(input, "i64")?.into(),
		TypeDefPrimitive::U128 => Value::String(take::<u128>(input, "u128")?.to_string()),
		TypeDefPrimitive::I128 => Value::String(take::<i128>(input, "i128")?.to_string()),
		TypeDefPrimitive::U256 => {
			Value::String(sp_core::U256::from_little_endian(&take::<[u8; 32]>(input, "u256")?).to_string())
		},
		TypeDefPrimitive::I256 => {
			return Err(Malformed("i256 is not served as JSON".into()));
		},
	})
}

#[cfg(test)]
mod tests {
	use super::*;
	use scale_info::TypeInfo;

	/// A struct like the runtime's views, with every rule in it.
	#[derive(Encode, TypeInfo)]
	struct View {
		id: u64,
		amount: u128,
		who: AccountId32,
		hash: [u8; 4],
		bytes: Vec<u8>,
		maybe: Option<u16>,
		nothing: Option<u16>,
		take: sp_runtime::Perbill,
		kind: Kind,
		list: Vec<(u32, bool)>,
		result: Result<(), Kind>,
		#[codec(compact)]
		compact: u128,
	}

	#[derive(Encode, TypeInfo)]
	enum Kind {
		Plain,
		One(u32),
		Named { a: u8, b: u128 },
	}

	#[test]
	fn every_rule_of_the_table_holds() {
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		let view = View {
			id: 7,
			amount: u128::MAX,
			who: alice.clone(),
			hash: [1, 2, 3, 0xff],
			bytes: vec![],
			maybe: Some(3),
			nothing: None,
			take: sp_runtime::Perbill::from_percent(18),
			kind: Kind::Named { a: 1, b: 2 },
			list: vec![(1, true), (2, false)],
			result: Err(Kind::One(9)),
			compact: 12,
		};
		let json = to_json(&view).unwrap();
		assert_eq!(
			json,
			serde_json::json!({
				"id": 7,
				"amount": "340282366920938463463374607431768211455",
				"who": alice.to_ss58check(),
				"hash": "0x010203ff",
				"bytes": "0x",
				"maybe": 3,
				"nothing": null,
				"take": 180_000_000,
				"kind": {"Named": {"a": 1, "b": "2"}},
				"list": [[1, true], [2, false]],
				"result": {"Err": {"One": 9}},
				"compact": "12",
			})
		);
		assert_eq!(to_json(&Kind::Plain).unwrap(), Value::String("Plain".into()));
		assert_eq!(to_json(&Ok::<u8, ()>(4)).unwrap(), serde_json::json!({"Ok": 4}));
	}

	#[test]
	fn alice_is_her_well_known_address() {
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		assert_eq!(to_json(&alice).unwrap(), "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
	}

	/// Bytes that do not match their type get an error naming what is wrong, never a
	/// panic: a value cut short, an enum index the type lacks, a sequence longer than
	/// its bytes, bytes left over.
	#[test]
	fn bytes_that_do_not_match_the_type_are_named() {
		let mut registry = scale_info::Registry::new();
		let id = registry.register_type(&scale_info::meta_type::<View>()).id;
		let registry: PortableRegistry = registry.into();
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		let view = View {
			id: 1,
			amount: 2,
			who: alice,
			hash: [0; 4],
			bytes: vec![1, 2],
			maybe: None,
			nothing: None,
			take: sp_runtime::Perbill::zero(),
			kind: Kind::Plain,
			list: vec![],
			result: Ok(()),
			compact: 0,
		};
		let good = view.encode();
		assert!(scale_to_json(&registry, id, &good).is_ok());
		let error = |bytes: &[u8]| scale_to_json(&registry, id, bytes).expect_err("malformed").to_string();
		assert_eq!(error(&good[..10]), "the encoding ends inside a u128");
		let mut extra = good.clone();
		extra.push(0);
		assert_eq!(error(&extra), "1 bytes left after the value");
		// `kind` sits after id (8), amount (16), who (32), hash (4), bytes (1 + 2), two
		// absent options (1 + 1) and take (4): byte 69.
		let mut bad_variant = good.clone();
		bad_variant[69] = 9;
		assert!(error(&bad_variant).ends_with("Kind has no variant with index 9"), "{}", error(&bad_variant));
		let mut long_list = good.clone();
		long_list[70] = 0xfc; // compact 63: `list` claims 63 pairs; `result` and `compact` are 2 bytes
		assert_eq!(error(&long_list), "a sequence claims 63 elements with 2 bytes left");
		assert!(scale_to_json(&registry, 9_999, &good).is_err_and(|e| e.to_string().contains("not in the registry")));
	}
}
