//! The per-block deadline queue and its index.
//!
//! `Deadlines` maps a block to what is due in it. Reading a map costs more as it grows
//! (the trie under it deepens), so the hook does not read it every block: a bitmap of
//! the current window of `WINDOW` blocks (`CurrentWindow`, one fixed-size value) says
//! which blocks have deadlines, and later windows' bitmaps (`FutureMarks`) are loaded
//! once per window. A block with nothing due costs one read of that value, whatever
//! the number of leases.

use crate::weights::WeightInfo;
use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::Get, weights::WeightMeter};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::SaturatedConversion;

impl<T: Config> Pallet<T> {
	/// The window and the offset in it of `block`.
	fn locate(block: BlockNumberFor<T>) -> (u64, u32) {
		let b: u64 = block.saturated_into();
		(b / u64::from(WINDOW), (b % u64::from(WINDOW)) as u32)
	}

	/// Marks or unmarks `block` in the index.
	fn mark(block: BlockNumberFor<T>, on: bool) {
		let (window, offset) = Self::locate(block);
		let (current, mut marks) = CurrentWindow::<T>::get();
		if window == current {
			marks.set(offset, on);
			CurrentWindow::<T>::put((current, marks));
		} else {
			FutureMarks::<T>::mutate_exists(window, |m| {
				let mut bits = m.take().unwrap_or_default();
				bits.set(offset, on);
				*m = (!bits.is_empty()).then_some(bits);
			});
		}
	}

	/// Whether `block` is marked in the index.
	pub fn is_marked(block: BlockNumberFor<T>) -> bool {
		let (window, offset) = Self::locate(block);
		let (current, marks) = CurrentWindow::<T>::get();
		if window == current {
			marks.get(offset)
		} else {
			FutureMarks::<T>::get(window).is_some_and(|m| m.get(offset))
		}
	}

	/// Puts `deadline` in the first block from `at` with room (up to the lookahead),
	/// and marks that block. Returns the block.
	pub fn schedule(at: BlockNumberFor<T>, deadline: Deadline) -> Result<BlockNumberFor<T>, DispatchError> {
		// `at` itself and `MaxScheduleLookahead` blocks after it.
		let blocks = T::MaxScheduleLookahead::get().saturating_add(1);
		let block = hearth_primitives::queue::push_first_with_room::<Deadlines<T>, _, _, _>(at, blocks, deadline)
			.map_err(|_| Error::<T>::ScheduleFull)?;
		Self::mark(block, true);
		Ok(block)
	}

	/// Removes `deadline` from block `at`'s queue (unmarking the block once empty).
	pub(crate) fn unschedule(at: BlockNumberFor<T>, deadline: Deadline) {
		let emptied = Deadlines::<T>::mutate_exists(at, |q| {
			if let Some(list) = q {
				list.retain(|d| *d != deadline);
				if list.is_empty() {
					*q = None;
					return true;
				}
			}
			false
		});
		if emptied {
			Self::mark(at, false);
		}
	}

	/// What is due at `now` (empty unless the index marks it), moving the index to
	/// `now`'s window first. Returns the deadlines and whether the window moved.
	pub(crate) fn take_due(now: BlockNumberFor<T>) -> (Vec<Deadline>, bool) {
		let (window, offset) = Self::locate(now);
		let (current, mut marks) = CurrentWindow::<T>::get();
		let rolled = window != current;
		if rolled {
			marks = FutureMarks::<T>::take(window).unwrap_or_default();
		}
		if !marks.get(offset) {
			if rolled {
				CurrentWindow::<T>::put((window, marks));
			}
			return (Vec::new(), rolled);
		}
		marks.set(offset, false);
		CurrentWindow::<T>::put((window, marks));
		(Deadlines::<T>::take(now).into_inner(), rolled)
	}

	/// The hook's work: awards the orders and closes the leases whose deadline is
	/// `now` (at most `MaxDeadlinesPerBlock`), recording in `meter` the weight of the
	/// batch, measured for its size, and of rolling the deadline window when it did.
	pub(crate) fn run_deadlines(now: BlockNumberFor<T>, meter: &mut WeightMeter) {
		let (due, rolled) = Self::take_due(now);
		// `on_initialize(d)` measures `d` closes (each a default reported to slashing, the
		// costliest close). An award is `accept_bid`'s work without its checks (a lease
		// started, every other bond paid back, a close scheduled), so each is charged
		// `accept_bid`, which is measured with a full order.
		let awards = due.iter().filter(|d| matches!(d, Deadline::Award(_))).count() as u32;
		let closes = (due.len() as u32).saturating_sub(awards);
		meter.consume(
			T::WeightInfo::on_initialize(closes)
				.saturating_add(T::WeightInfo::accept_bid().saturating_mul(awards.into())),
		);
		if rolled {
			meter.consume(T::DbWeight::get().reads_writes(1, 2));
		}
		for deadline in due {
			match deadline {
				Deadline::Award(id) => Self::auto_award(id),
				Deadline::Close(id) => Self::close_due(id, now),
			}
		}
	}
}
