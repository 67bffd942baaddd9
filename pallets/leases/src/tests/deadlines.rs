//! Deadlines beyond the current window of the index.

use super::*;

#[test]
fn deadlines_beyond_the_current_window_fire_on_their_block() {
	build_and_execute(|| {
		// 1500 blocks of escrow: the deadline is in the next window of the index.
		let id = lease(1, 3_000, 1_500);
		let closes_at = OpenLeases::<Test>::get(id).unwrap().closes_at;
		assert_eq!(closes_at, 1_501);
		assert!(closes_at / WINDOW as u64 > 0);
		assert!(FutureMarks::<Test>::contains_key(1));
		assert!(Leases::is_marked(closes_at) && !Leases::is_marked(closes_at - 1));
		run_to(closes_at - 1);
		assert!(OpenLeases::<Test>::contains_key(id));
		assert_eq!(CurrentWindow::<Test>::get().0, 1, "the index moved to the second window");
		assert!(!FutureMarks::<Test>::contains_key(1));
		run_to(closes_at);
		assert!(!OpenLeases::<Test>::contains_key(id));
		assert!(!Leases::is_marked(closes_at));
	});
}
