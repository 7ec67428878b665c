// Zendesk in the browser: the shared site tests (site-suite.mjs), then what
// only part 1 covers: a strict page CSP, the "select the conversation"
// fallback drafting through the generic reader, a team worker on loopback,
// and Chrome's on-device model (an injected fake: Debian's chromium has none).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { PRE, SECTIONS, sectionText, siteSuite, typeInto } from './site-suite.mjs';
import { draft, launch, openTicket } from './harness.mjs';

const editor = '[data-test-id="omnicomposer-editable"]';

siteSuite('zendesk', {
  // The agent typed into the composer while it was on "Public reply".
  async prepare(page) {
    await typeInto(page, editor, PRE);
  },
  async composer(page) {
    return {
      text: (await page.locator(editor).innerText()).trim(),
      internal: (await page.locator('[data-test-id="omnicomposer"]').getAttribute('data-channel')) === 'internal',
    };
  },
});

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

test('zendesk: drafts on a page with a strict Content-Security-Policy', async () => {
  const page = await openTicket(h, 'zendesk', 'strict-csp');
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await draft(page);
  for (const key of SECTIONS) assert.ok((await sectionText(page, key)).trim(), `section ${key} is empty`);
  assert.match(await page.locator('[data-handoff="panel"]').innerText(), /Read 14 of 14 messages/);
  await h.screenshot(page, 'zendesk-strict-csp');
  assert.deepEqual(violations, []);
  await page.close();
});

test('zendesk: an unreadable ticket falls back to "select the conversation" and drafts from the pick', async () => {
  const page = await openTicket(h, 'zendesk', 'unreadable');
  await page.locator('[data-handoff="draft"]').click();
  await page.locator('[data-handoff="select"]').click();
  await page.locator('[data-test-id="omni-log-container"]').click({ position: { x: 2, y: 2 } });
  await page.locator('[data-section="problem"]').waitFor({ timeout: 15000 });
  assert.match(await sectionText(page, 'problem'), /502|export/i);
  await h.screenshot(page, 'zendesk-selected');
  await page.close();
});

test('zendesk: citation chips scroll to and highlight the message', async () => {
  const page = await openTicket(h, 'zendesk');
  await draft(page);
  const chip = page.locator('[data-handoff="cite"]').first();
  const n = Number(await chip.getAttribute('data-n'));
  await chip.click();
  const lit = page.locator('[data-handoff-highlight]');
  await lit.waitFor({ timeout: 3000 });
  assert.equal(await lit.count(), 1);
  const ids = await page.locator('[data-test-id="omni-log-comment-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-comment-id')));
  assert.ok(ids.includes(await lit.getAttribute('data-comment-id')), `chip #${n} highlighted something else`);
  await page.close();
});

test('zendesk: worker mode posts the thread to the team worker with the token', async () => {
  const seen = [];
  const events = []; // drafting events (POST /v1/events): figures only, never ticket text
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const cors = { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', 'Access-Control-Allow-Headers': 'authorization, content-type', 'Access-Control-Allow-Methods': 'POST' };
      if (req.method === 'OPTIONS') { res.writeHead(204, cors); res.end(); return; }
      if (req.url !== '/v1/draft') {
        events.push({ url: req.url, body });
        res.writeHead(202, { ...cors, 'Content-Type': 'application/json' });
        res.end('{"ok":true}');
        return;
      }
      seen.push({ url: req.url, auth: req.headers.authorization, body: JSON.parse(body) });
      const th = seen.at(-1).body.thread;
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({
        id: 'hn_worker00001', ready: true, destination: 'engineering', findings: [],
        sections: SECTIONS.map((key) => ({ key, label: key, text: `From the worker: ${key} (#1)` })),
        meta: { engine: 'worker', read: th.messages.length, total: th.messages.length, generated_at: '2026-03-11T14:05:26Z' },
      }));
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    await h.settings({ mode: 'worker', workerUrl: `http://127.0.0.1:${server.address().port}` }, 'team-token-1');
    const page = await openTicket(h, 'zendesk', 'xss'); // a ticket with no saved draft
    await draft(page);
    assert.equal(await sectionText(page, 'problem'), 'From the worker: problem (#1)');
    assert.equal(seen.length, 1);
    assert.equal(seen[0].url, '/v1/draft');
    assert.equal(seen[0].auth, 'Bearer team-token-1');
    assert.ok(seen[0].body.thread.messages.length >= 4, 'the whole thread was sent');
    const firstText = seen[0].body.thread.messages[0].text.slice(0, 40);
    for (const e of events) assert.ok(!e.body.includes(firstText), `${e.url} carried ticket text`);
    await page.close();
  } finally {
    await h.settings({ mode: 'offline' });
    await h.serviceWorker.evaluate(async () => chrome.storage.local.remove(Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('draft:'))));
    server.close();
  }
});

test('zendesk: on-device mode asks LanguageModel with the core prompt and checks its answer', async () => {
  await h.serviceWorker.evaluate(() => {
    globalThis.__asked = [];
    globalThis.LanguageModel = {
      availability: async () => 'available',
      create: async ({ initialPrompts }) => ({
        prompt: async (user, { responseConstraint }) => {
          globalThis.__asked.push({ system: initialPrompts[0].content, user, schema: responseConstraint });
          return JSON.stringify({
            destination: 'engineering',
            sections: {
              problem: [{ text: 'Invoice PDF download fails with error 500 since 1 March (#1).', cites: [1] }],
              background: [{ text: 'Reported 2 March; reproduced by support on 4 March (#1, #4).', cites: [1, 4] }],
              tried: [{ text: 'Cleared the cache (#2) → still error 500 (#3).', cites: [2, 3] }],
              blocker: [{ text: 'Support cannot fix the PDF service; needs engineering (#4).', cites: [4] }],
              posture: [{ text: 'Auditors need the PDF by Friday (#3).', cites: [3] }],
              hypothesis: [{ text: 'We suspect the PDF service fails for this account because every invoice errors (#4); first move: check its logs for INV-2211 (#1).', cites: [1, 4] }],
            },
          });
        },
        destroy() {},
      }),
    };
  });
  await h.settings({ mode: 'on-device' });
  try {
    const page = await openTicket(h, 'zendesk', 'xss');
    await draft(page);
    assert.match(await sectionText(page, 'problem'), /Invoice PDF download fails/);
    const asked = await h.serviceWorker.evaluate(() => globalThis.__asked);
    assert.ok(asked.length >= 1, 'the fake model was not asked');
    assert.match(asked[0].user, /INV-2211/);
    assert.doesNotMatch(asked[0].user, /dana@globex\.example/, 'personal data went to the model unredacted');
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-handoff-xss')), false);
    await page.close();
  } finally {
    await h.settings({ mode: 'offline' });
  }
});

test('zendesk: the fetch plan is made when the ticket view shows, so the click fetches at once', async () => {
  const page = await openTicket(h, 'zendesk');
  await page.locator('[data-handoff="draft"]').waitFor();
  const sw = h.context.serviceWorkers().at(-1);
  for (let i = 0; i < 300 && !(await sw.evaluate(() => globalThis.handoffTimings.warm)); i++) await page.waitForTimeout(100);
  await sw.evaluate(() => { globalThis.handoffTimings.calls = []; });
  await draft(page);
  const calls = (await sw.evaluate(() => globalThis.handoffTimings.calls)).map(([name]) => name);
  assert.ok(calls.includes('parse'), `the click parsed the ticket: ${calls}`);
  assert.ok(!calls.includes('plan'), `the click asked for a plan again: ${calls}`);
  await page.close();
});
