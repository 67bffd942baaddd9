//! Batching across concurrent requests: one compute thread takes every input waiting
//! (up to `max_batch`, the longest-waiting first; a round that would leave a thread idle
//! waits up to [`MAX_WAIT`] for more), groups them by model and runs each
//! group with `run_batch` over the configured threads. Each input's result is exactly
//! what running it alone gives (`run_batch`'s guarantee: inputs never mix), so batching
//! changes latency and throughput, never a bit of an answer.

use super::models::Loaded;
use hearth_engine::{run_batch, InferError, Input, Output};
use std::sync::mpsc;
use std::sync::Arc;
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
}

impl Batcher {
	/// Starts the compute thread: each model's backend runs its products, its
	/// `batch_threads` inputs at a time, at most `max_batch` inputs per round.
	pub fn start(max_batch: usize) -> Self {
		let (queue, rx) = mpsc::channel::<Work>();
		std::thread::Builder::new()
			.name("hearth-compute".into())
			.spawn(move || compute(rx, max_batch.max(1)))
			.map(|_| ())
			.unwrap_or_else(|e| tracing::error!("cannot start the compute thread: {e}"));
		Self { queue }
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

fn compute(rx: mpsc::Receiver<Work>, max_batch: usize) {
	while let Ok(first) = rx.recv() {
		// Enough inputs to keep every thread of the first input's model busy, or what
		// arrives within MAX_WAIT, whichever comes first; then whatever else is queued.
		let want = first.model.batch_threads.min(max_batch);
		let deadline = Instant::now() + MAX_WAIT;
		let mut round = vec![first];
		while round.len() < max_batch {
			match rx.try_recv() {
				Ok(w) => round.push(w),
				Err(mpsc::TryRecvError::Disconnected) => break,
				Err(mpsc::TryRecvError::Empty) if round.len() >= want => break,
				Err(mpsc::TryRecvError::Empty) => {
					match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
						Ok(w) => round.push(w),
						Err(_) => break,
					}
				},
			}
		}
		while !round.is_empty() {
			let model = round[0].model.clone();
			let (same, rest): (Vec<Work>, Vec<Work>) = round.into_iter().partition(|w| Arc::ptr_eq(&w.model, &model));
			round = rest;
			let inputs: Vec<Input<'_>> = same.iter().map(|w| Input::Tokens(&w.tokens)).collect();
			let outputs = run_batch(model.model, &inputs, model.backend.as_ref(), model.batch_threads);
			for (work, output) in same.into_iter().zip(outputs) {
				// A caller that went away no longer wants its answer.
				let _ = work.reply.send(output);
			}
		}
	}
}
