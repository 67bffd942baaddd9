//! Units: the token and the block time. Every crate takes them from here.

use hearth_halving::Schedule;

/// One HTH in its smallest unit: HTH has 12 decimals.
pub const HTH: u128 = 1_000_000_000_000;
/// 10^-3 HTH.
pub const MILLI_HTH: u128 = HTH / 1_000;
/// 10^-6 HTH.
pub const MICRO_HTH: u128 = HTH / 1_000_000;

/// The production block time, in milliseconds. Test presets run faster blocks; these
/// units are for parameters that are meant in wall-clock time at production speed.
pub const MILLISECS_PER_BLOCK: u64 = 6_000;
/// Blocks in a minute at production speed.
pub const MINUTES: u32 = (60_000 / MILLISECS_PER_BLOCK) as u32;
/// Blocks in an hour at production speed.
pub const HOURS: u32 = 60 * MINUTES;
/// Blocks in a day at production speed.
pub const DAYS: u32 = 24 * HOURS;

/// Hearth's emission schedule: a 21,000,000 HTH cap and 0.5 HTH per block to start.
pub const EMISSION_SCHEDULE: Schedule = match Schedule::new(21_000_000 * HTH, HTH / 2) {
	Ok(schedule) => schedule,
	// Evaluated at compile time: a bad constant fails the build, never a block.
	Err(_) => panic!("Hearth's emission schedule is invalid"),
};

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_day_is_fourteen_thousand_four_hundred_blocks() {
		assert_eq!(DAYS, 14_400);
		assert_eq!(MILLI_HTH, 1_000_000_000);
		assert_eq!(MICRO_HTH, 1_000_000);
	}

	#[test]
	fn the_schedule_pays_seven_thousand_two_hundred_hth_a_day() {
		assert_eq!(Schedule::new(21_000_000 * HTH, HTH / 2), Ok(EMISSION_SCHEDULE));
		assert_eq!(EMISSION_SCHEDULE.cap(), 21_000_000 * HTH);
		assert_eq!(EMISSION_SCHEDULE.reward(0) * DAYS as u128, 7_200 * HTH);
	}
}
