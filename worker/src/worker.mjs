// The Handoff worker module. One Go instance per isolate, started on the
// first request and reused. Go never touches a JS I/O object (workerd ties
// those to the request that created them): this module reads the body,
// performs the model fetches and retry waits the Go side asks for, in the
// request's own context, and builds the Response (see ../session.go).
import "./wasm_exec.js";
import mod from "./app.wasm";

// syumai/workers' Go side expects this helper on globalThis.
globalThis.tryCatch = (fn) => {
  try {
    return { result: fn() };
  } catch (e) {
    return { error: e };
  }
};

let started; // Promise of the binding object of the running instance

function start() {
  const binding = {};
  const go = new Go();
  let ready;
  const isReady = new Promise((resolve) => (ready = resolve));
  const instance = new WebAssembly.Instance(mod, {
    ...go.importObject,
    workers: { ready: () => ready() },
  });
  // If the program ever exits, the next request starts a new one.
  go.run(instance, { binding }).finally(() => {
    started = undefined;
  });
  return isReady.then(() => binding);
}

// readBody reads at most limit+1 bytes: enough for Go to answer 413.
async function readBody(request, limit) {
  if (!request.body) return null;
  if (Number(request.headers.get("content-length")) > limit) return null;
  const chunks = [];
  let size = 0;
  const reader = request.body.getReader();
  while (size <= limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

// d1Batch runs a "d1" step's statements as one batch on the D1 binding
// HANDOFF_DB (the feedback store, ../d1.go) and answers their rows and
// changes as JSON.
async function d1Batch(step, env) {
  const db = env.HANDOFF_DB;
  if (!db) return { error: "no D1 database is bound as HANDOFF_DB" };
  try {
    const stmts = JSON.parse(step.statements).map((s) => db.prepare(s.sql).bind(...(s.args ?? [])));
    const results = (await db.batch(stmts)).map((r) => ({ rows: r.results ?? [], changes: r.meta?.changes ?? 0 }));
    return { status: 200, body: new TextEncoder().encode(JSON.stringify({ results })) };
  } catch (e) {
    return { error: "D1: " + String(e && e.message ? e.message : e) };
  }
}

// kvStep reads or writes one key of the KV binding HANDOFF_KV (the team
// config, ../kv.go): get answers 200 and the value, or 404 when absent.
async function kvStep(step, env) {
  const kv = env.HANDOFF_KV;
  if (!kv) return { error: "no KV namespace is bound as HANDOFF_KV" };
  try {
    if (step.op === "put") {
      await kv.put(step.key, step.value);
      return { status: 200 };
    }
    const value = await kv.get(step.key, "arrayBuffer");
    return value === null ? { status: 404 } : { status: 200, body: new Uint8Array(value) };
  } catch (e) {
    return { error: "KV: " + String(e && e.message ? e.message : e) };
  }
}

async function perform(step, env) {
  if (step.kind === "d1") return d1Batch(step, env);
  if (step.kind === "kv") return kvStep(step, env);
  if (step.kind === "sleep") {
    await new Promise((resolve) => setTimeout(resolve, step.ms));
    return {};
  }
  try {
    const res = await fetch(step.url, {
      method: step.method,
      headers: step.headers,
      body: step.body,
      signal: AbortSignal.timeout(step.ms),
    });
    return { status: res.status, headers: [...res.headers], body: new Uint8Array(await res.arrayBuffer()) };
  } catch (e) {
    if (e && (e.name === "TimeoutError" || e.name === "AbortError")) return { timeout: true };
    return { error: String(e && e.message ? e.message : e) };
  }
}

// inTurn runs fn (a Go call: tens of milliseconds of CPU for a draft) when
// no other request's Go call holds the turn, and only after a timer, so
// workerd polls its sockets and clock between any two of them. Without
// it, under load (20 drafts at once) the isolate's thread ran Go call
// after Go call for seconds without reading its connections, then closed
// keep-alive connections whose next request had already arrived
// (clients saw "connection reset by peer"; behind wrangler dev's proxy,
// 503 "Your worker restarted mid-request"). Waiters poll with timers of
// their own request: no promise crosses requests. A turn left held for
// longer than staleMs (its request cancelled mid-wait) is taken over.
let turn = null; // {since: Date.now()} of the Go call holding the turn
const staleMs = 5000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function inTurn(fn) {
  while (turn && Date.now() - turn.since < staleMs) await sleep(2);
  const mine = (turn = { since: Date.now() });
  try {
    await sleep(0);
    return fn();
  } finally {
    if (turn === mine) turn = null;
  }
}

export default {
  async fetch(request, env, ctx) {
    started ??= start();
    const go = await started;
    try {
      const body = await readBody(request, go.handoffMaxBody(env));
      let step = await inTurn(() => go.handoffStart(request.method, request.url, [...request.headers], body, env, ctx));
      while (step.kind !== "response") {
        const reply = await perform(step, env);
        step = await inTurn(() => go.handoffResume(step.id, reply));
      }
      return new Response(step.body ?? null, { status: step.status, headers: step.headers });
    } catch (e) {
      console.log("handoff worker: " + (e && e.message ? e.message : "failure"));
      return Response.json({ error: { code: "E_INTERNAL", message: "the worker failed" } }, { status: 500 });
    }
  },
};
