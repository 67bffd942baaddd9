//! Batching across concurrent requests: one compute thread per device (each GPU, or
//! the CPU twin) takes the inputs waiting in one shared queue (up to `max_batch`, the
//! longest-waiting first; a round that would leave a thread idle waits up to
//! [`MAX_WAIT`] for more), groups them by model and runs each group with `run_batch`
//! on its own device. While one device computes, the next takes the following round.
//! Each input's result is exactly what running it alone gives (`run_batch`'s guarantee:
//! inputs never mix; every device computes the same bits), so batching changes latency
//! and throughput, never a bit of an answer.

use super::models::Loaded;
use hearth_engine::{run_batch, InferError, Input, Output};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

struct Work {
	model: Arc<Loaded>,
	tokens: Vec<u32>,
	reply: oneshot::Sender<Result<Output, InferError>>,
}

/// The handle requests send inputs through.
#[derive(Clone)]
pub struct Batcher {
	queue: mpsc::Sender<Work>,
	done: Arc<[AtomicU64]>,
}

impl Batcher {
	/// Starts `devices` compute threads; thread `i` runs its rounds on each model's
	/// `backends[i]`, `batch_threads` inputs at a time, at most `max_batch` inputs per
	/// round.
	pub fn start(max_batch: usize, devices: usize) -> Self {
		let (queue, rx) = mpsc::channel::<Work>();
		let rx = Arc::new(Mutex::new(rx));
		let done: Arc<[AtomicU64]> = (0..devices.max(1)).map(|_| AtomicU64::new(0)).collect();
		for device in 0..done.len() {
			let (rx, done) = (rx.clone(), done.clone());
			std::thread::Builder::new()
				.name(format!("hearth-compute-{device}"))
				.spawn(move || compute(&rx, device, &done[device], max_batch.max(1)))
				.map(|_| ())
				.unwrap_or_else(|e| tracing::error!("cannot start compute thread {device}: {e}"));
		}
		Self { queue, done }
	}

	/// Inputs each device has run so far.
	pub fn inputs_by_device(&self) -> Vec<u64> {
		self.done.iter().map(|d| d.load(Ordering::Relaxed)).collect()
	}

	/// Runs `tokens` through `model`; waits in line with every other request's inputs.
	pub async fn run(&self, model: Arc<Loaded>, tokens: Vec<u32>) -> Result<Output, InferError> {
		let (reply, answer) = oneshot::channel();
		self.queue
			.send(Work { model, tokens, reply })
			.map_err(|_| InferError::Backend("the compute thread has stopped".into()))?;
		answer.await.map_err(|_| InferError::Backend("the compute thread dropped the input".into()))?
	}
}

/// The longest an input waits for company: a round that would leave a thread idle
/// waits up to this long for more inputs (dynamic batching's queue delay).
pub const MAX_WAIT: Duration = Duration::from_millis(2);

/// One device's loop: take a round from the shared queue (holding it only while
/// taking), run it, answer.
fn compute(rx: &Mutex<mpsc::Receiver<Work>>, device: usize, done: &AtomicU64, max_batch: usize) {
	loop {
		let round = {
			let queue = rx.lock().unwrap_or_else(|p| p.into_inner());
			match take_round(&queue, max_batch) {
				Some(round) => round,
				None => return,
			}
		};
		run_round(round, device, done);
	}
}

/// Enough inputs to keep every thread of the first input's model busy, or what arrives
/// within [`MAX_WAIT`], whichever comes first; then whatever else is queued. `None`
/// once every sender is gone.
fn take_round(rx: &mpsc::Receiver<Work>, max_batch: usize) -> Option<Vec<Work>> {
	let first = rx.recv().ok()?;
	let want = first.model.batch_threads.min(max_batch);
	let deadline = Instant::now() + MAX_WAIT;
	let mut round = vec![first];
	while round.len() < max_batch {
		match rx.try_recv() {
			Ok(w) => round.push(w),
			Err(mpsc::TryRecvError::Disconnected) => break,
			Err(mpsc::TryRecvError::Empty) if round.len() >= want => break,
			Err(mpsc::TryRecvError::Empty) => match rx.recv_timeout(deadline.saturating_duration_since(Instant::now()))
			{
				Ok(w) => round.push(w),
				Err(_) => break,
			},
		}
	}
	Some(round)
}

/// Runs a round on `device`, one `run_batch` per model in it.
fn run_round(mut round: Vec<Work>, device: usize, done: &AtomicU64) {
	while !round.is_empty() {
		let model = round[0].model.clone();
		let (same, rest): (Vec<Work>, Vec<Work>) = round.into_iter().partition(|w| Arc::ptr_eq(&w.model, &model));
		round = rest;
		let inputs: Vec<Input<'_>> = same.iter().map(|w| Input::Tokens(&w.tokens)).collect();
		let outputs = match model.backends.get(device).or(model.backends.first()) {
			Some(backend) => run_batch(model.model, &inputs, backend.as_ref(), model.batch_threads),
			None => inputs.iter().map(|_| Err(InferError::Backend(format!("{} has no backend", model.name)))).collect(),
		};
		done.fetch_add(same.len() as u64, Ordering::Relaxed);
		for (work, output) in same.into_iter().zip(outputs) {
			// A caller that went away no longer wants its answer.
			let _ = work.reply.send(output);
		}
	}
}
