//! The validator's scoring worker: what it reads of the subnets and jobs pallets, the
//! calls it sends, and how the runtime signs a transaction from the off-chain worker.

use crate::{
	tx_extension, AccountId, BlockNumber, Nonce, Runtime, RuntimeCall, Signature, SignedPayload, UncheckedExtrinsic,
};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::parameter_types;
use hearth_primitives::receipt::Hash32;
use hearth_primitives::{NetUid, Uid};
use pallet_hearth_jobs::engine::format::decode_header;
use pallet_hearth_jobs::engine::Architecture;
use pallet_hearth_scoring::{MinerFacts, ModelFacts, ScoringChain, SubnetFacts};
use pallet_hearth_subnets as subnets;
use sp_runtime::traits::{SaturatedConversion, StaticLookup, Verify};
use sp_runtime::{generic::Era, MultiSigner};

parameter_types! {
	/// Four probe inputs per miner per tempo: a miner lying on a fraction f of its
	/// answers is caught in a tempo with probability 1 - (1 - f)^4.
	pub const ProbeInputs: u32 = 4;
	/// At most 16 miners probed per block by one validator (about 16 s of calls at the
	/// 1 s a CPU-twin miner takes for four short inputs, off the block path).
	pub const MaxProbesPerBlock: u32 = 16;
	/// EMA alpha 0.3; full speed up to 500 ms, unavailable from 5 s; latency 20 % of a
	/// sample; a wrong answer keeps a score at zero for 8 tempos.
	pub const ScoreParams: pallet_hearth_scoring::ScoreParams = pallet_hearth_scoring::ScoreParams {
		alpha: 300_000,
		latency_target_ms: 500,
		deadline_ms: 5_000,
		latency_share: 200_000,
		penalty_tempos: 8,
	};
}

impl pallet_hearth_scoring::Config for Runtime {
	type OuterCall = RuntimeCall;
	type Chain = Chain;
	type ProbeInputs = ProbeInputs;
	type MaxProbesPerBlock = MaxProbesPerBlock;
	type ScoreParams = ScoreParams;
}

impl frame_system::offchain::SigningTypes for Runtime {
	type Public = MultiSigner;
	type Signature = Signature;
}

impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

/// Transactions from the off-chain worker live 64 blocks, like the worker's.
const OFFCHAIN_TX_PERIOD: u64 = 64;

impl<LocalCall> frame_system::offchain::CreateSignedTransaction<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	fn create_signed_transaction<C: frame_system::offchain::AppCrypto<MultiSigner, Signature>>(
		call: RuntimeCall,
		public: MultiSigner,
		account: AccountId,
		nonce: Nonce,
	) -> Option<UncheckedExtrinsic> {
		// The era starts at the parent block, which the pool can check.
		let current: u64 = frame_system::Pallet::<Runtime>::block_number().saturated_into();
		let era = Era::mortal(OFFCHAIN_TX_PERIOD, current.saturating_sub(1));
		let extension = tx_extension(nonce, era, 0);
		let payload = SignedPayload::new(call, extension).ok()?;
		let signature = payload.using_encoded(|bytes| C::sign(bytes, public))?;
		let (call, extension, _) = payload.deconstruct();
		let address = <Runtime as frame_system::Config>::Lookup::unlookup(account);
		Some(UncheckedExtrinsic::new_signed(call, address, signature, extension))
	}
}

/// The chain as the scoring worker reads it.
pub struct Chain;

impl ScoringChain<RuntimeCall> for Chain {
	fn genesis() -> Hash32 {
		frame_system::BlockHash::<Runtime>::get(0).into()
	}

	fn validated_by(who: &AccountId) -> Vec<(NetUid, Uid)> {
		subnets::SubnetInfos::<Runtime>::iter_keys()
			.filter_map(|netuid| {
				let uid = subnets::Uids::<Runtime>::get(netuid, who)?;
				let permitted =
					subnets::Metagraph::<Runtime>::get(netuid).get(uid as usize).is_some_and(|s| s.validator_permit);
				permitted.then_some((netuid, uid))
			})
			.collect()
	}

	fn subnet(netuid: NetUid) -> Option<SubnetFacts> {
		let info = subnets::SubnetInfos::<Runtime>::get(netuid)?;
		let p = info.params;
		let now: u64 = frame_system::Pallet::<Runtime>::block_number().saturated_into();
		// The subnets pallet runs an epoch where (block + netuid + 1) % (tempo + 1) == 0.
		let period = u64::from(p.tempo) + 1;
		let clock = now.saturating_add(u64::from(netuid)).saturating_add(1);
		Some(SubnetFacts {
			tempo_len: period as u32,
			offset: (clock % period) as u32,
			tempo: (clock / period) as u32,
			epochs: info.epochs,
			rate_limit: p.weights_rate_limit,
			commit_reveal: p.commit_reveal,
			reveal_period: p.reveal_period,
			version_key: p.weights_version,
		})
	}

	fn miners(netuid: NetUid, own: Uid) -> Vec<MinerFacts> {
		subnets::Keys::<Runtime>::get(netuid)
			.into_iter()
			.enumerate()
			.filter(|(uid, _)| *uid as Uid != own)
			.map(|(uid, hotkey)| {
				let uid = uid as Uid;
				let url = subnets::Endpoints::<Runtime>::get(netuid, uid).filter(|e| e.is_valid()).map(|e| url(&e));
				MinerFacts { uid, hotkey, url }
			})
			.collect()
	}

	fn models(netuid: NetUid) -> Vec<ModelFacts> {
		pallet_hearth_jobs::SubnetModels::<Runtime>::get(netuid)
			.into_iter()
			.filter_map(|id| {
				let info = pallet_hearth_jobs::Models::<Runtime>::get(netuid, id)?;
				if info.retired_at.is_some() {
					return None;
				}
				let (Architecture::Bert(config), _) = decode_header(&info.header).ok()? else { return None };
				Some(ModelFacts { id, vocab: config.vocab, max_input: info.max_input })
			})
			.collect()
	}

	fn since_update(netuid: NetUid, uid: Uid, who: &AccountId) -> Option<u32> {
		let now = frame_system::Pallet::<Runtime>::block_number();
		let info = subnets::SubnetInfos::<Runtime>::get(netuid)?;
		let last: BlockNumber = if info.params.commit_reveal {
			subnets::WeightCommits::<Runtime>::get(netuid, who).last()?.block
		} else {
			let last = *subnets::LastUpdate::<Runtime>::get(netuid).get(uid as usize)?;
			let registered = *subnets::RegisteredAt::<Runtime>::get(netuid).get(uid as usize)?;
			if last == registered {
				return None;
			}
			last
		};
		Some(now.saturating_sub(last))
	}

	fn proven_wrong(receipt: &Hash32) -> bool {
		pallet_hearth_jobs::Rulings::<Runtime>::get(receipt).is_some_and(|r| r.proven_wrong)
	}

	fn verify(payload: &[u8], signature: &[u8], signer: &AccountId) -> bool {
		Signature::decode(&mut &signature[..]).is_ok_and(|s| s.verify(payload, signer))
	}

	fn set_weights(netuid: NetUid, vote: pallet_hearth_scoring::Vote, version_key: u64) -> RuntimeCall {
		let (uids, values) = bounded(vote);
		RuntimeCall::Subnets(subnets::Call::set_weights { netuid, uids, values, version_key })
	}

	fn commit_weights(netuid: NetUid, hash: Hash32) -> RuntimeCall {
		RuntimeCall::Subnets(subnets::Call::commit_weights { netuid, hash })
	}

	fn reveal_weights(
		netuid: NetUid,
		vote: pallet_hearth_scoring::Vote,
		salt: Vec<u16>,
		version_key: u64,
	) -> RuntimeCall {
		let (uids, values) = bounded(vote);
		let salt = subnets::Salt::truncate_from(salt);
		RuntimeCall::Subnets(subnets::Call::reveal_weights { netuid, uids, values, salt, version_key })
	}

	fn challenge(receipt: &[u8], step: u32, input: &[u8], chunk: Vec<u8>) -> Option<RuntimeCall> {
		let signed = pallet_hearth_jobs::SignedReceiptOf::<Runtime>::decode(&mut &receipt[..]).ok()?;
		let input = pallet_hearth_jobs::StepInput::decode(&mut &input[..]).ok()?;
		let chunk = chunk.try_into().ok()?;
		Some(RuntimeCall::Jobs(pallet_hearth_jobs::Call::challenge {
			subject: pallet_hearth_jobs::Subject::Receipt(signed),
			step,
			input,
			chunk,
		}))
	}
}

fn bounded(vote: pallet_hearth_scoring::Vote) -> (subnets::UidVec<Uid>, subnets::UidVec<u16>) {
	(subnets::UidVec::truncate_from(vote.uids), subnets::UidVec::truncate_from(vote.values))
}

/// `http://a.b.c.d:port` for an IPv4-mapped address, `http://[v6]:port` otherwise.
fn url(e: &subnets::Endpoint) -> alloc::string::String {
	let ip = e.ip;
	if ip[..12] == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff] {
		return alloc::format!("http://{}.{}.{}.{}:{}", ip[12], ip[13], ip[14], ip[15], e.port);
	}
	let groups: Vec<alloc::string::String> =
		ip.chunks(2).map(|g| alloc::format!("{:x}", u16::from_be_bytes([g[0], g[1]]))).collect();
	alloc::format!("http://[{}]:{}", groups.join(":"), e.port)
}

#[cfg(test)]
mod tests {
	#[test]
	fn endpoints_become_urls() {
		let v4 = pallet_hearth_subnets::Endpoint {
			ip: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1],
			port: 8440,
		};
		assert_eq!(super::url(&v4), "http://127.0.0.1:8440");
		let mut ip = [0u8; 16];
		ip[15] = 1;
		assert_eq!(super::url(&pallet_hearth_subnets::Endpoint { ip, port: 80 }), "http://[0:0:0:0:0:0:0:1]:80");
	}
}
