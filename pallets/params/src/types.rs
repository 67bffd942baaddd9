//! The getters other pallets configure themselves with, and the bounds they rely on.

use crate::{Config, SlotDurationMs};
use core::marker::PhantomData;
use frame_support::traits::Get;

/// The shortest slot a genesis preset may choose (fast local chains for tests).
pub const MIN_SLOT_DURATION_MS: u64 = 500;
/// The longest slot a genesis preset may choose.
pub const MAX_SLOT_DURATION_MS: u64 = 60_000;
/// The slot duration of a real network, used when a genesis config omits it.
pub const DEFAULT_SLOT_DURATION_MS: u64 = 6_000;

/// Serde default for the genesis field.
pub(crate) fn default_slot_duration_ms() -> u64 {
	DEFAULT_SLOT_DURATION_MS
}

frame_support::parameter_types! {
	/// Storage default of [`SlotDurationMs`](crate::SlotDurationMs).
	pub DefaultSlotDurationMs: u64 = DEFAULT_SLOT_DURATION_MS;
}

/// Why a slot duration is refused.
pub(crate) fn check_slot_duration(ms: u64) -> Result<(), &'static str> {
	if ms < MIN_SLOT_DURATION_MS {
		return Err("slot duration is below the minimum of 500 ms");
	}
	if ms > MAX_SLOT_DURATION_MS {
		return Err("slot duration is above the maximum of 60000 ms");
	}
	if ms % 2 != 0 {
		return Err("slot duration must be even so that half a slot is exact");
	}
	Ok(())
}

/// Aura's `SlotDuration`: the genesis-chosen milliseconds per slot.
pub struct SlotDuration<T>(PhantomData<T>);

impl<T: Config> Get<u64> for SlotDuration<T> {
	fn get() -> u64 {
		SlotDurationMs::<T>::get()
	}
}

/// Timestamp's `MinimumPeriod`: half a slot, so that two blocks never share a slot.
pub struct MinimumPeriod<T>(PhantomData<T>);

impl<T: Config> Get<u64> for MinimumPeriod<T> {
	fn get() -> u64 {
		SlotDurationMs::<T>::get() / 2
	}
}
