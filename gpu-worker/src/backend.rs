//! Choosing where products run: the GPU when the build has CUDA and the probe finds
//! it usable, else the CPU twin, with the reason.

use crate::args::BackendChoice;
use hearth_engine::quant::QRows;
use hearth_engine::{CpuGemm, Int8Gemm};

/// The backend for products with `weights` (kept on the GPU), and why the GPU is not
/// used (if it is not).
pub fn select<'m>(
	choice: BackendChoice,
	threads: usize,
	weights: &[&'m QRows],
) -> Result<(Box<dyn Int8Gemm + Send + 'm>, Option<String>), String> {
	if threads == 0 {
		return Err("--threads must be at least 1".into());
	}
	let cpu = || Box::new(CpuGemm::new(threads)) as Box<dyn Int8Gemm + Send + 'm>;
	match choice {
		BackendChoice::Cpu => Ok((cpu(), Some("the CPU was asked for".into()))),
		BackendChoice::Auto => match gpu(weights) {
			Ok(g) => Ok((g, None)),
			Err(reason) => Ok((cpu(), Some(reason))),
		},
		BackendChoice::Cuda => gpu(weights).map(|g| (g, None)).map_err(|r| format!("--backend cuda: {r}")),
	}
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
