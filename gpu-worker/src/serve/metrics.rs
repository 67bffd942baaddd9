//! `/metrics`: Prometheus counters and histograms of what the worker serves and sends.

use prometheus::{
	Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry, TextEncoder,
};

/// The worker's metrics.
pub struct Metrics {
	registry: Registry,
	/// Requests by route and HTTP status.
	pub requests: IntCounterVec,
	/// Request latency by route, seconds.
	pub latency: HistogramVec,
	/// Receipts signed.
	pub receipts: IntCounter,
	/// Inputs run (each input of a request once).
	pub inputs: IntCounter,
	/// Transactions sent, by call and outcome.
	pub submissions: IntCounterVec,
	/// Active leases on this provider.
	pub leases: IntGauge,
	/// Units the provider's leases have earned and not yet withdrawn (as of the last
	/// block the miner looked at).
	pub earnings: IntGauge,
	/// The backend in use (`backend` label, value 1).
	pub backend: IntGaugeVec,
	/// Inputs each device (compute thread) has run, by `device` index.
	pub device_inputs: IntGaugeVec,
}

impl Metrics {
	/// Registers every metric.
	pub fn new() -> Result<Self, prometheus::Error> {
		let registry = Registry::new_custom(Some("hearth_worker".into()), None)?;
		let requests =
			IntCounterVec::new(Opts::new("requests_total", "HTTP requests by route and status"), &["route", "status"])?;
		let latency = HistogramVec::new(
			HistogramOpts::new("request_seconds", "HTTP request latency")
				.buckets(vec![0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]),
			&["route"],
		)?;
		let receipts = IntCounter::new("receipts_signed_total", "Receipts signed")?;
		let inputs = IntCounter::new("inputs_total", "Inputs run through a model")?;
		let submissions = IntCounterVec::new(
			Opts::new("chain_submissions_total", "Transactions sent, by call and outcome"),
			&["call", "outcome"],
		)?;
		let leases = IntGauge::new("leases_active", "Active leases on this provider")?;
		let earnings =
			IntGauge::new("withdrawable_units", "Units (10^-12 HTH) the leases have earned and not yet withdrawn")?;
		let backend = IntGaugeVec::new(Opts::new("backend", "The compute backend in use"), &["backend"])?;
		let device_inputs = IntGaugeVec::new(Opts::new("device_inputs", "Inputs each device has run"), &["device"])?;
		for c in [
			Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
			Box::new(latency.clone()),
			Box::new(receipts.clone()),
			Box::new(inputs.clone()),
			Box::new(submissions.clone()),
			Box::new(leases.clone()),
			Box::new(earnings.clone()),
			Box::new(backend.clone()),
			Box::new(device_inputs.clone()),
		] {
			registry.register(c)?;
		}
		Ok(Self {
			registry,
			requests,
			latency,
			receipts,
			inputs,
			submissions,
			leases,
			earnings,
			backend,
			device_inputs,
		})
	}

	/// The text exposition format, with each device's count of inputs as given.
	pub fn render(&self, inputs_by_device: &[u64]) -> String {
		for (device, n) in inputs_by_device.iter().enumerate() {
			self.device_inputs.with_label_values(&[&device.to_string()]).set(i64::try_from(*n).unwrap_or(i64::MAX));
		}
		let mut out = Vec::new();
		// Encoding into a Vec cannot fail for well-formed metrics.
		let _ = TextEncoder::new().encode(&self.registry.gather(), &mut out);
		String::from_utf8_lossy(&out).into_owned()
	}
}
