//! The hotkey file: the one secret a worker box holds.
//!
//! The file holds a secret URI on its first line, as `subkey` and the node's keystore
//! take it: a BIP-39 phrase or a `0x` seed, optionally with `//hard` and `/soft`
//! derivations (`//Alice` for development). It must be a regular file readable by its
//! owner only (mode `0600` or `0400`): a worker refuses anything looser and says how to
//! fix it. The coldkey, which owns the stake, never goes on the box.

use sp_core::crypto::{Pair as _, Ss58Codec};
use sp_core::sr25519;
use std::io::Write;
use std::path::Path;

/// Hearth's SS58 address format (the runtime's `SS58Prefix`).
pub const SS58_PREFIX: u16 = 42;

/// A loaded hotkey.
#[derive(Clone)]
pub struct Hotkey {
	pair: sr25519::Pair,
}

impl std::fmt::Debug for Hotkey {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "Hotkey({})", self.address())
	}
}

impl Hotkey {
	/// The key of a secret URI (no file; for tests and `//Alice`-style dev keys).
	pub fn from_suri(suri: &str) -> Result<Self, String> {
		sr25519::Pair::from_string(suri.trim(), None)
			.map(|pair| Self { pair })
			.map_err(|e| format!("not a secret URI (a BIP-39 phrase or a 0x seed, then derivations): {e:?}"))
	}

	/// Loads the hotkey file at `path`, refusing a file others can read.
	pub fn load(path: &Path) -> Result<Self, String> {
		check_owner_only(path)?;
		let text = std::fs::read_to_string(path).map_err(|e| format!("hotkey file {}: {e}", path.display()))?;
		let suri = text.lines().next().unwrap_or("").trim();
		if suri.is_empty() {
			return Err(format!(
				"hotkey file {} is empty (generate one with `hearth-worker keys generate`)",
				path.display()
			));
		}
		Self::from_suri(suri).map_err(|e| format!("hotkey file {}: {e}", path.display()))
	}

	/// The public key.
	pub fn public(&self) -> sr25519::Public {
		self.pair.public()
	}

	/// The hotkey's account.
	pub fn account(&self) -> sp_core::crypto::AccountId32 {
		self.public().into()
	}

	/// Its SS58 address (Hearth's format).
	pub fn address(&self) -> String {
		self.public().to_ss58check_with_version(SS58_PREFIX.into())
	}

	/// Signs `message`.
	pub fn sign(&self, message: &[u8]) -> sr25519::Signature {
		self.pair.sign(message)
	}

	/// The key pair (to sign transactions).
	pub fn pair(&self) -> &sr25519::Pair {
		&self.pair
	}
}

/// Refuses a hotkey file that is not a regular file or that its group or others may
/// read or write.
#[cfg(unix)]
pub fn check_owner_only(path: &Path) -> Result<(), String> {
	use std::os::unix::fs::PermissionsExt;
	let meta = std::fs::metadata(path).map_err(|e| format!("hotkey file {}: {e}", path.display()))?;
	if !meta.is_file() {
		return Err(format!("hotkey file {} is not a regular file", path.display()));
	}
	let mode = meta.permissions().mode() & 0o777;
	if mode & 0o077 != 0 {
		return Err(format!(
			"hotkey file {} has mode {mode:04o}: others on this machine could read the key; \
			 make it owner-only with `chmod 600 {}`",
			path.display(),
			path.display()
		));
	}
	Ok(())
}

/// On systems without Unix modes nothing can be checked.
#[cfg(not(unix))]
pub fn check_owner_only(_path: &Path) -> Result<(), String> {
	Ok(())
}

/// Generates a new hotkey (a 12-word phrase) into `path`, created owner-only; an
/// existing file is never overwritten. Returns the key and its phrase.
pub fn generate(path: &Path) -> Result<(Hotkey, String), String> {
	let (pair, phrase, _) = sr25519::Pair::generate_with_phrase(None);
	write_new(path, &phrase)?;
	Ok((Hotkey { pair }, phrase))
}

fn write_new(path: &Path, secret: &str) -> Result<(), String> {
	let mut options = std::fs::OpenOptions::new();
	options.write(true).create_new(true);
	#[cfg(unix)]
	std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
	let mut file = options.open(path).map_err(|e| match e.kind() {
		std::io::ErrorKind::AlreadyExists => {
			format!("{} already exists; a hotkey file is never overwritten (move it away first)", path.display())
		},
		_ => format!("{}: {e}", path.display()),
	})?;
	writeln!(file, "{secret}").and_then(|_| file.sync_all()).map_err(|e| format!("{}: {e}", path.display()))
}

/// What `keys inspect` prints: the public side only.
pub fn describe(key: &Hotkey) -> serde_json::Value {
	serde_json::json!({
		"address": key.address(),
		"public_key": format!("0x{}", hex::encode(key.public())),
		"scheme": "sr25519",
	})
}

#[cfg(test)]
mod tests {
	use super::*;
	use std::os::unix::fs::PermissionsExt;

	fn dir() -> tempfile::TempDir {
		tempfile::tempdir().unwrap()
	}

	#[test]
	fn a_generated_key_is_owner_only_and_loads_back() {
		let d = dir();
		let path = d.path().join("hotkey");
		let (key, phrase) = generate(&path).unwrap();
		assert_eq!(phrase.split(' ').count(), 12);
		assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
		let loaded = Hotkey::load(&path).unwrap();
		assert_eq!(loaded.public(), key.public());
		// Never overwritten.
		let e = generate(&path).unwrap_err();
		assert!(e.contains("already exists"), "{e}");
		assert_eq!(Hotkey::load(&path).unwrap().public(), key.public());
	}

	#[test]
	fn a_file_others_can_read_is_refused_with_the_fix() {
		let d = dir();
		let path = d.path().join("hotkey");
		std::fs::write(&path, "//Alice\n").unwrap();
		std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
		let e = Hotkey::load(&path).unwrap_err();
		assert!(e.contains("mode 0644") && e.contains("chmod 600"), "{e}");
		std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
		assert!(Hotkey::load(&path).unwrap_err().contains("mode 0640"));
		std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
		let alice = Hotkey::load(&path).unwrap();
		assert_eq!(alice.address(), "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
	}

	#[test]
	fn empty_garbage_and_missing_files_say_what_is_wrong() {
		let d = dir();
		let path = d.path().join("hotkey");
		assert!(Hotkey::load(&path).unwrap_err().contains("No such file"));
		std::fs::write(&path, "\n").unwrap();
		std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
		assert!(Hotkey::load(&path).unwrap_err().contains("is empty"));
		std::fs::write(&path, "not a key at all\n").unwrap();
		assert!(Hotkey::load(&path).unwrap_err().contains("not a secret URI"));
		assert!(check_owner_only(d.path()).unwrap_err().contains("not a regular file"));
	}
}
