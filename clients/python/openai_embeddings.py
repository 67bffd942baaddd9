#!/usr/bin/env python3
"""Embeddings from a Hearth miner through OpenAI's own Python client.

A miner's `POST /v1/embeddings` is OpenAI's embeddings API; what it adds is that every
call is signed by its requester (a lease's tenant or a subnet validator) and every
answer carries a receipt signed by the miner. This module plugs the signing into
OpenAI's client as an HTTP request hook, so code written for OpenAI only changes its
`base_url` and client:

    client = signed_client("http://miner:8080/v1", keypair, genesis, netuid, miner, lease=7, nonce=1)
    client.embeddings.create(model="all-minilm-l6-v2", input=["some text"])

The signature covers the body exactly as sent, under the payload

    b"hearth-call-v1" ++ genesis (32) ++ netuid (u16 LE) ++ miner (32) ++ requester (32)
        ++ nonce (u64 LE) ++ served ++ blake2b-256(body) (32)

where `served` is 0x00 ++ lease id (u64 LE) for a tenant, 0x01 for a validator's probe
(the SCALE encoding of `hearth_primitives::receipt::Call`). Input k of a call is
request `nonce + k`; the hook moves the nonce past each call's inputs.

As a program it prints the answer as JSON (each item's `embedding` as OpenAI's client
decoded it, and its `hearth` fields with the receipt). The key comes from the `SURI`
environment variable, never from a flag.
"""

import argparse
import hashlib
import json
import os
import struct
import sys

import openai
from substrateinterface import Keypair
from substrateinterface.utils.ss58 import ss58_decode

CALL_DOMAIN = b"hearth-call-v1"


def served_bytes(lease):
    """SCALE of `Served`: Lease(id) or Probe."""
    return b"\x00" + struct.pack("<Q", lease) if lease is not None else b"\x01"


def inputs_in(body):
    """How many requests (nonces) one embeddings body holds."""
    given = json.loads(body).get("input")
    if isinstance(given, list) and given and not isinstance(given[0], int):
        return len(given)
    return 1


class CallSigner:
    """An HTTP request hook that signs each call and advances the nonce."""

    def __init__(self, keypair, genesis, netuid, miner, lease, nonce):
        self.keypair = keypair
        self.prefix = bytes.fromhex(genesis.removeprefix("0x")) + struct.pack("<H", netuid)
        self.miner = bytes.fromhex(ss58_decode(miner))
        self.requester = bytes.fromhex(keypair.public_key.hex().removeprefix("0x"))
        self.lease = lease
        self.nonce = nonce
        if len(self.prefix) != 34:
            raise ValueError(f"genesis {genesis!r}: expected 32 bytes of hex")

    def __call__(self, request):
        request.headers.update(self.headers_for(request.read()))

    def headers_for(self, body):
        """The four x-hearth-* headers that sign `body` (bytes exactly as sent); the
        nonce then moves past the body's inputs."""
        payload = (
            CALL_DOMAIN
            + self.prefix
            + self.miner
            + self.requester
            + struct.pack("<Q", self.nonce)
            + served_bytes(self.lease)
            + hashlib.blake2b(body, digest_size=32).digest()
        )
        headers = {
            "x-hearth-requester": self.keypair.ss58_address,
            "x-hearth-nonce": str(self.nonce),
            "x-hearth-served": "probe" if self.lease is None else f"lease:{self.lease}",
            "x-hearth-signature": "0x" + self.keypair.sign(payload).hex().removeprefix("0x"),
        }
        self.nonce += inputs_in(body)
        return headers


def signed_client(base_url, keypair, genesis, netuid, miner, lease, nonce):
    """OpenAI's client for one miner, each call signed by `keypair`."""
    signer = CallSigner(keypair, genesis, netuid, miner, lease, nonce)
    http = openai.DefaultHttpxClient(event_hooks={"request": [signer]})
    # No retries: a retried call must carry the same nonce, which the hook would move.
    return openai.OpenAI(base_url=base_url, api_key="hearth-calls-are-signed", http_client=http, max_retries=0)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--base-url", required=True, help="the miner's API, e.g. http://127.0.0.1:8080/v1")
    p.add_argument("--genesis", required=True, help="the chain's genesis hash (0x + 64 hex)")
    p.add_argument("--netuid", type=int, required=True)
    p.add_argument("--miner", required=True, help="the miner's hotkey (SS58)")
    p.add_argument("--lease", type=int, help="the lease the call is served under (omit for a validator's probe)")
    p.add_argument("--nonce", type=int, required=True, help="the first input's nonce")
    p.add_argument("--model", required=True)
    p.add_argument("--encoding-format", choices=["float", "base64"], help="default: the client's own (base64)")
    p.add_argument("input", nargs="+", help="texts to embed")
    args = p.parse_args()
    suri = os.environ.get("SURI")
    if not suri:
        sys.exit("set SURI to the requester's secret URI (a flag would leak it to `ps`)")
    keypair = Keypair.create_from_uri(suri)
    client = signed_client(
        args.base_url, keypair, args.genesis, args.netuid, args.miner, args.lease, args.nonce
    )
    extra = {"encoding_format": args.encoding_format} if args.encoding_format else {}
    try:
        answer = client.embeddings.create(model=args.model, input=args.input, **extra)
    except openai.APIStatusError as e:
        sys.exit(f"the miner refused the call ({e.status_code}): {e.response.text}")
    print(
        json.dumps(
            {
                "model": answer.model,
                "usage": answer.usage.to_dict(),
                "data": [
                    {"index": d.index, "embedding": list(d.embedding), "hearth": d.model_extra["hearth"]}
                    for d in answer.data
                ],
            }
        )
    )


if __name__ == "__main__":
    main()
