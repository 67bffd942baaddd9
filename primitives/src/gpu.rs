//! GPUs as miners publish them and tenants ask for them.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// GPU makers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum GpuVendor {
	/// NVIDIA (CUDA).
	Nvidia,
	/// AMD (ROCm).
	Amd,
	/// Intel.
	Intel,
	/// Apple silicon.
	Apple,
	/// Any other maker, or a CPU twin declared as such.
	Other,
}

/// The longest GPU model name.
pub type MaxModelLen = ConstU32<32>;

/// One kind of GPU a miner has.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct GpuSpec {
	/// Who makes it.
	pub vendor: GpuVendor,
	/// The model, printable ASCII, e.g. `H100-SXM5`.
	pub model: BoundedVec<u8, MaxModelLen>,
	/// Memory per GPU, GiB.
	pub vram_gib: u16,
	/// How many of them.
	pub count: u8,
}

impl GpuSpec {
	/// A non-empty printable model name, some memory and at least one GPU.
	pub fn is_valid(&self) -> bool {
		!self.model.is_empty()
			&& self.model.iter().all(|c| c.is_ascii_graphic() || *c == b' ')
			&& self.vram_gib > 0
			&& self.count > 0
	}
}
