// HandoffDOM: small DOM helpers the engine and the site files share
// (SITES.md). Nothing here parses HTML from strings: elements are built
// with createElement and textContent.
globalThis.HandoffDOM = globalThis.HandoffDOM ?? {
  /** first returns the first element matching any selector of the list, or null. */
  first(root, selectors) {
    for (const s of [].concat(selectors ?? [])) {
      try {
        const el = root.querySelector(s);
        if (el) return el;
      } catch { /* an invalid selector matches nothing */ }
    }
    return null;
  },

  /** waitFor resolves with the first match within ms, or null. */
  waitFor(root, selectors, ms = 3000) {
    const found = this.first(root, selectors);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        const el = this.first(root, selectors);
        if (el) { obs.disconnect(); clearTimeout(timer); resolve(el); }
      });
      const timer = setTimeout(() => { obs.disconnect(); resolve(null); }, ms);
      obs.observe(root.documentElement ?? root, { childList: true, subtree: true, attributes: true });
    });
  },

  /** click sends the pointer and mouse events a real click sends. */
  click(el) {
    const o = { bubbles: true, cancelable: true, composed: true, view: el.ownerDocument.defaultView };
    el.dispatchEvent(new PointerEvent('pointerdown', o));
    el.dispatchEvent(new MouseEvent('mousedown', o));
    el.dispatchEvent(new PointerEvent('pointerup', o));
    el.dispatchEvent(new MouseEvent('mouseup', o));
    el.click();
  },

  /** highlight scrolls el into view and outlines it for two seconds. */
  highlight(el) {
    el.scrollIntoView({ behavior: 'smooth', block: 'center' });
    const before = el.style.outline;
    el.style.outline = '3px solid #f59e0b';
    el.setAttribute('data-handoff-highlight', '');
    setTimeout(() => { el.style.outline = before; el.removeAttribute('data-handoff-highlight'); }, 2000);
  },

  /**
   * noteFragment builds a note as DOM: a heading line, then per section a
   * bold label and its lines as a list (or a paragraph for one line).
   */
  noteFragment(doc, note) {
    const frag = doc.createDocumentFragment();
    const el = (tag, text) => { const e = doc.createElement(tag); if (text != null) e.textContent = text; return e; };
    frag.append(el('p', note.heading));
    for (const s of note.sections) {
      const lines = (s.text ?? '').split('\n').map((l) => l.replace(/^\s*[-*•]\s+/, '').trim()).filter(Boolean);
      const label = el('p');
      label.append(el('strong', s.label || s.key));
      frag.append(label);
      if (lines.length > 1) {
        const ul = el('ul');
        for (const l of lines) ul.append(el('li', l));
        frag.append(ul);
      } else {
        frag.append(el('p', lines[0] ?? '—'));
      }
    }
    frag.append(el('p', note.marker));
    return frag;
  },

  /**
   * appendToComposer appends a note after what the composer holds, never
   * replacing it: a textarea gets the text after a blank line; a
   * contenteditable gets the fragment after its last child. The caret
   * ends after the note and an input event tells the page's editor.
   */
  appendToComposer(el, note) {
    const doc = el.ownerDocument;
    if (el instanceof doc.defaultView.HTMLTextAreaElement || el instanceof doc.defaultView.HTMLInputElement) {
      const proto = Object.getPrototypeOf(el);
      const set = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
      const value = el.value.trim() ? `${el.value.replace(/\s+$/, '')}\n\n${note.text}` : note.text;
      if (set) set.call(el, value); else el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.setSelectionRange?.(value.length, value.length);
      return;
    }
    el.focus();
    const frag = note.fragment(doc);
    const hasText = (el.textContent ?? '').trim().length > 0;
    if (hasText) el.append(doc.createElement('br'));
    el.append(frag);
    const range = doc.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
    const sel = doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  },
};
