//! Offers, orders, bids and leases.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use hearth_primitives::{GpuSpec, MaxModelLen, NetUid};
use scale_info::TypeInfo;

/// Ids of offers, orders and leases (a lease takes its order's id).
pub type OfferId = u64;
/// An order's id. Offers and orders draw their ids from one counter ([`crate::NextId`]).
pub type OrderId = u64;
/// A lease's id: the id of the order it was awarded from.
pub type LeaseId = OrderId;

/// A region code, e.g. `eu-west`.
pub type Region = BoundedVec<u8, ConstU32<16>>;

/// A GPU model name.
pub type Model = BoundedVec<u8, MaxModelLen>;

/// The most acceptable models an order lists.
pub const MAX_MODELS: u32 = 8;
/// The most bids an order takes.
pub const MAX_BIDS: u32 = 16;

/// What a provider offers.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Offer<AccountId> {
	/// The provider's hotkey.
	pub provider: AccountId,
	/// The subnet it serves as a miner.
	pub netuid: NetUid,
	/// The GPUs: vendor, model, VRAM GiB, count.
	pub gpu: GpuSpec,
	/// Its price per block, in the smallest unit.
	pub price: u128,
	/// Where the GPUs are (a free-form region code).
	pub region: Region,
}

/// What a tenant needs.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Requirements {
	/// The least VRAM per GPU, GiB.
	pub min_vram_gib: u16,
	/// Acceptable models; empty accepts any.
	pub models: BoundedVec<Model, ConstU32<MAX_MODELS>>,
	/// The least number of GPUs.
	pub count: u8,
}

impl Requirements {
	/// Whether `gpu` meets these requirements.
	pub fn met_by(&self, gpu: &GpuSpec) -> bool {
		gpu.vram_gib >= self.min_vram_gib
			&& gpu.count >= self.count
			&& (self.models.is_empty() || self.models.iter().any(|m| m[..] == gpu.model[..]))
	}
}

/// A provider's bid on an order.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Bid<AccountId, BlockNumber> {
	/// The bidding provider's hotkey.
	pub provider: AccountId,
	/// The provider's offer the bid is made with.
	pub offer: OfferId,
	/// Price per block, at most the order's maximum.
	pub price: u128,
	/// The bond posted with it.
	pub bond: u128,
	/// The block the bid was placed (ties go to the earliest).
	pub at: BlockNumber,
}

/// A tenant's open order.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Order<AccountId, BlockNumber> {
	/// The tenant's account (it paid the deposit).
	pub tenant: AccountId,
	/// The subnet whose miners may bid.
	pub netuid: NetUid,
	/// What the GPUs must offer.
	pub requirements: Requirements,
	/// The most the tenant pays per block.
	pub max_price: u128,
	/// How many blocks the lease runs.
	pub duration: BlockNumber,
	/// Escrowed at once; becomes the lease's escrow.
	pub deposit: u128,
	/// With auto-award: the block the lowest bid wins.
	pub award_at: Option<BlockNumber>,
	/// The block it was opened: a manual order expires `OrderLifetime` blocks later.
	pub opened_at: BlockNumber,
	/// The bids so far, in arrival order.
	pub bids: BoundedVec<Bid<AccountId, BlockNumber>, ConstU32<MAX_BIDS>>,
}

/// A running lease.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Lease<AccountId, BlockNumber> {
	/// The tenant's account (escrow refunds go here).
	pub tenant: AccountId,
	/// The provider's hotkey (earnings go here).
	pub provider: AccountId,
	/// The subnet the provider serves.
	pub netuid: NetUid,
	/// Price per block.
	pub price: u128,
	/// The block the lease started.
	pub start: BlockNumber,
	/// The block the duration ends.
	pub end: BlockNumber,
	/// Escrow left as of `settled_at`.
	pub escrow: u128,
	/// Paid up to this block.
	pub settled_at: BlockNumber,
	/// Earned by the provider (after the take) and not withdrawn.
	pub earned: u128,
	/// The provider's bid bond.
	pub bond: u128,
	/// Where its deadline is scheduled: the end, or the block the escrow runs dry.
	pub closes_at: BlockNumber,
}

/// Why a lease ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum CloseReason {
	/// The duration ended.
	Ended,
	/// The escrow ran dry.
	EscrowDrained,
	/// The tenant closed it.
	ByTenant,
	/// The provider closed it early (and forfeited part of its bond).
	ByProvider,
	/// The provider missed its heartbeats.
	Defaulted,
	/// A result the provider served under the lease was proven wrong (the jobs
	/// pallet's challenge): the tenant gets the escrow left and the whole bond.
	ProvenWrong,
}

/// A deadline in the per-block queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Deadline {
	/// An auto-award order's bid window closes.
	Award(OrderId),
	/// A lease ends or runs dry.
	Close(LeaseId),
}

/// A provider's heartbeats, as much of them as defaults need: its current unbroken run
/// (no two heartbeats further apart than the grace) and the heartbeat before that run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Heartbeats<BlockNumber> {
	/// The first heartbeat of the current run.
	pub since: BlockNumber,
	/// The last heartbeat.
	pub last: BlockNumber,
	/// The last heartbeat before the run, if any: where a lease that the gap before the
	/// run defaulted stopped being served.
	pub before: Option<BlockNumber>,
}

/// A lease as the runtime API shows it: amounts computed at the queried block.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct LeaseView<AccountId, BlockNumber> {
	/// The lease as stored.
	pub lease: Lease<AccountId, BlockNumber>,
	/// Escrow really left now (after what the provider has earned since the last touch).
	pub escrow_remaining: u128,
	/// What the provider can withdraw now.
	pub withdrawable: u128,
	/// Blocks paid for from now on at the current escrow (until the end at most).
	pub paid_blocks_left: BlockNumber,
	/// The provider's last heartbeat.
	pub last_heartbeat: Option<BlockNumber>,
}

/// An order as the runtime API shows it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct OrderView<AccountId, BlockNumber> {
	/// The order as stored; its `deposit` is the escrow the tenant has paid.
	pub order: Order<AccountId, BlockNumber>,
	/// The block the bids close: the auto-award block, or the last block a manual
	/// order can still be awarded.
	pub closes_at: BlockNumber,
	/// The lowest price bid so far (the bid an award would pick), if any.
	pub best_price: Option<u128>,
}

/// Blocks per window of the deadline index.
pub const WINDOW: u32 = 1024;

/// One bit per block of a window: whether that block has deadlines queued.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Marks(pub [u8; (WINDOW / 8) as usize]);

impl Default for Marks {
	fn default() -> Self {
		Self([0u8; (WINDOW / 8) as usize])
	}
}

impl Marks {
	/// Whether `offset` (within the window) is marked.
	pub fn get(&self, offset: u32) -> bool {
		self.0.get((offset / 8) as usize).is_some_and(|byte| byte & (1 << (offset % 8)) != 0)
	}
	/// Marks or unmarks `offset`.
	pub fn set(&mut self, offset: u32, on: bool) {
		if let Some(byte) = self.0.get_mut((offset / 8) as usize) {
			if on {
				*byte |= 1 << (offset % 8);
			} else {
				*byte &= !(1 << (offset % 8));
			}
		}
	}
	/// Whether nothing is marked.
	pub fn is_empty(&self) -> bool {
		self.0.iter().all(|b| *b == 0)
	}
}
