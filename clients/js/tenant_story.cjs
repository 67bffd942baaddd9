#!/usr/bin/env node
// A tenant's whole story with @polkadot/api (the version package.json pins), the way a
// dApp would write it: read the metadata, create and fund an account, open an order,
// see it awarded, call the miner's /v1/embeddings with a signed call, check the
// receipts with JobsApi, top up, close, read balances. Then every Hearth runtime API
// through `api.call`, typed by the metadata alone (no hand-written types), and the
// `hearth_*` JSON-RPC methods and one subscription through the provider.
//
// Environment: HEARTH_WS (ws://127.0.0.1:9944), SURI (the funder's secret URI, never a
// flag), HEARTH_NETUID (1), HEARTH_MODEL (the model the miner serves), HEARTH_SUBJECTS
// (accounts to ask the APIs about, comma separated SS58). Prints one JSON object.

'use strict';

const { ApiPromise, WsProvider, Keyring } = require('@polkadot/api');
const { cryptoWaitReady, mnemonicGenerate, blake2AsU8a, decodeAddress } = require('@polkadot/util-crypto');
const { u8aConcat, u8aToHex, hexToU8a, stringToU8a, bnToU8a } = require('@polkadot/util');

const HTH = 10n ** 12n;

function need(name) {
	const value = process.env[name];
	if (!value) throw new Error(`set ${name}`);
	return value;
}

// Signs and sends `tx`; resolves with the events of the block that included it, or
// rejects with the decoded dispatch error.
function send(api, tx, signer) {
	return new Promise((resolve, reject) => {
		let unsubscribe = () => {};
		tx.signAndSend(signer, ({ status, events, dispatchError }) => {
			if (dispatchError) {
				unsubscribe();
				if (dispatchError.isModule) {
					const meta = api.registry.findMetaError(dispatchError.asModule);
					reject(new Error(`${meta.section}.${meta.name}: ${meta.docs.join(' ')}`));
				} else reject(new Error(dispatchError.toString()));
			} else if (status.isInBlock) {
				unsubscribe();
				resolve(events.map(({ event }) => event));
			}
		})
			.then((u) => { unsubscribe = u; })
			.catch(reject);
	});
}

// The signing payload of a Hearth call (clients/python/openai_embeddings.py has the
// layout): domain, genesis, netuid, miner, requester, nonce, served, blake2-256(body).
function callPayload(genesis, netuid, miner, requester, nonce, lease, body) {
	return u8aConcat(
		stringToU8a('hearth-call-v1'),
		genesis,
		bnToU8a(netuid, { bitLength: 16 }),
		decodeAddress(miner),
		decodeAddress(requester),
		bnToU8a(nonce, { bitLength: 64 }),
		new Uint8Array([0]),
		bnToU8a(lease, { bitLength: 64 }),
		blake2AsU8a(body, 256),
	);
}

// The published endpoint (IPv6 bytes, IPv4-mapped for IPv4) as host:port.
function endpointAddress(endpoint) {
	const ip = hexToU8a(endpoint.ip);
	const mapped = ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;
	if (!mapped) throw new Error(`endpoint ${endpoint.ip} is not an IPv4 address`);
	return `${ip[12]}.${ip[13]}.${ip[14]}.${ip[15]}:${endpoint.port}`;
}

async function waitFor(what, seconds, check) {
	const until = Date.now() + seconds * 1000;
	for (;;) {
		const value = await check();
		if (value !== undefined && value !== null && value !== false) return value;
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 500));
	}
}

async function main() {
	await cryptoWaitReady();
	const ws = process.env.HEARTH_WS || 'ws://127.0.0.1:9944';
	const netuid = Number(process.env.HEARTH_NETUID || '1');
	const model = need('HEARTH_MODEL');
	const provider = new WsProvider(ws);
	const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
	// Hearth's own methods go through the provider: JSON in, JSON out, no types needed.
	const rpc = (method, params) => provider.send(method, params);
	const out = {};

	// 1. Metadata: v15, with Hearth's pallets and runtime APIs, documented.
	// The API loads the newest metadata the runtime serves (v16 here; runtime APIs are in
	// it from v15 on).
	const metadata = api.runtimeMetadata;
	out.metadata_version = metadata.version;
	out.pallets = metadata.asLatest.pallets.map((p) => p.name.toString());
	out.runtime_apis = Object.keys(api.call);
	out.neuron_stats_docs = api.registry.lookup.types
		.filter((t) => t.type.path.map(String).join('::').endsWith('NeuronStats'))
		.flatMap((t) => t.type.def.asComposite.fields.map((f) => `${f.name}: ${f.docs.map(String).join(' ')}`));

	// 2. A fresh account, funded by SURI's.
	const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
	const funder = keyring.addFromUri(need('SURI'));
	const tenant = keyring.addFromMnemonic(mnemonicGenerate());
	out.tenant = tenant.address;
	await send(api, api.tx.balances.transferKeepAlive(tenant.address, 20n * HTH), funder);
	out.funded = (await api.query.system.account(tenant.address)).data.free.toString();

	// 3. An auto-award order; the miner bids and wins.
	const requirements = { minVramGib: 0, models: [], count: 1 };
	const opened = await send(
		api,
		api.tx.leases.openOrder(netuid, requirements, HTH / 500n, 1000, 5n * HTH, true),
		tenant,
	);
	const orderEvent = opened.find((e) => api.events.leases.OrderOpened.is(e));
	const id = orderEvent.data[0].toNumber();
	out.order = id;
	out.order_rpc = await rpc('hearth_order', [id]);
	out.orders_of = await rpc('hearth_ordersOf', [tenant.address]);
	const lease = await waitFor('the award', 90, async () => rpc('hearth_lease', [id]));
	out.lease_rpc = lease;
	out.leases_of = await rpc('hearth_leasesOf', [tenant.address]);
	const updates = [];
	const subscription = await provider.subscribe('hearth_lease', 'hearth_subscribeLease', [id], (error, update) => {
		if (!error) updates.push(update);
	});

	// 4. The miner's OpenAI-compatible API, called as the lease's tenant.
	const miner = lease.lease.provider;
	const graph = await rpc('hearth_metagraph', [netuid]);
	const neuron = graph.neurons.find((n) => n.hotkey === miner);
	const address = endpointAddress(neuron.endpoint);
	const body = JSON.stringify({ model, input: ['w5 w6 w7', 'w8'] });
	const nonce = 1;
	const payload = callPayload(hexToU8a(api.genesisHash.toHex()), netuid, miner, tenant.address, nonce, id, stringToU8a(body));
	const headers = {
		'content-type': 'application/json',
		'x-hearth-requester': tenant.address,
		'x-hearth-nonce': String(nonce),
		'x-hearth-served': `lease:${id}`,
		'x-hearth-signature': u8aToHex(tenant.sign(payload)),
	};
	// The miner learns of the lease from a block it has imported: until then it
	// answers 403 "not active", and the same signed call may simply be sent again.
	const response = await waitFor('the miner to serve the lease', 60, async () => {
		const r = await fetch(`http://${address}/v1/embeddings`, { method: 'POST', headers, body });
		if (r.status === 403) return null;
		return r;
	});
	if (response.status !== 200) throw new Error(`the miner answered ${response.status}: ${await response.text()}`);
	const answer = await response.json();
	out.embeddings = answer.data.map((d) => d.embedding.length);

	// 5. Every receipt checked by the runtime: JobsApi_check_receipt, typed by metadata.
	out.receipts = [];
	for (const item of answer.data) {
		const verdict = await api.call.jobsApi.checkReceipt(item.hearth.receipt);
		out.receipts.push({ nonce: item.hearth.nonce, ok: verdict.isOk, verdict: verdict.toJSON() });
		// The receipt's hash names it on chain: blake2-256 of its encoding without the
		// miner's signature (a MultiSignature: a tag byte and 64 bytes for sr25519).
		const hash = u8aToHex(blake2AsU8a(hexToU8a(item.hearth.receipt).slice(0, -65), 256));
		out.ruling = await api.call.jobsApi.ruling(hash).then((r) => r.toJSON());
	}

	// 6. Top up, 7. close; balances read before and after.
	const before = await rpc('hearth_lease', [id]);
	await send(api, api.tx.leases.topUp(id, HTH), tenant);
	const after = await rpc('hearth_lease', [id]);
	out.escrow = { before: before.escrow_remaining, after_top_up: after.escrow_remaining };
	const freeBeforeClose = (await api.query.system.account(tenant.address)).data.free.toBigInt();
	const closedEvents = await send(api, api.tx.leases.closeLease(id), tenant);
	const closed = closedEvents.find((e) => api.events.leases.LeaseClosed.is(e));
	out.closed = closed ? closed.toJSON() : null;
	const freeAfterClose = (await api.query.system.account(tenant.address)).data.free.toBigInt();
	out.balance = { before_close: freeBeforeClose.toString(), after_close: freeAfterClose.toString() };
	out.lease_after_close = await rpc('hearth_lease', [id]);
	await waitFor('the closing notification', 30, async () => updates.some((u) => u.lease === null));
	out.subscription = updates.map((u) => (u.lease === null ? null : u.lease.escrow_remaining));
	await provider.unsubscribe('hearth_lease', 'hearth_unsubscribeLease', subscription).catch(() => {});

	// 8. Every method of every Hearth runtime API, typed by the metadata alone.
	const subjects = (process.env.HEARTH_SUBJECTS || '').split(',').filter(Boolean).concat([tenant.address]);
	const argsFor = {
		subnetsApi: { netuids: [], metagraph: [netuid], neuron: [netuid, 0], lockCost: [] },
		stakingApi: { stakeInfo: [subjects[0]], hotkeyInfo: [miner] },
		leasesApi: { lease: [id], offers: [miner], order: [id], ordersOf: [tenant.address], leasesOf: [miner] },
		jobsApi: {
			models: [netuid],
			job: [0],
			minerJobs: [miner, 8],
			checkReceipt: [answer.data[0].hearth.receipt],
			ruling: ['0x' + '00'.repeat(32)],
		},
		emissionsApi: { schedule: [] },
		slashingApi: { pendingSlashes: [null] },
	};
	out.runtime_calls = {};
	for (const [section, methods] of Object.entries(argsFor)) {
		if (!api.call[section]) throw new Error(`api.call.${section} is missing from the metadata`);
		const known = Object.keys(api.call[section]).sort();
		const tried = Object.keys(methods).sort();
		if (known.join() !== tried.join()) throw new Error(`api.call.${section} has ${known}, the story knows ${tried}`);
		for (const [method, args] of Object.entries(methods)) {
			const value = await api.call[section][method](...args);
			out.runtime_calls[`${section}.${method}`] = value.toJSON();
		}
	}
	out.hearth_stake = await rpc('hearth_stake', [subjects[0]]);
	out.hearth_emission = await rpc('hearth_emission', []);
	await api.disconnect();
	process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
	process.stderr.write(`error: ${e.message}\n`);
	process.exit(1);
});
