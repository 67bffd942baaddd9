//! Choosing where products run: the GPU when the build has CUDA and the probe finds
//! it usable, else the CPU twin, with the reason.

use crate::args::BackendChoice;
use hearth_engine::quant::QRows;
use hearth_engine::{Int8Gemm, PackedCpuGemm};

/// The backend for products with `weights` (kept on the GPU, or packed for the CPU's
/// AMX kernel), and why the GPU is not
/// used (if it is not).
pub fn select<'m>(
	choice: BackendChoice,
	threads: usize,
	weights: &[&'m QRows],
) -> Result<(Box<dyn Int8Gemm + Send + 'm>, Option<String>), String> {
	if threads == 0 {
		return Err("--threads must be at least 1".into());
	}
	let cpu = || Box::new(PackedCpuGemm::new(threads, weights)) as Box<dyn Int8Gemm + Send + 'm>;
	match choice {
		BackendChoice::Cpu => Ok((cpu(), Some("the CPU was asked for".into()))),
		BackendChoice::Auto => match gpu(weights) {
			Ok(g) => Ok((g, None)),
			Err(reason) => Ok((cpu(), Some(reason))),
		},
		BackendChoice::Cuda => gpu(weights).map(|g| (g, None)).map_err(|r| format!("--backend cuda: {r}")),
	}
}

/// The devices serving runs on.
pub struct Devices<'m> {
	/// One backend per device; each gets its own compute thread.
	pub backends: Vec<Box<dyn Int8Gemm + Send + 'm>>,
	/// `cuda ×N` (and any device left out, with why), or `cpu (why not the GPU)`.
	pub name: String,
	/// Inputs one device runs at once: one thread each on the CPU twin, one after
	/// another on a GPU.
	pub batch_threads: usize,
}

/// Every GPU the probe finds, with `weights` on each (a device that fails to take them
/// is left out and named), else one CPU twin whose `threads` threads each run one input
/// of a batch (threads split a batch, not each product, as `infer --tokens-file`).
pub fn select_devices<'m>(choice: BackendChoice, threads: usize, weights: &[&'m QRows]) -> Result<Devices<'m>, String> {
	if threads == 0 {
		return Err("compute.threads must be at least 1".into());
	}
	let cpu = |why: String| Devices {
		backends: vec![Box::new(PackedCpuGemm::new(1, weights)) as Box<dyn Int8Gemm + Send + 'm>],
		name: format!("cpu ({why})"),
		batch_threads: threads,
	};
	let gpu = |(backends, left_out): GpuSet<'m>| {
		let name = match left_out {
			None => format!("cuda ×{}", backends.len()),
			Some(why) => format!("cuda ×{} (left out {why})", backends.len()),
		};
		Devices { backends, name, batch_threads: 1 }
	};
	match choice {
		BackendChoice::Cpu => Ok(cpu("the CPU was asked for".into())),
		BackendChoice::Auto => Ok(gpus(weights).map_or_else(cpu, gpu)),
		BackendChoice::Cuda => gpus(weights).map(gpu).map_err(|r| format!("compute.backend = cuda: {r}")),
	}
}

/// At least one GPU backend, and the devices left out (with why).
type GpuSet<'m> = (Vec<Box<dyn Int8Gemm + Send + 'm>>, Option<String>);

#[cfg(feature = "cuda")]
fn gpus<'m>(weights: &[&'m QRows]) -> Result<GpuSet<'m>, String> {
	let info = hearth_engine::cuda::probe()?;
	let mut backends: Vec<Box<dyn Int8Gemm + Send + 'm>> = Vec::new();
	let mut failed = Vec::new();
	for ordinal in 0..info.devices.max(0) as usize {
		match hearth_engine::cuda::CudaGemm::new(ordinal, weights) {
			Ok(g) => backends.push(Box::new(g)),
			Err(e) => failed.push(format!("cuda:{ordinal}: {e}")),
		}
	}
	if backends.is_empty() {
		return Err(format!("no device took the model ({})", failed.join("; ")));
	}
	Ok((backends, (!failed.is_empty()).then(|| failed.join("; "))))
}

#[cfg(not(feature = "cuda"))]
fn gpus<'m>(_weights: &[&'m QRows]) -> Result<GpuSet<'m>, String> {
	Err("this build has no CUDA backend (build with --features cuda)".into())
}

#[cfg(feature = "cuda")]
fn gpu<'m>(weights: &[&'m QRows]) -> Result<Box<dyn Int8Gemm + Send + 'm>, String> {
	hearth_engine::cuda::probe()?;
	let g = hearth_engine::cuda::CudaGemm::new(0, weights).map_err(|e| e.to_string())?;
	Ok(Box::new(g))
}

#[cfg(not(feature = "cuda"))]
fn gpu<'m>(_weights: &[&'m QRows]) -> Result<Box<dyn Int8Gemm + Send + 'm>, String> {
	Err("this build has no CUDA backend (build with --features cuda)".into())
}

/// The probe's report as JSON.
pub fn probe() -> serde_json::Value {
	#[cfg(feature = "cuda")]
	{
		match hearth_engine::cuda::probe() {
			Ok(i) => serde_json::json!({
				"backend": "cuda",
				"devices": i.devices,
				"name": i.name,
				"compute_capability": format!("{}.{}", i.compute_capability.0, i.compute_capability.1),
			}),
			Err(reason) => serde_json::json!({"backend": "cpu", "fallback": reason}),
		}
	}
	#[cfg(not(feature = "cuda"))]
	serde_json::json!({"backend": "cpu", "fallback": "this build has no CUDA backend (build with --features cuda)"})
}
