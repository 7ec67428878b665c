// The options page in the browser: a self-hosted helpdesk added there is
// granted and gets the content scripts registered at runtime; a bad
// worker URL or template is refused with its reason and nothing is saved;
// the team token is kept in chrome.storage.local, never sync.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let h, page;
before(async () => {
  h = await launch();
  page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/src/options.html`);
  await page.locator('#templateStatus.ok').waitFor({ timeout: 15000 }); // the core validated the empty template
});
after(async () => { await h?.close(); });

const status = () => page.locator('#status').innerText();
const stored = () => h.serviceWorker.evaluate(async () => ({
  local: await chrome.storage.local.get(null),
  sync: await chrome.storage.sync.get(null),
  scripts: await chrome.scripting.getRegisteredContentScripts(),
}));

async function save() {
  await page.locator('#status').evaluate((e) => { e.textContent = ''; });
  await page.locator('#form button[type=submit], #form input[type=submit]').first().click();
  await page.waitForFunction(() => document.getElementById('status').textContent !== '');
}

test('options: a self-hosted Zammad added here is saved and gets the content scripts at runtime', async () => {
  // The test build grants https://support.example.org (as the agent's grant
  // would), so permissions.request answers without a prompt.
  await page.locator('#hosts').fill('Zammad https://support.example.org/some/path');
  await save();
  assert.equal(await status(), 'Saved.');
  let s;
  for (let i = 0; i < 50; i++) {
    s = await stored();
    if (s.scripts.some((c) => c.id === 'self-hosted')) break;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(s.local.settings.hosts, [{ source: 'zammad', origin: 'https://support.example.org' }]);
  const reg = s.scripts.find((c) => c.id === 'self-hosted');
  assert.ok(reg, `no runtime content script: ${JSON.stringify(s.scripts)}`);
  assert.deepEqual(reg.matches, ['https://support.example.org/*']);
  // Removing the host unregisters them.
  await page.locator('#hosts').fill('');
  await save();
  for (let i = 0; i < 50 && (await stored()).scripts.some((c) => c.id === 'self-hosted'); i++) await page.waitForTimeout(100);
  assert.equal((await stored()).scripts.some((c) => c.id === 'self-hosted'), false);
});

test('options: a plain-http worker URL is refused and nothing is saved', async () => {
  const before = (await stored()).local.settings;
  await page.locator('input[name=mode][value=worker]').check();
  await page.locator('#workerUrl').fill('http://handoff.example.com');
  await save();
  assert.match(await status(), /https/);
  assert.deepEqual((await stored()).local.settings, before);
  await page.locator('input[name=mode][value=offline]').check();
  await page.locator('#workerUrl').fill('');
});

test('options: an invalid template shows the core\'s error and is not saved', async () => {
  await page.locator('#template').fill('{"sections": [');
  await page.locator('#templateStatus.error').waitFor({ timeout: 5000 });
  assert.match(await page.locator('#templateStatus').innerText(), /^E_TEMPLATE/);
  await save();
  assert.match(await status(), /template/i);
  assert.notEqual((await stored()).local.settings?.template, '{"sections": [');
  await page.locator('#template').fill('');
  await page.locator('#templateStatus.ok').waitFor({ timeout: 5000 });
});

test('options: the team token is kept in chrome.storage.local, never in sync', async () => {
  // Offline mode: a worker origin would need the agent's grant in a prompt
  // headless Chrome cannot answer.
  await page.locator('#token').fill('team-token-123');
  await save();
  assert.equal(await status(), 'Saved.');
  const s = await stored();
  assert.equal(s.local.token, 'team-token-123');
  assert.doesNotMatch(JSON.stringify(s.sync), /team-token-123/);
});
