//! The getters other pallets configure themselves with, and the bounds they rely on.

use crate::{Config, SlashDeferWindowBlocks, SlotDurationMs, UnbondingPeriodBlocks};
use core::marker::PhantomData;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;

/// The shortest slot a genesis preset may choose (fast local chains for tests).
pub const MIN_SLOT_DURATION_MS: u64 = 500;
/// The longest slot a genesis preset may choose.
pub const MAX_SLOT_DURATION_MS: u64 = 60_000;
/// The slot duration of a real network, used when a genesis config omits it.
pub(crate) const DEFAULT_SLOT_DURATION_MS: u64 = 6_000;

/// Serde default for the genesis field.
pub(crate) fn default_slot_duration_ms() -> u64 {
	DEFAULT_SLOT_DURATION_MS
}

/// A real network's unbonding period: 7 days of 6 s blocks.
pub(crate) const DEFAULT_UNBONDING_PERIOD: u32 = 7 * 14_400;
/// A real network's slash deferral window: 3 days of 6 s blocks.
pub(crate) const DEFAULT_SLASH_DEFER_WINDOW: u32 = 3 * 14_400;

/// Serde default for the genesis field.
pub(crate) fn default_unbonding_period() -> u32 {
	DEFAULT_UNBONDING_PERIOD
}

/// Serde default for the genesis field.
pub(crate) fn default_slash_defer_window() -> u32 {
	DEFAULT_SLASH_DEFER_WINDOW
}

frame_support::parameter_types! {
	/// Storage default of [`SlotDurationMs`](crate::SlotDurationMs).
	pub DefaultSlotDurationMs: u64 = DEFAULT_SLOT_DURATION_MS;
	/// Storage default of [`UnbondingPeriodBlocks`](crate::UnbondingPeriodBlocks).
	pub DefaultUnbondingPeriod: u32 = DEFAULT_UNBONDING_PERIOD;
	/// Storage default of [`SlashDeferWindowBlocks`](crate::SlashDeferWindowBlocks).
	pub DefaultSlashDeferWindow: u32 = DEFAULT_SLASH_DEFER_WINDOW;
}

/// Why an unbonding period and deferral window are refused together. A slash is applied
/// up to `window + lookahead` blocks after its report (the deferral window, then the
/// first block of the slashing queue with room), so stake unbonded just before a report
/// must still be bonded then: the unbonding period must be longer than both together.
pub(crate) fn check_staking_periods(unbonding: u32, window: u32, lookahead: u32) -> Result<(), &'static str> {
	if window == 0 {
		return Err("the slash deferral window must be at least one block");
	}
	if u64::from(unbonding) <= u64::from(window) + u64::from(lookahead) {
		return Err(
			"the unbonding period must be longer than the slash deferral window plus the slashing queue's look-ahead",
		);
	}
	Ok(())
}

/// Why a slot duration is refused.
pub(crate) fn check_slot_duration(ms: u64) -> Result<(), &'static str> {
	if ms < MIN_SLOT_DURATION_MS {
		return Err("slot duration is below the minimum of 500 ms");
	}
	if ms > MAX_SLOT_DURATION_MS {
		return Err("slot duration is above the maximum of 60000 ms");
	}
	if !ms.is_multiple_of(2) {
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

/// Staking's unbonding period, in blocks.
pub struct UnbondingPeriod<T>(PhantomData<T>);

impl<T: Config> Get<BlockNumberFor<T>> for UnbondingPeriod<T> {
	fn get() -> BlockNumberFor<T> {
		UnbondingPeriodBlocks::<T>::get().into()
	}
}

/// Slashing's deferral window, in blocks.
pub struct SlashDeferWindow<T>(PhantomData<T>);

impl<T: Config> Get<BlockNumberFor<T>> for SlashDeferWindow<T> {
	fn get() -> BlockNumberFor<T> {
		SlashDeferWindowBlocks::<T>::get().into()
	}
}
