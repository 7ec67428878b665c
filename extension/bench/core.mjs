// core.mjs: the core's share of click → note, in node (V8, as in Chrome),
// for the same 200-message Zendesk ticket as bench.mjs: wasm read, compile,
// instantiate, Go start, then plan, parse, draft, lint and render — once
// cold (the first call of each) and as the median of WARM repeats.
//
//   node bench/core.mjs path/to/handoff.wasm path/to/wasm_exec.js
//
// The first parse and draft of a request do the work; repeats of the same
// request are answered from what the bridge kept (wasm/bridge/memo.go).
//
// It prints a table; it asserts nothing (budgets are checked by a person).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ticket } from './ticket.mjs';

const [wasmPath, execPath] = process.argv.slice(2);
if (!wasmPath || !execPath) {
  console.error('usage: node bench/core.mjs handoff.wasm wasm_exec.js');
  process.exit(2);
}
const WARM = Number(process.env.WARM ?? 10);
createRequire(import.meta.url)(execPath);

const t = ticket(200);
const files = [{ name: 'ticket.json', text: JSON.stringify(t.body) }];
for (let k = 0; k < t.pages; k++) files.push({ name: k ? `comments-${k + 1}.json` : 'comments.json', text: JSON.stringify(t.page(k)) });

const rows = [];
const time = async (phase, fn) => {
  const start = performance.now();
  const v = await fn();
  rows.push([phase, performance.now() - start]);
  return v;
};

const bytes = await time('wasm read', () => readFileSync(wasmPath));
const module = await time('wasm compile', () => WebAssembly.compile(bytes));
const go = new globalThis.Go();
const instance = await time('wasm instantiate', () => WebAssembly.instantiate(module, go.importObject));
await time('Go start', () => { go.run(instance); return globalThis.handoff; });
const api = globalThis.handoff;
const call = async (name, req) => JSON.parse(await api[name](JSON.stringify(req)));

/** draftOnce runs the service worker's offline path and returns its phases in ms. */
// "draft anew" sends a request the bridge has not seen (an unused field
// differs), so the thread is drafted again instead of answered from the
// kept note as a same-options re-draft ("draft") is.
let round = 0;
async function draftOnce() {
  const ms = {};
  const step = async (k, fn) => { const s = performance.now(); const v = await fn(); ms[k] = performance.now() - s; return v; };
  await step('plan', () => call('plan', { url: t.url }));
  const th = await step('parse', () => call('parse', { source: 'zendesk', url: t.url, files }));
  await step('draft anew', () => call('draft', { handle: th.handle, bench_round: ++round }));
  const note = await step('draft', () => call('draft', { handle: th.handle }));
  await step('lint', () => call('lint', { handle: th.handle, note }));
  await step('render md', () => call('render', { note, format: 'md' }));
  return ms;
}

const first = await draftOnce();
for (const [k, v] of Object.entries(first)) rows.push([`${k} (first)`, v]);
const warm = [];
for (let i = 0; i < WARM; i++) warm.push(await draftOnce());
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const k of Object.keys(first)) rows.push([`${k} (warm median)`, median(warm.map((w) => w[k]))]);

const { loadavg } = await import('node:os');
console.log(`core in node ${process.version}, ${wasmPath}: ${bytes.length} bytes; load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(24)} ${v.toFixed(1).padStart(8)} ms`);
process.exit(0); // the Go program keeps timers; nothing to clean up
