// The service worker: it owns handoff.wasm (the Go core) and the model
// modes. Content scripts and the options page send it messages:
//
//   {type: 'call', name, req}        → a bridge call (plan, parse, draft, lint, render, prompt, finish, template)
//   {type: 'compose', payload, opts} → parse the payload and draft by the chosen mode
//   {type: 'warm', plan?}            → load the wasm now (a ticket view was detected);
//                                      with plan ({url, hosts}) answer that page's fetch plan
//
// Every answer is {ok: true, value} or {ok: false, error: {code, message}}.
// The wasm loads on first use, not at start-up. Settings live in
// chrome.storage.local (never sync): see src/settings.js.
importScripts('../wasm_exec.js', 'settings.js', 'feedback.js', 'feedback-sw.js');

let core = null, warmed = null, askedAt = -Infinity;

/**
 * timings holds the last load's and the last compose's phases in ms
 * (bench/bench.mjs reads it through the service worker): {load: {fetch,
 * compile, start}, compose: {parse, draft, ...}}.
 */
const timings = (globalThis.handoffTimings = { load: {}, compose: {} });

/** loadCore returns the bridge object, instantiating the wasm on first use. */
function loadCore() {
  core ??= (async () => {
    const t = { at: performance.now() };
    let last = t.at;
    const lap = (k) => { const now = performance.now(); t[k] = now - last; last = now; };
    const go = new Go();
    const module = await WebAssembly.compileStreaming(fetch(chrome.runtime.getURL('handoff.wasm')));
    lap('fetch+compile');
    const instance = await WebAssembly.instantiate(module, go.importObject);
    lap('instantiate');
    go.run(instance);
    lap('Go start');
    timings.load = t;
    timings.loads = (timings.loads ?? 0) + 1;
    if (!globalThis.handoff) throw coded('E_INTERNAL', 'handoff.wasm did not start');
    return globalThis.handoff;
  })().catch((e) => { core = null; throw e; });
  return core;
}

/**
 * warm loads the core and drafts and lints a tiny thread once per service
 * worker life, so the core's first-use work (its word lists, compiled
 * patterns, the engine's optimised code) is done before the agent clicks.
 * Content scripts ask for it when they detect a ticket view.
 */
function warm() {
  warmed ??= (async () => {
    const start = performance.now();
    // Enough messages that the draft's loops run hot (the engine optimises
    // code that runs often), few enough to take a fraction of a real draft.
    const says = [
      'The export fails with error 502 since Monday. Our audit is due Friday.',
      'I cleared the cache and retried the export: same 502.',
      'We tried a smaller date range: it works, but the full export still fails.',
      'Internal: reproduced on staging; support cannot change the export service. Engineering needs to check it.',
    ];
    const thread = {
      source: 'zendesk', ticket: { id: 'warm-up', subject: 'Export fails with 502' },
      messages: Array.from({ length: 24 }, (_, i) => ({
        author: { name: i % 2 ? 'B' : 'A', role: i % 2 ? 'agent' : 'customer' }, visibility: i % 4 === 3 ? 'internal' : 'public',
        at: new Date(Date.UTC(2026, 0, 5, 9) + i * 3600e3).toISOString(), text: `${says[i % 4]} (${i + 1})`,
      })),
    };
    // A click that comes meanwhile (its plan, then its draft) goes first:
    // the core runs one call at a time, and the click's draft warms it too.
    const step = (name, req) => (performance.now() - askedAt < 10000 ? null : call(name, req));
    await step('plan', { url: 'https://warm-up.zendesk.com/agent/tickets/1' });
    const th = await step('parse', { source: 'thread', files: [{ name: 'thread.json', text: JSON.stringify(thread) }] });
    const note = th && await step('draft', { handle: th.handle });
    if (note) await step('lint', { handle: th.handle, note });
    timings.warm = performance.now() - start;
    return true;
  })().catch((e) => { warmed = null; throw e; });
  return warmed;
}

function coded(code, message) {
  return Object.assign(new Error(message), { code });
}

/** call runs a bridge call with a request object and returns its answer object. */
async function call(name, req, repair) {
  const api = await loadCore();
  if (typeof api[name] !== 'function') throw coded('E_USAGE', `unknown call ${name}`);
  const start = performance.now();
  const out = JSON.parse(await api[name](JSON.stringify(req), repair));
  timings.calls = [...(timings.calls ?? []).slice(-19), [name, performance.now() - start]];
  return out;
}

/**
 * compose parses a ticket payload and drafts its note by the mode in the
 * settings: offline (the core alone), worker (POST /v1/draft to the team
 * worker) or on-device (Chrome's LanguageModel, prompt and checks by the
 * core). The answer carries the thread summary for citations.
 */
async function compose(payload, opts = {}) {
  const t = { at: performance.now() };
  let last = t.at;
  const lap = (k) => { const now = performance.now(); t[k] = now - last; last = now; };
  const s = await HandoffSettings.load();
  const mode = opts.mode ?? s.mode;
  await loadCore();
  lap('settings+core');
  const thread = await call('parse', { ...payload, include_thread: mode === 'worker' });
  lap('parse');
  const base = {
    handle: thread.handle, destination: opts.destination ?? s.destination,
    template: s.template, language: s.language, no_redact: !s.redact,
  };
  let note;
  if (mode === 'worker') note = await viaWorker(s, thread.thread, base);
  else if (mode === 'on-device') note = await onDevice(base);
  else note = await call('draft', base);
  lap('draft');
  delete thread.thread;
  timings.compose = t;
  return { thread, note };
}

/** viaWorker sends the thread to the team worker's /v1/draft. */
async function viaWorker(s, thread, o) {
  const url = HandoffSettings.workerURL(s.workerUrl);
  if (!url) throw coded('E_USAGE', 'Set the team worker URL (https, or http://localhost) in the options.');
  const token = await HandoffSettings.token();
  if (!token) throw coded('E_AUTH', 'Set the team token in the options.');
  let res;
  try {
    res = await fetch(new URL('v1/draft', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ thread, template: o.template || undefined, destination: o.destination, language: o.language }),
    });
  } catch (e) {
    throw coded('E_UPSTREAM', `The team worker could not be reached (${e.message}).`);
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw coded(body?.error?.code ?? 'E_UPSTREAM', body?.error?.message ?? `The team worker answered HTTP ${res.status}.`);
  if (!body?.sections) throw coded('E_UPSTREAM', 'The team worker answered without a note.');
  return body;
}

/**
 * onDevice drafts with Chrome's built-in model: the core builds the
 * prompt, the model answers under the note's JSON schema, and the core
 * parses and checks the answer (one repair round with its findings).
 */
async function onDevice(o) {
  const LM = globalThis.LanguageModel;
  if (!LM) throw coded('E_UNSUPPORTED', 'This browser has no on-device model (LanguageModel); choose Offline or Team worker in the options.');
  if ((await LM.availability?.()) === 'unavailable') throw coded('E_UNSUPPORTED', 'The on-device model is unavailable on this device.');
  const ask = async (p) => {
    const session = await LM.create({ initialPrompts: [{ role: 'system', content: p.system }] });
    try {
      return await session.prompt(p.user, { responseConstraint: p.schema });
    } finally {
      session.destroy?.();
    }
  };
  const engine = { ...o, engine: 'on-device' };
  const p = await call('prompt', engine);
  const answer = await ask(p);
  return call('finish', { ...engine, answer }, async (repairJSON) => ask(JSON.parse(repairJSON)));
}

const routes = {
  // The plan is made as soon as the core is loaded, before the warm-up
  // draft, and does not count as a click's call (warm yields to those).
  warm: (m) => {
    const plan = m.plan ? loadCore().then((api) => api.plan(JSON.stringify(m.plan))).then(JSON.parse) : null;
    warm().catch(() => {});
    return plan ?? Promise.resolve(true);
  },
  call: (m) => { askedAt = performance.now(); return call(m.name, m.req ?? {}); },
  compose: (m) => { askedAt = performance.now(); return compose(m.payload, m.opts); },
  ...globalThis.HandoffFeedbackRoutes, // src/feedback-sw.js
};

chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
  const route = routes[msg?.type];
  if (!route) return false;
  route(msg).then(
    (value) => reply({ ok: true, value }),
    (e) => reply({ ok: false, error: { code: e.code ?? 'E_INTERNAL', message: String(e.message ?? e) } }),
  );
  return true;
});

/** toggle opens Handoff in a tab, injecting the content scripts first where the manifest did not. */
async function toggle(tab) {
  if (!tab?.id) return;
  try {
    await chrome.tabs.sendMessage(tab.id, { type: 'toggle' });
  } catch {
    const files = chrome.runtime.getManifest().content_scripts[0].js;
    await chrome.scripting.executeScript({ target: { tabId: tab.id }, files });
    await chrome.tabs.sendMessage(tab.id, { type: 'toggle' }).catch(() => {});
  }
}

chrome.action.onClicked.addListener(toggle);
chrome.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'draft-handoff') return;
  toggle(tab ?? (await chrome.tabs.query({ active: true, currentWindow: true }))[0]);
});

/**
 * syncHosts registers the content scripts on the self-hosted origins the
 * user added in the options and granted (optional host permissions).
 */
async function syncHosts() {
  const { hosts } = await HandoffSettings.load();
  const origins = [];
  for (const h of hosts) {
    const pattern = `${h.origin.replace(/\/+$/, '')}/*`;
    if (await chrome.permissions.contains({ origins: [pattern] })) origins.push(pattern);
  }
  await chrome.scripting.unregisterContentScripts({ ids: ['self-hosted'] }).catch(() => {});
  if (!origins.length) return;
  await chrome.scripting.registerContentScripts([{
    id: 'self-hosted', matches: origins, js: chrome.runtime.getManifest().content_scripts[0].js, runAt: 'document_idle',
  }]);
}

chrome.runtime.onInstalled.addListener(syncHosts);
chrome.permissions.onAdded.addListener(syncHosts);
chrome.storage.onChanged.addListener((changes, area) => { if (area === 'local' && changes.settings) syncHosts(); });
