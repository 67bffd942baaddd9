//! The journal: what the worker signed and what it sent to the chain, on disk before it
//! is acted on, so that a restart (even after `kill -9`) never signs two different
//! answers to one request, never loses a receipt it gave out, and never sends one
//! transaction twice.
//!
//! An embedded [redb](https://www.redb.org) database (pure Rust, one file, ACID; every
//! write below commits durably before the function returns) with four tables:
//!
//! | table | key | value |
//! |---|---|---|
//! | `receipts` | request key (32 bytes) | SCALE [`Served`]: the body hash, the signed receipt and the output |
//! | `receipts_by_block` | (receipt block, request key) | () — for pruning after the challenge window |
//! | `submissions` | intent (32 bytes) | SCALE [`Submission`] |
//! | `meta` | name | value (the last nonce used) |
//!
//! **Requests.** The miner signs, then [`Journal::record_receipt`], then answers. A
//! request key seen before gets its journaled answer back when the body is the same
//! ([`Recorded::Same`]), and is refused when it differs ([`Recorded::Conflict`]): a
//! second receipt for one request with a different output is equivocation, the
//! miner's own offence.
//!
//! **Transactions.** Every transaction has an *intent* (what it is for: "result of job
//! 7", "heartbeat at block 120"), recorded with its nonce and signed bytes before it is
//! broadcast ([`Journal::record_submission`]). After a restart a pending intent is
//! re-broadcast with the same bytes — the chain includes one nonce once — never
//! re-signed; nonces come from [`Journal::next_nonce`], which never goes below a nonce
//! already used. Settled submissions are forgotten once no retry window can reach them
//! ([`Journal::prune_submissions`]).

use codec::{Decode, Encode};
use redb::{Database, ReadableDatabase, ReadableTable, ReadableTableMetadata, TableDefinition};
use std::path::Path;

const RECEIPTS: TableDefinition<'_, &[u8; 32], &[u8]> = TableDefinition::new("receipts");
const BY_BLOCK: TableDefinition<'_, (u32, &[u8; 32]), ()> = TableDefinition::new("receipts_by_block");
const SUBMISSIONS: TableDefinition<'_, &[u8; 32], &[u8]> = TableDefinition::new("submissions");
const META: TableDefinition<'_, &str, u64> = TableDefinition::new("meta");
const LAST_NONCE: &str = "last_nonce";

/// A journaled answer to one request.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct Served {
	/// blake2-256 of what was asked (the model and the input), to tell a retry from a
	/// different request under the same key.
	pub body_hash: [u8; 32],
	/// The SCALE-encoded signed receipt.
	pub signed_receipt: Vec<u8>,
	/// The output values.
	pub values: Vec<i32>,
	/// Fractional bits of the values.
	pub frac_bits: u8,
	/// The block the receipt names.
	pub block: u32,
}

/// What recording an answer found.
#[derive(Debug, PartialEq, Eq)]
pub enum Recorded {
	/// Journaled now.
	New,
	/// The same request was answered before: here is that answer (send it again).
	Same(Box<Served>),
	/// The key was used for a different request: refuse it.
	Conflict,
}

/// Where a transaction stands.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub enum TxStatus {
	/// Signed and recorded; maybe broadcast, not yet seen in a block.
	Pending,
	/// Its nonce was used on chain: it was included.
	Included,
	/// The pool refused it or dropped it; why.
	Failed(String),
}

/// One transaction the worker signed.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct Submission {
	/// What it is for, readable (`"result of job 7"`).
	pub what: String,
	/// Its nonce (the intent keeps it for good: a re-signed transaction reuses it, so
	/// at most one of its versions is ever included).
	pub nonce: u32,
	/// The SCALE-encoded call (to re-sign with the same nonce if the first signature's
	/// era ends before it is included).
	pub call: Vec<u8>,
	/// The block the signature's era starts at.
	pub anchor: u32,
	/// The signed extrinsic's bytes (re-broadcast as they are).
	pub extrinsic: Vec<u8>,
	/// Where it stands.
	pub status: TxStatus,
}

/// The journal file.
pub struct Journal {
	db: Database,
}

/// A journal failure: the file, the database, or a record that does not decode.
#[derive(Debug)]
pub struct JournalError(pub String);

impl std::fmt::Display for JournalError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "journal: {}", self.0)
	}
}

impl<E: Into<redb::Error>> From<E> for JournalError {
	fn from(e: E) -> Self {
		Self(e.into().to_string())
	}
}

fn decode<T: Decode>(bytes: &[u8], what: &str) -> Result<T, JournalError> {
	T::decode(&mut &bytes[..]).map_err(|e| JournalError(format!("a {what} record does not decode: {e}")))
}

impl Journal {
	/// Opens (or creates) the journal at `path`.
	pub fn open(path: &Path) -> Result<Self, JournalError> {
		let db = Database::create(path).map_err(|e| JournalError(format!("{}: {e}", path.display())))?;
		let tx = db.begin_write()?;
		tx.open_table(RECEIPTS)?;
		tx.open_table(BY_BLOCK)?;
		tx.open_table(SUBMISSIONS)?;
		tx.open_table(META)?;
		tx.commit()?;
		Ok(Self { db })
	}

	/// Journals the answer to request `key`, unless it was answered before (module
	/// docs). Durable when it returns [`Recorded::New`].
	pub fn record_receipt(&self, key: &[u8; 32], served: &Served) -> Result<Recorded, JournalError> {
		let tx = self.db.begin_write()?;
		let found = {
			let mut receipts = tx.open_table(RECEIPTS)?;
			let before = receipts.get(key)?.map(|v| v.value().to_vec());
			match before {
				Some(bytes) => {
					let old: Served = decode(&bytes, "receipt")?;
					if old.body_hash == served.body_hash {
						Recorded::Same(Box::new(old))
					} else {
						Recorded::Conflict
					}
				},
				None => {
					receipts.insert(key, served.encode().as_slice())?;
					tx.open_table(BY_BLOCK)?.insert((served.block, key), ())?;
					Recorded::New
				},
			}
		};
		if found == Recorded::New {
			tx.commit()?;
		} else {
			tx.abort()?;
		}
		Ok(found)
	}

	/// What the worker signed for request `key` ("what did I sign for request X").
	pub fn receipt(&self, key: &[u8; 32]) -> Result<Option<Served>, JournalError> {
		let tx = self.db.begin_read()?;
		let table = tx.open_table(RECEIPTS)?;
		let bytes = table.get(key)?.map(|v| v.value().to_vec());
		bytes.map(|b| decode(&b, "receipt")).transpose()
	}

	/// How many receipts the journal holds.
	pub fn receipt_count(&self) -> Result<u64, JournalError> {
		Ok(self.db.begin_read()?.open_table(RECEIPTS)?.len()?)
	}

	/// Forgets receipts signed before block `before` (past the challenge window), at
	/// most `limit` of them; returns how many.
	pub fn prune_receipts(&self, before: u32, limit: usize) -> Result<usize, JournalError> {
		let tx = self.db.begin_write()?;
		let pruned = {
			let mut index = tx.open_table(BY_BLOCK)?;
			let mut receipts = tx.open_table(RECEIPTS)?;
			let old: Vec<(u32, [u8; 32])> = index
				.range((0u32, &[0u8; 32])..(before, &[0u8; 32]))?
				.take(limit)
				.map(|e| {
					e.map(|(k, _)| {
						let (block, key) = k.value();
						(block, *key)
					})
				})
				.collect::<Result<_, _>>()?;
			for (block, key) in &old {
				index.remove((*block, key))?;
				receipts.remove(key)?;
			}
			old.len()
		};
		tx.commit()?;
		Ok(pruned)
	}

	/// The nonce to sign the next transaction with: the chain's next nonce for the
	/// hotkey (`system_accountNextIndex`, pool included), but never one already used
	/// here. Reserved durably.
	pub fn next_nonce(&self, chain_next: u32) -> Result<u32, JournalError> {
		let tx = self.db.begin_write()?;
		let nonce = {
			let mut meta = tx.open_table(META)?;
			let last = meta.get(LAST_NONCE)?.map(|v| v.value());
			let nonce = match last {
				Some(last) => chain_next.max((last as u32).saturating_add(1)),
				None => chain_next,
			};
			meta.insert(LAST_NONCE, nonce as u64)?;
			nonce
		};
		tx.commit()?;
		Ok(nonce)
	}

	/// Gives back `nonce` when the pool refused its transaction outright (it was never
	/// in a block and will not be): only the last nonce handed out can be given back.
	pub fn release_nonce(&self, nonce: u32) -> Result<bool, JournalError> {
		let tx = self.db.begin_write()?;
		let released = {
			let mut meta = tx.open_table(META)?;
			let last = meta.get(LAST_NONCE)?.map(|v| v.value());
			if last == Some(nonce as u64) && nonce > 0 {
				meta.insert(LAST_NONCE, nonce as u64 - 1)?;
				true
			} else if last == Some(0) && nonce == 0 {
				meta.remove(LAST_NONCE)?;
				true
			} else {
				false
			}
		};
		tx.commit()?;
		Ok(released)
	}

	/// Replaces `intent`'s submission (re-signed with the same nonce).
	pub fn replace_submission(&self, intent: &[u8; 32], sub: &Submission) -> Result<(), JournalError> {
		let tx = self.db.begin_write()?;
		tx.open_table(SUBMISSIONS)?.insert(intent, sub.encode().as_slice())?;
		tx.commit()?;
		Ok(())
	}

	/// Records a signed transaction for `intent` before it is broadcast. If the intent
	/// was recorded before, nothing changes and that submission is returned: send its
	/// bytes again, do not sign anew.
	pub fn record_submission(&self, intent: &[u8; 32], sub: &Submission) -> Result<Option<Submission>, JournalError> {
		let tx = self.db.begin_write()?;
		let before = {
			let mut table = tx.open_table(SUBMISSIONS)?;
			let before = table.get(intent)?.map(|v| v.value().to_vec());
			match before {
				Some(bytes) => Some(decode::<Submission>(&bytes, "submission")?),
				None => {
					table.insert(intent, sub.encode().as_slice())?;
					None
				},
			}
		};
		tx.commit()?;
		Ok(before)
	}

	/// The submission recorded for `intent`.
	pub fn submission(&self, intent: &[u8; 32]) -> Result<Option<Submission>, JournalError> {
		let tx = self.db.begin_read()?;
		let bytes = tx.open_table(SUBMISSIONS)?.get(intent)?.map(|v| v.value().to_vec());
		bytes.map(|b| decode(&b, "submission")).transpose()
	}

	/// Moves `intent`'s submission to `status`.
	pub fn set_status(&self, intent: &[u8; 32], status: TxStatus) -> Result<(), JournalError> {
		let tx = self.db.begin_write()?;
		{
			let mut table = tx.open_table(SUBMISSIONS)?;
			let bytes = table.get(intent)?.map(|v| v.value().to_vec());
			let Some(bytes) = bytes else {
				return Err(JournalError(format!("no submission for intent 0x{}", hex::encode(intent))));
			};
			let mut sub: Submission = decode(&bytes, "submission")?;
			sub.status = status;
			table.insert(intent, sub.encode().as_slice())?;
		}
		tx.commit()?;
		Ok(())
	}

	/// Every submission still pending (to re-broadcast or settle after a restart).
	pub fn pending(&self) -> Result<Vec<([u8; 32], Submission)>, JournalError> {
		let tx = self.db.begin_read()?;
		let table = tx.open_table(SUBMISSIONS)?;
		let mut out = Vec::new();
		for entry in table.iter()? {
			let (k, v) = entry?;
			let sub: Submission = decode(v.value(), "submission")?;
			if sub.status == TxStatus::Pending {
				out.push((*k.value(), sub));
			}
		}
		Ok(out)
	}

	/// Forgets settled (included or failed) submissions signed before block `before`, at
	/// most `limit` of them; pending ones are always kept. Returns how many.
	pub fn prune_submissions(&self, before: u32, limit: usize) -> Result<usize, JournalError> {
		let tx = self.db.begin_write()?;
		let pruned = {
			let mut table = tx.open_table(SUBMISSIONS)?;
			let mut old = Vec::new();
			for entry in table.iter()? {
				let (k, v) = entry?;
				let sub: Submission = decode(v.value(), "submission")?;
				if sub.status != TxStatus::Pending && sub.anchor < before {
					old.push(*k.value());
					if old.len() == limit {
						break;
					}
				}
			}
			for key in &old {
				table.remove(key)?;
			}
			old.len()
		};
		tx.commit()?;
		Ok(pruned)
	}
}

/// An intent's key: blake2-256 of its readable description.
pub fn intent(what: &str) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(what.as_bytes())
}

#[cfg(test)]
mod tests {
	use super::*;

	fn served(body: u8, block: u32) -> Served {
		Served { body_hash: [body; 32], signed_receipt: vec![1, 2, 3], values: vec![7, -7], frac_bits: 12, block }
	}

	fn temp() -> (tempfile::TempDir, std::path::PathBuf) {
		let d = tempfile::tempdir().unwrap();
		let p = d.path().join("journal.redb");
		(d, p)
	}

	/// Runs `child` (a test of this binary) in a new process with `HEARTH_CRASH_JOURNAL`
	/// set to `path`; the child journals and then aborts, as `kill -9` would end it.
	fn crash_in_child(child: &str, path: &Path) {
		let status = std::process::Command::new(std::env::current_exe().unwrap())
			.args(["--exact", child, "--nocapture"])
			.env("HEARTH_CRASH_JOURNAL", path)
			.status()
			.unwrap();
		assert!(!status.success(), "the child must die");
	}

	#[test]
	fn crash_child_records_an_answer() {
		let Some(path) = std::env::var_os("HEARTH_CRASH_JOURNAL") else { return };
		let j = Journal::open(Path::new(&path)).unwrap();
		assert_eq!(j.record_receipt(&[1; 32], &served(9, 10)).unwrap(), Recorded::New);
		std::process::abort();
	}

	#[test]
	fn crash_child_records_a_submission() {
		let Some(path) = std::env::var_os("HEARTH_CRASH_JOURNAL") else { return };
		let j = Journal::open(Path::new(&path)).unwrap();
		assert_eq!(j.next_nonce(3).unwrap(), 3);
		assert_eq!(j.record_submission(&intent("result of job 7"), &submission()).unwrap(), None);
		std::process::abort();
	}

	fn submission() -> Submission {
		Submission {
			what: "result of job 7".into(),
			nonce: 3,
			call: vec![1],
			anchor: 10,
			extrinsic: vec![4, 5],
			status: TxStatus::Pending,
		}
	}

	#[test]
	fn an_answer_survives_a_crash_and_a_retry_gets_it_back() {
		let (_d, path) = temp();
		crash_in_child("journal::tests::crash_child_records_an_answer", &path);
		let j = Journal::open(&path).unwrap();
		assert_eq!(j.receipt(&[1; 32]).unwrap(), Some(served(9, 10)));
		// The client retries the same request: the same answer, no second signature.
		let mut again = served(9, 11);
		again.signed_receipt = vec![9, 9];
		assert_eq!(j.record_receipt(&[1; 32], &again).unwrap(), Recorded::Same(Box::new(served(9, 10))));
		// Another body under the same key is refused and changes nothing.
		assert_eq!(j.record_receipt(&[1; 32], &served(8, 12)).unwrap(), Recorded::Conflict);
		assert_eq!(j.receipt(&[1; 32]).unwrap(), Some(served(9, 10)));
		assert_eq!(j.receipt_count().unwrap(), 1);
	}

	#[test]
	fn pruning_forgets_only_receipts_past_the_window_in_bounded_steps() {
		let (_d, path) = temp();
		let j = Journal::open(&path).unwrap();
		for i in 0..5u8 {
			j.record_receipt(&[i; 32], &served(i, 100 + i as u32)).unwrap();
		}
		assert_eq!(j.prune_receipts(103, 2).unwrap(), 2);
		assert_eq!(j.prune_receipts(103, 2).unwrap(), 1);
		assert_eq!(j.prune_receipts(103, 2).unwrap(), 0);
		assert_eq!(j.receipt_count().unwrap(), 2);
		assert!(j.receipt(&[2; 32]).unwrap().is_none());
		assert!(j.receipt(&[3; 32]).unwrap().is_some());
	}

	#[test]
	fn nonces_never_repeat_even_when_the_chain_lags() {
		let (_d, path) = temp();
		let j = Journal::open(&path).unwrap();
		assert_eq!(j.next_nonce(5).unwrap(), 5);
		// The node has not seen nonce 5 yet (still in flight): 6, not 5 again.
		assert_eq!(j.next_nonce(5).unwrap(), 6);
		drop(j);
		let j = Journal::open(&path).unwrap();
		assert_eq!(j.next_nonce(5).unwrap(), 7);
		// The chain moved past: follow it.
		assert_eq!(j.next_nonce(20).unwrap(), 20);
		// A refused transaction gives its nonce back, only if it was the last one.
		assert!(!j.release_nonce(19).unwrap());
		assert!(j.release_nonce(20).unwrap());
		assert_eq!(j.next_nonce(20).unwrap(), 20);
	}

	#[test]
	fn a_crash_between_signing_and_posting_resends_the_same_bytes() {
		let (_d, path) = temp();
		crash_in_child("journal::tests::crash_child_records_a_submission", &path);
		let j = Journal::open(&path).unwrap();
		let id = intent("result of job 7");
		let sub = submission();
		assert_eq!(j.pending().unwrap(), vec![(id, sub.clone())]);
		// The nonce the dead process used is not handed out again.
		assert_eq!(j.next_nonce(3).unwrap(), 4);
		// The restarted worker would sign a fresh transaction; the journal hands back
		// the first one instead.
		let fresh = Submission { nonce: 9, extrinsic: vec![6], ..sub.clone() };
		assert_eq!(j.record_submission(&id, &fresh).unwrap(), Some(sub.clone()));
		j.set_status(&id, TxStatus::Included).unwrap();
		assert!(j.pending().unwrap().is_empty());
		assert_eq!(j.submission(&id).unwrap().unwrap().status, TxStatus::Included);
		assert!(j.set_status(&intent("nothing"), TxStatus::Pending).unwrap_err().0.contains("no submission"));
	}

	#[test]
	fn settled_submissions_are_pruned_pending_ones_never() {
		let (_d, path) = temp();
		let j = Journal::open(&path).unwrap();
		for (i, status) in [TxStatus::Included, TxStatus::Pending, TxStatus::Failed("x".into()), TxStatus::Included]
			.into_iter()
			.enumerate()
		{
			let sub = Submission { anchor: 10 * i as u32, status, ..submission() };
			j.record_submission(&intent(&format!("tx {i}")), &sub).unwrap();
		}
		// Before block 25: tx 0 (included) and tx 2 (failed); tx 1 is pending.
		assert_eq!(j.prune_submissions(25, 1).unwrap(), 1);
		assert_eq!(j.prune_submissions(25, 10).unwrap(), 1);
		assert_eq!(j.prune_submissions(25, 10).unwrap(), 0);
		assert!(j.submission(&intent("tx 0")).unwrap().is_none());
		assert!(j.submission(&intent("tx 1")).unwrap().is_some());
		assert!(j.submission(&intent("tx 2")).unwrap().is_none());
		assert!(j.submission(&intent("tx 3")).unwrap().is_some());
	}

	#[test]
	fn a_file_that_is_not_a_journal_is_named() {
		let (_d, path) = temp();
		std::fs::write(&path, b"not a database at all, just some bytes that are long enough").unwrap();
		let e = Journal::open(&path).err().unwrap();
		assert!(e.to_string().contains("journal.redb"), "{e}");
	}
}
