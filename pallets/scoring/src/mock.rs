//! A runtime with the scoring pallet, a scripted chain (subnet clock, miners, models),
//! and scripted miners and verifier behind a fake transport. Calls the worker sends are
//! `System.remark`s carrying their SCALE description, so tests read exactly what was
//! sent, with which nonce.

use crate::chain::{MinerFacts, ModelFacts, ScoringChain, SubnetFacts};
use crate::transport::{Reply, Transport};
use codec::{Decode, Encode};
use frame_support::derive_impl;
use hearth_offchain_worker::probe::{from_hex, to_hex};
use hearth_offchain_worker::weights::Vote;
use hearth_primitives::receipt::{request_key, Call as SignedCall, Hash32, Receipt, Served, SignedReceipt, Trace};
use hearth_primitives::{NetUid, Uid};
use sp_core::{sr25519, Pair};
use sp_runtime::traits::{IdentifyAccount, Verify};
use sp_runtime::{AccountId32, MultiSignature, MultiSigner};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Scoring: crate,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId32;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId32>;
	type Nonce = u64;
}

/// Extrinsics carry their nonce in `CheckNonce`, where tests read it.
pub(crate) type Extrinsic =
	sp_runtime::generic::UncheckedExtrinsic<AccountId32, RuntimeCall, MultiSignature, frame_system::CheckNonce<Test>>;

impl frame_system::offchain::SigningTypes for Test {
	type Public = MultiSigner;
	type Signature = MultiSignature;
}

impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Test
where
	RuntimeCall: From<LocalCall>,
{
	type Extrinsic = Extrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<LocalCall> frame_system::offchain::CreateSignedTransaction<LocalCall> for Test
where
	RuntimeCall: From<LocalCall>,
{
	fn create_signed_transaction<C: frame_system::offchain::AppCrypto<MultiSigner, MultiSignature>>(
		call: RuntimeCall,
		public: MultiSigner,
		account: AccountId32,
		nonce: u64,
	) -> Option<Extrinsic> {
		let signature = C::sign(&(&call, nonce).encode(), public)?;
		Some(Extrinsic::new_signed(call, account, signature, frame_system::CheckNonce::from(nonce)))
	}
}

frame_support::parameter_types! {
	pub const ProbeInputs: u32 = 3;
	pub const MaxProbesPerBlock: u32 = 4;
	pub Params: hearth_offchain_worker::score::ScoreParams = Default::default();
}

impl crate::Config for Test {
	type OuterCall = RuntimeCall;
	type Chain = World;
	type ProbeInputs = ProbeInputs;
	type MaxProbesPerBlock = MaxProbesPerBlock;
	type ScoreParams = Params;
}

/// What a call the worker sent says.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug)]
pub(crate) enum Sent {
	/// `set_weights`.
	Set(NetUid, Vote, u64),
	/// `commit_weights`.
	Commit(NetUid, Hash32),
	/// `reveal_weights`.
	Reveal(NetUid, Vote, Vec<u16>, u64),
	/// `challenge` of the receipt with this hash, at this step, with this much input and chunk.
	Challenge(Hash32, u32, Vec<u8>, Vec<u8>),
}

fn remark(sent: Sent) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: sent.encode() })
}

/// The scripted chain.
pub(crate) struct WorldState {
	pub(crate) facts: SubnetFacts,
	pub(crate) validator: AccountId32,
	pub(crate) miners: Vec<MinerFacts>,
	pub(crate) models: Vec<ModelFacts>,
	pub(crate) since_update: Option<u32>,
	pub(crate) proven: BTreeSet<Hash32>,
}

thread_local! {
	pub(crate) static WORLD: RefCell<WorldState> = RefCell::new(WorldState {
		facts: SubnetFacts {
			tempo_len: 4, offset: 0, tempo: 0, epochs: 0, rate_limit: 0,
			commit_reveal: false, reveal_period: 1, version_key: 7,
		},
		validator: account("//Alice"),
		miners: Vec::new(),
		models: vec![ModelFacts { id: MODEL, vocab: 50, max_input: 8 }],
		since_update: None,
		proven: BTreeSet::new(),
	});
}

pub(crate) const GENESIS: Hash32 = [3; 32];
pub(crate) const MODEL: Hash32 = [4; 32];

pub(crate) fn pair(suri: &str) -> sr25519::Pair {
	sr25519::Pair::from_string(suri, None).expect("a dev key")
}

pub(crate) fn account(suri: &str) -> AccountId32 {
	MultiSigner::from(pair(suri).public()).into_account()
}

pub struct World;

impl ScoringChain<RuntimeCall> for World {
	fn genesis() -> Hash32 {
		GENESIS
	}
	fn validated_by(who: &AccountId32) -> Vec<(NetUid, Uid)> {
		WORLD.with(|w| if w.borrow().validator == *who { vec![(1, 0)] } else { vec![] })
	}
	fn subnet(netuid: NetUid) -> Option<SubnetFacts> {
		(netuid == 1).then(|| WORLD.with(|w| w.borrow().facts.clone()))
	}
	fn miners(_: NetUid, own: Uid) -> Vec<MinerFacts> {
		WORLD.with(|w| w.borrow().miners.iter().filter(|m| m.uid != own).cloned().collect())
	}
	fn models(_: NetUid) -> Vec<ModelFacts> {
		WORLD.with(|w| w.borrow().models.clone())
	}
	fn since_update(_: NetUid, _: Uid, _: &AccountId32) -> Option<u32> {
		WORLD.with(|w| w.borrow().since_update)
	}
	fn proven_wrong(receipt: &Hash32) -> bool {
		WORLD.with(|w| w.borrow().proven.contains(receipt))
	}
	fn verify(payload: &[u8], signature: &[u8], signer: &AccountId32) -> bool {
		MultiSignature::decode(&mut &signature[..]).is_ok_and(|s| s.verify(payload, signer))
	}
	fn set_weights(netuid: NetUid, vote: Vote, version_key: u64) -> RuntimeCall {
		remark(Sent::Set(netuid, vote, version_key))
	}
	fn commit_weights(netuid: NetUid, hash: Hash32) -> RuntimeCall {
		remark(Sent::Commit(netuid, hash))
	}
	fn reveal_weights(netuid: NetUid, vote: Vote, salt: Vec<u16>, version_key: u64) -> RuntimeCall {
		remark(Sent::Reveal(netuid, vote, salt, version_key))
	}
	fn challenge(receipt: &[u8], step: u32, input: &[u8], chunk: Vec<u8>) -> Option<RuntimeCall> {
		let signed = SignedReceipt::<AccountId32, MultiSignature>::decode(&mut &receipt[..]).ok()?;
		Some(remark(Sent::Challenge(signed.receipt.hash(), step, input.to_vec(), chunk)))
	}
}

impl World {
	/// A call to send in tests of nonces.
	pub(crate) fn commit_weights_for_test() -> RuntimeCall {
		remark(Sent::Commit(1, [9; 32]))
	}
}

/// The toy model both the miners and the verifier run: a hash chain of 3 steps.
pub(crate) fn toy(tokens: &[u32], key: &Hash32) -> (Hash32, Vec<Hash32>) {
	let mut x = sp_io::hashing::blake2_256(&tokens.encode());
	let trace: Vec<Hash32> = (0..3u32)
		.map(|i| {
			x = sp_io::hashing::blake2_256(&(i, x).encode());
			x
		})
		.collect();
	(sp_io::hashing::blake2_256(&(x, key).encode()), trace)
}

/// How a scripted miner behaves.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Behaviour {
	Honest,
	/// Signs a trace wrong from step 1 on every input.
	Liar,
	/// Never answers.
	Offline,
}

/// Scripted miners (by URL) and the verifier, with every request logged.
pub(crate) struct Net {
	pub(crate) miners: BTreeMap<String, (sr25519::Pair, Behaviour)>,
	pub(crate) requests: Vec<String>,
	/// The verifier does not answer.
	pub(crate) verifier_down: bool,
}

impl Net {
	pub(crate) fn new() -> Self {
		Self { miners: BTreeMap::new(), requests: Vec::new(), verifier_down: false }
	}

	/// Adds a miner with `suri` at uid `uid`, on chain and on the net.
	pub(crate) fn add(&mut self, uid: Uid, suri: &str, behaviour: Behaviour) {
		let url = format!("http://10.0.0.{uid}:8440");
		self.miners.insert(url.clone(), (pair(suri), behaviour));
		WORLD.with(|w| w.borrow_mut().miners.push(MinerFacts { uid, hotkey: account(suri), url: Some(url) }));
	}

	fn answer(&self, url: &str, headers: &[(&str, String)], body: &[u8]) -> Result<Reply, String> {
		let (miner, behaviour) = self.miners.get(url).ok_or("connection refused")?;
		if *behaviour == Behaviour::Offline {
			return Err(format!("{url}: no answer within 5000 ms"));
		}
		// The miner's own check of the validator's signature.
		let header = |name: &str| headers.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()).expect("header");
		let requester = <AccountId32 as sp_core::crypto::Ss58Codec>::from_ss58check(&header("x-hearth-requester"))
			.expect("an SS58 requester");
		let nonce: u64 = header("x-hearth-nonce").parse().expect("a nonce");
		assert_eq!(header("x-hearth-served"), "probe");
		let call = SignedCall {
			genesis: GENESIS,
			netuid: 1,
			miner: MultiSigner::from(miner.public()).into_account(),
			requester: requester.clone(),
			nonce,
			served: Served::Probe,
			body_hash: sp_io::hashing::blake2_256(body),
		};
		let signature =
			sr25519::Signature::try_from(&from_hex(&header("x-hearth-signature")).expect("hex")[..]).expect("64 bytes");
		let requester_key = sr25519::Public::from_raw(*requester.as_ref());
		assert!(sr25519::Pair::verify(&signature, call.signing_payload(), &requester_key), "the probe is signed");
		let request: serde_json::Value = serde_json::from_slice(body).expect("JSON");
		assert_eq!(request["model"], to_hex(&MODEL));
		let data: Vec<serde_json::Value> = request["input"]
			.as_array()
			.expect("inputs")
			.iter()
			.enumerate()
			.map(|(k, input)| {
				let tokens: Vec<u32> = serde_json::from_value(input.clone()).expect("token ids");
				let nonce = nonce + k as u64;
				let (output_hash, mut trace) = toy(&tokens, &request_key(&requester, nonce));
				if *behaviour == Behaviour::Liar {
					trace[1][0] ^= 1;
					trace[2][0] ^= 1;
				}
				let receipt = Receipt {
					genesis: GENESIS,
					netuid: 1,
					miner: call.miner.clone(),
					model: MODEL,
					requester: requester.clone(),
					nonce,
					input_hash: hearth_engine::Input::Tokens(&tokens).hash(),
					output_hash,
					trace: Trace::try_from(trace).expect("3 steps"),
					served: Served::Probe,
					block: 1,
				};
				let signature = MultiSignature::Sr25519(miner.sign(&receipt.signing_payload()));
				let signed = SignedReceipt { receipt, signature };
				serde_json::json!({"index": k, "hearth": {"receipt": to_hex(&signed.encode())}})
			})
			.collect();
		let body = serde_json::json!({"object": "list", "data": data}).to_string().into_bytes();
		Ok(Reply { status: 200, body, latency_ms: 40 })
	}

	fn verifier(&self, route: &str, body: &[u8]) -> Result<Reply, String> {
		if self.verifier_down {
			return Err("connection refused".into());
		}
		let request: serde_json::Value = serde_json::from_slice(body).expect("JSON");
		let tokens: Vec<u32> = serde_json::from_value(request["tokens"].clone()).expect("tokens");
		let answer = match route {
			"/v1/rerun" => {
				let key: Hash32 = from_hex(request["key"].as_str().expect("key")).expect("hex").try_into().expect("32");
				let (output_hash, trace) = toy(&tokens, &key);
				let trace: Vec<String> = trace.iter().map(|t| to_hex(t)).collect();
				serde_json::json!({"output_hash": to_hex(&output_hash), "trace": trace})
			},
			"/v1/challenge" => {
				let step = request["step"].as_u64().expect("step");
				serde_json::json!({"step": step, "input": to_hex(&tokens.encode()), "chunk": to_hex(&[step as u8; 5])})
			},
			other => panic!("no verifier route {other}"),
		};
		Ok(Reply { status: 200, body: answer.to_string().into_bytes(), latency_ms: 1 })
	}
}

impl Transport for Net {
	fn post(&mut self, url: &str, headers: &[(&str, String)], body: &[u8], _deadline_ms: u32) -> Result<Reply, String> {
		self.requests.push(url.to_string());
		match url.strip_prefix(crate::store::DEFAULT_VERIFIER_URL) {
			Some(route) => self.verifier(route, body),
			None => self.answer(url.trim_end_matches("/v1/embeddings"), headers, body),
		}
	}
}

/// Externalities with off-chain storage, a transaction pool and Alice's scoring key.
pub(crate) fn new_test_ext(
) -> (sp_io::TestExternalities, std::sync::Arc<parking_lot::RwLock<sp_core::offchain::testing::PoolState>>) {
	use sp_core::offchain::{testing, OffchainDbExt, OffchainWorkerExt, TransactionPoolExt};
	use sp_keystore::{testing::MemoryKeystore, Keystore, KeystoreExt};
	let (offchain, _state) = testing::TestOffchainExt::new();
	let (pool, pool_state) = testing::TestTransactionPoolExt::new();
	let keystore = MemoryKeystore::new();
	keystore.sr25519_generate_new(crate::crypto::KEY_TYPE, Some("//Alice")).expect("a key");
	let mut t = sp_io::TestExternalities::default();
	t.register_extension(OffchainWorkerExt::new(offchain.clone()));
	t.register_extension(OffchainDbExt::new(offchain));
	t.register_extension(TransactionPoolExt::new(pool));
	t.register_extension(KeystoreExt::new(keystore));
	(t, pool_state)
}

/// The calls in the pool, with their nonces, oldest first.
pub(crate) fn sent(pool: &parking_lot::RwLock<sp_core::offchain::testing::PoolState>) -> Vec<(u64, Sent)> {
	pool.read()
		.transactions
		.iter()
		.map(|tx| {
			let xt = Extrinsic::decode(&mut &tx[..]).expect("an extrinsic");
			let sp_runtime::generic::Preamble::Signed(who, _, ext) = xt.preamble else { panic!("signed") };
			assert_eq!(who, account("//Alice"), "signed by the scoring key's account");
			let RuntimeCall::System(frame_system::Call::remark { remark }) = xt.function else { panic!("a remark") };
			(ext.0, Sent::decode(&mut &remark[..]).expect("a described call"))
		})
		.collect()
}
