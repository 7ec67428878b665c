// The content-script engine, the same on every helpdesk: it finds the site
// (src/sites/*.js) for the page, keeps a "Draft handoff" button beside the
// ticket's controls (or floating) across single-page navigation, executes
// the core's fetch plan with the agent's session (every page through its
// pager, or the DOM capture), hands the payload to the service worker, and
// drives the panel: live lint while editing, autosave per ticket, insert
// as an internal note, copy, regenerate, discard, and the "select the
// conversation" fallback when a ticket cannot be read.
(() => {
  if (globalThis.HandoffEngine) return;
  const { el, msg } = HandoffPanel;
  const state = { url: null, site: null, button: null, panel: null, thread: null, payload: null, selection: null, plan: null };
  globalThis.HandoffEngine = { state, run: (o) => run(o) };

  const coded = (code, message) => Object.assign(new Error(message), { code });
  /** mark records a step of a draft on the page's timeline (bench/bench.mjs reads "handoff:*"). */
  const mark = (step) => performance.mark(`handoff:${step}`);

  /** send asks the service worker; a failure rejects with its coded error. */
  async function send(type, body) {
    const r = await chrome.runtime.sendMessage({ type, ...body });
    if (!r) throw coded('E_INTERNAL', 'The Handoff service worker did not answer.');
    if (!r.ok) throw coded(r.error.code, r.error.message);
    return r.value;
  }
  const call = (name, req) => send('call', { name, req });

  async function settings() {
    const { settings: s } = await chrome.storage.local.get('settings');
    return { destination: 'auto', hosts: [], template: '', ...(s ?? {}) };
  }

  function storageKey() {
    const u = new URL(location.href);
    return `draft:${u.host}:${state.site?.name ?? 'page'}:${state.site?.ticketId(u) ?? u.pathname}`;
  }

  // ---- the fetch plan -------------------------------------------------

  const get = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);

  /** fetchPages fetches one request of an "api" plan and every page its pager names. */
  async function fetchPages(r, onPage) {
    const out = [];
    const pager = r.pager;
    let url = r.url, offset = 0;
    for (let k = 1; url && k <= (pager?.max_pages || 1); k++) {
      onPage(r.name, k);
      const res = await fetch(url, { credentials: 'include', headers: { Accept: 'application/json', ...(r.headers ?? {}) } });
      if (!res.ok) throw coded(res.status === 401 || res.status === 403 ? 'E_AUTH' : 'E_UPSTREAM', `${new URL(url).pathname} answered HTTP ${res.status}`);
      const text = await res.text();
      out.push({ name: k === 1 ? `${r.name}.json` : `${r.name}-${k}.json`, text });
      let body;
      try { body = JSON.parse(text); } catch { break; }
      if (pager?.style === 'next') {
        if (pager.more && get(body, pager.more) === false) break;
        const next = (pager.next ?? []).map((p) => get(body, p)).find((v) => typeof v === 'string' && v);
        url = next ? new URL(next, url).href : null;
        if (url && new URL(url).origin !== location.origin) url = null; // same origin only
      } else if (pager?.style === 'offset') {
        const items = pager.items ? get(body, pager.items) : undefined;
        if (Array.isArray(items) && items.length === 0) break;
        offset += pager.limit || 1;
        const total = Number(pager.total ? get(body, pager.total) : NaN);
        if (Number.isFinite(total) && offset >= total) break;
        const u = new URL(url);
        u.searchParams.set(pager.param, String(offset));
        url = u.href;
      } else break;
    }
    return out;
  }

  /** collect executes a plan and returns the payload's files. */
  async function collect(plan) {
    if (plan.kind === 'dom') {
      const sels = [...(plan.capture?.containers ?? []), ...(state.site?.capture?.containers ?? [])];
      const box = HandoffDOM.first(document, sels);
      if (!box) throw coded('E_EMPTY', 'the conversation was not found on this page.');
      return [{ name: plan.capture.file || 'page.html', text: box.outerHTML }];
    }
    // The plan's requests run side by side (each request's pages in turn);
    // the files keep the plan's order.
    const progress = (name, k) => state.panel?.progress(`Reading ${name}${k > 1 ? `, page ${k}` : ''}…`);
    const each = await Promise.all((plan.requests ?? []).map((r) => fetchPages(r, progress).catch((e) => {
      if (!r.optional) throw e;
      return [];
    })));
    const files = each.flat();
    return files;
  }

  // ---- drafting -----------------------------------------------------------

  function panel() {
    if (state.panel?.host.isConnected) return state.panel;
    state.panel = new HandoffPanel({
      onEdit: (note) => { lintSoon(note); saveSoon(note); },
      onInsert: insert,
      onCopy: copy,
      onCite: cite,
      onRegenerate: () => run({ fresh: true }),
      onDestination: (d) => run({ fresh: true, destination: d, reread: false }),
      onDiscard: async () => { await chrome.storage.local.remove(storageKey()); state.panel?.close(); },
      onSelect: pickConversation,
      onDraftSelection: draftSelection,
      onClose: () => { state.panel = null; },
    });
    return state.panel;
  }

  /**
   * run opens the panel: the saved draft when there is one, else a new
   * draft. reread false drafts again from the ticket read last on this
   * page (another destination), without fetching it again.
   */
  async function run({ fresh = false, destination, reread = true } = {}) {
    mark('click');
    send('click', {}).catch(() => {});
    const p = panel();
    p.progress(msg('reading'));
    mark('panel');
    if (!reread && state.payload?.url === location.href) {
      try {
        await compose(state.payload, destination ?? (await settings()).destination);
      } catch (e) {
        unreadable(e);
      }
      return;
    }
    const key = storageKey();
    const saved = fresh ? null : (await chrome.storage.local.get(key))[key];
    mark('saved');
    if (saved?.note) {
      show(saved.note, { restoredAt: saved.savedAt });
      state.reading = readThread().then(() => lintNow(p.currentNote())).catch(() => {});
      return;
    }
    try {
      const s = await settings();
      const plan = await planFor(s);
      mark('plan');
      const files = await collect(plan);
      mark('fetched');
      await compose({ source: plan.source, url: location.href, files }, destination ?? s.destination);
    } catch (e) {
      unreadable(e);
    }
  }

  /**
   * planFor returns the core's fetch plan for this page: the one the
   * service worker made when the ticket view was detected (keepWarm), or
   * a new one. A plan depends only on the URL and the self-hosted hosts.
   */
  async function planFor(s) {
    const key = JSON.stringify([location.href, s.hosts]);
    if (state.plan?.key === key) {
      const plan = await state.plan.value.catch(() => null);
      if (plan) return plan;
    }
    const value = call('plan', { url: location.href, hosts: s.hosts });
    state.plan = { key, value };
    return value;
  }

  /** readThread runs the plan and parses it, for citations and lint of a restored draft. */
  async function readThread() {
    const s = await settings();
    const plan = await planFor(s);
    state.payload = { source: plan.source, url: location.href, files: await collect(plan) };
    state.thread = await call('parse', state.payload);
  }

  async function compose(payload, destination) {
    state.panel?.progress(msg('reading'));
    state.payload = payload;
    const r = await send('compose', { payload, opts: { destination } });
    mark('composed');
    state.thread = r.thread;
    HandoffFeedbackPage.drafted(r.note, ticketRef());
    show(r.note);
    mark('shown');
    state.panel?.progress(msg('readProgress', [String(r.thread.read), String(r.thread.total)]));
    save(r.note);
  }

  function show(note, opts) {
    const p = panel();
    p.showNote(note, opts);
    const insertButton = p.footer.querySelector('[data-handoff="insert"]');
    if (insertButton && (!state.site || state.site.fallback)) insertButton.disabled = true;
    p.focus();
  }

  function unreadable(e) {
    state.thread = null;
    panel().showError(msg('unreadable', [e.message || String(e)]), { offerSelect: true });
  }

  // ---- live lint and autosave --------------------------------------------

  let lintTimer, saveTimer;
  function lintSoon(note) {
    clearTimeout(lintTimer);
    lintTimer = setTimeout(() => lintNow(note), 250);
  }
  function saveSoon(note) {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => save(note), 400);
  }

  async function lintNow(note, retried = false) {
    if (!state.thread) return;
    const s = await settings();
    try {
      state.panel?.setFindings(await call('lint', { handle: state.thread.handle, note, template: s.template }));
    } catch (e) {
      if (e.code === 'E_EMPTY' && state.payload && !retried) { // the service worker restarted
        state.thread = await call('parse', state.payload);
        return lintNow(note, true);
      }
      state.panel?.progress(e.message);
    }
  }

  async function save(note) {
    await chrome.storage.local.set({ [storageKey()]: { note, savedAt: Date.now(), url: location.href } });
  }

  // ---- actions --------------------------------------------------------------

  async function renderings(note) {
    const [md, text] = await Promise.all([call('render', { note, format: 'md' }), call('render', { note, format: 'text' })]);
    const lines = text.text.split('\n').map((l) => l.trim()).filter(Boolean);
    return { markdown: md.text, text: text.text, heading: lines[0], marker: lines[lines.length - 1] };
  }

  /** ticketRef names the ticket for drafting events (the worker stores only its salted hash). */
  function ticketRef() {
    return { source: state.site?.fallback ? null : state.site?.name, ticket: state.site?.ticketId(new URL(location.href)) };
  }

  async function insert(note) {
    const p = state.panel;
    try {
      const c = state.site?.composer;
      if (!c || state.site.fallback) throw coded('E_UNSUPPORTED', 'this page has no internal-note composer Handoff knows; copy the note instead.');
      const r = await HandoffFeedbackPage.decorate(note, await renderings(note)); // feedback links, with a worker
      await c.makeInternal(document);
      await c.insert(document, {
        text: r.text, markdown: r.markdown,
        fragment: (doc) => r.withLinks(HandoffDOM.noteFragment(doc, { ...note, heading: r.heading, marker: r.marker })),
      });
      HandoffFeedbackPage.inserted(note, ticketRef());
      p?.progress(msg('inserted'));
    } catch (e) {
      p?.progress(`Not inserted: ${e.message}`);
    }
  }

  async function copy(note, format) {
    try {
      const r = await renderings(note);
      await navigator.clipboard.writeText(format === 'md' ? r.markdown : r.text);
      state.panel?.progress(msg('copied'));
    } catch (e) {
      state.panel?.progress(`Not copied: ${e.message}`);
    }
  }

  async function cite(n) {
    await state.reading;
    const m = state.thread?.messages?.[n - 1];
    const target = m && state.site?.messageElement(document, { n, id: m.id, at: m.at, author: m.author });
    if (target) HandoffDOM.highlight(target);
    else state.panel?.progress(`Message #${n} is not shown on this page.`);
  }

  // ---- "select the conversation" -------------------------------------------

  /** The last non-empty selection outside Handoff's own elements. */
  document.addEventListener('selectionchange', () => {
    const sel = document.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return;
    let node = sel.getRangeAt(0).commonAncestorContainer;
    if (node.nodeType !== Node.ELEMENT_NODE) node = node.parentElement;
    if (node && !node.closest('[data-handoff-host]')) state.selection = node;
  });

  async function draftFrom(box) {
    if (!box) {
      state.panel?.progress(msg('selectHelp'));
      return;
    }
    try {
      await compose({ source: 'html', url: location.href, files: [{ name: 'page.html', text: box.outerHTML }] }, (await settings()).destination);
    } catch (e) {
      unreadable(e);
    }
  }

  function draftSelection() {
    return draftFrom(state.selection);
  }

  /** pickConversation lets the agent click the element holding the conversation. */
  function pickConversation() {
    state.panel?.progress(msg('selectHelp'));
    let last = null;
    const mark = (e) => {
      if (last) last.style.outline = last.dataset.handoffOutline ?? '';
      last = e.target.closest?.('[data-handoff-host]') ? null : e.target;
      if (last) { last.dataset.handoffOutline = last.style.outline; last.style.outline = '2px dashed #0d766e'; }
    };
    const done = () => {
      document.removeEventListener('mouseover', mark, true);
      document.removeEventListener('click', pick, true);
      document.removeEventListener('keydown', esc, true);
      if (last) last.style.outline = last.dataset.handoffOutline ?? '';
    };
    const pick = (e) => {
      if (e.target.closest?.('[data-handoff-host]')) return;
      e.preventDefault();
      e.stopPropagation();
      done();
      draftFrom(e.target);
    };
    const esc = (e) => { if (e.key === 'Escape') done(); };
    document.addEventListener('mouseover', mark, true);
    document.addEventListener('click', pick, true);
    document.addEventListener('keydown', esc, true);
  }

  // ---- the button and single-page navigation ------------------------------

  function button() {
    const host = el('span', { 'data-handoff-host': 'button' });
    const root = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(globalThis.HandoffPanelCSS ?? '');
    root.adoptedStyleSheets = [sheet];
    const b = el('button', { type: 'button', class: 'primary', 'data-handoff': 'draft', 'aria-haspopup': 'dialog', onclick: () => run() }, msg('draftButton'));
    root.append(b);
    return { host, b };
  }

  function place() {
    if (!state.site) return;
    const anchor = state.site.findAnchor(document);
    if (state.button?.host.isConnected && (state.button.anchored || !anchor)) return;
    state.button?.host.remove();
    state.button = button();
    if (anchor) {
      anchor.after(state.button.host);
      state.button.anchored = true;
    } else {
      state.button.b.classList.add('floating');
      document.documentElement.append(state.button.host);
    }
  }

  async function navigate() {
    state.url = location.href;
    const s = await settings();
    const site = HandoffSites.find(new URL(location.href), s.hosts);
    state.button?.host.remove();
    state.button = null;
    state.panel?.close();
    state.thread = null;
    state.plan = null;
    state.site = site;
    place();
    if (site && !site.fallback) keepWarm(true, s.hosts); // compile the core and plan before the click
  }

  // Chrome stops an idle service worker after 30 s, and the core with it;
  // a visible ticket view asks it to stay warm every 25 s, so a click finds
  // the core loaded. Hidden tabs and other pages let it sleep.
  // The first ask also has the service worker make this page's fetch plan
  // as soon as the core is loaded, so a click starts fetching at once.
  let warmedAt = 0;
  function keepWarm(now = false, hosts = null) {
    if (!state.site || state.site.fallback || document.visibilityState !== 'visible') return;
    if (!now && Date.now() - warmedAt < 25000) return;
    warmedAt = Date.now();
    if (!hosts) {
      send('warm', {}).catch(() => {});
      return;
    }
    const req = { url: location.href, hosts };
    const value = send('warm', { plan: req });
    value.catch(() => {});
    state.plan = { key: JSON.stringify([req.url, hosts]), value };
  }

  chrome.runtime.onMessage.addListener((m) => {
    if (m?.type !== 'toggle') return;
    if (state.panel) state.panel.close();
    else {
      run();
    }
  });

  navigate();
  setInterval(() => {
    if (location.href !== state.url) navigate();
    else {
      place();
      keepWarm();
    }
  }, 500);
})();
