//! # Scoring: the subnet validator inside the node
//!
//! A node holding a **scoring key** (key type `hscr`, sr25519; see [`crypto`]) whose
//! account is a validator hotkey with a permit on a subnet scores that subnet's miners
//! from its off-chain worker, with no other program than a local `hearth-worker
//! verifier` that re-runs answers:
//!
//! 1. **Probe** ([`hearth_offchain_worker::plan`], [`hearth_offchain_worker::probe`]):
//!    each tempo, every miner with an endpoint gets one signed call of
//!    [`Config::ProbeInputs`] inputs drawn from the node's local randomness, at a block
//!    of the tempo only this node knows; the answer's receipts are checked and every
//!    input re-run through the verifier.
//! 2. **Score** ([`hearth_offchain_worker::score`]): an EMA per miner over tempos of
//!    availability and latency; a wrong answer zeroes it for a penalty of tempos; a
//!    replaced uid starts from zero.
//! 3. **Challenge**: a wrong receipt goes on chain as `Jobs.challenge` at its first
//!    wrong step, with the step's input and chunk from the verifier — once per receipt.
//! 4. **Weights** ([`hearth_offchain_worker::weights`]): at the tempo's last block,
//!    scores become `set_weights`, or `commit_weights` then `reveal_weights` when the
//!    subnet asks, within its rate limit and with its version key.
//!
//! Transactions are signed by the scoring key with nonces reserved in the node's
//! persistent off-chain storage ([`hearth_offchain_worker::nonce`]), so runs that
//! overlap (one starts at every imported block) never reuse one; a run that finds a
//! subnet's lock held leaves that subnet alone. Every decision goes to a bounded
//! ledger in off-chain storage ([`store`]), which the node's `hearth_validatorStatus`
//! RPC (or `offchain_localStorageGet`) reads.
//!
//! The pallet has no storage, calls or events of its own: it reads the chain through
//! [`Config::Chain`] (the runtime wires it to the subnets and jobs pallets) and sends
//! their calls.
//!
//! ## Running a validator
//!
//! ```text
//! hearth-worker verifier --models /var/lib/hearth/models          # re-runs, on 127.0.0.1:9617
//! hearth-node --validator ...                                     # authors run off-chain workers
//! hearth-node --offchain-worker always ...                        # a node that does not author
//! hearth-node key insert --key-type hscr --scheme sr25519 --suri <validator hotkey>
//! ```
//!
//! The verifier's address can be changed in the node's local storage under
//! [`store::VERIFIER_URL_KEY`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod chain;
pub mod crypto;
mod run;
pub mod store;
mod submit;
pub mod transport;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use chain::{MinerFacts, ModelFacts, ScoringChain, SubnetFacts};
pub use hearth_offchain_worker::score::ScoreParams;
pub use hearth_offchain_worker::weights::Vote;
pub use pallet::*;

#[frame_support::pallet]
pub mod pallet {
	use frame_support::pallet_prelude::*;
	use frame_system::offchain::CreateSignedTransaction;
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config<AccountId = sp_runtime::AccountId32>
		+ CreateSignedTransaction<
			Self::OuterCall,
			Public = sp_runtime::MultiSigner,
			Signature = sp_runtime::MultiSignature,
		>
	{
		/// The runtime's call, which the transactions carry.
		type OuterCall: Parameter;
		/// The chain as the validator sees it, and the calls it sends.
		type Chain: crate::ScoringChain<Self::OuterCall>;
		/// Probe inputs per miner per tempo.
		#[pallet::constant]
		type ProbeInputs: Get<u32>;
		/// The most miners probed in one block by one validator.
		#[pallet::constant]
		type MaxProbesPerBlock: Get<u32>;
		/// How samples and scores are computed: EMA alpha, latency target and deadline,
		/// latency's share of a sample, and the tempos a wrong answer keeps a score at
		/// zero (`hearth_offchain_worker::score`).
		#[pallet::constant]
		type ScoreParams: Get<hearth_offchain_worker::score::ScoreParams>;
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Scores every subnet a local scoring key validates (crate docs). Runs off
		/// chain; its work is bounded by `MaxProbesPerBlock` calls per subnet.
		fn offchain_worker(now: BlockNumberFor<T>) {
			crate::run::offchain_worker::<T>(now);
		}

		fn integrity_test() {
			if let Err(why) = T::ScoreParams::get().check() {
				panic!("pallet-hearth-scoring: ScoreParams: {why}");
			}
		}
	}
}
