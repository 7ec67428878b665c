// The generic fallback in the browser, on a ticket page of a helpdesk
// Handoff has no file for (testdata/tickets/html-invoice-export-504): a
// floating "Draft handoff" button; the panel asks the agent to select the
// conversation; the selection drafts a note; and since an unknown page's
// internal-note box cannot be told from a public reply, nothing is inserted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openTicket } from './harness.mjs';
import { SECTIONS, sectionText } from './site-suite.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

test('generic: a floating button, "select the conversation", then a draft from the selection', async () => {
  const page = await openTicket(h, 'generic');
  const button = page.locator('[data-handoff="draft"]');
  await button.waitFor();
  const position = await button.evaluate((el) => {
    for (let n = el; n; n = n.parentElement ?? n.getRootNode().host) {
      const p = getComputedStyle(n).position;
      if (p === 'fixed' || p === 'sticky') return p;
    }
    return 'static';
  });
  assert.equal(position, 'fixed', 'the fallback button should float');
  await button.click();
  const panel = page.locator('[data-handoff="panel"]');
  await panel.locator('[data-handoff="error"]').waitFor({ timeout: 10000 });
  await page.evaluate(() => getSelection().selectAllChildren(document.querySelector('.tkt-timeline')));
  await panel.locator('[data-handoff="draft-selection"]').click();
  await page.locator('[data-section="problem"]').waitFor({ timeout: 15000 });
  for (const key of SECTIONS) assert.ok((await sectionText(page, key)).trim(), `section ${key} is empty`);
  assert.match(await sectionText(page, 'problem'), /504|export/i);
  const insert = page.locator('[data-handoff="insert"]');
  assert.ok((await insert.count()) === 0 || (await insert.isDisabled()), 'the fallback must not offer to insert on an unknown page');
  await h.screenshot(page, 'generic-draft');
  await page.close();
});
