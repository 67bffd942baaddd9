//! # Hearth's benches
//!
//! Every performance figure Hearth quotes comes from here, printed as a ratio against a
//! baseline measured in the same run (never a timed assertion in a test):
//!
//! | bench | measures | baseline |
//! |---|---|---|
//! | `yuma` | one Yuma epoch at 256–4096 uids | the dense O(n²) reference |
//! | `upkeep` | the leases pallet's per-block hook with 100,000 leases, in the real runtime | the same hook with 10 leases |
//! | `engine` | det-int8 GEMM, MiniLM sequences per second, an MLP's latency | `matrixmultiply`'s f32 sgemm; one thread |
//! | `serve` | the worker's `/v1/embeddings` (signed calls, receipts, journal) at 16 and 128 tokens: req/s, p50, p99 | the engine alone on the same inputs |
//!
//! `make bench` runs them all. They share one way to time code, [`measure`]: one
//! warm-up call, then runs until both a minimum count and a time budget are reached,
//! summarised by the **median** (robust to a busy machine) and the **spread** (the
//! interquartile range relative to the median), printed the same way by every bench
//! ([`Sample::summary`]); ratios are ratios of medians.

use std::time::{Duration, Instant};

/// How long and how often to run a measured closure.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
	/// Runs at least this many times (after the warm-up).
	pub min_runs: usize,
	/// Then keeps running until this much time has passed...
	pub time: Duration,
	/// ...or this many runs were made.
	pub max_runs: usize,
}

impl Budget {
	/// At least `min_runs`, then up to `millis` of wall time, at most 1,000 runs.
	pub const fn new(min_runs: usize, millis: u64) -> Self {
		Self { min_runs, time: Duration::from_millis(millis), max_runs: 1_000 }
	}
}

/// The timings of one measured closure.
#[derive(Clone, Debug)]
pub struct Sample {
	runs: Vec<Duration>,
}

impl Sample {
	/// The median run.
	pub fn median(&self) -> Duration {
		self.quantile(1, 2)
	}

	/// The interquartile range relative to the median: 0.05 means the middle half of
	/// the runs spans 5 % of the median.
	pub fn spread(&self) -> f64 {
		let (q1, q3) = (self.quantile(1, 4), self.quantile(3, 4));
		let median = self.median().as_secs_f64();
		if median == 0.0 {
			return 0.0;
		}
		(q3.as_secs_f64() - q1.as_secs_f64()) / median
	}

	/// How many runs were timed.
	pub fn runs(&self) -> usize {
		self.runs.len()
	}

	/// The median in seconds.
	pub fn secs(&self) -> f64 {
		self.median().as_secs_f64()
	}

	/// How many times faster this sample's median is than `baseline`'s.
	pub fn speedup_over(&self, baseline: &Sample) -> f64 {
		baseline.secs() / self.secs()
	}

	/// `median (IQR spread, runs)` with the median in a readable unit.
	pub fn summary(&self) -> String {
		format!("{} (IQR {:.1}%, {} runs)", human(self.median()), self.spread() * 100.0, self.runs())
	}

	fn quantile(&self, num: usize, den: usize) -> Duration {
		// `runs` is sorted and never empty (measure makes at least one run).
		let index = ((self.runs.len() - 1) * num) / den;
		self.runs[index]
	}
}

/// Times `f`: one untimed warm-up call, then timed calls as the budget says.
pub fn measure(budget: Budget, mut f: impl FnMut()) -> Sample {
	f();
	let start = Instant::now();
	let mut runs = Vec::new();
	while runs.len() < budget.min_runs.max(1) || (start.elapsed() < budget.time && runs.len() < budget.max_runs) {
		let t = Instant::now();
		f();
		runs.push(t.elapsed());
	}
	runs.sort();
	Sample { runs }
}

/// A duration in ns, µs, ms or s, three significant figures or so.
pub fn human(d: Duration) -> String {
	let ns = d.as_secs_f64() * 1e9;
	if ns < 1e3 {
		format!("{ns:.0} ns")
	} else if ns < 1e6 {
		format!("{:.1} µs", ns / 1e3)
	} else if ns < 1e9 {
		format!("{:.2} ms", ns / 1e6)
	} else {
		format!("{:.2} s", ns / 1e9)
	}
}

/// A deterministic pseudo-random stream (xorshift64) for bench inputs.
pub struct Rng(u64);

impl Rng {
	/// A stream from a non-zero seed (zero is replaced, xorshift would stay at zero).
	pub fn new(seed: u64) -> Self {
		Self(if seed == 0 { 0x9E37_79B9_7F4A_7C15 } else { seed })
	}

	/// The next value.
	#[allow(clippy::should_implement_trait)]
	pub fn next(&mut self) -> u64 {
		self.0 ^= self.0 << 13;
		self.0 ^= self.0 >> 7;
		self.0 ^= self.0 << 17;
		self.0
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn sample(millis: &[u64]) -> Sample {
		let mut runs: Vec<Duration> = millis.iter().map(|m| Duration::from_millis(*m)).collect();
		runs.sort();
		Sample { runs }
	}

	#[test]
	fn median_and_spread_come_from_the_sorted_runs() {
		let s = sample(&[40, 10, 30, 20, 50]);
		assert_eq!(s.median(), Duration::from_millis(30));
		// q1 = 20 ms, q3 = 40 ms: (40 - 20) / 30.
		assert!((s.spread() - 20.0 / 30.0).abs() < 1e-12);
		assert!((sample(&[10]).speedup_over(&sample(&[30])) - 3.0).abs() < 1e-12);
	}

	#[test]
	fn measure_makes_the_minimum_runs_and_one_warm_up() {
		let mut calls = 0;
		let s = measure(Budget { min_runs: 7, time: Duration::ZERO, max_runs: 1_000 }, || calls += 1);
		assert_eq!((s.runs(), calls), (7, 8));
	}

	#[test]
	fn durations_print_in_a_readable_unit() {
		assert_eq!(human(Duration::from_nanos(512)), "512 ns");
		assert_eq!(human(Duration::from_micros(1_500)), "1.50 ms");
		assert_eq!(human(Duration::from_millis(2_500)), "2.50 s");
	}
}
