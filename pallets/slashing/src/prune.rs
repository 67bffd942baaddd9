//! Forgetting old reports. `Reported` de-duplicates reports, so it would grow with every
//! offence ever reported; each entry instead records the block from which it may be
//! forgotten (`ReportMemory` blocks after its report, longer than any subject stays
//! reportable: a lease's default is reported once, when it happens). `on_idle` walks the
//! map from where it last stopped and removes the entries whose time has come, as far
//! as the block's spare weight allows; at the end of the map it starts over.

use crate::{pallet::*, weights::WeightInfo};
use frame_support::{pallet_prelude::*, weights::WeightMeter};
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Removes expired reports, one map entry per step, while `meter` has room for a
	/// step; remembers where it stopped.
	pub(crate) fn prune_reports(now: BlockNumberFor<T>, meter: &mut WeightMeter) {
		let base = T::WeightInfo::prune_reports(0);
		let step = T::WeightInfo::prune_reports(1).saturating_sub(base);
		if meter.try_consume(base.saturating_add(step)).is_err() {
			return;
		}
		let mut entries = match PruneCursor::<T>::get() {
			Some(cursor) => Reported::<T>::iter_from(cursor.into_inner()),
			None => Reported::<T>::iter(),
		};
		// One step is paid for; each entry looked at pays for the next.
		let finished = loop {
			match entries.next() {
				Some((key, forget_at)) if forget_at <= now => Reported::<T>::remove(key),
				Some(_) => {},
				None => break true,
			}
			if meter.try_consume(step).is_err() {
				break false;
			}
		};
		let cursor = if finished { None } else { BoundedVec::try_from(entries.last_raw_key().to_vec()).ok() };
		match cursor {
			Some(cursor) => PruneCursor::<T>::put(cursor),
			None => PruneCursor::<T>::kill(),
		}
	}
}
