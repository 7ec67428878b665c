// The browser tests every helpdesk shares (issue 6, "Testing contract"),
// run against one site's fixtures with part 1's harness. A site's test file
// supplies only what differs: how the agent's composer is left before the
// insert (prepare) and how to read it back (composer).
//
//   siteSuite('freshdesk', { prepare, composer });
//
// The site's fixture pages are rendered from the bundled tickets first; one
// browser per test file; each test opens its own page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFixtures } from './fixtures/render.mjs';
import { draft, launch, openTicket } from './harness.mjs';

/** What the agent had typed in the composer before inserting. */
export const PRE = 'Agent draft: called the customer at 14:05, waiting on finance.';

/** The six default sections of the note (DESIGN.md). */
export const SECTIONS = ['problem', 'background', 'tried', 'blocker', 'posture', 'hypothesis'];

/** sectionText reads one section's editable field, textarea or contenteditable. */
export async function sectionText(page, key) {
  const field = page.locator(`[data-section="${key}"]`);
  return field.evaluate((el) => ('value' in el && el.tagName !== 'DIV' ? el.value : el.innerText));
}

/** typeInto focuses an editable element and types text at its end, as an agent would. */
export async function typeInto(page, selector, text) {
  const el = page.locator(selector);
  await el.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

/** poll calls read every 100 ms until ok(value) or 5 s pass, and returns the last value. */
async function poll(read, ok) {
  let v;
  for (let i = 0; i < 50; i++) {
    v = await read();
    if (ok(v)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return v;
}

async function submitted(page) {
  return page.evaluate(() => document.documentElement.dataset.fixtureSubmitted ?? null);
}

/**
 * siteSuite registers the shared tests for site. hooks.prepare(page) leaves
 * the helpdesk's composer as an agent might (often in public-reply mode)
 * with PRE typed; hooks.composer(page) returns {text, internal, publicText}
 * read back from the page (internal may be left out where the composer is
 * internal by nature, e.g. Front's comment box). hooks.message is a
 * selector every message element of the page matches (with it, citation
 * chips are tested); hooks.conversation the element an agent picks on the
 * "unreadable" variant (with it, the pick is tested). It returns a function
 * giving the suite's harness, so a site's own tests share its browser.
 * hooks.variants lists extra ticket URLs (variant
 * names of site.json) that must draft too.
 */
export function siteSuite(site, hooks) {
  let h;
  const harness = () => h;
  before(async () => {
    await writeFixtures(site);
    h = await launch();
  });
  after(async () => { await h?.close(); });

  test(`${site}: drafts offline with every section and the readiness banner`, async () => {
    for (const variant of [undefined, ...(hooks.variants ?? [])]) {
      const page = await openTicket(h, site, variant);
      await draft(page);
      for (const key of SECTIONS) {
        assert.ok((await sectionText(page, key)).trim().length > 0, `${variant ?? 'base'}: section ${key} is empty`);
      }
      await page.locator('[data-handoff="readiness"]').waitFor();
      await h.screenshot(page, `${site}${variant ? `-${variant}` : ''}-draft`);
      await page.close();
    }
  });

  test(`${site}: an edit that breaks a guardrail shows a finding, and undoing it clears it`, async () => {
    const page = await openTicket(h, site);
    await draft(page);
    const findings = page.locator('[data-handoff="finding"]');
    const before = await findings.count();
    const field = page.locator('[data-section="posture"]');
    const original = await sectionText(page, 'posture');
    await field.fill('The customer is furious and very rude; honestly a difficult person.');
    await findings.nth(before).waitFor({ timeout: 5000 });
    assert.match((await findings.allInnerTexts()).join('\n'), /temperament|tone|emotion|furious|rude|difficult/i);
    await field.fill(original);
    assert.equal(await poll(() => findings.count(), (n) => n === before), before, 'the finding did not clear');
    await page.close();
  });

  test(`${site}: inserts into the internal-note composer after the agent's text, never submitting`, async () => {
    const page = await openTicket(h, site);
    await hooks.prepare(page);
    await draft(page);
    const problem = (await sectionText(page, 'problem')).trim();
    await page.locator('[data-handoff="insert"]').click();
    const c = await poll(() => hooks.composer(page), (x) => x.text.length > PRE.length + 10);
    assert.ok(c.text.startsWith(PRE), `the agent's text was not kept first: ${JSON.stringify(c.text.slice(0, 120))}`);
    assert.ok(c.text.includes(problem.slice(0, 40)), 'the note was not inserted after it');
    if ('internal' in c) assert.equal(c.internal, true, 'the composer is not in internal-note mode');
    if ('publicText' in c) assert.equal(c.publicText, hooks.publicBefore ?? '', 'the public reply was touched');
    assert.equal(await submitted(page), null, 'Handoff clicked a submit button');
    await h.screenshot(page, `${site}-inserted`);
    await page.close();
  });

  test(`${site}: an edited draft survives a reload`, async () => {
    const page = await openTicket(h, site);
    await draft(page);
    const marker = `Autosave check ${site} ${Date.now()}`;
    await page.locator('[data-section="background"]').fill(marker);
    await page.waitForTimeout(1200); // autosave is debounced
    await page.reload();
    const panel = page.locator('[data-handoff="panel"]');
    if (!(await panel.isVisible().catch(() => false))) await page.locator('[data-handoff="draft"]').click();
    await page.locator('[data-section="background"]').waitFor();
    assert.equal((await sectionText(page, 'background')).trim(), marker);
    await page.close();
  });

  test(`${site}: an XSS canary in the ticket text never runs`, async () => {
    const page = await openTicket(h, site, 'xss');
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await draft(page);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-handoff-xss')), false, 'the canary ran');
    assert.deepEqual(dialogs, []);
    assert.equal(await page.locator('[data-handoff="panel"] img').count(), 0, 'ticket markup became elements in the panel');
    await page.close();
  });

  test(`${site}: a ticket the reader cannot read says so and offers "select the conversation"`, async () => {
    const page = await openTicket(h, site, 'unreadable');
    await page.locator('[data-handoff="draft"]').click();
    const error = page.locator('[data-handoff="error"]');
    await error.waitFor({ timeout: 10000 });
    assert.match(await error.innerText(), /\S{10,}/, 'no message why');
    assert.equal(await page.locator('[data-section="problem"]').count(), 0, 'a note was drafted from nothing');
    await h.screenshot(page, `${site}-unreadable`);
    await page.locator('[data-handoff="select"]').waitFor();
    if (hooks.conversation) {
      await page.locator('[data-handoff="select"]').click();
      await page.locator(hooks.conversation).dispatchEvent('click');
      await page.locator('[data-section="problem"]').waitFor({ timeout: 15000 });
      assert.ok((await sectionText(page, 'problem')).trim(), 'the pick drafted an empty problem');
    }
    await page.close();
  });

  if (hooks.message) test(`${site}: a citation chip highlights the message it cites`, async () => {
    const page = await openTicket(h, site);
    await draft(page);
    const chip = page.locator('[data-handoff="cite"]').first();
    await chip.click();
    const lit = page.locator('[data-handoff-highlight]');
    await lit.waitFor({ timeout: 3000 });
    assert.equal(await lit.count(), 1);
    assert.ok(await lit.evaluate((el, sel) => el.matches(sel), hooks.message), `chip #${await chip.getAttribute('data-n')} highlighted something that is not a message`);
    await page.close();
  });
  return harness;
}
