//! det-int8 against the f32 reference: cosine similarity of the pooled embeddings
//! over short sentences and 128-token paragraphs.

mod common;

use common::{cosine, reference, sequences};
use hearth_engine::import::{quantize, seeded};
use hearth_engine::{run, CpuGemm, Input, Model};

/// (average, minimum) cosine over `seqs`, printing each.
fn compare(
	label: &str,
	f: &hearth_engine::import::float::BertF32,
	q: hearth_engine::model::Bert,
	seqs: &[Vec<u32>],
) -> (f64, f64) {
	let model = Model::Bert(q);
	let backend = CpuGemm::new(2);
	let mut all = Vec::new();
	for s in seqs {
		let int8 = run(&model, Input::Tokens(s), &backend).expect("int8 run").to_f64();
		let float = reference::embed(f, s);
		let c = cosine(&int8, &float);
		println!("{label}: {} tokens, cosine {c:.5}", s.len());
		all.push(c);
	}
	let avg = all.iter().sum::<f64>() / all.len() as f64;
	let min = all.iter().cloned().fold(f64::MAX, f64::min);
	println!("{label}: average {avg:.5}, minimum {min:.5} over {} sequences", all.len());
	(avg, min)
}

#[test]
fn real_minilm_int8_tracks_f32() {
	let Some((f, q)) = common::minilm() else { return };
	let (avg, min) = compare("all-MiniLM-L6-v2", &f, q, &sequences());
	assert!(avg >= 0.98, "average cosine {avg}");
	assert!(min >= 0.95, "minimum cosine {min}");
}

#[test]
fn seeded_minilm_shape_int8_tracks_f32() {
	let f = seeded::bert(seeded::MINILM, 7);
	let q = quantize::bert(&f).unwrap();
	let mut rng = seeded::SplitMix64::new(99);
	let seqs: Vec<Vec<u32>> =
		[3usize, 17, 128].iter().map(|n| (0..*n).map(|_| rng.token(seeded::MINILM.vocab)).collect()).collect();
	let (avg, min) = compare("seeded MiniLM shape", &f, q, &seqs);
	assert!(avg >= 0.98 && min >= 0.95, "average {avg}, minimum {min}");
}

#[test]
fn tiny_int8_tracks_f32() {
	let f = seeded::bert(seeded::TINY, 1);
	let q = quantize::bert(&f).unwrap();
	let mut rng = seeded::SplitMix64::new(5);
	let seqs: Vec<Vec<u32>> = (1..=8).map(|n| (0..n * 5).map(|_| rng.token(seeded::TINY.vocab)).collect()).collect();
	let (avg, min) = compare("tiny", &f, q, &seqs);
	assert!(avg >= 0.98 && min >= 0.95, "average {avg}, minimum {min}");
}
