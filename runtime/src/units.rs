//! Token amounts and fee constants.
//!
//! HTH has 12 decimals. The existential deposit is 1 milli-HTH: small next to any real
//! stake, lease deposit or fee budget, but large enough that creating an account costs
//! more than the storage it occupies is worth to a spammer (an account is ~80 bytes of
//! state, kept by every node). Fees are set so that a plain transfer costs about
//! 0.0003 HTH (see the runtime tests, which compute it).

use crate::Balance;

pub use hearth_primitives::units::{DAYS, HOURS, HTH, MICRO_HTH, MILLISECS_PER_BLOCK, MILLI_HTH, MINUTES};

/// The minimum balance an account must keep to exist.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_HTH;

/// Length fee: one micro-HTH per byte of transaction.
pub const TRANSACTION_BYTE_FEE: Balance = MICRO_HTH;

/// The deposit for keeping `items` storage items of `bytes` bytes in total.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	(items as Balance) * 100 * MILLI_HTH + (bytes as Balance) * MILLI_HTH
}
