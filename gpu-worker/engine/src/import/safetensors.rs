//! A safetensors reader (and a writer for test fixtures): an 8-byte little-endian
//! header length, a JSON header `{name: {dtype, shape, data_offsets}}`, then the data.

use super::ImportError;
use serde_json::Value;
use std::collections::BTreeMap;

/// The largest JSON header accepted (100 MB, as the reference implementation).
const MAX_HEADER: u64 = 100_000_000;

/// One tensor's entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TensorInfo {
	/// `F32`, `I64`, ...
	pub dtype: String,
	/// Dimensions.
	pub shape: Vec<usize>,
	/// Byte range inside the data section.
	pub start: usize,
	/// End of the byte range.
	pub end: usize,
}

/// A parsed safetensors file borrowing its bytes.
pub struct SafeTensors<'a> {
	tensors: BTreeMap<String, TensorInfo>,
	data: &'a [u8],
}

fn bad(why: String) -> ImportError {
	ImportError::Safetensors(why)
}

fn dtype_size(dtype: &str) -> Option<usize> {
	Some(match dtype {
		"F64" | "I64" | "U64" => 8,
		"F32" | "I32" | "U32" => 4,
		"F16" | "BF16" | "I16" | "U16" => 2,
		"I8" | "U8" | "BOOL" | "F8_E4M3" | "F8_E5M2" => 1,
		_ => return None,
	})
}

impl<'a> SafeTensors<'a> {
	/// Parses and checks the header: every tensor's range lies inside the data and
	/// matches its shape and dtype.
	pub fn parse(bytes: &'a [u8]) -> Result<Self, ImportError> {
		let len_bytes: [u8; 8] = bytes
			.get(..8)
			.and_then(|b| b.try_into().ok())
			.ok_or_else(|| bad(format!("{} bytes: no header length", bytes.len())))?;
		let header_len = u64::from_le_bytes(len_bytes);
		if header_len > MAX_HEADER || header_len > (bytes.len() - 8) as u64 {
			return Err(bad(format!("header length {header_len} exceeds the file ({} bytes)", bytes.len())));
		}
		let header_end = 8 + header_len as usize;
		let header: BTreeMap<String, Value> = serde_json::from_slice(&bytes[8..header_end])
			.map_err(|e| bad(format!("header is not a JSON object: {e}")))?;
		let data = &bytes[header_end..];
		let mut tensors = BTreeMap::new();
		for (name, v) in header {
			if name == "__metadata__" {
				continue;
			}
			let field = |f: &str| v.get(f).ok_or_else(|| bad(format!("tensor {name}: no {f}")));
			let dtype = field("dtype")?
				.as_str()
				.ok_or_else(|| bad(format!("tensor {name}: dtype is not a string")))?
				.to_string();
			let nums = |f: &str| -> Result<Vec<usize>, ImportError> {
				field(f)?
					.as_array()
					.ok_or_else(|| bad(format!("tensor {name}: {f} is not an array")))?
					.iter()
					.map(|x| {
						x.as_u64()
							.map(|x| x as usize)
							.ok_or_else(|| bad(format!("tensor {name}: {f} holds a non-integer")))
					})
					.collect()
			};
			let shape = nums("shape")?;
			let offsets = nums("data_offsets")?;
			let [start, end] = offsets[..] else {
				return Err(bad(format!("tensor {name}: data_offsets must have two entries")));
			};
			let size = dtype_size(&dtype).ok_or_else(|| bad(format!("tensor {name}: unknown dtype {dtype}")))?;
			let numel = shape
				.iter()
				.try_fold(1usize, |a, d| a.checked_mul(*d))
				.ok_or_else(|| bad(format!("tensor {name}: shape overflows")))?;
			if start > end || end > data.len() || numel.checked_mul(size) != Some(end - start) {
				return Err(bad(format!(
					"tensor {name}: bytes {start}..{end} do not hold {shape:?} {dtype} inside {} data bytes",
					data.len()
				)));
			}
			tensors.insert(name, TensorInfo { dtype, shape, start, end });
		}
		Ok(SafeTensors { tensors, data })
	}

	/// The f32 values of `name`, checked to have `shape`.
	pub fn f32(&self, name: &str, shape: &[usize]) -> Result<Vec<f32>, ImportError> {
		let t = self.tensors.get(name).ok_or_else(|| ImportError::MissingTensor(name.into()))?;
		if t.dtype != "F32" {
			return Err(ImportError::WrongDtype { name: name.into(), dtype: t.dtype.clone() });
		}
		if t.shape != shape {
			return Err(ImportError::WrongShape { name: name.into(), expected: shape.to_vec(), got: t.shape.clone() });
		}
		Ok(self.data[t.start..t.end].chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
	}

	/// The shape of `name`, if present.
	pub fn shape(&self, name: &str) -> Option<&[usize]> {
		self.tensors.get(name).map(|t| t.shape.as_slice())
	}
}

/// Writes f32 tensors as a safetensors file (used to build fixtures).
pub fn write_f32(tensors: &[(String, Vec<usize>, &[f32])]) -> Vec<u8> {
	let mut header = serde_json::Map::new();
	let mut offset = 0usize;
	for (name, shape, values) in tensors {
		let end = offset + values.len() * 4;
		header.insert(name.clone(), serde_json::json!({"dtype": "F32", "shape": shape, "data_offsets": [offset, end]}));
		offset = end;
	}
	let json = serde_json::to_vec(&Value::Object(header)).unwrap_or_default();
	let mut out = Vec::with_capacity(8 + json.len() + offset);
	out.extend_from_slice(&(json.len() as u64).to_le_bytes());
	out.extend_from_slice(&json);
	for (_, _, values) in tensors {
		for v in values.iter() {
			out.extend_from_slice(&v.to_le_bytes());
		}
	}
	out
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn round_trips_and_names_bad_files() {
		let bytes = write_f32(&[("a".into(), vec![2, 2], &[1.0, 2.0, 3.0, 4.0]), ("b".into(), vec![1], &[5.0])]);
		let st = SafeTensors::parse(&bytes).unwrap();
		assert_eq!(st.f32("a", &[2, 2]).unwrap(), vec![1.0, 2.0, 3.0, 4.0]);
		assert_eq!(
			st.f32("b", &[2]).unwrap_err(),
			ImportError::WrongShape { name: "b".into(), expected: vec![2], got: vec![1] }
		);
		assert_eq!(st.f32("c", &[1]).unwrap_err(), ImportError::MissingTensor("c".into()));
		let err = SafeTensors::parse(&bytes[..bytes.len() - 1]).err().unwrap();
		assert!(err.to_string().contains("tensor b: bytes 16..20"), "{err}");
		let err = SafeTensors::parse(&bytes[..5]).err().unwrap();
		assert!(err.to_string().contains("no header length"), "{err}");
		let mut huge = bytes.clone();
		huge[..8].copy_from_slice(&u64::MAX.to_le_bytes());
		assert!(SafeTensors::parse(&huge).err().unwrap().to_string().contains("exceeds the file"));
	}
}
