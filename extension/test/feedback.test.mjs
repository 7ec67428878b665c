// Receiver feedback in Chromium against the real worker: the bundle in
// workerd (wrangler dev --local) with a local D1 database migrated from
// worker/migrations, and a fake OpenAI server on loopback. An agent drafts
// in worker mode and inserts (the marker carries the signed links); a
// receiver's browser opens the ticket holding the note, answers the
// prompt, and the answer shows up in GET /v1/stats; the signed link of the
// same note then answers "already recorded". Options → Team results draws
// the figures. Needs `make worker` (skipped with a message otherwise).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draft, launch, openTicket } from './harness.mjs';

const workerDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'worker');
const wranglerBin = join(workerDir, 'node_modules', '.bin', 'wrangler');
const ready = existsSync(join(workerDir, 'build', 'app.wasm')) && existsSync(wranglerBin);
const skip = ready ? false : 'needs the worker bundle and wrangler: run `make worker-deps worker`';

// Obviously fake credentials.
const TEAM = 'team-token-fake-ext';
const ADMIN = 'admin-token-fake-ext';
const editor = '[data-test-id="omnicomposer-editable"]';

const modelAnswer = JSON.stringify({ destination: 'engineering', sections: [
  { key: 'problem', items: [{ text: 'The customer cannot complete the task described in the ticket (#1).', cites: [1] }] },
  { key: 'blocker', items: [{ text: 'Support cannot change this without engineering (#1).', cites: [1] }] },
  { key: 'hypothesis', items: [{ text: 'We suspect a server-side fault because the first report describes it (#1); first move: check the logs.', cites: [1] }] },
] });

let upstream, worker, tmp, base;

function listen(server) {
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server.address().port)));
}

async function freePort() {
  const s = createServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
}

before(async () => {
  if (skip) return;
  upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion', created: 1767225600, model: 'fake-ok',
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: modelAnswer } }] }));
    });
  });
  const up = await listen(upstream);
  tmp = mkdtempSync(join(tmpdir(), 'handoff-feedback-'));
  const conf = join(workerDir, 'build', `wrangler.ext-${process.pid}.toml`);
  writeFileSync(conf, ['name = "handoff-worker-ext-test"', 'main = "worker.mjs"', 'compatibility_date = "2026-04-01"', 'send_metrics = false',
    '[[d1_databases]]', 'binding = "HANDOFF_DB"', 'database_name = "handoff-feedback"',
    'database_id = "00000000-0000-0000-0000-000000000000"', 'migrations_dir = "../migrations"', ''].join('\n'));
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: '1',
    WRANGLER_LOG_PATH: join(tmp, 'logs'), XDG_CONFIG_HOME: join(tmp, 'config') };
  const state = join(tmp, 'state');
  execFileSync(wranglerBin, ['d1', 'migrations', 'apply', 'HANDOFF_DB', '--local', '-c', conf, '--persist-to', state], { cwd: workerDir, env, stdio: 'pipe' });
  const port = await freePort();
  const vars = {
    OPENAI_API_KEY: 'sk-fake-ext-0000', OPENAI_BASE_URL: `http://127.0.0.1:${up}/v1`, OPENAI_MODEL: 'fake-ok',
    HANDOFF_TOKENS: TEAM, HANDOFF_ADMIN_TOKEN: ADMIN, ALLOWED_ORIGINS: '*', HANDOFF_RATE_LIMIT: 'off',
    HANDOFF_FEEDBACK_SECRET: 'feedback-secret-fake-ext', HANDOFF_TEAM_SALT: 'team-salt-fake-ext', OPENAI_TIMEOUT: '20',
  };
  const args = ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(await freePort()),
    '-c', conf, '--persist-to', state, '--show-interactive-dev-session=false',
    ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`])];
  worker = spawn(wranglerBin, args, { cwd: workerDir, env, detached: true, stdio: 'ignore' });
  worker.conf = conf;
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if ((await fetch(`${base}/healthz`).catch(() => null))?.ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('wrangler dev did not become ready');
});

after(() => {
  if (worker) {
    try { process.kill(-worker.pid, 'SIGTERM'); } catch { /* already gone */ }
    rmSync(worker.conf, { force: true });
  }
  upstream?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function stats() {
  const res = await fetch(`${base}/v1/stats`, { headers: { Authorization: `Bearer ${ADMIN}` } });
  assert.equal(res.status, 200);
  return res.json();
}

test('feedback: a receiver\'s click in the browser shows up in /v1/stats; the signed link then answers "already recorded"', { skip, timeout: 180000 }, async () => {
  const agent = await launch();
  const receiver = await launch();
  try {
    // The agent drafts with the team worker, edits the problem and inserts.
    await agent.settings({ mode: 'worker', workerUrl: base }, TEAM);
    const page = await openTicket(agent, 'zendesk');
    await draft(page);
    await page.locator('[data-section="problem"]').fill('The customer cannot export the report (#1).');
    await page.locator('[data-handoff="insert"]').click();
    await page.locator('[data-handoff="progress"]').filter({ hasText: /insert/i }).waitFor({ timeout: 15000 });
    const inserted = (await page.locator(editor).innerText()).trim();
    const marker = inserted.split('\n').map((l) => l.trim()).find((l) => l.includes('Handoff note hn_'));
    assert.ok(marker, `no marker line in the inserted note:\n${inserted}`);
    const [, noteId] = marker.match(/(hn_[0-9a-f]+)/);
    assert.match(marker, /Did this save you time\? Yes · No$/);
    const [yes, no] = await page.locator(`${editor} a`).evaluateAll((as) => as.map((a) => a.href));
    assert.ok(yes?.startsWith(`${base}/f/${noteId}?saved=yes&sig=`) && no?.includes('saved=no'), `links in the marker: ${yes} ${no}`);
    assert.equal(await page.locator('[data-handoff="feedback"]').count(), 0, 'the author was asked about their own note');

    // The receiver opens the ticket holding the posted note.
    await receiver.settings({ mode: 'worker', workerUrl: base }, TEAM);
    const view = await openTicket(receiver, 'zendesk');
    await view.evaluate((text) => {
      const posted = document.createElement('article');
      for (const line of text.split('\n')) { const p = document.createElement('p'); p.textContent = line; posted.append(p); }
      (document.querySelector('[data-test-id="omni-log-container"]') ?? document.body).append(posted);
    }, inserted);
    await view.locator('[data-handoff="feedback"]').waitFor({ timeout: 15000 });
    await view.locator('[data-handoff="feedback-reason"]').fill('The attempts list was all I needed.');
    await view.locator('[data-handoff="feedback-yes"]').click();
    await view.locator('[data-handoff="feedback-status"]').filter({ hasText: 'recorded' }).waitFor({ timeout: 10000 });
    await receiver.screenshot(view, 'feedback-prompt');

    const s = await stats();
    const week = s.weeks.at(-1);
    assert.equal(week.answers, 1);
    assert.equal(week.saved_share, 1);
    assert.equal(week.meets_goal, true);
    assert.ok(week.notes >= 1 && week.inserted === 1, JSON.stringify(week));
    assert.ok(week.median_edit_share.problem > 0, 'the edit of the problem was not measured');

    // The signed link of the same note: nothing stored twice.
    const replay = await fetch(no);
    assert.equal(replay.status, 409);
    assert.match(await replay.text(), /already recorded/);
    assert.equal((await stats()).weeks.at(-1).answers, 1);

    // Reopened: the receiver is not asked again.
    await view.reload();
    await view.waitForTimeout(2000);
    assert.equal(await view.locator('[data-handoff="feedback"]').count(), 0, 'asked twice for one note');

    // Team results in the agent's options, from /v1/stats with the admin token.
    await agent.serviceWorker.evaluate((t) => chrome.storage.local.set({ adminToken: t }), ADMIN);
    const options = await agent.context.newPage();
    await options.goto(`chrome-extension://${agent.extensionId}/src/options.html`);
    const bar = options.locator('[data-chart="saved-share"] rect.bar');
    await bar.first().waitFor({ timeout: 10000 });
    assert.equal(await bar.first().getAttribute('data-value'), '1');
    assert.equal(await options.locator('[data-chart="saved-share"] line.goal').getAttribute('data-goal'), '0.8');
    assert.ok(await options.locator('[data-chart="edit-share"] rect.bar').count() >= 1);
    await agent.screenshot(options, 'feedback-team-results');
  } finally {
    await agent.close();
    await receiver.close();
  }
});

test('feedback: offline, Team results shows this browser\'s drafting figures and says feedback needs a worker', { timeout: 60000 }, async () => {
  const h = await launch();
  try {
    const page = await openTicket(h, 'zendesk');
    await draft(page);
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/src/options.html`);
    await options.locator('[data-handoff="results-local"]').waitFor({ timeout: 10000 });
    assert.match(await options.locator('[data-handoff="results-local"]').innerText(), /needs a team worker/);
    assert.equal(await options.locator('[data-chart="saved-share"]').count(), 0);
    assert.equal(await options.locator('[data-chart="notes"] rect.bar').first().getAttribute('data-value'), '1');
    const kept = await h.serviceWorker.evaluate(async () => (await chrome.storage.local.get('feedbackLocal')).feedbackLocal);
    assert.equal(kept.length, 1);
    assert.ok(!JSON.stringify(kept).includes('48213') && !('ticket' in kept[0]), 'a ticket id was kept locally');
    await h.screenshot(options, 'feedback-team-results-local');
  } finally {
    await h.close();
  }
});
