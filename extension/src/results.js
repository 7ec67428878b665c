// "Team results" on the options page: the weekly figures of receiver
// feedback and drafting, as inline SVG charts built with DOM APIs (no
// markup from strings, nothing from a CDN). With a team worker and the
// admin token they come from GET /v1/stats; otherwise from the drafting
// figures this browser kept (src/feedback-sw.js), and the page says that
// receiver feedback needs a worker.
(() => {
  const SVG = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);
  const pct = (v) => `${Math.round(v * 100)}%`;

  function svg(tag, attrs = {}, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text != null) e.textContent = text;
    return e;
  }

  function html(tag, attrs = {}, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text != null) e.textContent = text;
    return e;
  }

  /**
   * columns draws one bar per item ({label, value, text}) on a 0..max
   * scale, with an optional dashed goal line. Items with value null get
   * no bar ("no answers").
   */
  function columns(name, title, items, { max = 1, goal, format = pct } = {}) {
    const W = 640, H = 200, top = 16, bottom = 36, left = 40;
    const plot = H - top - bottom;
    const step = (W - left - 8) / Math.max(items.length, 1);
    const y = (v) => top + plot - (Math.min(v, max) / max) * plot;
    const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, 'data-chart': name, class: 'chart' });
    chart.append(svg('title', {}, title));
    chart.append(svg('line', { x1: left, x2: W - 8, y1: y(0), y2: y(0), class: 'axis' }));
    chart.append(svg('text', { x: left - 6, y: y(max) + 4, 'text-anchor': 'end', class: 'tick' }, format(max)));
    chart.append(svg('text', { x: left - 6, y: y(0) + 4, 'text-anchor': 'end', class: 'tick' }, format(0)));
    items.forEach((it, i) => {
      const x = left + i * step + step * 0.15, w = step * 0.7;
      if (it.value != null) {
        const bar = svg('rect', { x, y: y(it.value), width: w, height: y(0) - y(it.value), class: 'bar', 'data-value': it.value });
        bar.append(svg('title', {}, `${it.label}: ${it.text ?? format(it.value)}`));
        chart.append(bar, svg('text', { x: x + w / 2, y: y(it.value) - 3, 'text-anchor': 'middle', class: 'value' }, it.text ?? format(it.value)));
      }
      chart.append(svg('text', { x: x + w / 2, y: H - bottom + 14, 'text-anchor': 'middle', class: 'tick' }, it.label));
    });
    if (goal != null) {
      chart.append(svg('line', { x1: left, x2: W - 8, y1: y(goal), y2: y(goal), class: 'goal', 'data-goal': goal }),
        svg('text', { x: W - 10, y: y(goal) - 4, 'text-anchor': 'end', class: 'goal-label' }, `${format(goal)} goal`));
    }
    return chart;
  }

  /** rows draws one horizontal bar per item ({label, value, text}) on a 0..max scale. */
  function rows(name, title, items, { max = 1, format = pct } = {}) {
    const W = 640, row = 22, left = 170;
    const H = Math.max(items.length, 1) * row + 8;
    const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, 'data-chart': name, class: 'chart' });
    chart.append(svg('title', {}, title));
    items.forEach((it, i) => {
      const yy = 4 + i * row, w = Math.max(1, ((W - left - 60) * Math.min(it.value, max)) / (max || 1));
      const bar = svg('rect', { x: left, y: yy, width: w, height: row - 6, class: 'bar', 'data-value': it.value });
      bar.append(svg('title', {}, `${it.label}: ${it.text ?? format(it.value)}`));
      chart.append(svg('text', { x: left - 6, y: yy + row / 2 + 1, 'text-anchor': 'end', class: 'tick' }, it.label), bar,
        svg('text', { x: left + w + 4, y: yy + row / 2 + 1, class: 'value' }, it.text ?? format(it.value)));
    });
    return chart;
  }

  function figure(title, chart, empty) {
    const f = html('figure');
    f.append(html('figcaption', {}, title));
    f.append(chart ?? html('p', { class: 'empty' }, empty));
    return f;
  }

  /** render shows stats ({source, weeks, overall}) in the results box. */
  function render(stats) {
    const weeks = (stats.weeks ?? []).slice(-12);
    const label = (w) => w.start.slice(5);
    const o = stats.overall ?? {};
    const out = [];
    if (stats.source === 'local') {
      out.push(html('p', { class: 'note', 'data-handoff': 'results-local' },
        'These are the drafting figures kept in this browser. Receiver feedback ("Did this handoff save you time?") needs a team worker: choose Team worker above, and an admin token to see the whole team.'));
    } else {
      out.push(html('p', { class: 'note' }, `Team results from the worker since ${stats.since}: receiver answers and drafting events.`));
    }
    const answered = weeks.filter((w) => w.answers > 0);
    if (stats.source !== 'local') {
      out.push(figure('Saved time — share of receivers who said yes, per week (goal: four of five)',
        answered.length ? columns('saved-share', 'Share of "saved me time" per week', weeks.map((w) => ({
          label: label(w), value: w.answers ? w.saved_share : null, text: w.answers ? `${pct(w.saved_share)} of ${w.answers}` : undefined,
        })), { goal: 0.8 }) : null, 'No receiver answers yet.'));
    }
    const maxNotes = Math.max(1, ...weeks.map((w) => w.notes));
    out.push(figure('Notes drafted per week', weeks.length ? columns('notes', 'Notes drafted per week',
      weeks.map((w) => ({ label: label(w), value: w.notes, text: `${w.notes}` })), { max: maxNotes, format: (v) => String(Math.round(v)) }) : null, 'No drafts yet.'));
    const edits = Object.entries(o.median_edit_share ?? {});
    out.push(figure('Median share of each section the agent changed before inserting', edits.length
      ? rows('edit-share', 'Median edit share per section', edits.map(([k, v]) => ({ label: k, value: v }))) : null, 'No inserted notes yet.'));
    out.push(figure('Share of drafts not ready to escalate, per week', weeks.length ? columns('not-ready', 'Not-ready share per week',
      weeks.map((w) => ({ label: label(w), value: w.notes ? w.not_ready_share : null }))) : null, 'No drafts yet.'));
    const top = o.top_findings ?? [];
    out.push(figure('Most frequent findings at insert', top.length ? rows('findings', 'Most frequent findings', top.map((c) => ({
      label: c.rule, value: c.count, text: String(c.count) })), { max: Math.max(...top.map((c) => c.count)) }) : null, 'No findings at insert.'));
    $('results').replaceChildren(...out);
  }

  async function show() {
    const status = $('resultsStatus');
    status.className = '';
    status.textContent = 'Loading…';
    try {
      await chrome.storage.local.set({ adminToken: $('adminToken').value.trim() });
      const r = await chrome.runtime.sendMessage({ type: 'feedback-stats' });
      if (!r?.ok) throw Object.assign(new Error(r?.error?.message ?? 'no answer'), { code: r?.error?.code });
      render(r.value);
      status.textContent = '';
    } catch (e) {
      status.className = 'error';
      status.textContent = `${e.code ?? 'E_UPSTREAM'}: ${e.message}`;
    }
  }

  chrome.storage.local.get('adminToken').then(({ adminToken }) => { $('adminToken').value = adminToken ?? ''; show(); });
  $('showResults').addEventListener('click', show);
})();
