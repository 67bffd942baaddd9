"""Hearth's det-int8 MiniLM against ONNX Runtime, f32 and int8, on the same token ids.

`make bench-anchor` runs this (not `make test`: it needs onnxruntime and onnx from PyPI,
which scripts/bench-anchor.sh installs into its own virtual environment at pinned
versions). Three systems run the same 128-token sequences on the same cores:

- Hearth det-int8: the release `hearth-worker`, `infer --tokens-file` (the model loaded
  once; the time is the worker's own measure of the inference, not the process);
- ONNX Runtime f32: an ONNX graph of all-MiniLM-L6-v2 built here from the safetensors
  (PyPI has no f32 MiniLM ONNX), then fused by onnxruntime's transformer optimizer;
- ONNX Runtime int8: that graph through `quantize_dynamic` (int8 weights, activations
  quantized at run time: ORT's int8 path).

Columns: one thread, one sequence at a time; two threads on a batch of 8. Accuracy:
cosine of each system's pooled embedding against a float64 NumPy forward pass of the
same checkpoint. Prints the ratios Hearth / ORT.
"""

import argparse
import json
import math
import os
import platform
import struct
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper
from onnxruntime.quantization import QuantType, quantize_dynamic

HEADS = 12
EPS = 1e-12


def load_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n])
    base = 8 + n
    out = {}
    for name, meta in header.items():
        if name == "__metadata__" or meta["dtype"] != "F32":
            continue
        start, end = meta["data_offsets"]
        out[name] = np.frombuffer(raw[base + start : base + end], dtype="<f4").reshape(meta["shape"])
    return out


def sequences(count, length, tokens_txt):
    """`count` windows of real text: the WordPiece ids of the engine's accuracy sentences
    (gpu-worker/engine/tests/data/tokens.txt) as one stream, cut at evenly spaced
    offsets (wrapping), each framed by [CLS] and [SEP]. Random ids would be text no
    model sees, and would misstate every system's accuracy."""
    stream = []
    for line in open(tokens_txt):
        line = line.strip()
        if line and not line.startswith("#"):
            stream += [int(t) for t in line.split(",") if int(t) not in (101, 102)]
    inner = length - 2
    step = max(1, len(stream) // count)
    return [[101] + [stream[(k * step + i) % len(stream)] for i in range(inner)] + [102] for k in range(count)]


class Graph:
    """A small builder of the f32 BERT graph with mean pooling."""

    def __init__(self, w, layers):
        self.w, self.layers = w, layers
        self.nodes, self.inits, self.n = [], [], 0

    def name(self, stem):
        self.n += 1
        return f"{stem}_{self.n}"

    def const(self, array, stem="c"):
        name = self.name(stem)
        self.inits.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def op(self, kind, inputs, **attrs):
        out = self.name(kind.lower())
        self.nodes.append(helper.make_node(kind, inputs, [out], **attrs))
        return out

    def linear(self, x, prefix):
        weight = self.const(self.w[prefix + ".weight"].T.copy(), prefix.replace(".", "_") + "_w")
        bias = self.const(self.w[prefix + ".bias"], prefix.replace(".", "_") + "_b")
        return self.op("Add", [self.op("MatMul", [x, weight]), bias])

    def norm(self, x, prefix):
        gamma, beta = self.const(self.w[prefix + ".weight"]), self.const(self.w[prefix + ".bias"])
        return self.op("LayerNormalization", [x, gamma, beta], axis=-1, epsilon=EPS)

    def build(self, length):
        w, hidden = self.w, self.w["embeddings.word_embeddings.weight"].shape[1]
        d = hidden // HEADS
        ids = "input_ids"
        x = self.op("Gather", [self.const(w["embeddings.word_embeddings.weight"]), ids])
        pos = w["embeddings.position_embeddings.weight"][:length] + w["embeddings.token_type_embeddings.weight"][0]
        x = self.norm(self.op("Add", [x, self.const(pos.astype(np.float32))]), "embeddings.LayerNorm")
        split = self.const(np.array([0, 0, HEADS, d], dtype=np.int64))
        merge = self.const(np.array([0, 0, hidden], dtype=np.int64))
        scale = self.const(np.array(1.0 / math.sqrt(d), dtype=np.float32))
        half, one = self.const(np.array(0.5, np.float32)), self.const(np.array(1.0, np.float32))
        root2 = self.const(np.array(math.sqrt(2.0), np.float32))
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            heads = lambda t, perm: self.op("Transpose", [self.op("Reshape", [t, split])], perm=perm)
            q = heads(self.linear(x, p + "attention.self.query"), [0, 2, 1, 3])
            k = heads(self.linear(x, p + "attention.self.key"), [0, 2, 3, 1])
            v = heads(self.linear(x, p + "attention.self.value"), [0, 2, 1, 3])
            probs = self.op("Softmax", [self.op("Mul", [self.op("MatMul", [q, k]), scale])], axis=-1)
            ctx = self.op("Transpose", [self.op("MatMul", [probs, v])], perm=[0, 2, 1, 3])
            attn = self.linear(self.op("Reshape", [ctx, merge]), p + "attention.output.dense")
            x = self.norm(self.op("Add", [x, attn]), p + "attention.output.LayerNorm")
            inner = self.linear(x, p + "intermediate.dense")
            erf = self.op("Erf", [self.op("Div", [inner, root2])])
            gelu = self.op("Mul", [self.op("Mul", [inner, half]), self.op("Add", [erf, one])])
            out = self.linear(gelu, p + "output.dense")
            x = self.norm(self.op("Add", [x, out]), p + "output.LayerNorm")
        pooled = self.op("ReduceMean", [x], axes=[1], keepdims=0)
        graph = helper.make_graph(
            self.nodes,
            "minilm",
            [helper.make_tensor_value_info(ids, TensorProto.INT64, ["batch", length])],
            [helper.make_tensor_value_info(pooled, TensorProto.FLOAT, ["batch", hidden])],
            self.inits,
        )
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
        model.ir_version = 8
        onnx.checker.check_model(model)
        return model


def reference(w, layers, ids):
    """The checkpoint's pooled embedding in float64."""
    f = {k: v.astype(np.float64) for k, v in w.items()}
    n = len(ids)
    hidden = f["embeddings.word_embeddings.weight"].shape[1]
    d = hidden // HEADS

    def norm(x, p):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + EPS) * f[p + ".weight"] + f[p + ".bias"]

    def lin(x, p):
        return x @ f[p + ".weight"].T + f[p + ".bias"]

    erf = np.vectorize(math.erf)
    x = f["embeddings.word_embeddings.weight"][ids] + f["embeddings.position_embeddings.weight"][:n]
    x = norm(x + f["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
    for i in range(layers):
        p = f"encoder.layer.{i}."
        q, k, v = (lin(x, p + "attention.self." + t).reshape(n, HEADS, d).transpose(1, 0, 2) for t in ("query", "key", "value"))
        s = q @ k.transpose(0, 2, 1) / math.sqrt(d)
        s = np.exp(s - s.max(-1, keepdims=True))
        ctx = (s / s.sum(-1, keepdims=True)) @ v
        x = norm(x + lin(ctx.transpose(1, 0, 2).reshape(n, hidden), p + "attention.output.dense"), p + "attention.output.LayerNorm")
        inner = lin(x, p + "intermediate.dense")
        x = norm(x + lin(0.5 * inner * (1 + erf(inner / math.sqrt(2))), p + "output.dense"), p + "output.LayerNorm")
    return x.mean(0)


def cosine(a, b):
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def median_time(fn, rounds):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def ort_session(path, threads):
    opts = ort.SessionOptions()
    opts.intra_op_num_threads, opts.inter_op_num_threads = threads, 1
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])


def ort_rates(path, seqs, rounds):
    one = ort_session(path, 1)
    batch = np.array(seqs, dtype=np.int64)
    outputs = [one.run(None, {"input_ids": batch[i : i + 1]})[0][0] for i in range(len(seqs))]
    t1 = median_time(lambda: [one.run(None, {"input_ids": batch[i : i + 1]}) for i in range(len(seqs))], rounds)
    two = ort_session(path, 2)
    t2 = median_time(lambda: two.run(None, {"input_ids": batch}), rounds)
    return len(seqs) / t1, len(seqs) / t2, outputs


def hearth_rates(worker, model, seqs, rounds, workdir):
    tokens = os.path.join(workdir, "tokens.txt")
    with open(tokens, "w") as f:
        f.writelines(",".join(map(str, s)) + "\n" for s in seqs)

    def run(threads):
        cmd = [worker, "infer", "--model", model, "--tokens-file", tokens, "--threads", str(threads), "--backend", "cpu"]
        runs = [json.loads(subprocess.run(cmd, check=True, capture_output=True).stdout) for _ in range(rounds)]
        rate = sorted(r["seq_per_s"] for r in runs)[len(runs) // 2]
        return rate, [np.array(o["values"]) / 2.0 ** runs[0]["frac_bits"] for o in runs[0]["outputs"]]

    (r1, outputs), (r2, _) = run(1), run(2)
    return r1, r2, outputs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--worker", required=True, help="the release hearth-worker binary")
    ap.add_argument("--checkpoint", required=True, help="the directory with model.safetensors")
    ap.add_argument("--model", required=True, help="the det-int8 model file (hearth-worker model import)")
    ap.add_argument("--tokens", default=os.path.join(os.path.dirname(__file__), "../../gpu-worker/engine/tests/data/tokens.txt"))
    ap.add_argument("--sequences", type=int, default=8)
    ap.add_argument("--length", type=int, default=128)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    w = load_safetensors(os.path.join(args.checkpoint, "model.safetensors"))
    layers = 1 + max(int(k.split(".")[2]) for k in w if k.startswith("encoder.layer."))
    seqs = sequences(args.sequences, args.length, args.tokens)
    with tempfile.TemporaryDirectory() as tmp:
        f32 = os.path.join(tmp, "minilm-f32.onnx")
        onnx.save(Graph(w, layers).build(args.length), f32)
        # ORT fuses the graph when a session loads it (LayerNorm, GELU, bias adds, attention
        # where it matches); this saves the fused f32 graph once, to report what fused.
        # Both sessions below load the plain graphs and fuse them the same way.
        fused = os.path.join(tmp, "minilm-f32-fused.onnx")
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
        opts.optimized_model_filepath = fused
        ort.InferenceSession(f32, opts, providers=["CPUExecutionProvider"])
        ops = {}
        for node in onnx.load(fused).graph.node:
            ops[node.op_type] = ops.get(node.op_type, 0) + 1
        fusions = {k: v for k, v in sorted(ops.items()) if k in ("Attention", "LayerNormalization", "SkipLayerNormalization", "Gelu", "BiasGelu", "FastGelu", "FusedMatMul", "MatMul", "Softmax")}
        int8 = os.path.join(tmp, "minilm-int8.onnx")
        # Per-channel weights (as Hearth's); without VNNI, ORT's u8×s8 kernels sum pairs in
        # saturating 16-bit lanes, and its documentation asks for 7-bit weights there.
        flags = next((l.split(":", 1)[1].split() for l in open("/proc/cpuinfo") if l.startswith("flags")), [])
        reduce_range = not ({"avx512_vnni", "avx_vnni"} & set(flags))
        quantize_dynamic(f32, int8, weight_type=QuantType.QInt8, per_channel=True, reduce_range=reduce_range)

        refs = [reference(w, layers, s) for s in seqs]
        results = {
            "Hearth det-int8 (hearth-worker)": hearth_rates(args.worker, args.model, seqs, args.rounds, tmp),
            f"ONNX Runtime {ort.__version__} f32 (fused graph)": ort_rates(f32, seqs, args.rounds),
            f"ONNX Runtime {ort.__version__} int8 (quantize_dynamic{', 7-bit' if reduce_range else ''})": ort_rates(int8, seqs, args.rounds),
        }

    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    isa = [f for f in ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8") if f in flags]
    print(f"MiniLM-L6 at {args.length} tokens, {args.sequences} sequences, median of {args.rounds} rounds; {cpu} ({', '.join(isa)}), {os.cpu_count()} CPUs")
    print(f"ORT f32 graph after its fusions (op counts): {fusions}")
    print(f"{'system':<52} {'1 thread':>10} {'2 thr, b8':>10} {'cos mean':>9} {'cos min':>8}")
    for label, (r1, r2, outs) in results.items():
        cos = [cosine(o, r) for o, r in zip(outs, refs)]
        print(f"{label:<52} {r1:>8.1f}/s {r2:>8.1f}/s {np.mean(cos):>9.4f} {min(cos):>8.4f}")
    (h1, h2, _), rest = list(results.values())[0], list(results.items())[1:]
    for label, (r1, r2, _) in rest:
        print(f"Hearth / {label}: {h1 / r1:.2f}x on 1 thread, {h2 / r2:.2f}x on 2 threads")


if __name__ == "__main__":
    sys.exit(main())
