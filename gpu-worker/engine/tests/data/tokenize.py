#!/usr/bin/env python3
"""Regenerates tokens.txt: BERT uncased WordPiece ids (greedy longest match over
vocab.txt) for the accuracy tests' sentences. Run once by hand, with the vocabulary
the setup script unpacks:
    python3 tokenize.py ~/.cache/hearth/models/all-minilm-l6-v2/vocab.txt > tokens.txt
"""
import re, sys, unicodedata

SHORT = [
    "hello world",
    "The cat sat on the mat.",
    "GPU owners lease compute to tenants and earn emissions for verified inference.",
    "Validators re-execute sampled jobs and slash miners whose results are proven wrong.",
    "How far is the moon from the earth?",
    "A quick brown fox jumps over the lazy dog while the farmer watches from the porch.",
]
LONG = """Deterministic inference means that the same model on the same input gives the
same bits on any machine. Floating point addition is not associative, so two GPUs that
sum in different orders disagree in the last bits, and a validator cannot tell an honest
rounding difference from a cheap substitute model. Integer arithmetic has no such
problem: products of small integers summed into wide accumulators are exact, whatever
the order, as long as nothing overflows. The engine therefore quantizes weights and
activations to eight bits, accumulates in thirty two bits, and replaces the smooth
functions of a transformer, such as the exponential in softmax, the error function in
gelu and the square root in layer normalization, with polynomials and integer square
roots. A miner that runs the job on a graphics card and a validator that checks it on a
laptop then agree exactly, and a disagreement is proof of a wrong result. Sentence
embeddings from a small encoder are a good first workload: they are useful for search
and retrieval, cheap enough to check often, and their quality is easy to measure by the
cosine similarity against the original floating point model."""
LONG2 = """The market pairs tenants who need compute with providers who publish offers.
An order states the least memory, the acceptable models and the highest price; providers
bid, the lowest bid wins, and the lease is paid block by block from an escrow. A provider
that stops sending heartbeats loses its bond, and the tenant is refunded for the blocks
that were not served. Emissions follow both the stake behind each subnet and the demand
that its leases show, so that a subnet nobody uses slowly loses its share, while a busy
one gains. Every state change emits an event, every error names the problem, and nothing
iterates without a bound inside a block."""

def load(path):
    return {w.rstrip("\n"): i for i, w in enumerate(open(path, encoding="utf-8"))}

def words(text):
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return re.findall(r"\w+|[^\w\s]", text)

def wordpiece(word, vocab):
    out, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                out.append(vocab[piece]); break
            end -= 1
        else:
            return [vocab["[UNK]"]]
        start = end
    return out

def encode(text, vocab, limit=None):
    ids = [i for w in words(text) for i in wordpiece(w, vocab)]
    if limit:
        ids = ids[: limit - 2]
    return [vocab["[CLS]"]] + ids + [vocab["[SEP]"]]

vocab = load(sys.argv[1])
for s in SHORT:
    print("# " + s)
    print(",".join(map(str, encode(s, vocab))))
for s in (LONG, LONG2):
    ids = encode(" ".join(s.split()), vocab, 128)
    assert len(ids) == 128, len(ids)
    print("# a 128-token paragraph")
    print(",".join(map(str, ids)))
