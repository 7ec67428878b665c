// Zammad in the browser: the shared site tests (site-suite.mjs). The
// article composer is public by default; Handoff must set it to internal and
// append after what the agent typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draft, openTicket } from './harness.mjs';
import { PRE, SECTIONS, sectionText, siteSuite, typeInto } from './site-suite.mjs';

const harness = siteSuite('zammad', {
  message: '.ticket-article-item',
  conversation: '.ticket-article',
  async prepare(page) {
    await typeInto(page, '.article-add .articleNewEdit-body', PRE);
  },
  async composer(page) {
    const form = page.locator('.article-add');
    return {
      text: (await form.locator('.articleNewEdit-body').innerText()).trim(),
      internal: (await form.getAttribute('data-visibility')) === 'internal' &&
        (await form.locator('input[name="internal"]').inputValue()) === 'true',
    };
  },
});

// A self-hosted Zammad: its origin is added in the options (settings.hosts)
// and granted as an optional host permission; the harness's test build
// stands in for the grant by adding the fixture origin to the manifest.

test('zammad: a self-hosted origin drafts once it is added in the options, and not before', async () => {
  const h = harness();
  // Not added yet: only the generic fallback offers itself, and the core has no plan.
  const before = await openTicket(h, 'zammad', 'selfhosted');
  await before.locator('[data-handoff="draft"]').click();
  await before.locator('[data-handoff="error"]').waitFor({ timeout: 10000 });
  assert.equal(await before.locator('[data-section="problem"]').count(), 0);
  await before.close();
  await h.settings({ hosts: [{ source: 'zammad', origin: 'https://support.example.org' }] });
  try {
    const page = await openTicket(h, 'zammad', 'selfhosted');
    await draft(page);
    for (const key of SECTIONS) assert.ok((await sectionText(page, key)).trim(), `section ${key} is empty`);
    await page.close();
  } finally {
    await h.settings({ hosts: [] });
  }
});
