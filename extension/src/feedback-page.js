// HandoffFeedbackPage: feedback on the helpdesk page (a content script,
// loaded before engine.js).
//
// - drafted/inserted: the engine reports a new draft and an inserted note;
//   they become drafting events (src/feedback-sw.js) with the edit share per
//   section (HandoffFeedback.editShare against the draft as first shown)
//   and the finding rule ids at insert. The author's browser never asks the
//   author for feedback on that note.
// - decorate: with a team worker, the inserted note's marker line carries
//   the two signed links "Did this save you time? Yes: … · No: …".
// - watch: when a ticket shows a Handoff note (its marker "Handoff note
//   hn_…" or a data-handoff-note attribute) outside any editor, a small
//   prompt asks "Did this handoff save you time?" once per note per browser.
globalThis.HandoffFeedbackPage = globalThis.HandoffFeedbackPage ?? (() => {
  const F = globalThis.HandoffFeedback;
  const el = (...a) => HandoffPanel.el(...a);

  async function send(type, body = {}) {
    const r = await chrome.runtime.sendMessage({ type, ...body });
    if (!r?.ok) throw Object.assign(new Error(r?.error?.message ?? 'no answer'), { code: r?.error?.code });
    return r.value;
  }
  const quietly = (p) => p.catch(() => null);
  const rules = (findings) => (findings ?? []).map((f) => f.rule).filter(Boolean).slice(0, 64);
  const sections = (note) => Object.fromEntries((note.sections ?? []).map((s) => [s.key, F.sectionText(s)]));

  /** drafted keeps the draft as first shown (for edit shares) and reports a draft event. */
  async function drafted(note, { source, ticket } = {}) {
    if (!note?.id) return;
    await chrome.storage.local.set({ [`feedbackDraft:${note.id}`]: { sections: sections(note) }, [`feedbackMine:${note.id}`]: true });
    await quietly(send('feedback-event', { event: {
      kind: 'draft', note_id: note.id, ticket: source && ticket ? { source, id: String(ticket) } : undefined,
      ready: Boolean(note.ready), engine: note.meta?.engine || undefined, findings: rules(note.findings),
    } }));
  }

  /** inserted reports the insert: edit share per section against the first draft, findings now. */
  async function inserted(note, { source, ticket } = {}) {
    if (!note?.id) return;
    const key = `feedbackDraft:${note.id}`;
    const first = (await chrome.storage.local.get(key))[key]?.sections ?? {};
    const edit_share = {};
    for (const [k, text] of Object.entries(sections(note))) edit_share[k] = F.editShare(first[k] ?? '', text);
    await chrome.storage.local.set({ [`feedbackMine:${note.id}`]: true });
    await quietly(send('feedback-event', { event: {
      kind: 'insert', note_id: note.id, ticket: source && ticket ? { source, id: String(ticket) } : undefined,
      ready: Boolean(note.ready), engine: note.meta?.engine || undefined, edit_share, findings: rules(note.findings),
    } }));
  }

  /**
   * decorate returns the renderings r with the worker's signed feedback
   * links in the marker line (text and Markdown) and withLinks(fragment),
   * which adds them to the rich-text note as links. Offline, or when the
   * worker cannot sign, r is returned unchanged (withLinks does nothing).
   */
  async function decorate(note, r) {
    const links = note?.id ? await quietly(send('feedback-links', { note_id: note.id })) : null;
    if (!links?.yes || !links?.no) return { ...r, withLinks: (frag) => frag };
    return {
      ...r,
      text: r.text.replace(r.marker, `${r.marker} · ${F.question(links)}`),
      markdown: r.markdown.replace(`_${r.marker}_`, `_${r.marker}_ · Did this save you time? [Yes](${links.yes}) · [No](${links.no})`),
      withLinks(frag) {
        const doc = frag.ownerDocument ?? document;
        const last = frag.lastChild;
        const a = (text, href) => { const x = doc.createElement('a'); x.href = href; x.textContent = text; return x; };
        last?.append(' · Did this save you time? ', a('Yes', links.yes), ' · ', a('No', links.no));
        return frag;
      },
    };
  }

  // ---- the receiver's prompt --------------------------------------------

  const editing = (node) => {
    const e = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return !e || e.closest('[contenteditable=""], [contenteditable="true"], textarea, input, [data-handoff-host]');
  };

  /** findNote returns the id of the first Handoff note shown on the page (not in an editor), or null. */
  function findNote(doc = document) {
    for (const e of doc.querySelectorAll('[data-handoff-note]')) {
      const id = e.getAttribute('data-handoff-note');
      if (!editing(e) && F.noteIdIn(`Handoff note ${id}`)) return id;
    }
    const hits = doc.evaluate("//text()[contains(., 'Handoff note hn_')]", doc.body ?? doc, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    for (let i = 0; i < hits.snapshotLength; i++) {
      const n = hits.snapshotItem(i);
      const id = !editing(n) && F.noteIdIn(n.nodeValue);
      if (id) return id;
    }
    return null;
  }

  const CSS = `
    :host { all: initial; }
    .box { position: fixed; left: 16px; bottom: 16px; z-index: 2147483646; max-width: 340px; padding: 10px 12px;
      font: 13px/1.4 system-ui, sans-serif; color: #0f172a; background: #fff; border: 1px solid #cbd5e1;
      border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / .15); }
    p { margin: 0 0 6px; }
    .row { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
    button { font: inherit; padding: 3px 10px; border-radius: 6px; border: 1px solid #94a3b8; background: #f8fafc; cursor: pointer; }
    button.yes { background: #0d766e; color: #fff; border-color: #0d766e; }
    input { font: inherit; width: 100%; box-sizing: border-box; margin: 0 0 6px; padding: 3px 6px; }
    .close { margin-left: auto; border: 0; background: none; }
    @media (prefers-color-scheme: dark) { .box { color: #e2e8f0; background: #1e293b; border-color: #475569; } }`;

  let shown = null; // the note id the prompt is about

  /** prompt shows the question for noteId; an answer or a dismissal is remembered. */
  function prompt(noteId) {
    shown = noteId;
    const host = el('div', { 'data-handoff-host': 'feedback' });
    const root = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
    const status = el('p', { role: 'status', 'aria-live': 'polite', 'data-handoff': 'feedback-status' });
    const reason = el('input', { type: 'text', maxlength: 500, placeholder: 'Optional: what was missing or helpful?', 'aria-label': 'Reason (optional)', 'data-handoff': 'feedback-reason' });
    const remember = () => chrome.storage.local.set({ [`feedbackAsked:${noteId}`]: true });
    const answer = async (saved) => {
      try {
        await send('feedback-answer', { note_id: noteId, saved, reason: reason.value.trim() });
        status.textContent = 'Thank you — your answer was recorded.';
      } catch (e) {
        if (e.code !== 'E_DUPLICATE') { status.textContent = `Not recorded: ${e.message}`; return; }
        status.textContent = 'An answer for this handoff was already recorded. Thank you.';
      }
      await remember();
      box.querySelectorAll('button, input').forEach((b) => { b.disabled = true; });
      setTimeout(() => host.remove(), 4000);
    };
    const box = el('section', { class: 'box', role: 'dialog', 'aria-label': 'Handoff feedback', 'data-handoff': 'feedback' },
      el('div', { class: 'row' }, el('p', {}, 'Did this handoff save you time?'),
        el('button', { type: 'button', class: 'close', 'aria-label': 'Dismiss', onclick: async () => { await remember(); host.remove(); } }, '×')),
      reason,
      el('div', { class: 'row' },
        el('button', { type: 'button', class: 'yes', 'data-handoff': 'feedback-yes', onclick: () => answer(true) }, 'Yes'),
        el('button', { type: 'button', 'data-handoff': 'feedback-no', onclick: () => answer(false) }, 'No — I still had to ask')),
      status);
    root.append(box);
    document.documentElement.append(host);
  }

  let timer = null;
  async function scan() {
    const id = findNote();
    if (!id || id === shown) return;
    const got = await chrome.storage.local.get([`feedbackAsked:${id}`, `feedbackMine:${id}`]);
    if (got[`feedbackAsked:${id}`] || got[`feedbackMine:${id}`] || id === shown) return;
    if (!(await quietly(send('feedback-status')))?.worker) return;
    if (id !== shown) prompt(id);
  }

  /** watch scans the page now and at most every 0.7 s after DOM changes, for as long as the page lives. */
  function watch() {
    const soon = () => { timer ??= setTimeout(() => { timer = null; scan().catch(() => {}); }, 700); };
    new MutationObserver(soon).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    soon();
  }

  watch();
  return { drafted, inserted, decorate, findNote };
})();
