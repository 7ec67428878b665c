// The fixture pages and API files of the non-Zendesk helpdesks, rendered
// from the bundled tickets and checked against the core without a browser: every page a site's reader should
// read gives the bundled ticket's messages (same authors, roles and
// visibility, in order); the XSS variants carry the canary as text; the
// "unreadable" variants defeat the site's reader but not the generic one;
// every file a site.json routes to exists.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CANARY, cli, repo, sites, thread, writeFixtures } from './fixtures/render.mjs';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

const domSites = {
  freshdesk: 'testdata/tickets/freshdesk-double-charge-refund',
  intercom: 'testdata/tickets/intercom-pinned-jobs-overwritten',
  helpscout: 'testdata/tickets/helpscout-sso-lockout',
  front: 'testdata/tickets/front-refund-over-policy',
};

before(async () => {
  for (const site of sites) await writeFixtures(site);
});

const shape = (th) => th.messages.map((m) => `#${m.n} ${m.author.name} (${m.author.role}, ${m.visibility})`);

function read(file, source = 'auto') {
  const r = cli('thread', '--source', source, file);
  return r.code === 0 ? JSON.parse(r.stdout) : { error: r.stderr.trim() };
}

for (const [site, ticket] of Object.entries(domSites)) {
  const want = thread(ticket);

  test(`${site}: page.html reads as the bundled ticket`, () => {
    const got = read(join(fixtures, site, 'page.html'));
    assert.equal(got.source, site, got.error);
    assert.deepEqual(shape(got), shape(want));
  });

  test(`${site}: page-xss.html carries the canary as text`, () => {
    const got = read(join(fixtures, site, 'page-xss.html'));
    assert.equal(got.source, site, got.error);
    assert.ok(got.messages[0].text.includes(CANARY), 'message #1 lost the canary');
    assert.ok(got.ticket.subject.includes(CANARY), 'the subject lost the canary');
  });

  test(`${site}: page-unreadable.html defeats the ${site} reader, not the generic one`, () => {
    const file = join(fixtures, site, 'page-unreadable.html');
    assert.match(read(file, site).error ?? '', /E_FORMAT|E_EMPTY/);
    assert.equal(read(file, 'html').messages?.length, want.messages.length);
  });
}

/** apiCopy writes a bundled ticket's files into a temporary directory, some replaced by fixture files. */
function apiCopy(ticket, replace) {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-api-'));
  for (const f of ['issue.json', 'comments.json', 'request-comments.json', 'ticket.json', 'articles.json', 'history.json']) {
    if (existsSync(join(repo, ticket, f))) copyFileSync(join(repo, ticket, f), join(dir, f));
  }
  for (const [name, from] of Object.entries(replace)) copyFileSync(join(fixtures, from), join(dir, name));
  return dir;
}

test('jira: issue-xss.json carries the canary as text', () => {
  const got = read(apiCopy('testdata/tickets/jira-sso-lockout', { 'issue.json': 'jira/issue-xss.json' }));
  assert.equal(got.source, 'jira', got.error);
  assert.ok(got.ticket.subject.includes(CANARY) && got.messages[0].text.includes(CANARY));
});

test('zammad: ticket-xss.json and articles-xss.json carry the canary as text', () => {
  const got = read(apiCopy('testdata/tickets/zammad-doppelte-abbuchung', { 'ticket.json': 'zammad/ticket-xss.json', 'articles.json': 'zammad/articles-xss.json' }));
  assert.equal(got.source, 'zammad', got.error);
  assert.ok(got.ticket.subject.includes(CANARY) && got.messages[0].text.includes(CANARY));
});

test('every file a site.json routes to exists', () => {
  for (const site of ['freshdesk', 'jira', 'zammad', 'intercom', 'helpscout', 'front', 'generic']) {
    const spec = JSON.parse(readFileSync(join(fixtures, site, 'site.json'), 'utf8'));
    const routes = [...spec.routes, ...Object.values(spec.variants ?? {}).flatMap((v) => v.routes ?? [])];
    assert.ok(routes.length > 0, `${site}: no routes`);
    for (const r of routes) {
      const file = r.file.startsWith('@repo/') ? join(repo, r.file.slice(6)) : join(fixtures, site, r.file);
      assert.ok(existsSync(file), `${site}/site.json routes ${r.path} to ${r.file}, which does not exist`);
    }
  }
});
