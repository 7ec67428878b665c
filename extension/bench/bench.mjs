// bench.mjs: click → note rendered, offline, for a 200-message Zendesk
// ticket (bench/ticket.mjs, three API pages) in headless chromium with the
// unpacked extension, broken into its parts:
//
//   cold, at once:   a fresh browser, the click as soon as the button shows
//                    (the core is still loading: the worst case)
//   cold, warmed:    a fresh browser, the click once the core has warmed up
//                    (the agent reads the ticket for a moment first)
//   cold, woke:      the service worker stopped (as after 30 s idle) and
//                    the click wakes it
//   warm, same:      Regenerate in the same browser (same payload, options)
//   warm, switch:    another destination: a real draft of the kept thread
//
// Parts come from the page's "handoff:*" marks (src/engine.js) and the
// service worker's handoffTimings (src/background.js). It prints tables
// and the machine's load; it asserts nothing. Budgets (issue 6): cold ≤
// 400 ms, warm ≤ 60 ms.
//
//   RUNS=3 node bench/bench.mjs
import { loadavg } from 'node:os';
import { launch } from '../test/harness.mjs';
import { ticket } from './ticket.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const t = ticket(200);

async function route(h) {
  await h.context.route(`${t.origin}/**`, (r) => {
    const u = new URL(r.request().url());
    const json = (body) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
    if (u.pathname === `/agent/tickets/${t.id}`) return r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title><main><div data-test-id="ticket-composer-toolbar">composer</div></main>' });
    if (u.pathname === `/api/v2/tickets/${t.id}.json`) return json(t.body);
    if (u.pathname === `/api/v2/tickets/${t.id}/comments.json`) return json(t.page(Number(u.searchParams.get('page[after]') ?? 0)));
    return r.fulfill({ status: 404, body: '' });
  });
}

/**
 * once clicks (the draft button, or a panel control) and returns the parts
 * in ms: total from the click until the problem section holds text, and
 * each "handoff:*" mark as the time since the previous one.
 */
async function once(page, control) {
  return page.evaluate(async (sel) => {
    const host = () => document.querySelector('[data-handoff-host="panel"]')?.shadowRoot;
    performance.clearMarks();
    const old = host()?.querySelector('[data-section="problem"]');
    const start = performance.now();
    if (sel === 'draft') document.querySelector('[data-handoff-host="button"]').shadowRoot.querySelector('[data-handoff="draft"]').click();
    else if (sel.startsWith('dest:')) {
      const d = host().querySelector('#handoff-dest');
      d.value = sel.slice(5);
      d.dispatchEvent(new Event('change'));
    } else host().querySelector(`[data-handoff="${sel}"]`).click();
    for (;;) {
      const p = host()?.querySelector('[data-section="problem"]');
      if (p && p !== old && p.value) break;
      await new Promise((r) => requestAnimationFrame(r));
    }
    const out = { total: performance.now() - start };
    let last = start;
    for (const m of performance.getEntriesByType('mark')) {
      if (!m.name.startsWith('handoff:') || m.name === 'handoff:click') continue;
      out[m.name.slice(8)] = m.startTime - last;
      last = m.startTime;
    }
    out['paint'] = out.total - (last - start);
    return out;
  }, control);
}

/** timings returns the running service worker's timings (src/background.js). */
const timings = async (h) => (h.context.serviceWorkers().at(-1) ?? await h.context.waitForEvent('serviceworker', { timeout: 5000 }))
  .evaluate(() => globalThis.handoffTimings);

/** warmedUp waits until the service worker has loaded and warmed the core. */
async function warmedUp(h) {
  for (let i = 0; i < 600; i++) {
    if ((await timings(h).catch(() => null))?.warm) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the core did not warm up within 60 s');
}

/** stopWorker stops the extension's service worker, as Chrome does after 30 s idle. */
async function stopWorker(h, page) {
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  for (let i = 0; i < 100 && h.context.serviceWorkers().length; i++) await new Promise((r) => setTimeout(r, 50));
  await cdp.detach();
}

/** run opens the ticket in a fresh browser, then measures one scenario's clicks. */
async function fresh(scenario) {
  const h = await launch();
  try {
    await route(h);
    const page = await h.context.newPage();
    await page.goto(t.url);
    await page.locator('[data-handoff="draft"]').waitFor();
    if (scenario !== 'at once') await warmedUp(h);
    if (scenario === 'woke') await stopWorker(h, page);
    const first = await once(page, 'draft');
    const sw = await timings(h).catch(() => ({}));
    const row = { ...first, ...flat('sw load', sw.load), ...flat('sw compose', sw.compose) };
    if (process.env.DEBUG) console.log(scenario, JSON.stringify(sw));
    if (scenario !== 'warmed') return { cold: row };
    const same = [], sw2 = [];
    for (let i = 0; i < 10; i++) {
      same.push({ ...await once(page, 'regenerate'), ...flat('sw compose', (await timings(h)).compose) });
    }
    for (const d of ['engineering', 'finance', 'leadership', 'security']) {
      sw2.push({ ...await once(page, `dest:${d}`), ...flat('sw compose', (await timings(h)).compose) });
    }
    return { cold: row, same, switch: sw2 };
  } finally {
    await h.close();
  }
}

const flat = (prefix, o = {}) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'at').map(([k, v]) => [`${prefix}: ${k}`, v]));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** table prints the median of each part over rows. */
function table(title, rows, budget) {
  const keys = [...new Set(rows.flatMap(Object.keys))];
  console.log(`\n${title} — median of ${rows.length}${budget ? ` (budget ${budget} ms)` : ''}`);
  for (const k of keys) {
    const xs = rows.map((r) => r[k]).filter((x) => typeof x === 'number');
    console.log(`  ${k.padEnd(30)} ${median(xs).toFixed(1).padStart(8)} ms${k === 'total' ? `   [${xs.map((x) => x.toFixed(0)).join(', ')}]` : ''}`);
  }
}

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`click → note rendered, offline, 200-message Zendesk ticket (the ticket and ${t.pages} comment pages), headless chromium; load ${load()}`);
const results = { 'at once': [], warmed: [], woke: [], same: [], switch: [] };
for (let run = 0; run < RUNS; run++) {
  for (const s of (process.env.SCENARIOS ?? 'at once,warmed,woke').split(',')) {
    const r = await fresh(s);
    results[s].push(r.cold);
    if (r.same) results.same.push(...r.same);
    if (r.switch) results.switch.push(...r.switch);
  }
}
table('cold, click at once', results['at once'], 400);
table('cold, click once warmed up', results.warmed, 400);
table('cold, click wakes a stopped service worker', results.woke, 400);
table('warm, Regenerate (same ticket and options)', results.same, 60);
table('warm, another destination (a new draft of the kept thread)', results.switch, 60);
console.log(`\nload at the end: ${load()}`);
