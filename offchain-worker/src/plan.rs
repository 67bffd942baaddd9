//! When in a tempo each miner is probed: spread evenly over the tempo's first
//! `tempo_len - 1` blocks in an order only the validator knows, so that the work per
//! block stays bounded (at most `ceil(miners / (tempo_len - 1))` calls) and a miner
//! cannot tell when its probe comes. The tempo's last block closes it: samples become
//! scores and scores weights.
//!
//! ```text
//! rank(uid) = blake2_256("hearth-plan-v1" ‖ seed (32) ‖ tempo u32 LE ‖ uid u16 LE)
//! miners sorted by rank; the i-th of n is due at offset floor(i × window / n),
//! window = max(tempo_len - 1, 1)
//! ```

use alloc::vec::Vec;
use hearth_primitives::Uid;

/// Domain of the probing order.
pub const PLAN_DOMAIN: &[u8; 14] = b"hearth-plan-v1";

/// The blocks of a tempo in which probes are sent.
pub fn window(tempo_len: u32) -> u32 {
	tempo_len.saturating_sub(1).max(1)
}

/// The miners due at `offset` (0-based) in `tempo`.
pub fn due(seed: &[u8; 32], tempo: u32, offset: u32, tempo_len: u32, miners: &[Uid]) -> Vec<Uid> {
	let window = window(tempo_len);
	if offset >= window || miners.is_empty() {
		return Vec::new();
	}
	let mut ranked: Vec<([u8; 32], Uid)> = miners
		.iter()
		.map(|uid| {
			let mut p = PLAN_DOMAIN.to_vec();
			p.extend_from_slice(seed);
			p.extend_from_slice(&tempo.to_le_bytes());
			p.extend_from_slice(&uid.to_le_bytes());
			(sp_crypto_hashing::blake2_256(&p), *uid)
		})
		.collect();
	ranked.sort_unstable();
	let n = ranked.len() as u64;
	ranked
		.into_iter()
		.enumerate()
		.filter(|(i, _)| (*i as u64 * u64::from(window) / n) as u32 == offset)
		.map(|(_, (_, uid))| uid)
		.collect()
}

/// Whether `offset` is the tempo's closing block.
pub fn closes(offset: u32, tempo_len: u32) -> bool {
	offset == window(tempo_len).min(tempo_len.saturating_sub(1))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_miner_is_due_exactly_once_per_tempo_and_blocks_stay_bounded() {
		let miners: Vec<Uid> = (0..10).collect();
		for tempo_len in [2u32, 4, 11, 360] {
			let mut seen: Vec<Uid> = Vec::new();
			for offset in 0..tempo_len {
				let due = due(&[7; 32], 3, offset, tempo_len, &miners);
				let cap = miners.len().div_ceil(window(tempo_len) as usize);
				assert!(due.len() <= cap, "tempo {tempo_len} offset {offset}: {due:?}");
				seen.extend(due);
			}
			seen.sort();
			assert_eq!(seen, miners, "tempo length {tempo_len}");
		}
	}

	#[test]
	fn the_order_depends_on_the_seed_and_the_tempo() {
		let miners: Vec<Uid> = (0..32).collect();
		let order = |seed: u8, tempo| (0..31).map(|o| due(&[seed; 32], tempo, o, 32, &miners)).collect::<Vec<_>>();
		assert_ne!(order(1, 0), order(2, 0));
		assert_ne!(order(1, 0), order(1, 1));
		assert_eq!(order(1, 0), order(1, 0));
	}

	#[test]
	fn the_last_block_closes_the_tempo() {
		assert!(closes(9, 10) && !closes(8, 10));
		assert!(due(&[0; 32], 0, 9, 10, &[1, 2]).is_empty());
		// A one-block tempo probes and closes in its only block.
		assert!(closes(0, 1));
		assert_eq!(due(&[0; 32], 0, 0, 1, &[1]), vec![1]);
	}
}
