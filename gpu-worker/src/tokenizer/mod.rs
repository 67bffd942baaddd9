//! BERT's uncased WordPiece tokenizer, so that tenants can send plain text: the same
//! token ids Hugging Face's `BertTokenizer(do_lower_case=True)` gives, from the model's
//! `vocab.txt`.
//!
//! 1. **Clean**: drop U+0000, U+FFFD, control and format characters (tab, newline and
//!    carriage return are whitespace, not controls); every whitespace character
//!    (space, tab, newline, carriage return, general category Zs) becomes a space.
//! 2. **CJK**: a space on both sides of every CJK unified ideograph (the blocks BERT
//!    lists), so each becomes its own word.
//! 3. **Words**: split on spaces; each word is lowercased, decomposed (NFD) and
//!    stripped of nonspacing marks (Mn), then split so that every punctuation
//!    character (ASCII's symbols and general category P*) stands alone.
//! 4. **WordPiece**: a word longer than 100 characters is `[UNK]`; otherwise the
//!    longest vocabulary prefix, then the longest `##`-prefixed continuation, until
//!    the word is used up; a word with any part not in the vocabulary is `[UNK]`.
//! 5. `[CLS]`, the pieces, `[SEP]`; more than `max_tokens` in all is refused (never
//!    silently cut: the tenant must know what was embedded).
//!
//! The character classes come from Unicode 14.0 (`tables.rs`); unassigned code points
//! are kept (Hugging Face drops them as controls), which changes nothing for text a
//! vocabulary can spell.

mod tables;

use std::collections::HashMap;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// Longest word WordPiece tries to split (BERT's `max_input_chars_per_word`).
const MAX_WORD_CHARS: usize = 100;

/// A WordPiece vocabulary and the ids of its special tokens.
#[derive(Debug)]
pub struct Tokenizer {
	ids: HashMap<String, u32>,
	cls: u32,
	sep: u32,
	unk: u32,
}

/// Why text could not be tokenized or a vocabulary not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenizeError {
	/// The vocabulary file could not be read.
	Read(String),
	/// The vocabulary lacks a special token.
	MissingSpecial(&'static str),
	/// The vocabulary lists one token twice.
	Duplicate {
		/// The token.
		token: String,
		/// The line (from 1) of its second listing.
		line: usize,
	},
	/// The text needs more tokens than the model takes.
	TooLong {
		/// Tokens the text needs.
		tokens: usize,
		/// The most the model takes.
		max: usize,
	},
}

impl std::fmt::Display for TokenizeError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::Read(e) => write!(f, "cannot read the vocabulary: {e}"),
			Self::MissingSpecial(t) => write!(f, "the vocabulary has no {t} token"),
			Self::Duplicate { token, line } => write!(f, "the vocabulary lists {token:?} twice (line {line})"),
			Self::TooLong { tokens, max } => {
				write!(f, "the text is {tokens} tokens with [CLS] and [SEP]; the model takes at most {max}")
			},
		}
	}
}

impl Tokenizer {
	/// Reads a `vocab.txt`: one token per line, the line number (from 0) its id.
	pub fn from_file(path: &Path) -> Result<Self, TokenizeError> {
		let text =
			std::fs::read_to_string(path).map_err(|e| TokenizeError::Read(format!("{}: {e}", path.display())))?;
		Self::from_vocab(&text)
	}

	/// A tokenizer from the text of a `vocab.txt`.
	pub fn from_vocab(text: &str) -> Result<Self, TokenizeError> {
		let mut ids = HashMap::new();
		for (line, token) in text.lines().enumerate() {
			let token = token.strip_suffix('\r').unwrap_or(token);
			if ids.insert(token.to_string(), line as u32).is_some() {
				return Err(TokenizeError::Duplicate { token: token.into(), line: line + 1 });
			}
		}
		let special = |t: &'static str| ids.get(t).copied().ok_or(TokenizeError::MissingSpecial(t));
		Ok(Self { cls: special("[CLS]")?, sep: special("[SEP]")?, unk: special("[UNK]")?, ids })
	}

	/// How many tokens the vocabulary has.
	pub fn vocab_size(&self) -> usize {
		self.ids.len()
	}

	/// `[CLS]`, `text`'s pieces, `[SEP]` (module docs), refused beyond `max_tokens`.
	pub fn encode(&self, text: &str, max_tokens: usize) -> Result<Vec<u32>, TokenizeError> {
		let mut out = vec![self.cls];
		for word in words(text) {
			self.word_pieces(&word, &mut out);
		}
		out.push(self.sep);
		if out.len() > max_tokens {
			return Err(TokenizeError::TooLong { tokens: out.len(), max: max_tokens });
		}
		Ok(out)
	}

	fn word_pieces(&self, word: &str, out: &mut Vec<u32>) {
		let chars: Vec<char> = word.chars().collect();
		if chars.len() > MAX_WORD_CHARS {
			out.push(self.unk);
			return;
		}
		let mark = out.len();
		let mut start = 0;
		let mut piece = String::new();
		while start < chars.len() {
			let found = (start + 1..=chars.len()).rev().find_map(|end| {
				piece.clear();
				if start > 0 {
					piece.push_str("##");
				}
				piece.extend(&chars[start..end]);
				self.ids.get(&piece).map(|id| (end, *id))
			});
			let Some((end, id)) = found else {
				out.truncate(mark);
				out.push(self.unk);
				return;
			};
			out.push(id);
			start = end;
		}
	}
}

/// Steps 1–3: the words, each lowercased, accent-stripped and split at punctuation.
fn words(text: &str) -> Vec<String> {
	let mut spaced = String::with_capacity(text.len());
	for c in text.chars() {
		if c == '\0' || c == '\u{FFFD}' || is_control(c) {
			continue;
		}
		if is_whitespace(c) {
			spaced.push(' ');
		} else if is_cjk(c) {
			spaced.extend([' ', c, ' ']);
		} else {
			spaced.push(c);
		}
	}
	let mut words = Vec::new();
	for raw in spaced.split(' ').filter(|w| !w.is_empty()) {
		let mut word = String::new();
		for c in raw.to_lowercase().nfd().filter(|c| !in_table(*c, tables::NONSPACING_MARKS)) {
			if is_punctuation(c) {
				if !word.is_empty() {
					words.push(std::mem::take(&mut word));
				}
				words.push(c.to_string());
			} else {
				word.push(c);
			}
		}
		if !word.is_empty() {
			words.push(word);
		}
	}
	words
}

fn in_table(c: char, table: &[(u32, u32)]) -> bool {
	let cp = c as u32;
	table
		.binary_search_by(|&(lo, hi)| {
			if hi < cp {
				std::cmp::Ordering::Less
			} else if lo > cp {
				std::cmp::Ordering::Greater
			} else {
				std::cmp::Ordering::Equal
			}
		})
		.is_ok()
}

fn is_whitespace(c: char) -> bool {
	matches!(
		c,
		' ' | '\t' | '\n' | '\r' | '\u{00A0}' | '\u{1680}' | '\u{2000}'
			..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
	)
}

fn is_control(c: char) -> bool {
	!matches!(c, '\t' | '\n' | '\r')
		&& (c.is_control() || in_table(c, tables::FORMAT) || matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF))
}

fn is_punctuation(c: char) -> bool {
	c.is_ascii_punctuation() || (!c.is_ascii() && in_table(c, tables::PUNCTUATION))
}

fn is_cjk(c: char) -> bool {
	matches!(c as u32,
		0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
		| 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
	use super::*;

	/// The real all-MiniLM-L6-v2 vocabulary from the setup's cache; `None` (the test
	/// skips, visibly) without it unless `HEARTH_REQUIRE_MODELS` is set.
	fn minilm() -> Option<Tokenizer> {
		let dir = std::env::var_os("HEARTH_MODEL_DIR").map(std::path::PathBuf::from).unwrap_or_else(|| {
			std::path::PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
				.join(".cache/hearth/models/all-minilm-l6-v2")
		});
		match Tokenizer::from_file(&dir.join("vocab.txt")) {
			Ok(t) => Some(t),
			Err(e) if std::env::var_os("HEARTH_REQUIRE_MODELS").is_none() => {
				eprintln!("SKIPPED: {e} (run scripts/setup.sh)");
				None
			},
			Err(e) => panic!("{e}"),
		}
	}

	/// Token ids from Hugging Face `tokenizers` 0.20.3's `BertWordPieceTokenizer` on the
	/// same vocab.txt (lowercase, accents stripped, CJK split): the reference this
	/// tokenizer must match.
	#[test]
	fn matches_hugging_face_on_the_real_vocabulary() {
		let Some(t) = minilm() else { return };
		let cases: &[(&str, &[u32])] = &[
			("Hello, world!", &[101, 7592, 1010, 2088, 999, 102]),
			("Embeddings are vectors.", &[101, 7861, 8270, 4667, 2015, 2024, 19019, 1012, 102]),
			("Café déjà vu — naïve résumé", &[101, 7668, 2139, 3900, 24728, 1517, 15743, 13746, 102]),
			("GPU owners lease compute to tenants.", &[101, 14246, 2226, 5608, 10084, 24134, 2000, 14665, 1012, 102]),
			(
				"日本語のテキスト and 中文",
				&[101, 1864, 1876, 1950, 1671, 30239, 30227, 30233, 30240, 1998, 1746, 1861, 102],
			),
			(
				"supercalifragilisticexpialidocious",
				&[101, 3565, 9289, 10128, 29181, 24411, 4588, 10288, 19312, 21273, 10085, 6313, 102],
			),
			("tab\there\nnewline  spaces", &[101, 21628, 2182, 2047, 4179, 7258, 102]),
			("emoji 🚀 rocket", &[101, 7861, 29147, 2072, 100, 7596, 102]),
			("don't stop", &[101, 2123, 1005, 1056, 2644, 102]),
			("“quoted” text… ¿qué?", &[101, 1523, 9339, 1524, 3793, 1529, 1094, 10861, 1029, 102]),
			("", &[101, 102]),
		];
		for (text, ids) in cases {
			assert_eq!(t.encode(text, 512).unwrap(), *ids, "{text:?}");
		}
		assert_eq!(t.encode(&"x".repeat(120), 512).unwrap(), [101, 100, 102], "a word over 100 characters is [UNK]");
		assert_eq!(t.vocab_size(), 30522);
	}

	fn tiny() -> Tokenizer {
		Tokenizer::from_vocab("[PAD]\n[UNK]\n[CLS]\n[SEP]\nun\n##aff\n##able\n,\nhello\n").unwrap()
	}

	#[test]
	fn wordpiece_takes_the_longest_prefix_and_gives_unk_for_an_unspellable_word() {
		let t = tiny();
		assert_eq!(t.encode("unaffable", 16).unwrap(), [2, 4, 5, 6, 3]);
		assert_eq!(t.encode("HELLO,unaffable", 16).unwrap(), [2, 8, 7, 4, 5, 6, 3]);
		// "unaffablex": no piece spells the tail, so the whole word is [UNK].
		assert_eq!(t.encode("hello unaffablex", 16).unwrap(), [2, 8, 1, 3]);
		// Controls and format characters vanish; NBSP separates words.
		assert_eq!(t.encode("hel\u{200B}lo\u{0007}\u{00A0}hello", 16).unwrap(), [2, 8, 8, 3]);
	}

	#[test]
	fn too_long_text_is_refused_not_cut() {
		assert_eq!(tiny().encode("hello hello hello", 4), Err(TokenizeError::TooLong { tokens: 5, max: 4 }));
		assert_eq!(tiny().encode("hello hello", 4).unwrap().len(), 4);
	}

	#[test]
	fn a_vocabulary_without_specials_or_with_duplicates_is_refused() {
		assert_eq!(Tokenizer::from_vocab("[UNK]\n[CLS]\n").unwrap_err(), TokenizeError::MissingSpecial("[SEP]"));
		assert_eq!(
			Tokenizer::from_vocab("[UNK]\n[CLS]\n[SEP]\n[UNK]\n").unwrap_err(),
			TokenizeError::Duplicate { token: "[UNK]".into(), line: 4 }
		);
		let e = Tokenizer::from_file(Path::new("/nonexistent/vocab.txt")).unwrap_err();
		assert!(e.to_string().contains("/nonexistent/vocab.txt"), "{e}");
	}

	#[test]
	fn the_tables_are_sorted_and_disjoint() {
		for table in [tables::PUNCTUATION, tables::NONSPACING_MARKS, tables::FORMAT] {
			assert!(table.iter().all(|(lo, hi)| lo <= hi));
			assert!(table.windows(2).all(|w| w[0].1 < w[1].0));
		}
		assert!(is_punctuation('¿') && is_punctuation('—') && !is_punctuation('a') && !is_punctuation('é'));
	}
}
