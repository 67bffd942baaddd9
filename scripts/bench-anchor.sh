#!/usr/bin/env bash
# Hearth's det-int8 MiniLM against ONNX Runtime f32 and int8 on the same token ids
# (benches/anchor/anchor.py). Not part of `make test`: it installs onnxruntime, onnx and
# numpy from PyPI, at the pinned versions below, into its own virtual environment.
set -euo pipefail
cd "$(dirname "$0")/.."
worker="${1:?usage: bench-anchor.sh HEARTH_WORKER}"
cache="${HOME}/.cache/hearth"
venv="$cache/anchor-venv"
checkpoint="$cache/models/all-minilm-l6-v2"
if [ ! -x "$venv/bin/python" ]; then
	python3 -m venv "$venv"
	"$venv/bin/pip" install --quiet --disable-pip-version-check \
		onnxruntime==1.32.0 onnx==1.23.2 numpy==2.4.6 sympy==1.14.0 packaging==26.4 \
		protobuf==7.36.2 flatbuffers==25.12.19 coloredlogs==15.0.1
fi
model="$cache/models/all-minilm-l6-v2.hmdl"
"$worker" model import --safetensors "$checkpoint/model.safetensors" --out "$model" >/dev/null
"$venv/bin/python" benches/anchor/anchor.py --worker "$worker" --checkpoint "$checkpoint" --model "$model" "${@:2}"
