//! Models: registration (priced by the engine's cost model against the dispute
//! budget), retirement and removal.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::*};
use hearth_engine::{format, model::Architecture};
use hearth_primitives::{ModelId, NetUid, SubnetMiners};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// The architecture a stored header declares (checked at registration).
	pub(crate) fn architecture(header: &[u8]) -> Result<Architecture, Error<T>> {
		match format::decode_header(header) {
			Ok((arch, len)) if len == header.len() => Ok(arch),
			_ => Err(Error::<T>::InvalidHeader),
		}
	}

	/// The width of the model's output: BERT's hidden width, an MLP's last layer's.
	fn output_len(arch: &Architecture) -> u32 {
		match arch {
			Architecture::Bert(c) => c.hidden,
			Architecture::Mlp { layers, .. } => layers.last().map(|(out, _)| *out).unwrap_or(0),
		}
	}

	/// The longest input `arch` accepts at all.
	fn input_limit(arch: &Architecture) -> u32 {
		match arch {
			Architecture::Bert(c) => c.max_positions.min(MAX_INPUT_LEN),
			Architecture::Mlp { input_dim, .. } => *input_dim,
		}
	}

	pub(crate) fn do_register_model(
		owner: T::AccountId,
		netuid: NetUid,
		header: Header,
		chunk_hashes: ChunkHashes,
		max_input: u32,
	) -> DispatchResult {
		let subnet_owner = T::Subnets::owner(netuid).ok_or(Error::<T>::UnknownSubnet)?;
		ensure!(owner == subnet_owner, Error::<T>::NotSubnetOwner);
		let arch = Self::architecture(&header)?;
		let lens = arch.chunk_lens();
		ensure!(lens.len() == chunk_hashes.len(), Error::<T>::WrongChunkCount);
		match arch {
			Architecture::Mlp { input_dim, .. } => ensure!(max_input == input_dim, Error::<T>::InvalidMaxInput),
			Architecture::Bert(_) => {
				ensure!(max_input >= 1 && max_input <= Self::input_limit(&arch), Error::<T>::InvalidMaxInput)
			},
		}
		ensure!(max_input <= MAX_INPUT_LEN, Error::<T>::InvalidMaxInput);
		let costliest = arch.costliest_step(max_input);
		ensure!(
			costliest.fits(T::MaxDisputeMultiplyAdds::get(), T::MaxDisputeValues::get()),
			Error::<T>::StepOverBudget
		);
		// What a challenge carries: each step's chunk, or for BERT's embeddings a proof
		// of the input's word rows.
		let largest = arch.dispute_lens(max_input).into_iter().max().unwrap_or(0);
		ensure!(largest <= u64::from(T::MaxChunkBytes::get()), Error::<T>::ChunkOverBudget);
		ensure!(Self::output_len(&arch) <= MAX_OUTPUT_LEN, Error::<T>::OutputTooLong);

		let id = format::identity(&sp_crypto_hashing::blake2_256(&header), &chunk_hashes);
		ensure!(!Models::<T>::contains_key(netuid, id), Error::<T>::ModelExists);
		let mut info = ModelInfo {
			owner: owner.clone(),
			header,
			chunk_hashes,
			max_input,
			step_multiply_adds: costliest.multiply_adds,
			step_values: costliest.values,
			largest_chunk: largest as u32,
			deposit: 0,
			open_jobs: 0,
			retired_at: None,
		};
		let bytes = info.encoded_size() as u128;
		info.deposit = T::ModelDepositBase::get().saturating_add(T::ModelDepositPerByte::get().saturating_mul(bytes));
		SubnetModels::<T>::try_mutate(netuid, |list| list.try_push(id).map_err(|_| Error::<T>::TooManyModels))?;
		Self::take_in(&owner, info.deposit)?;
		let (steps, deposit) = (info.chunk_hashes.len() as u32, info.deposit);
		Models::<T>::insert(netuid, id, info);
		Self::deposit_event(Event::ModelRegistered {
			netuid,
			model: id,
			steps,
			max_input,
			step_multiply_adds: costliest.multiply_adds,
			deposit,
		});
		Ok(())
	}

	/// A model and a check that `who` owns it.
	fn owned_model(who: &T::AccountId, netuid: NetUid, model: ModelId) -> Result<ModelOf<T>, DispatchError> {
		let info = Models::<T>::get(netuid, model).ok_or(Error::<T>::UnknownModel)?;
		ensure!(info.owner == *who, Error::<T>::NotModelOwner);
		Ok(info)
	}

	pub(crate) fn do_retire_model(owner: T::AccountId, netuid: NetUid, model: ModelId) -> DispatchResult {
		let mut info = Self::owned_model(&owner, netuid, model)?;
		ensure!(info.retired_at.is_none(), Error::<T>::ModelRetired);
		info.retired_at = Some(frame_system::Pallet::<T>::block_number());
		Models::<T>::insert(netuid, model, info);
		Self::deposit_event(Event::ModelRetired { netuid, model });
		Ok(())
	}

	pub(crate) fn do_remove_model(netuid: NetUid, model: ModelId) -> DispatchResult {
		let info = Models::<T>::get(netuid, model).ok_or(Error::<T>::UnknownModel)?;
		let retired = info.retired_at.ok_or(Error::<T>::ModelNotRetired)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(info.open_jobs == 0 && now > retired.saturating_add(T::ChallengeWindow::get()), Error::<T>::ModelInUse);
		Self::pay_out(&info.owner, info.deposit)?;
		Models::<T>::remove(netuid, model);
		SubnetModels::<T>::mutate(netuid, |list| list.retain(|m| *m != model));
		Self::deposit_event(Event::ModelRemoved { netuid, model, deposit: info.deposit });
		Ok(())
	}

	/// Checks `input` against the model: its kind, length, token ids and values.
	pub(crate) fn check_input(info: &ModelOf<T>, input: &JobInput) -> DispatchResult {
		let arch = Self::architecture(&info.header)?;
		let ok = match (&arch, input) {
			(Architecture::Bert(c), JobInput::Tokens(t)) => {
				!t.is_empty() && t.len() as u32 <= info.max_input && t.iter().all(|id| *id < c.vocab)
			},
			(Architecture::Mlp { input_dim, .. }, JobInput::Features(f)) => {
				f.len() as u32 == *input_dim
					&& f.iter().all(|v| v.unsigned_abs() <= hearth_engine::fixed::ACT_MAX as u32)
			},
			_ => false,
		};
		ensure!(ok, Error::<T>::InvalidInput);
		Ok(())
	}
}
