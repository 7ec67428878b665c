// The service worker: it owns handoff.wasm (the Go core) and the model
// modes. Content scripts and the options page send it messages:
//
//   {type: 'call', name, req}        → a bridge call (plan, parse, draft, lint, render, prompt, finish, template)
//   {type: 'compose', payload, opts} → parse the payload and draft by the chosen mode
//   {type: 'click'}                  → an agent clicked: the warm-up yields from now on
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
 * warm loads the core and reads, drafts and lints a small ticket once per
 * service worker life, so the core's first-use work is done before the
 * agent clicks: the cleaner's and the drafter's patterns and word lists
 * are built on first use, and the engine optimises code that has run
 * often. The ticket is a Zendesk API payload with the bodies real tickets
 * have (HTML replies over Gmail quotes, plain replies over "On … wrote:",
 * signatures, internal notes), so the adapter and both cleaning paths
 * run. Content scripts ask for it when they detect a ticket view.
 */
function warm() {
  warmed ??= (async () => {
    const start = performance.now();
    // A click that comes meanwhile (its plan, then its draft) goes first:
    // the core runs one call at a time, and the click's draft warms it too.
    const step = (name, req) => (performance.now() - askedAt < 10000 ? null : call(name, req));
    // Three rounds: the engine optimises a function once it has run for a
    // while, and one round of a small ticket is not enough for that.
    await step('plan', { url: 'https://warm-up.zendesk.com/agent/tickets/1' });
    const files = warmUpTicket(64);
    for (let round = 1; round <= WARM_ROUNDS; round++) {
      const th = await step('parse', { source: 'zendesk', url: `https://warm-up.zendesk.com/agent/tickets/${round}`, files });
      const note = th && await step('draft', { handle: th.handle, destination: ['auto', 'finance', 'leadership'][round % 3] });
      if (!note) break;
      await step('lint', { handle: th.handle, note });
    }
    timings.warm = performance.now() - start;
    return true;
  })().catch((e) => { warmed = null; throw e; });
  return warmed;
}

const WARM_ROUNDS = 3;

/** warmUpTicket returns the files of a Zendesk ticket of n comments for warm(). */
function warmUpTicket(n) {
  const says = [
    'The export fails with error 502 since Monday 2 March. Our audit is due Friday and 40 users are blocked.',
    'Could you clear the cache and try another browser? If it still fails, please send a HAR file.',
    'I cleared the cache and retried in Firefox 124: same 502. We were charged $1,250.00 for the Pro plan anyway.',
    'Internal: reproduced on staging with a 25k-row report; support cannot change the export service. Engineering needs to check it.',
  ];
  const users = [{ id: 1, name: 'Ana Customer', email: 'ana@example.org', role: 'end-user' }, { id: 2, name: 'Sam Agent', email: 'sam@acme.example', role: 'agent' }];
  const comments = Array.from({ length: n }, (_, i) => {
    const text = `${says[i % 4]} (${i + 1})`;
    const at = new Date(Date.UTC(2026, 2, 2, 9) + i * 3600e3);
    const quote = `On ${at.toUTCString()}, Sam Agent <sam@acme.example> wrote:`;
    const c = { id: 900 + i, type: 'Comment', author_id: i % 2 ? 2 : 1, public: i % 4 !== 3, created_at: at.toISOString() };
    if (i % 2) c.body = c.plain_body = text;
    else if (i % 4 === 0) {
      c.plain_body = `${text}\n\nBest regards,\nAna\n\n${quote}\n> ${says[1]}`;
      c.html_body = `<div dir="ltr"><p>${text}</p><p>Best regards,<br>Ana</p></div><div class="gmail_quote"><div class="gmail_attr">${quote}<br></div><blockquote class="gmail_quote"><p>${says[1]}</p></blockquote></div>`;
      c.body = c.plain_body;
    } else c.body = c.plain_body = `${text}\n\n--\nAna Customer\nSent from my iPhone\n\n${quote}\n> ${says[1]}\n> Thanks`;
    return c;
  });
  const ticket = { ticket: { id: 1, subject: 'Export fails with 502', status: 'open', requester_id: 1, created_at: comments[0].created_at } };
  return [
    { name: 'ticket.json', text: JSON.stringify(ticket) },
    { name: 'comments.json', text: JSON.stringify({ comments, users, next_page: null, count: n }) },
  ];
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
    const plan = m.plan ? call('plan', m.plan) : null;
    warm().catch(() => {});
    return plan ?? Promise.resolve(true);
  },
  // A click says so at once: the warm-up starts no further step, so the
  // core is free when the click's payload arrives.
  click: async () => { askedAt = performance.now(); return true; },
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
