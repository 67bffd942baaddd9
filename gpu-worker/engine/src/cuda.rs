//! The CUDA backend (feature `cuda`): int8 products on the GPU, bit-identical to the
//! CPU twin because they are exact integer sums.
//!
//! cudarc loads the CUDA libraries at run time (`dynamic-loading`), so this builds on
//! machines with no CUDA toolkit. cudarc panics when a library is missing, so
//! [`probe`] checks the driver and NVRTC with `is_culib_present` before any CUDA call,
//! and callers fall back to [`crate::CpuGemm`] with the reason it gives.
//!
//! The products run in an NVRTC-compiled tiled kernel (i8 loads, i32 multiply-adds;
//! no floating point, no atomics), one output per thread. A model's weight matrices
//! are uploaded once, when the backend is created for that model; activations travel
//! per product. The integer epilogues (requantization, GELU, softmax, LayerNorm) run
//! on the host with the CPU twin's code, so they cannot differ.

use crate::gemm::{check_shapes, BackendError, Int8Gemm};
use crate::quant::QRows;
use cudarc::driver::{CudaContext, CudaFunction, CudaSlice, CudaStream, LaunchConfig, PushKernelArg};
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex};

/// The kernel: `C[i, j] = Σ_t A[i, t] · B[j, t]`, 16×16 tiles through shared memory.
const KERNEL: &str = r#"
#define T 16
extern "C" __global__ void gemm_i8(const signed char* __restrict__ a, const signed char* __restrict__ b,
                                   int* __restrict__ c, int m, int n, int k) {
    __shared__ int sa[T][T + 1];
    __shared__ int sb[T][T + 1];
    const int row = blockIdx.y * T + threadIdx.y;
    const int col = blockIdx.x * T + threadIdx.x;
    const int brow = blockIdx.x * T + threadIdx.y;
    int acc = 0;
    for (int t0 = 0; t0 < k; t0 += T) {
        const int t = t0 + threadIdx.x;
        sa[threadIdx.y][threadIdx.x] = (row < m && t < k) ? (int)a[(size_t)row * k + t] : 0;
        sb[threadIdx.y][threadIdx.x] = (brow < n && t < k) ? (int)b[(size_t)brow * k + t] : 0;
        __syncthreads();
        #pragma unroll
        for (int u = 0; u < T; ++u) acc += sa[threadIdx.y][u] * sb[threadIdx.x][u];
        __syncthreads();
    }
    if (row < m && col < n) c[(size_t)row * n + col] = acc;
}
"#;

/// What [`probe`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceInfo {
	/// Visible CUDA devices.
	pub devices: i32,
	/// Device 0's name.
	pub name: String,
	/// Device 0's compute capability.
	pub compute_capability: (i32, i32),
	/// Device 0's memory, bytes.
	pub total_mem: usize,
}

/// Checks, without any call that could panic, that the CUDA driver and NVRTC can be
/// loaded and that a device exists. `Err` says why the CPU twin must be used.
pub fn probe() -> Result<DeviceInfo, String> {
	// SAFETY: these only try to dlopen the libraries; no CUDA function is called.
	let driver = unsafe { cudarc::driver::sys::is_culib_present() };
	let nvrtc = unsafe { cudarc::nvrtc::sys::is_culib_present() };
	if !driver {
		return Err("the CUDA driver library (libcuda.so) is not installed or not on the loader path".into());
	}
	if !nvrtc {
		return Err("NVRTC (libnvrtc.so.12 or libnvrtc.so) is not on the loader path; add the CUDA toolkit's lib64 to LD_LIBRARY_PATH".into());
	}
	let devices = CudaContext::device_count().map_err(|e| format!("the CUDA driver could not count devices: {e:?}"))?;
	if devices < 1 {
		return Err("the CUDA driver reports no device".into());
	}
	let ctx = CudaContext::new(0).map_err(|e| format!("device 0 could not be opened: {e:?}"))?;
	let name = ctx.name().map_err(|e| format!("device 0's name: {e:?}"))?;
	let compute_capability = ctx.compute_capability().map_err(|e| format!("device 0's compute capability: {e:?}"))?;
	let total_mem = ctx.total_mem().map_err(|e| format!("device 0's memory: {e:?}"))?;
	Ok(DeviceInfo { devices, name, compute_capability, total_mem })
}

struct Device {
	ctx: Arc<CudaContext>,
	stream: Arc<CudaStream>,
	kernel: CudaFunction,
	/// Device copies of the model's weight matrices, by host address and length.
	weights: HashMap<(usize, usize), CudaSlice<i8>>,
}

/// int8 products on one GPU, for one model (whose weights it holds on the device;
/// the borrow keeps the model, and so the addresses it caches by, alive).
pub struct CudaGemm<'m> {
	ordinal: usize,
	device: Mutex<Device>,
	_weights: PhantomData<&'m QRows>,
}

fn err(what: &str) -> impl Fn(cudarc::driver::DriverError) -> BackendError + '_ {
	move |e| BackendError(format!("{what}: {e:?}"))
}

impl<'m> CudaGemm<'m> {
	/// Opens device `ordinal`, compiles the kernel and uploads `weights` (a model's
	/// [`crate::Model::gemm_weights`], or one step's); other operands are uploaded per product.
	/// Call [`probe`] first: without the libraries, cudarc panics.
	pub fn new(ordinal: usize, weights: &[&'m QRows]) -> Result<Self, BackendError> {
		let ctx = CudaContext::new(ordinal).map_err(err("open device"))?;
		let stream = ctx.default_stream();
		let ptx = cudarc::nvrtc::compile_ptx(KERNEL).map_err(|e| BackendError(format!("NVRTC: {e:?}")))?;
		let module = ctx.load_module(ptx).map_err(err("load module"))?;
		let kernel = module.load_function("gemm_i8").map_err(err("load kernel"))?;
		let mut resident = HashMap::new();
		for m in weights {
			let dev = stream.clone_htod(&m.data).map_err(err("upload weights"))?;
			resident.insert((m.data.as_ptr() as usize, m.data.len()), dev);
		}
		Ok(CudaGemm {
			ordinal,
			device: Mutex::new(Device { ctx, stream, kernel, weights: resident }),
			_weights: PhantomData,
		})
	}
}

impl Int8Gemm for CudaGemm<'_> {
	fn gemm(&self, a: &[i8], b: &[i8], m: usize, n: usize, k: usize, out: &mut [i32]) -> Result<(), BackendError> {
		check_shapes(a, b, m, n, k, out)?;
		if m == 0 || n == 0 {
			return Ok(());
		}
		let dev = self.device.lock().map_err(|_| BackendError("the CUDA device lock is poisoned".into()))?;
		dev.ctx.bind_to_thread().map_err(err("bind context"))?;
		let a_dev = dev.stream.clone_htod(a).map_err(err("upload activations"))?;
		let uploaded;
		let b_dev = match dev.weights.get(&(b.as_ptr() as usize, b.len())) {
			Some(w) => w,
			None => {
				uploaded = dev.stream.clone_htod(b).map_err(err("upload operand"))?;
				&uploaded
			},
		};
		let mut c_dev = dev.stream.alloc_zeros::<i32>(m * n).map_err(err("allocate output"))?;
		let (m_i, n_i, k_i) = (m as i32, n as i32, k as i32);
		let cfg = LaunchConfig {
			grid_dim: (n.div_ceil(16) as u32, m.div_ceil(16) as u32, 1),
			block_dim: (16, 16, 1),
			shared_mem_bytes: 0,
		};
		let mut launch = dev.stream.launch_builder(&dev.kernel);
		launch.arg(&a_dev).arg(b_dev).arg(&mut c_dev).arg(&m_i).arg(&n_i).arg(&k_i);
		// SAFETY: the kernel reads m·k and n·k bytes and writes m·n ints, the sizes of
		// the buffers passed; the arguments match its signature.
		unsafe { launch.launch(cfg) }.map_err(err("launch"))?;
		dev.stream.memcpy_dtoh(&c_dev, out).map_err(err("download output"))?;
		dev.stream.synchronize().map_err(err("synchronize"))?;
		Ok(())
	}

	fn name(&self) -> String {
		format!("cuda:{}", self.ordinal)
	}
}
