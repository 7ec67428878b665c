// HandoffFeedback: what the extension measures, as pure functions shared
// by the service worker, the content scripts, the options page and the
// node tests. editShare, weekly and overall compute exactly what
// core/feedback's EditShare, Weekly and Overall compute (test/feedback-unit
// checks both against core/feedback/testdata/parity.json).
globalThis.HandoffFeedback = globalThis.HandoffFeedback ?? (() => {
  // Go's unicode.IsSpace set, plus the punctuation EditShare splits on.
  const SEPARATORS = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000,.;:]+/u;
  const MAX_WORDS = 2000;
  const GOAL = 0.8;

  const words = (s) => String(s ?? '').toLowerCase().split(SEPARATORS).filter(Boolean);

  /**
   * editShare: how much of a section the agent changed before inserting,
   * the word-level edit distance over the longer text, 0 (untouched) to 1
   * (rewritten). Two empty texts give 0; anything not a string counts as ''.
   *
   *   editShare('same 502 after cache clear', 'same 502 after cache clear (#3)') // 1/6
   */
  function editShare(before, after) {
    const a = words(before), b = words(after);
    const longest = Math.max(a.length, b.length);
    if (longest === 0) return 0;
    return distance(a.slice(0, MAX_WORDS), b.slice(0, MAX_WORDS)) / longest;
  }

  function distance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    let cur = new Array(b.length + 1).fill(0);
    for (let i = 1; i <= a.length; i++) {
      cur[0] = i;
      for (let j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      [prev, cur] = [cur, prev];
    }
    return prev[b.length];
  }

  /** monday is the ISO date of the Monday (UTC) of an RFC 3339 time or epoch ms. */
  function monday(at) {
    const d = new Date(at);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  }

  function median(vs) {
    const s = [...vs].sort((x, y) => x - y);
    const n = s.length;
    if (!n) return 0;
    return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  function group(events, answers, period) {
    const weeks = new Map();
    const get = (at) => {
      const k = period(at);
      if (!weeks.has(k)) weeks.set(k, { notes: 0, notReady: 0, inserted: 0, answers: 0, saved: 0, edits: new Map(), findings: new Map() });
      return weeks.get(k);
    };
    for (const e of events ?? []) {
      const w = get(e.at);
      if (e.kind === 'draft') {
        w.notes++;
        if (!e.ready) w.notReady++;
      } else if (e.kind === 'insert') {
        w.inserted++;
        for (const [k, v] of Object.entries(e.edit_share ?? {})) w.edits.set(k, [...(w.edits.get(k) ?? []), v]);
        for (const f of e.findings ?? []) w.findings.set(f, (w.findings.get(f) ?? 0) + 1);
      }
    }
    for (const a of answers ?? []) {
      const w = get(a.at);
      w.answers++;
      if (a.saved) w.saved++;
    }
    return [...weeks.keys()].sort().map((start) => week(start, weeks.get(start)));
  }

  function week(start, w) {
    const out = {
      start, notes: w.notes, inserted: w.inserted, answers: w.answers, saved_share: 0, not_ready_share: 0,
      median_edit_share: {}, top_findings: [], working_goal: GOAL, meets_goal: false,
    };
    if (w.answers) {
      out.saved_share = w.saved / w.answers;
      out.meets_goal = out.saved_share >= GOAL;
    }
    if (w.notes) out.not_ready_share = w.notReady / w.notes;
    for (const k of [...w.edits.keys()].sort()) out.median_edit_share[k] = median(w.edits.get(k));
    out.top_findings = [...w.findings].map(([rule, count]) => ({ rule, count }))
      .sort((x, y) => y.count - x.count || (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0)).slice(0, 5);
    return out;
  }

  /** weekly: figures per week (Monday, UTC), oldest first, from events and answers as the worker stores them. */
  const weekly = (events, answers) => group(events, answers, monday);

  /** overall: the same figures over everything, as one period starting on the oldest Monday. */
  function overall(events, answers) {
    const starts = [...(events ?? []), ...(answers ?? [])].map((x) => monday(x.at)).sort();
    const all = group(events, answers, () => starts[0]);
    return all[0] ?? week('', { notes: 0, notReady: 0, inserted: 0, answers: 0, saved: 0, edits: new Map(), findings: new Map() });
  }

  // The marker line every rendering ends with: "Handoff note hn_…".
  const MARKER = /Handoff note (hn_[0-9a-f]{6,32})\b/;

  /** noteIdIn returns the note id of the first Handoff marker in text, or null. */
  const noteIdIn = (text) => MARKER.exec(String(text ?? ''))?.[1] ?? null;

  /** question is the line the marker carries when a worker signed feedback links. */
  const question = (links) => `Did this save you time? Yes: ${links.yes} · No: ${links.no}`;

  /** sectionText is a note section's text, from its items when it has no text. */
  const sectionText = (s) => s?.text ?? (s?.items ?? []).map((i) => i.text).join('\n');

  return { editShare, weekly, overall, monday, noteIdIn, question, sectionText, GOAL };
})();
