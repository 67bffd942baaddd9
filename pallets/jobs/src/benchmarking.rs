//! Benchmarks of every call, each in its worst case, and of the hook. The challenge is
//! measured running a real step: the reference layer (all-MiniLM-L6-v2's encoder
//! layer shape, seeded weights) at `t` tokens, and an MLP layer whose chunk is `c`
//! bytes.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as Jobs;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, BoundedVec};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use hearth_engine::{
	activation::Activation,
	encode_chunk,
	format::{encode_header, identity},
	model::{Activation as Act, Architecture, BertConfig, BertLayer, Linear, MlpLayer, Norm},
	quant::{QRows, Scale},
	Step,
};
use hearth_primitives::{receipt::Hash32, ModelId, NetUid, Receipt, Served, SignedReceipt, Trace};

const NETUID: NetUid = 1;

/// A seeded stream of bytes (SplitMix64), so that weights look like weights.
struct Seeded(u64);
impl Seeded {
	fn next(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
		z ^ (z >> 31)
	}
	fn int8(&mut self) -> i8 {
		((self.next() % 255) as i16 - 127) as i8
	}
	fn q12(&mut self, span: i32) -> i32 {
		(self.next() % (2 * span as u64 + 1)) as i32 - span
	}
	fn hash(&mut self) -> Hash32 {
		let mut h = [0u8; 32];
		for c in h.chunks_mut(8) {
			c.copy_from_slice(&self.next().to_le_bytes());
		}
		h
	}
}

fn matrix(rng: &mut Seeded, rows: usize, cols: usize) -> QRows {
	QRows {
		rows,
		cols,
		data: (0..rows * cols).map(|_| rng.int8()).collect(),
		scales: (0..rows).map(|_| Scale { m: (1 << 14) + (rng.next() % (1 << 14)) as u32, k: 21 }).collect(),
	}
}

fn linear(rng: &mut Seeded, out: usize, inp: usize) -> Linear {
	Linear { weight: matrix(rng, out, inp), bias: (0..out).map(|_| rng.q12(400)).collect() }
}

fn norm(rng: &mut Seeded, n: usize) -> Norm {
	Norm { gamma: (0..n).map(|_| 4096 + rng.q12(400)).collect(), beta: (0..n).map(|_| rng.q12(400)).collect() }
}

/// The reference layer's chunk (`budget::REFERENCE_LAYER`, 512 positions).
fn reference_layer() -> Vec<u8> {
	let (h, heads, f) = budget::REFERENCE_LAYER;
	let (h, f) = (h as usize, f as usize);
	let rng = &mut Seeded(7);
	let layer = BertLayer {
		query: linear(rng, h, h),
		key: linear(rng, h, h),
		value: linear(rng, h, h),
		attn_out: linear(rng, h, h),
		attn_norm: norm(rng, h),
		ffn_in: linear(rng, f, h),
		ffn_out: linear(rng, h, f),
		ffn_norm: norm(rng, h),
	};
	encode_chunk(&Step::BertLayer { heads, max_tokens: 512, layer: &layer })
}

/// An MLP layer `4096 → outputs` (ReLU) and its chunk.
fn mlp_layer(outputs: usize) -> Vec<u8> {
	let rng = &mut Seeded(9);
	let layer = MlpLayer { linear: linear(rng, outputs, 4096), activation: Act::Relu };
	encode_chunk(&Step::MlpLayer(&layer))
}

/// A reference-shaped BERT with `layers` layers (its header only; the chunks are
/// `chunks` where given, seeded hashes elsewhere).
fn bert(layers: u32) -> Architecture {
	let (hidden, heads, ffn) = budget::REFERENCE_LAYER;
	Architecture::Bert(BertConfig { vocab: 30522, max_positions: 512, type_vocab: 2, hidden, layers, heads, ffn })
}

/// Puts model `arch` on subnet 1 with the given chunk hashes (registration's checks
/// are `register_model`'s benchmark; here the model must exist whatever the budget).
fn put_model<T: Config>(arch: &Architecture, hashes: Vec<Hash32>, max_input: u32) -> ModelId {
	let header = encode_header(arch);
	let id = identity(&sp_crypto_hashing::blake2_256(&header), &hashes);
	let owner = owner::<T>();
	let cost = arch.costliest_step(max_input);
	let largest = arch.chunk_lens().into_iter().max().unwrap_or(0) as u32;
	Models::<T>::insert(
		NETUID,
		id,
		ModelInfo {
			owner,
			header: BoundedVec::truncate_from(header),
			chunk_hashes: BoundedVec::truncate_from(hashes),
			max_input,
			step_multiply_adds: cost.multiply_adds,
			step_values: cost.values,
			largest_chunk: largest,
			deposit: 0,
			open_jobs: 0,
			retired_at: None,
		},
	);
	SubnetModels::<T>::mutate(NETUID, |l| l.try_push(id).expect("room for a model"));
	id
}

fn owner<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("owner", 0, 0);
	T::BenchmarkHelper::subnet(NETUID, &who, 8);
	who
}

fn funded<T: Config>(name: &'static str) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	T::BenchmarkHelper::fund(&who);
	who
}

/// A job on `model` answered by `miner` with `trace` (and an output of `output`
/// values) at the current block; returns its id.
fn answered<T: Config>(
	model: ModelId,
	miner: &T::AccountId,
	input: JobInput,
	output: Vec<i32>,
	trace: Vec<Hash32>,
) -> JobId {
	let tenant = funded::<T>("tenant");
	let id = NextJobId::<T>::get();
	Jobs::<T>::post_job(
		RawOrigin::Signed(tenant).into(),
		NETUID,
		model,
		input,
		T::MinJobFee::get(),
		10u32.into(),
		None,
	)
	.expect("posted");
	let mut job = JobInfos::<T>::get(id).expect("posted");
	job.miner = Some(miner.clone());
	job.state = JobState::Assigned;
	JobInfos::<T>::insert(id, job);
	Unassigned::<T>::kill();
	Jobs::<T>::submit_result(
		RawOrigin::Signed(miner.clone()).into(),
		id,
		BoundedVec::truncate_from(output),
		Trace::truncate_from(trace),
	)
	.expect("answered");
	id
}

/// The output of `x` and a trace of `steps` seeded elements ending in `x`'s.
fn trace_ending_in(x: &Activation, steps: usize) -> Vec<Hash32> {
	let rng = &mut Seeded(3);
	let mut trace: Vec<Hash32> = (0..steps - 1).map(|_| rng.hash()).collect();
	trace.push(x.trace_hash(steps as u32 - 1));
	trace
}

fn signed_receipt<T: Config>(miner: &T::AccountId, model: ModelId, output_hash: Hash32) -> SignedReceiptOf<T> {
	let receipt = Receipt {
		genesis: Jobs::<T>::genesis_hash(),
		netuid: NETUID,
		miner: miner.clone(),
		model,
		requester: funded::<T>("requester"),
		nonce: 1,
		input_hash: [1; 32],
		output_hash,
		trace: Trace::truncate_from(vec![[2; 32]; MAX_STEPS as usize]),
		served: Served::Probe,
		block: 0,
	};
	let signature = T::BenchmarkHelper::sign(miner, &receipt.signing_payload());
	SignedReceipt { receipt, signature }
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The most steps (64 layers), the costliest header to decode and price.
	#[benchmark]
	fn register_model() {
		let owner = owner::<T>();
		// 64 small layers: the most steps, with chunks inside any budget.
		let arch = Architecture::Bert(BertConfig {
			vocab: 16,
			max_positions: 16,
			type_vocab: 1,
			hidden: 16,
			layers: 64,
			heads: 1,
			ffn: 16,
		});
		let header = Header::truncate_from(encode_header(&arch));
		let rng = &mut Seeded(1);
		let hashes = ChunkHashes::truncate_from((0..66).map(|_| rng.hash()).collect::<Vec<_>>());
		let max_input = arch.longest_input(T::MaxDisputeMultiplyAdds::get(), T::MaxDisputeValues::get()).unwrap_or(1);
		T::BenchmarkHelper::fund(&owner);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), NETUID, header, hashes, max_input);
		assert_eq!(SubnetModels::<T>::get(NETUID).len(), 1);
	}

	#[benchmark]
	fn retire_model() {
		let model = put_model::<T>(&bert(64), vec![[0; 32]; 66], 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner::<T>()), NETUID, model);
		assert!(Models::<T>::get(NETUID, model).and_then(|m| m.retired_at).is_some());
	}

	#[benchmark]
	fn remove_model() {
		let model = put_model::<T>(&bert(64), vec![[0; 32]; 66], 1);
		Models::<T>::mutate(NETUID, model, |m| {
			if let Some(m) = m {
				m.retired_at = Some(0u32.into())
			}
		});
		let after: BlockNumberFor<T> = T::ChallengeWindow::get() + 1u32.into();
		frame_system::Pallet::<T>::set_block_number(after);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner::<T>()), NETUID, model);
		assert!(Models::<T>::get(NETUID, model).is_none());
	}

	/// An open job with the longest input (4096 features, each checked).
	#[benchmark]
	fn post_job() {
		let arch = Architecture::Mlp { input_dim: 4096, layers: vec![(1, Act::Relu)] };
		let model = put_model::<T>(&arch, vec![[0; 32]], 4096);
		let tenant = funded::<T>("tenant");
		let input = JobInput::Features(BoundedVec::truncate_from(vec![4096; 4096]));
		#[extrinsic_call]
		_(RawOrigin::Signed(tenant), NETUID, model, input, T::MinJobFee::get(), 10u32.into(), None);
		assert_eq!(Unassigned::<T>::get().len(), 1);
	}

	/// The longest output (4096 values, hashed) and trace (66 steps).
	#[benchmark]
	fn submit_result() {
		let arch = Architecture::Bert(BertConfig {
			vocab: 2,
			max_positions: 1,
			type_vocab: 1,
			hidden: 4096,
			layers: 64,
			heads: 1,
			ffn: 1,
		});
		let model = put_model::<T>(&arch, vec![[0; 32]; 66], 1);
		let tenant = funded::<T>("tenant");
		let miner = T::BenchmarkHelper::miner(NETUID, 0);
		Jobs::<T>::post_job(
			RawOrigin::Signed(tenant).into(),
			NETUID,
			model,
			JobInput::Tokens(BoundedVec::truncate_from(vec![1])),
			T::MinJobFee::get(),
			10u32.into(),
			None,
		)
		.expect("posted");
		let mut job = JobInfos::<T>::get(0).expect("posted");
		job.miner = Some(miner.clone());
		job.state = JobState::Assigned;
		JobInfos::<T>::insert(0, job);
		Unassigned::<T>::kill();
		let x = Activation::new(1, 4096, vec![7; 4096]).expect("in range");
		let trace = Trace::truncate_from(trace_ending_in(&x, 66));
		let output = BoundedVec::truncate_from(x.values().to_vec());
		#[extrinsic_call]
		submit_result(RawOrigin::Signed(miner), 0, output, trace);
		assert!(Results::<T>::contains_key(0));
	}

	/// A wrong result proven by running the reference layer at `t` tokens: the chunk
	/// hashed and decoded, `x_{i-1}` decoded and hashed, the step run, the offence
	/// reported and the fee refunded.
	#[benchmark]
	fn challenge_layer(t: Linear<1, 512>) {
		let chunk = reference_layer();
		let arch = bert(1);
		let rng = &mut Seeded(5);
		let x = Activation::new(t, budget::REFERENCE_LAYER.0, (0..t * 384).map(|_| rng.q12(8000)).collect())
			.expect("in range");
		let hashes = vec![[0; 32], sp_crypto_hashing::blake2_256(&chunk), [0; 32]];
		let model = put_model::<T>(&arch, hashes, t);
		let miner = T::BenchmarkHelper::miner(NETUID, 0);
		let out = Activation::new(1, 384, vec![1; 384]).expect("in range");
		let mut trace = trace_ending_in(&out, 3);
		trace[0] = x.trace_hash(0);
		let job = answered::<T>(
			model,
			&miner,
			JobInput::Tokens(BoundedVec::truncate_from(vec![1])),
			out.values().to_vec(),
			trace,
		);
		let challenger = funded::<T>("challenger");
		let input = StepInput::Activation(BoundedVec::truncate_from(x.encode()));
		let chunk = ChunkBytes::truncate_from(chunk);
		#[extrinsic_call]
		challenge(RawOrigin::Signed(challenger), Subject::Result(job), 1, input, chunk);
		assert_eq!(JobInfos::<T>::get(job).map(|j| j.state), Some(JobState::ProvenWrong));
	}

	/// A wrong result proven on an MLP layer `4096 → o` whose chunk is about `c` bytes
	/// (hashing and decoding dominate; the step is `4096·o` multiply-adds).
	#[benchmark]
	fn challenge_chunk(c: Linear<4_200, { T::MaxChunkBytes::get() }>) {
		let outputs = (((c - 10) / 4103) as usize).max(1);
		let chunk = mlp_layer(outputs);
		let arch = Architecture::Mlp { input_dim: 4096, layers: vec![(outputs as u32, Act::Relu)] };
		let model = put_model::<T>(&arch, vec![sp_crypto_hashing::blake2_256(&chunk)], 4096);
		let miner = T::BenchmarkHelper::miner(NETUID, 0);
		let features: Vec<i32> = (0..4096).map(|i| (i % 200) * 20).collect();
		let input = JobInput::Features(BoundedVec::truncate_from(features));
		let out = Activation::new(1, outputs as u32, vec![1; outputs]).expect("in range");
		let job = answered::<T>(model, &miner, input.clone(), out.values().to_vec(), trace_ending_in(&out, 1));
		let challenger = funded::<T>("challenger");
		let chunk = ChunkBytes::truncate_from(chunk);
		#[extrinsic_call]
		challenge(RawOrigin::Signed(challenger), Subject::Result(job), 0, StepInput::Input(input), chunk);
		assert_eq!(JobInfos::<T>::get(job).map(|j| j.state), Some(JobState::ProvenWrong));
	}

	/// Two receipts with the longest traces, both signatures checked.
	#[benchmark]
	fn report_equivocation() {
		let model = put_model::<T>(&bert(64), vec![[0; 32]; 66], 1);
		let miner = T::BenchmarkHelper::miner(NETUID, 0);
		let first = signed_receipt::<T>(&miner, model, [1; 32]);
		let second = signed_receipt::<T>(&miner, model, [2; 32]);
		let reporter = funded::<T>("reporter");
		#[extrinsic_call]
		_(RawOrigin::Signed(reporter), first, second);
	}

	/// `n` open jobs assigned, each drawing among the subnet's serving miners.
	#[benchmark]
	fn assign(n: Linear<0, { T::MaxJobsPerBlock::get() }>) {
		let arch = Architecture::Mlp { input_dim: 1, layers: vec![(1, Act::Relu)] };
		let model = put_model::<T>(&arch, vec![[0; 32]], 1);
		let tenant = funded::<T>("tenant");
		for _ in 0..n {
			Jobs::<T>::post_job(
				RawOrigin::Signed(tenant.clone()).into(),
				NETUID,
				model,
				JobInput::Features(BoundedVec::truncate_from(vec![1])),
				T::MinJobFee::get(),
				10u32.into(),
				None,
			)
			.expect("posted");
		}
		#[block]
		{
			Jobs::<T>::assign_posted(&mut frame_support::weights::WeightMeter::new());
		}
		assert!(Unassigned::<T>::get().is_empty());
	}

	/// `n` fees paid in one block (the costliest queued step: a burn, a transfer, the
	/// pruning queued).
	#[benchmark]
	fn run_due(n: Linear<0, { T::MaxDuePerBlock::get() }>) {
		let arch = Architecture::Mlp { input_dim: 1, layers: vec![(1, Act::Relu)] };
		let model = put_model::<T>(&arch, vec![[0; 32]], 1);
		let miner = T::BenchmarkHelper::miner(NETUID, 0);
		let out = Activation::new(1, 1, vec![1]).expect("in range");
		let mut ids = Vec::new();
		for _ in 0..n {
			let id = answered::<T>(
				model,
				&miner,
				JobInput::Features(BoundedVec::truncate_from(vec![1])),
				vec![1],
				trace_ending_in(&out, 1),
			);
			ids.push(id);
		}
		let due: BlockNumberFor<T> =
			frame_system::Pallet::<T>::block_number() + T::ChallengeWindow::get() + 1u32.into();
		let queued: Vec<Due> = ids.iter().map(|id| Due::Job(*id)).collect();
		DueQueue::<T>::insert(due, BoundedVec::truncate_from(queued));
		for id in &ids {
			JobInfos::<T>::mutate(id, |j| {
				if let Some(j) = j {
					j.due_at = due
				}
			});
		}
		frame_system::Pallet::<T>::set_block_number(due);
		#[block]
		{
			Jobs::<T>::run_due(due, &mut frame_support::weights::WeightMeter::new());
		}
		assert!(ids.iter().all(|id| JobInfos::<T>::get(id).map(|j| j.state) == Some(JobState::Paid)));
	}

	impl_benchmark_test_suite!(Jobs, crate::mock::new_test_ext(), crate::mock::Test);
}
