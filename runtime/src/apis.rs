//! The runtime APIs the node, wallets and explorers call.
//!
//! Hearth's own typed APIs (subnets, metagraph, stake, leases, jobs, emission) are added
//! here as their pallets land; the node exposes them as `hearth_*` JSON-RPC methods.

// `impl_runtime_apis!` generates `RuntimeApi`, `RuntimeApiImpl` and the API versions
// without docs.
#![allow(missing_docs)]

use super::InherentDataExt;
use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use crate::{
	AccountId, Aura, Balance, Block, BlockNumber, Emissions, Executive, Grandpa, Jobs, Leases, Nonce, Runtime,
	RuntimeCall, RuntimeGenesisConfig, SessionKeys, Signature, Slashing, Staking, Subnets, System, TransactionPayment,
	VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Without a session pallet there is no key-ownership proof to check against.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}

		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_hearth_emissions::runtime_api::EmissionsApi<Block> for Runtime {
		fn schedule() -> pallet_hearth_emissions::ScheduleInfo {
			Emissions::schedule_info()
		}
	}

	impl pallet_hearth_subnets::runtime_api::SubnetsApi<Block, AccountId, BlockNumber> for Runtime {
		fn netuids() -> Vec<hearth_primitives::NetUid> {
			Subnets::netuids()
		}

		fn metagraph(
			netuid: hearth_primitives::NetUid,
		) -> Option<pallet_hearth_subnets::runtime_api::MetagraphView<AccountId, BlockNumber>> {
			Subnets::metagraph(netuid)
		}

		fn neuron(
			netuid: hearth_primitives::NetUid,
			uid: hearth_primitives::Uid,
		) -> Option<pallet_hearth_subnets::runtime_api::NeuronView<AccountId, BlockNumber>> {
			Subnets::neuron(netuid, uid)
		}

		fn lock_cost() -> Balance {
			Subnets::lock_cost(System::block_number())
		}
	}

	impl pallet_hearth_staking::runtime_api::StakingApi<Block, AccountId, BlockNumber> for Runtime {
		fn stake_info(coldkey: AccountId) -> pallet_hearth_staking::runtime_api::StakeInfo<AccountId, BlockNumber> {
			Staking::stake_info(&coldkey)
		}

		fn hotkey_info(
			hotkey: AccountId,
		) -> Option<pallet_hearth_staking::runtime_api::HotkeyInfo<AccountId, BlockNumber>> {
			Staking::hotkey_info(&hotkey)
		}
	}

	impl pallet_hearth_slashing::runtime_api::SlashingApi<Block, AccountId, BlockNumber> for Runtime {
		fn pending_slashes(
			offender: Option<AccountId>,
		) -> Vec<(hearth_primitives::SlashId, pallet_hearth_slashing::types::PendingSlash<AccountId, BlockNumber>)> {
			Slashing::pending_slashes(offender)
		}
	}

	impl pallet_hearth_leases::runtime_api::LeasesApi<Block, AccountId, BlockNumber> for Runtime {
		fn lease(
			id: pallet_hearth_leases::LeaseId,
		) -> Option<pallet_hearth_leases::LeaseView<AccountId, BlockNumber>> {
			Leases::lease_view(id)
		}

		fn offers(provider: AccountId) -> Vec<(pallet_hearth_leases::OfferId, pallet_hearth_leases::Offer<AccountId>)> {
			Leases::offers_of(&provider)
		}

		fn order(id: pallet_hearth_leases::OrderId) -> Option<pallet_hearth_leases::OrderView<AccountId, BlockNumber>> {
			Leases::order_view(id)
		}

		fn orders_of(tenant: AccountId) -> Vec<pallet_hearth_leases::OrderId> {
			Leases::orders_of(&tenant)
		}

		fn leases_of(account: AccountId) -> Vec<pallet_hearth_leases::LeaseId> {
			Leases::leases_of(&account)
		}
	}

	impl pallet_hearth_jobs::runtime_api::JobsApi<Block, AccountId, BlockNumber, Signature> for Runtime {
		fn models(
			netuid: hearth_primitives::NetUid,
		) -> Vec<(hearth_primitives::ModelId, pallet_hearth_jobs::ModelInfo<AccountId, BlockNumber>)> {
			Jobs::models_of(netuid)
		}

		fn job(
			id: pallet_hearth_jobs::JobId,
		) -> Option<(pallet_hearth_jobs::Job<AccountId, BlockNumber>, Option<pallet_hearth_jobs::JobResult<BlockNumber>>)> {
			Jobs::job(id)
		}

		fn miner_jobs(miner: AccountId, limit: u32) -> Vec<pallet_hearth_jobs::JobId> {
			Jobs::miner_jobs(&miner, limit)
		}

		fn check_receipt(
			receipt: hearth_primitives::SignedReceipt<AccountId, Signature>,
		) -> Result<(), pallet_hearth_jobs::ReceiptProblem> {
			Jobs::check_receipt(&receipt)
		}

		fn ruling(subject: [u8; 32]) -> Option<pallet_hearth_jobs::Ruling> {
			Jobs::ruling(subject)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_support::traits::StorageInfoTrait;

			let mut list = Vec::<frame_benchmarking::BenchmarkList>::new();
			crate::benchmarks::list(&mut list, extra);
			(list, crate::AllPalletsWithSystem::storage_info())
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			crate::benchmarks::dispatch(config)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// A failed pre/post-upgrade check must stop the try-runtime run right here.
			let weight = Executive::try_runtime_upgrade(checks)
				.unwrap_or_else(|e| panic!("try-runtime upgrade checks failed: {e:?}"));
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.unwrap_or_else(|e| panic!("try-runtime execute-block failed: {e:?}"))
		}
	}
}
