#!/usr/bin/env python3
"""A tenant's whole story with py-substrate-interface (the pinned 1.8.1).

Reads the metadata, creates and funds an account, opens an order, sees it awarded,
calls the miner's /v1/embeddings with a signed call, checks each receipt with the
runtime (`JobsApi_check_receipt` through `state_call`), tops the lease up, closes it and
reads balances; then every `hearth_*` query method. Environment: HEARTH_WS, SURI (the
funder's secret URI), HEARTH_NETUID, HEARTH_MODEL. Prints one JSON object.
"""

import json
import os
import sys
import time
import urllib.error
import urllib.request

from substrateinterface import Keypair
from substrateinterface.exceptions import SubstrateRequestException

from hearth_substrate import HTH, bounded, connect, rpc, submit
from openai_embeddings import CallSigner


def need(name):
    value = os.environ.get(name)
    if not value:
        sys.exit(f"set {name}")
    return value


def wait_for(what, seconds, check):
    until = time.time() + seconds
    while True:
        value = check()
        if value:
            return value
        if time.time() > until:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(0.5)


def endpoint_address(endpoint):
    ip = bytes.fromhex(endpoint["ip"].removeprefix("0x"))
    if ip[:12] != b"\0" * 10 + b"\xff\xff":
        raise ValueError(f"endpoint {endpoint['ip']} is not an IPv4 address")
    return f"{ip[12]}.{ip[13]}.{ip[14]}.{ip[15]}:{endpoint['port']}"


def main():
    substrate = connect(os.environ.get("HEARTH_WS", "ws://127.0.0.1:9944"))
    netuid = int(os.environ.get("HEARTH_NETUID", "1"))
    model = need("HEARTH_MODEL")
    out = {}

    # 1. Metadata.
    metadata = substrate.get_metadata()
    out["metadata_version"] = next(iter(metadata.value[1]))
    out["pallets"] = [p.name for p in metadata.pallets]

    # 2. A fresh account, funded.
    funder = Keypair.create_from_uri(need("SURI"))
    tenant = Keypair.create_from_mnemonic(Keypair.generate_mnemonic(), ss58_format=42)
    out["tenant"] = tenant.ss58_address
    submit(substrate, funder, "Balances", "transfer_keep_alive", {"dest": tenant.ss58_address, "value": 20 * HTH})
    out["funded"] = str(substrate.query("System", "Account", [tenant.ss58_address]).value["data"]["free"])

    # 3. An auto-award order, awarded to the miner's bid.
    events = submit(
        substrate,
        tenant,
        "Leases",
        "open_order",
        {
            "netuid": netuid,
            "requirements": {"min_vram_gib": 0, "models": bounded([]), "count": 1},
            "max_price": HTH // 500,
            "duration": 1000,
            "deposit": 5 * HTH,
            "auto_award": True,
        },
    )
    opened = [e for e in events if e["module_id"] == "Leases" and e["event_id"] == "OrderOpened"]
    lease_id = opened[0]["attributes"]["id"]
    out["order"] = lease_id
    lease = wait_for("the award", 90, lambda: rpc(substrate, "hearth_lease", [lease_id]))
    out["lease_rpc"] = lease

    # 4. The miner's API, called as the tenant: the signature from openai_embeddings.
    miner = lease["lease"]["provider"]
    neuron = next(n for n in rpc(substrate, "hearth_metagraph", [netuid])["neurons"] if n["hotkey"] == miner)
    signer = CallSigner(tenant, substrate.get_block_hash(0), netuid, miner, lease_id, 1)
    body = json.dumps({"model": model, "input": ["w5 w6 w7", "w8"], "encoding_format": "float"}).encode()
    url = f"http://{endpoint_address(neuron['endpoint'])}/v1/embeddings"
    headers = {"content-type": "application/json", **signer.headers_for(body)}

    def call():
        # The miner learns of the lease from a block it imported: until then it answers
        # 403 "not active", and the same signed call may simply be sent again.
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as e:
            if e.code == 403:
                return None
            raise RuntimeError(f"the miner answered {e.code}: {e.read().decode()}") from e

    answer = wait_for("the miner to serve the lease", 60, call)
    out["embeddings"] = [len(d["embedding"]) for d in answer["data"]]

    # 5. The runtime checks each receipt: SCALE `Result<(), ReceiptProblem>`, 0x00 = Ok.
    out["receipts"] = []
    for item in answer["data"]:
        verdict = substrate.rpc_request("state_call", ["JobsApi_check_receipt", item["hearth"]["receipt"]])["result"]
        out["receipts"].append({"nonce": item["hearth"]["nonce"], "ok": verdict == "0x00", "scale": verdict})

    # 6. Top up and 7. close, with balances.
    before = rpc(substrate, "hearth_lease", [lease_id])["escrow_remaining"]
    submit(substrate, tenant, "Leases", "top_up", {"id": lease_id, "amount": HTH})
    after = rpc(substrate, "hearth_lease", [lease_id])["escrow_remaining"]
    out["escrow"] = {"before": before, "after_top_up": after}
    free_before = substrate.query("System", "Account", [tenant.ss58_address]).value["data"]["free"]
    events = submit(substrate, tenant, "Leases", "close_lease", {"id": lease_id})
    closed = [e for e in events if e["module_id"] == "Leases" and e["event_id"] == "LeaseClosed"]
    out["closed"] = closed[0]["attributes"] if closed else None
    free_after = substrate.query("System", "Account", [tenant.ss58_address]).value["data"]["free"]
    out["balance"] = {"before_close": str(free_before), "after_close": str(free_after)}
    out["lease_after_close"] = rpc(substrate, "hearth_lease", [lease_id])

    # 8. Every hearth_* query.
    calls = {
        "hearth_subnets": [],
        "hearth_metagraph": [netuid],
        "hearth_neuron": [netuid, 0],
        "hearth_lockCost": [],
        "hearth_stake": [funder.ss58_address],
        "hearth_hotkey": [miner],
        "hearth_lease": [lease_id],
        "hearth_leasesOf": [miner],
        "hearth_order": [lease_id],
        "hearth_ordersOf": [tenant.ss58_address],
        "hearth_offers": [miner],
        "hearth_models": [netuid],
        "hearth_job": [0],
        "hearth_minerJobs": [miner, 8],
        "hearth_ruling": ["0x" + "00" * 32],
        "hearth_emission": [],
        "hearth_pendingSlashes": [None],
    }
    out["rpc"] = {method: rpc(substrate, method, params) for method, params in calls.items()}
    # A bad argument: the node's own error code and a message naming it.
    try:
        substrate.rpc_request("hearth_stake", ["not-an-address"])
        out["bad_argument"] = None
    except SubstrateRequestException as e:
        out["bad_argument"] = e.args[0]
    print(json.dumps(out))


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # one line naming the problem, exit status 1
        if os.environ.get("HEARTH_TRACE"):
            raise
        sys.exit(f"error: {e}")
