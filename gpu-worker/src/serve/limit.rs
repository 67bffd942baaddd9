//! Per-requester rate limits: a token bucket per account holding up to a minute's
//! allowance and refilling continuously, so a requester may burst to its per-minute
//! limit and then goes at the limit's pace. Buckets that are full again are forgotten,
//! so the map holds only recent requesters.

use sp_core::crypto::AccountId32;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The limiter.
pub struct Limiter {
	per_minute: f64,
	buckets: Mutex<HashMap<AccountId32, (f64, Instant)>>,
}

impl Limiter {
	/// `per_minute` requests per requester per minute.
	pub fn new(per_minute: u32) -> Self {
		Self { per_minute: per_minute.max(1) as f64, buckets: Mutex::new(HashMap::new()) }
	}

	/// Takes one request from `who`'s bucket at `now`; `Err(wait)` when it is empty.
	pub fn take(&self, who: &AccountId32, now: Instant) -> Result<(), Duration> {
		let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
		let rate = self.per_minute / 60.0;
		let (tokens, last) = buckets.get(who).copied().unwrap_or((self.per_minute, now));
		let tokens = (tokens + now.saturating_duration_since(last).as_secs_f64() * rate).min(self.per_minute);
		if tokens < 1.0 {
			buckets.insert(who.clone(), (tokens, now));
			return Err(Duration::from_secs_f64((1.0 - tokens) / rate));
		}
		buckets.insert(who.clone(), (tokens - 1.0, now));
		if buckets.len() > 10_000 {
			let full = self.per_minute;
			buckets.retain(|_, (t, at)| *t + now.saturating_duration_since(*at).as_secs_f64() * rate < full);
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_requester_bursts_to_its_limit_then_waits_and_others_are_unaffected() {
		let l = Limiter::new(3);
		let (a, b) = (AccountId32::new([1; 32]), AccountId32::new([2; 32]));
		let t0 = Instant::now();
		for _ in 0..3 {
			assert_eq!(l.take(&a, t0), Ok(()));
		}
		let wait = l.take(&a, t0).unwrap_err();
		assert!(wait > Duration::from_secs(19) && wait <= Duration::from_secs(20), "{wait:?}");
		assert_eq!(l.take(&b, t0), Ok(()));
		// 20 s later one request's worth has come back, and only one.
		let t1 = t0 + Duration::from_secs(20);
		assert_eq!(l.take(&a, t1), Ok(()));
		assert!(l.take(&a, t1).is_err());
	}
}
