// HandoffPanel: the in-page panel in an open shadow root. It shows
// progress, the note as editable sections with citation chips, the
// guard's findings per section, the readiness banner and the actions; the
// engine (src/engine.js) supplies what each action does. All text is set
// with textContent: ticket and model text never becomes markup.
globalThis.HandoffPanel = class HandoffPanel {
  /** msg returns a localized string (the _locales/en catalogue). */
  static msg(key, subs) {
    return chrome.i18n?.getMessage(key, subs) || key;
  }

  /** el builds an element: el('button', {class: 'x', 'data-handoff': 'insert'}, 'Insert'). */
  static el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) if (c != null) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }

  constructor(actions) {
    const el = HandoffPanel.el, msg = HandoffPanel.msg;
    this.actions = actions;
    this.host = el('div', { 'data-handoff-host': 'panel' });
    const root = this.host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(globalThis.HandoffPanelCSS ?? '');
    root.adoptedStyleSheets = [sheet];
    this.dest = el('select', { id: 'handoff-dest', onchange: () => actions.onDestination?.(this.dest.value) },
      ['auto', 'engineering', 'finance', 'leadership', 'security'].map((d) => el('option', { value: d }, d)));
    this.status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-handoff': 'progress' });
    this.content = el('div');
    this.footer = el('footer');
    this.panel = el('section', { class: 'panel', 'data-handoff': 'panel', role: 'dialog', 'aria-label': msg('panelTitle') },
      el('header', {},
        el('h2', {}, msg('panelTitle')),
        el('label', { for: 'handoff-dest' }, msg('destination')), this.dest,
        el('button', { type: 'button', 'aria-label': msg('close'), onclick: () => this.close() }, '×')),
      el('div', { class: 'body' }, this.status, this.content),
      this.footer);
    root.append(this.panel);
    document.documentElement.append(this.host);
    this.fields = new Map();
  }

  /** progress says what is happening, in the live region. */
  progress(text) {
    this.status.textContent = text;
  }

  /** showError replaces the content with a clear message and, when offered, the selection fallback. */
  showError(text, { offerSelect } = {}) {
    const el = HandoffPanel.el, msg = HandoffPanel.msg;
    this.fields.clear();
    this.status.textContent = ''; // no stale "Reading the ticket…" beside the error
    this.content.replaceChildren(el('div', { class: 'error', role: 'alert', 'data-handoff': 'error' }, text));
    this.footer.replaceChildren();
    if (offerSelect) {
      this.content.append(el('p', {}, msg('selectHelp')));
      this.footer.append(
        el('button', { type: 'button', class: 'primary', 'data-handoff': 'select', onclick: () => this.actions.onSelect?.() }, msg('selectConversation')),
        el('button', { type: 'button', 'data-handoff': 'draft-selection', onclick: () => this.actions.onDraftSelection?.() }, msg('draftSelection')));
    }
  }

  /**
   * showNote renders note (the note JSON) for editing. thread, when known,
   * is the parse summary whose messages the citation chips point to.
   */
  showNote(note, { restoredAt } = {}) {
    const el = HandoffPanel.el, msg = HandoffPanel.msg;
    this.note = structuredClone(note);
    this.dest.value = note.destination || 'auto';
    this.fields.clear();
    this.readiness = el('div', { class: 'readiness', 'data-handoff': 'readiness', role: 'status' });
    this.general = el('ul', { class: 'findings', 'aria-label': 'Findings about the whole note' });
    const sections = this.note.sections.map((s) => {
      const id = `handoff-s-${s.key}`;
      const field = el('textarea', { id, 'data-section': s.key, rows: Math.min(10, Math.max(3, (s.text ?? '').split('\n').length + 1)) });
      field.value = s.text ?? '';
      const chips = el('div', { class: 'chips', 'aria-label': `Messages cited in ${s.label}` });
      const findings = el('ul', { class: 'findings', 'aria-label': `Findings in ${s.label}` });
      field.addEventListener('input', () => {
        s.text = field.value;
        delete s.items;
        this.renderChips(chips, field.value);
        this.actions.onEdit?.(this.currentNote());
      });
      this.fields.set(s.key, { field, chips, findings });
      this.renderChips(chips, s.text ?? '');
      return el('div', { class: 'section' }, el('label', { for: id }, s.label || s.key), field, chips, findings);
    });
    this.content.replaceChildren(this.readiness, this.general, ...sections,
      el('p', { class: 'marker' }, `${note.meta?.engine ?? 'offline'} draft · ${note.meta?.read ?? 0} of ${note.meta?.total ?? 0} messages read`));
    this.footer.replaceChildren(
      el('button', { type: 'button', class: 'primary', 'data-handoff': 'insert', onclick: () => this.actions.onInsert?.(this.currentNote()) }, msg('insert')),
      el('button', { type: 'button', 'data-handoff': 'copy-md', onclick: () => this.actions.onCopy?.(this.currentNote(), 'md') }, msg('copyMarkdown')),
      el('button', { type: 'button', 'data-handoff': 'copy-text', onclick: () => this.actions.onCopy?.(this.currentNote(), 'text') }, msg('copyText')),
      el('button', { type: 'button', 'data-handoff': 'regenerate', onclick: () => this.actions.onRegenerate?.() }, msg('regenerate')),
      el('button', { type: 'button', 'data-handoff': 'discard', onclick: () => this.actions.onDiscard?.() }, msg('discard')));
    this.setFindings({ ready: note.ready, findings: note.findings ?? [] });
    if (restoredAt) this.progress(msg('restored', [new Date(restoredAt).toLocaleString()]));
  }

  renderChips(box, text) {
    const el = HandoffPanel.el;
    const ns = [...new Set([...String(text).matchAll(/#(\d{1,5})\b/g)].map((m) => Number(m[1])))];
    box.replaceChildren(...ns.map((n) => el('button', {
      type: 'button', class: 'chip', 'data-handoff': 'cite', 'data-n': n, 'aria-label': `Show message ${n}`,
      onclick: () => this.actions.onCite?.(n),
    }, `#${n}`)));
  }

  /** setFindings shows the guard's findings under their sections and the readiness banner. */
  setFindings({ ready, findings }) {
    const el = HandoffPanel.el, msg = HandoffPanel.msg;
    if (!this.readiness) return;
    this.note.ready = ready;
    this.note.findings = findings;
    this.readiness.className = `readiness ${ready ? 'ready' : 'blocked'}`;
    this.readiness.textContent = ready ? msg('ready') : msg('notReady');
    const lists = new Map([...this.fields].map(([k, f]) => [k, []]));
    const general = [];
    for (const f of findings) {
      const item = el('li', { class: f.severity, 'data-handoff': 'finding', 'data-rule': f.rule, 'data-severity': f.severity },
        `${f.message}${f.span ? ` — “${f.span}”` : ''}${f.suggestion ? ` (${f.suggestion})` : ''}`);
      (lists.get(f.section) ?? general).push(item);
    }
    for (const [k, items] of lists) this.fields.get(k).findings.replaceChildren(...items);
    this.general.replaceChildren(...general);
  }

  /** currentNote returns the note as edited. */
  currentNote() {
    return structuredClone(this.note);
  }

  /** focus moves the keyboard to the first section, or the first button. */
  focus() {
    (this.fields.values().next().value?.field ?? this.footer.querySelector('button'))?.focus();
  }

  close() {
    this.host.remove();
    this.actions.onClose?.();
  }
};
