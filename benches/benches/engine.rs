//! CPU speed of the det-int8 engine, each figure against a baseline measured in the
//! same run:
//! - int8 products of the MiniLM shapes, by every kernel this CPU runs (AMX, AVX-512
//!   VNNI, AVX-VNNI, AVX2, portable) and by the worker's backend with the weights packed
//!   once, against `matrixmultiply`'s f32 sgemm on the same shapes (one thread each;
//!   prints the ratios);
//! - MiniLM-shaped BERT sequences per second at 128 tokens, one thread and two
//!   (prints the scaling), and the share of a run spent hashing its trace;
//! - the MLP a block could re-execute, in microseconds.
//!
//! Weights are seeded (the real MiniLM has the same shapes, so the same speed).

use hearth_benches::{measure, Budget};
use hearth_engine::activation::trace_hashes;
use hearth_engine::gemm::Kernel;
use hearth_engine::import::{quantize, seeded};
use hearth_engine::model::Activation;
use hearth_engine::quant::{QRows, Scale};
use hearth_engine::{run, run_batch, run_with, CpuGemm, Input, Int8Gemm, Model, PackedCpuGemm};
use std::hint::black_box;

fn gemm_shapes() {
	let kernels = Kernel::available();
	println!("int8 GEMM (C = A·Bᵀ, i32 accumulation) vs matrixmultiply f32 sgemm, 1 thread, median of 20");
	println!("  gemm_i8 runs {:?} on this CPU; each kernel's GOP/s and its ratio to f32:", Kernel::detect());
	let mut header = format!("{:>18} {:>12}", "M×K×N", "f32 GFLOP/s");
	for kernel in &kernels {
		header += &format!(" {:>22}", format!("{kernel:?}"));
	}
	// The worker's backend, whose weights are packed once for AMX (the other kernels'
	// columns include their per-product preparation; AMX's includes packing B).
	header += &format!(" {:>22}", "weights packed");
	println!("{header}");
	let mut rng = seeded::SplitMix64::new(1);
	for (m, k, n) in
		[(128usize, 384usize, 384usize), (128, 384, 1536), (128, 1536, 384), (128, 32, 128), (128, 128, 32)]
	{
		let a8: Vec<i8> = (0..m * k).map(|_| (rng.next_u64() % 255) as i32 as i8).map(|v| v.max(-127)).collect();
		let b8: Vec<i8> = (0..n * k).map(|_| (rng.next_u64() % 255) as i32 as i8).map(|v| v.max(-127)).collect();
		let af: Vec<f32> = a8.iter().map(|v| *v as f32 / 127.0).collect();
		let bf: Vec<f32> = b8.iter().map(|v| *v as f32 / 127.0).collect();
		let mut c8 = vec![0i32; m * n];
		let mut cf = vec![0f32; m * n];
		// The same product: A (m×k, row-major) times Bᵀ (B is n×k row-major, so Bᵀ has
		// row stride 1 and column stride k).
		let tf = measure(Budget::new(20, 0), || unsafe {
			matrixmultiply::sgemm(
				m,
				k,
				n,
				1.0,
				af.as_ptr(),
				k as isize,
				1,
				bf.as_ptr(),
				1,
				k as isize,
				0.0,
				cf.as_mut_ptr(),
				n as isize,
				1,
			)
		});
		let ops = 2.0 * (m * k * n) as f64;
		let gf = ops / tf.secs() / 1e9;
		let mut line = format!("{:>18} {:>12.1}", format!("{m}×{k}×{n}"), gf);
		for kernel in &kernels {
			let t8 = measure(Budget::new(20, 0), || kernel.gemm(black_box(&a8), black_box(&b8), m, n, k, &mut c8));
			let g8 = ops / t8.secs() / 1e9;
			line += &format!(" {:>22}", format!("{g8:.1} ({:.2}x)", g8 / gf));
		}
		let weights = QRows { rows: n, cols: k, data: b8.clone(), scales: vec![Scale::ZERO_ROW; n] };
		let packed = PackedCpuGemm::new(1, &[&weights]);
		let tp = measure(Budget::new(20, 0), || {
			packed.gemm(black_box(&a8), &weights.data, m, n, k, &mut c8).expect("shapes");
		});
		let gp = ops / tp.secs() / 1e9;
		line += &format!(" {:>22}", format!("{gp:.1} ({:.2}x)", gp / gf));
		println!("{line}");
	}
}

fn minilm_throughput() {
	let model = Model::Bert(quantize::bert(&seeded::bert(seeded::MINILM, 7)).expect("quantize"));
	let mut rng = seeded::SplitMix64::new(2);
	let seqs: Vec<Vec<u32>> = (0..4).map(|_| (0..128).map(|_| rng.token(seeded::MINILM.vocab)).collect()).collect();
	let inputs: Vec<Input<'_>> = seqs.iter().map(|s| Input::Tokens(s)).collect();
	// The worker's CPU backend: the model's weights packed once (for AMX, where it runs).
	let weights = model.gemm_weights();
	let backend = PackedCpuGemm::new(1, &weights);
	let one = measure(Budget::new(3, 0), || {
		for i in &inputs {
			black_box(run(&model, *i, &backend).expect("run"));
		}
	});
	let two = measure(Budget::new(3, 0), || {
		black_box(run_batch(&model, &inputs, &backend, 2));
	});
	let (s1, s2) = (inputs.len() as f64 / one.secs(), inputs.len() as f64 / two.secs());
	let flops = 2.87e9; // per 128-token sequence (linear layers and attention)
	println!("MiniLM-L6 det-int8, 128 tokens, median of 3 batches of 4 sequences");
	println!("  1 thread : {s1:>6.1} seq/s ({:.1} GOP/s)", s1 * flops / 1e9);
	println!("  2 threads: {s2:>6.1} seq/s ({:.1} GOP/s), {:.2}x the 1-thread rate", s2 * flops / 1e9, s2 / s1);
	// Every run hashes each step's activation into its trace; what that costs, against
	// the run it is part of.
	let mut acts = Vec::new();
	run_with(&model, inputs[0], &backend, |i, x| acts.push((i, x.clone()))).expect("run");
	// As a run hashes them: preimages, four side by side.
	let hashing = measure(Budget::new(20, 0), || {
		let preimages: Vec<Vec<u8>> = acts.iter().map(|(i, x)| x.trace_preimage(*i)).collect();
		for four in preimages.chunks(4) {
			black_box(trace_hashes(four));
		}
	});
	let per_seq = one.secs() / inputs.len() as f64;
	println!(
		"  trace ({} steps, {} KB hashed): {:.2} ms of a {:.1} ms run ({:.2} %)",
		acts.len(),
		acts.iter().map(|(_, x)| x.encoded_len()).sum::<usize>() / 1024,
		hashing.secs() * 1e3,
		per_seq * 1e3,
		100.0 * hashing.secs() / per_seq
	);
}

fn mlp_latency() {
	let model = Model::Mlp(quantize::mlp(&seeded::mlp(&[16, 64, 64, 8], Activation::Gelu, 3)).expect("quantize"));
	let x: Vec<i32> = (0..16).map(|i| i * 300 - 2400).collect();
	let t = measure(Budget::new(200, 0), || {
		black_box(run(&model, Input::Features(&x), &CpuGemm::new(1)).expect("run"));
	});
	println!("MLP 16→64→64→8 (GELU), one input: {}", t.summary());
}

fn main() {
	gemm_shapes();
	minilm_throughput();
	mlp_latency();
}
