//! What the worker publishes as its GPUs: the real device from the CUDA probe, or the
//! CPU twin declared as such (vendor `Other`, model `CPU twin`, the host's memory).

use hearth_primitives::{GpuSpec, GpuVendor};

/// The spec `probe` supports, and a line saying what it is.
pub fn detect() -> (GpuSpec, String) {
	#[cfg(feature = "cuda")]
	if let Ok(info) = hearth_engine::cuda::probe() {
		let gib = (info.total_mem >> 30).clamp(1, u16::MAX as usize) as u16;
		let count = info.devices.clamp(1, u8::MAX as i32) as u8;
		return (spec(GpuVendor::Nvidia, &info.name, gib, count), format!("{count} × {} ({gib} GiB)", info.name));
	}
	let gib = host_memory_gib().unwrap_or(1);
	(spec(GpuVendor::Other, "CPU twin", gib, 1), format!("no usable GPU: the CPU twin ({gib} GiB of host memory)"))
}

/// A spec with `name` cut to what the chain stores (32 printable ASCII bytes).
pub fn spec(vendor: GpuVendor, name: &str, vram_gib: u16, count: u8) -> GpuSpec {
	let printable: Vec<u8> = name.bytes().filter(|b| b.is_ascii_graphic() || *b == b' ').take(32).collect();
	let model = if printable.is_empty() { b"unnamed".to_vec() } else { printable };
	GpuSpec {
		vendor,
		model: frame_support::BoundedVec::truncate_from(model),
		vram_gib: vram_gib.max(1),
		count: count.max(1),
	}
}

fn host_memory_gib() -> Option<u16> {
	let text = std::fs::read_to_string("/proc/meminfo").ok()?;
	let kib: u64 =
		text.lines().find_map(|l| l.strip_prefix("MemTotal:"))?.trim().trim_end_matches("kB").trim().parse().ok()?;
	Some((kib >> 20).clamp(1, u16::MAX as u64) as u16)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn names_are_cut_to_what_the_chain_accepts() {
		let s = spec(GpuVendor::Nvidia, "NVIDIA H200 \u{2122} with a very long marketing name indeed", 141, 1);
		assert_eq!(s.model.len(), 32);
		assert!(s.is_valid());
		assert_eq!(spec(GpuVendor::Other, "\u{2122}", 0, 0), spec(GpuVendor::Other, "unnamed", 1, 1));
		let (twin, line) = detect();
		assert!(twin.is_valid(), "{line}");
	}
}
