"""py-substrate-interface, set up for Hearth.

py-substrate-interface 1.8.1 reads metadata v14 and resolves most types from it, but it
matches the runtime's aggregate types by path with two-segment wildcards
(`*::RuntimeEvent`), and Hearth declares its runtime in a `construct` module, so their
paths have three (`hearth_runtime::construct::RuntimeEvent`). Without help every block's
events fail to decode ("No decoder class found for 'scale_info::…'"). `TYPE_REGISTRY`
maps the two paths to the library's own generic classes; nothing else is hand-written.

Limits of the library that Hearth works around rather than fixes: it signs v4
extrinsics only (Hearth's node accepts them; it does not decode v5 "general"
extrinsics in blocks), it wants `BoundedVec` arguments wrapped (`bounded`), and it cannot call runtime APIs it has no hand-written
definitions for, because metadata v14 does not describe them: read Hearth's state
through the `hearth_*` JSON-RPC methods (`rpc`) or `state_call` with SCALE you encode.
"""

from substrateinterface import SubstrateInterface

HTH = 10**12

TYPE_REGISTRY = {
    "types": {
        "hearth_runtime::construct::RuntimeEvent": {
            "type": "struct",
            "base_class": "GenericScaleInfoEvent",
            "type_mapping": [],
        },
        "hearth_runtime::construct::RuntimeCall": "GenericCall",
    }
}


def bounded(items):
    """A `BoundedVec` call argument as py-substrate-interface 1.8.1 wants it.

    The metadata describes `BoundedVec<T, N>` as a struct with one unnamed field (the
    `Vec`), and the library encodes such a struct as a one-element tuple: a plain list
    is refused ("Element count of value (0) doesn't match type_definition (1)").
    """
    return [list(items)]


def connect(url):
    """A client for the node at `url` (ws://…), Hearth's SS58 prefix and registry."""
    return SubstrateInterface(url=url, ss58_format=42, type_registry=TYPE_REGISTRY)


def rpc(substrate, method, params):
    """A `hearth_*` method's result (the library raises `SubstrateRequestException`
    with the node's code and message on an error)."""
    return substrate.rpc_request(method, params)["result"]


def submit(substrate, keypair, module, function, params):
    """Signs and submits a call, waits for its block; its events. Raises with the
    module error's name when it fails."""
    call = substrate.compose_call(call_module=module, call_function=function, call_params=params)
    extrinsic = substrate.create_signed_extrinsic(call=call, keypair=keypair)
    receipt = substrate.submit_extrinsic(extrinsic, wait_for_inclusion=True)
    if not receipt.is_success:
        raise RuntimeError(f"{module}.{function} failed: {receipt.error_message}")
    return [e.value["event"] for e in receipt.triggered_events]
