//! Worked examples from subtensor's own tests (`pallets/subtensor/src/tests/epoch.rs`),
//! replayed through Hearth's epoch: the same inputs, the values subtensor asserts.

use hearth_yuma::{reference::run_epoch_dense, run_epoch, EpochInput, Hyperparams, Neuron, U16Row, Variant};

/// Eight uids registered at block 0: validators 0–3 with stake 1, 2, 3, 4, servers 4–7.
struct TestBonds {
	neurons: Vec<Neuron>,
	weights: Vec<U16Row>,
	bonds: Vec<U16Row>,
	params: Hyperparams,
	last_epoch_block: u64,
}

impl TestBonds {
	fn new() -> Self {
		let stakes = [1, 2, 3, 4, 0, 0, 0, 0];
		// Every validator weighs the servers 0.1, 0.2, 0.3, 0.4 (u16::MAX / 4 · k).
		let row: U16Row = vec![(4, 16383), (5, 32767), (6, 49149), (7, 65535)];
		Self {
			neurons: stakes
				.iter()
				.map(|s| Neuron {
					stake: *s,
					registered_at: 0,
					last_update: if *s > 0 { 1 } else { 0 },
					validator_permit: *s > 0,
					first_unrevealed_commit: None,
				})
				.collect(),
			weights: (0..8).map(|i| if i < 4 { row.clone() } else { Vec::new() }).collect(),
			bonds: vec![Vec::new(); 8],
			params: Hyperparams {
				variant: Variant::Yuma,
				max_validators: 8,
				tempo: 1,
				bonds_penalty: u16::MAX,
				..Default::default()
			},
			last_epoch_block: 0,
		}
	}

	/// `uid` sets `row` at block `at`.
	fn set_weights(&mut self, uid: usize, row: U16Row, at: u64) {
		self.weights[uid] = row;
		self.neurons[uid].last_update = at;
	}

	/// The epoch at `block`; returns the stored bonds of column `column`, validators 0–3.
	fn epoch(&mut self, block: u64, column: u16) -> [u16; 4] {
		let input = EpochInput {
			block,
			last_epoch_block: Some(self.last_epoch_block),
			neurons: &self.neurons,
			weights: &self.weights,
			bonds: &self.bonds,
			params: &self.params,
			emission: 1_000_000_000,
		};
		let out = run_epoch(&input).expect("valid input");
		assert_eq!(out, run_epoch_dense(&input), "sparse == dense");
		for (neuron, permit) in self.neurons.iter_mut().zip(&out.validator_permit) {
			neuron.validator_permit = *permit;
		}
		self.bonds = out.bonds;
		self.last_epoch_block = block;
		self.stored(column)
	}

	/// The stored bonds of `column` after the last epoch, validators 0–3.
	fn stored(&self, column: u16) -> [u16; 4] {
		let bond = |i: usize| self.bonds[i].iter().find(|(j, _)| *j == column).map_or(0, |(_, v)| *v);
		[bond(0), bond(1), bond(2), bond(3)]
	}
}

/// subtensor's `test_bonds`: the original Yuma's bonds, stored column-max-upscaled by
/// truncation, over seven epochs in which the validators one by one turn to self-weight.
#[test]
fn subtensor_test_bonds() {
	let mut net = TestBonds::new();
	// Stake-weighted bonds 0.1, 0.2, 0.3, 0.4 of a column, over its max 0.4: a quarter is
	// floor(0.2499999937 · 65535) = 16383 (rounding would store 16384).
	assert_eq!(net.epoch(1, 4), [16383, 32767, 49151, 65535]);
	assert_eq!(net.bonds[0], vec![(4, 16383), (5, 16383), (6, 16383), (7, 16383)]);

	// Validator 0 weighs only itself (a self-weight, dropped): its bonds decay.
	net.set_weights(0, vec![(0, 65535)], 1);
	assert_eq!(net.epoch(2, 4), [14582, 32767, 49151, 65535]);

	net.set_weights(1, vec![(1, 65535)], 2);
	assert_eq!(net.epoch(3, 4), [12603, 28321, 49151, 65535]);

	// Validator 2 too: only validator 3 (40 % of the stake, under kappa) still weighs the
	// servers, so consensus is 0 everywhere and every bond only decays by truncation.
	net.set_weights(2, vec![(2, 65535)], 3);
	assert_eq!(net.epoch(4, 7), [12602, 28320, 49150, 65535]);
	assert_eq!(net.stored(4), [12602, 28320, 49150, 65535]);

	// Validator 2 puts everything on server 4 (uid 7).
	net.set_weights(2, vec![(7, 65535)], 4);
	assert_eq!(net.epoch(5, 7), [10951, 24609, 49150, 65535]);
	assert_eq!(net.stored(4), [12601, 28319, 49149, 65535]);
	assert_eq!(net.epoch(6, 7), [9559, 21482, 49150, 65535]);
	assert_eq!(net.stored(4), [12600, 28318, 49148, 65535]);
	assert_eq!(net.epoch(7, 7), [8376, 18824, 49150, 65535]);
	assert_eq!(net.stored(4), [12599, 28317, 49147, 65535]);
}
