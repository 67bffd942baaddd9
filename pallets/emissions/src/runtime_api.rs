//! The emission schedule for wallets and explorers.

use crate::types::ScheduleInfo;

sp_api::decl_runtime_apis! {
	/// Hearth's emission schedule.
	pub trait EmissionsApi {
		/// The schedule at this block: reward, emitted, burned, the next halving.
		fn schedule() -> ScheduleInfo;
	}
}
