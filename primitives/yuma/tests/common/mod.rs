//! Builders shared by the epoch tests.
#![allow(dead_code)]

use hearth_yuma::{EpochInput, EpochOutput, Hyperparams, Neuron, U16Row};

/// A scenario under construction: uids with stake, weights and bonds.
#[derive(Clone, Debug)]
pub(crate) struct World {
	pub neurons: Vec<Neuron>,
	pub weights: Vec<U16Row>,
	pub bonds: Vec<U16Row>,
	pub params: Hyperparams,
	pub block: u64,
	pub last_epoch_block: Option<u64>,
	pub emission: u128,
}

impl World {
	/// `stakes.len()` uids registered at block 0; the ones with stake hold permits and
	/// set weights at `block - 1`.
	pub(crate) fn new(stakes: &[u64], params: Hyperparams) -> Self {
		let block = 1_000;
		Self {
			neurons: stakes
				.iter()
				.map(|s| Neuron {
					stake: *s,
					registered_at: 0,
					last_update: block - 1,
					validator_permit: *s > 0,
					first_unrevealed_commit: None,
				})
				.collect(),
			weights: vec![Vec::new(); stakes.len()],
			bonds: vec![Vec::new(); stakes.len()],
			params,
			block,
			last_epoch_block: Some(block - 360),
			emission: 1_000_000_000,
		}
	}

	pub(crate) fn weigh(&mut self, validator: usize, row: &[(u16, u16)]) -> &mut Self {
		self.weights[validator] = row.to_vec();
		self
	}

	pub(crate) fn input(&self) -> EpochInput<'_> {
		EpochInput {
			block: self.block,
			last_epoch_block: self.last_epoch_block,
			neurons: &self.neurons,
			weights: &self.weights,
			bonds: &self.bonds,
			params: &self.params,
			emission: self.emission,
		}
	}

	/// Runs the epoch, checks it against the dense reference, and carries permits and
	/// bonds forward as the pallet will.
	pub(crate) fn epoch(&mut self) -> EpochOutput {
		let out = hearth_yuma::run_epoch(&self.input()).expect("valid input");
		assert_eq!(out, hearth_yuma::reference::run_epoch_dense(&self.input()), "sparse == dense");
		for (n, permit) in self.neurons.iter_mut().zip(&out.validator_permit) {
			n.validator_permit = *permit;
		}
		self.bonds = out.bonds.clone();
		self.last_epoch_block = Some(self.block);
		self.block += 360;
		for n in self.neurons.iter_mut().filter(|n| n.stake > 0) {
			n.last_update = self.block - 1;
		}
		out
	}
}
