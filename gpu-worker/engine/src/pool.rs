//! The CPU twin's worker threads: started on first use, kept for the life of the process,
//! and shared by everything the engine runs in parallel (the row blocks of one product,
//! the inputs of a batch), instead of an OS thread spawned and joined per product.
//!
//! [`run`] hands parts of a task to the pool and runs one itself; it returns only when
//! every part has returned, which is what lets the parts borrow the caller's data. A
//! caller waiting for its parts runs queued parts itself (its own or another caller's),
//! so nested use — a batch's inputs each splitting their products — cannot deadlock, and
//! the work completes even if no worker thread could be started.

use std::any::Any;
use std::collections::VecDeque;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock, PoisonError};

/// The most worker threads the pool starts.
const MAX_WORKERS: usize = 64;

/// What a part sends back when it panicked.
type Panic = Box<dyn Any + Send>;

/// Counts a task's parts still running; keeps the first panic.
struct Latch {
	state: Mutex<(usize, Option<Panic>)>,
	done: Condvar,
}

/// One part of a task, its borrows made `'static` (see the safety argument in [`run`]).
struct Job {
	task: &'static (dyn Fn(usize) + Sync),
	index: usize,
	latch: &'static Latch,
}

struct Pool {
	/// Queued parts, and the number of worker threads started.
	queue: Mutex<(VecDeque<Job>, usize)>,
	ready: Condvar,
}

static POOL: OnceLock<Pool> = OnceLock::new();

/// A lock that a panicking part cannot poison for everyone else (parts run outside it).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
	m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Latch {
	fn finish(&self, panic: Option<Panic>) {
		let mut state = lock(&self.state);
		state.0 -= 1;
		if state.1.is_none() {
			state.1 = panic;
		}
		if state.0 == 0 {
			self.done.notify_all();
		}
	}
}

impl Job {
	fn run(self) {
		let outcome = catch_unwind(AssertUnwindSafe(|| (self.task)(self.index)));
		self.latch.finish(outcome.err());
	}
}

impl Pool {
	/// Queues `jobs`, starting workers until there are as many as queued parts (at most
	/// [`MAX_WORKERS`]; one that fails to start leaves its parts to the callers).
	fn submit(&'static self, jobs: impl Iterator<Item = Job>) {
		let mut queue = lock(&self.queue);
		queue.0.extend(jobs);
		while queue.1 < queue.0.len().min(MAX_WORKERS) {
			let started = std::thread::Builder::new().name("hearth-engine".into()).spawn(move || self.work());
			if started.is_err() {
				break;
			}
			queue.1 += 1;
		}
		drop(queue);
		self.ready.notify_all();
	}

	fn work(&self) {
		loop {
			let mut queue = lock(&self.queue);
			let job = loop {
				if let Some(job) = queue.0.pop_front() {
					break job;
				}
				queue = self.ready.wait(queue).unwrap_or_else(PoisonError::into_inner);
			};
			drop(queue);
			job.run();
		}
	}

	fn try_pop(&self) -> Option<Job> {
		lock(&self.queue).0.pop_front()
	}
}

/// Runs `task(i)` for every `i < parts`: part 0 on the calling thread, the others on the
/// pool's threads. Returns when every part has returned; a panic in any part is raised
/// again here, after all of them have finished.
pub(crate) fn run(parts: usize, task: &(dyn Fn(usize) + Sync)) {
	if parts <= 1 {
		if parts == 1 {
			task(0);
		}
		return;
	}
	let pool = POOL.get_or_init(|| Pool { queue: Mutex::new((VecDeque::new(), 0)), ready: Condvar::new() });
	let latch = Latch { state: Mutex::new((parts - 1, None)), done: Condvar::new() };
	// SAFETY: `task` and `latch` outlive every job made from them: this function neither
	// returns nor unwinds before the latch has counted every job as finished (part 0's
	// panic is caught and raised again only after the wait below), and a finished job
	// touches neither again.
	let (task_ref, latch_ref) = unsafe {
		(
			std::mem::transmute::<&(dyn Fn(usize) + Sync), &'static (dyn Fn(usize) + Sync)>(task),
			std::mem::transmute::<&Latch, &'static Latch>(&latch),
		)
	};
	pool.submit((1..parts).map(|index| Job { task: task_ref, index, latch: latch_ref }));
	let mine = catch_unwind(AssertUnwindSafe(|| task(0)));
	// Wait, running queued parts meanwhile.
	loop {
		if lock(&latch.state).0 == 0 {
			break;
		}
		match pool.try_pop() {
			Some(job) => job.run(),
			None => {
				let state = lock(&latch.state);
				if state.0 == 0 {
					break;
				}
				// Parts are running elsewhere: sleep until the last one finishes.
				let _done = latch.done.wait_while(state, |s| s.0 > 0).unwrap_or_else(PoisonError::into_inner);
				break;
			},
		}
	}
	if let Err(panic) = mine {
		resume_unwind(panic);
	}
	let theirs = lock(&latch.state).1.take();
	if let Some(panic) = theirs {
		resume_unwind(panic);
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use std::sync::atomic::{AtomicUsize, Ordering};

	#[test]
	fn every_part_runs_once_and_borrows_the_callers_data() {
		let hits: Vec<AtomicUsize> = (0..37).map(|_| AtomicUsize::new(0)).collect();
		for parts in [0, 1, 2, 5, 37] {
			run(parts, &|i| {
				hits[i].fetch_add(1, Ordering::Relaxed);
			});
		}
		let counts: Vec<usize> = hits.iter().map(|h| h.load(Ordering::Relaxed)).collect();
		assert_eq!(&counts[..1], &[4]);
		assert_eq!(&counts[1..2], &[3]);
		assert!(counts[2..5].iter().all(|c| *c == 2) && counts[5..].iter().all(|c| *c == 1), "{counts:?}");
	}

	#[test]
	fn nested_tasks_finish() {
		let total = AtomicUsize::new(0);
		run(4, &|_| {
			run(3, &|_| {
				total.fetch_add(1, Ordering::Relaxed);
			})
		});
		assert_eq!(total.load(Ordering::Relaxed), 12);
	}

	#[test]
	fn a_panicking_part_is_raised_after_the_others_finish() {
		let finished = AtomicUsize::new(0);
		let caught = catch_unwind(AssertUnwindSafe(|| {
			run(4, &|i| {
				if i == 2 {
					panic!("part 2 failed");
				}
				std::thread::sleep(std::time::Duration::from_millis(20));
				finished.fetch_add(1, Ordering::Relaxed);
			})
		}));
		assert!(caught.is_err());
		assert_eq!(finished.load(Ordering::Relaxed), 3, "the other parts ran to the end first");
		// The pool still works afterwards.
		let after = AtomicUsize::new(0);
		run(3, &|_| {
			after.fetch_add(1, Ordering::Relaxed);
		});
		assert_eq!(after.load(Ordering::Relaxed), 3);
	}
}
