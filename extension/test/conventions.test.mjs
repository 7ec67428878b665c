// Conventions every helpdesk file keeps (no browser): it registers exactly
// one site named like the file, starts with a /* Test URLs */ block, has
// fixtures and a browser test, and its URL detection agrees with the core's
// fetch plan (`handoff plan URL`) on every one of its test URLs. No file
// under src/ writes HTML from strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { cli } from './fixtures/render.mjs';

const ext = join(dirname(fileURLToPath(import.meta.url)), '..');
const sitesDir = join(ext, 'src', 'sites');
const siteFiles = readdirSync(sitesDir).filter((f) => f.endsWith('.js')).sort();

/** load evaluates a site file the way the content scripts do and returns what it registered. */
function load(file) {
  const registered = [];
  const context = { HandoffSites: { register: (s) => registered.push(s) }, HandoffDOM: {}, URL };
  vm.runInNewContext(readFileSync(join(sitesDir, file), 'utf8'), context, { filename: file });
  return registered;
}

/**
 * testURLs reads a site file's leading Test URLs block: lines holding a URL
 * are ticket views (a note in parentheses after it; "added in the options"
 * marks a self-hosted origin); "Not tickets:" lines list URLs that are not.
 */
function testURLs(src) {
  const m = /^\/\* Test URLs\n([\s\S]*?)\*\//.exec(src);
  if (!m) return null;
  const tickets = [];
  const others = [];
  for (const line of m[1].split('\n').map((l) => l.trim()).filter(Boolean)) {
    const urls = line.match(/https?:\/\/[^\s,()]+/g) ?? [];
    if (/^Not tickets?:/i.test(line)) others.push(...urls);
    else if (urls.length) tickets.push({ url: urls[0], selfHosted: /added in the options|self-hosted/i.test(line) });
  }
  return { tickets, others };
}

/** matchPattern reports whether url is matched by a manifest match pattern such as https://*.zendesk.com/agent/*. */
function matchPattern(pattern, url) {
  const m = /^(https?|\*):\/\/(\*|\*\.[^/]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m;
  const u = new URL(url);
  if (scheme !== '*' && `${scheme}:` !== u.protocol) return false;
  if (host !== '*' && !(host.startsWith('*.') ? u.hostname.endsWith(host.slice(1)) || u.hostname === host.slice(2) : u.hostname === host)) return false;
  const re = new RegExp(`^${path.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(u.pathname + u.search);
}

const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));

function plan(url, hosts) {
  const args = ['plan', ...hosts.flatMap((h) => ['--host', `${h.source}=${h.origin}`]), url];
  const r = cli(...args);
  return r.code === 0 ? JSON.parse(r.stdout) : { error: r.stderr.trim() };
}

test('site files exist for every helpdesk of issue 6', () => {
  for (const name of ['freshdesk', 'jira', 'zammad', 'intercom', 'helpscout', 'front', 'generic']) {
    assert.ok(siteFiles.includes(`${name}.js`), `src/sites/${name}.js is missing`);
  }
});

for (const file of siteFiles) {
  const name = file.replace(/\.js$/, '');
  const src = readFileSync(join(sitesDir, file), 'utf8');

  test(`${file}: registers one site named "${name}" with the whole contract`, () => {
    const registered = load(file);
    assert.equal(registered.length, 1, `${file} registers ${registered.length} sites`);
    const s = registered[0];
    assert.equal(s.name, name);
    for (const fn of ['matches', 'ticketId', 'findAnchor', 'messageElement']) assert.equal(typeof s[fn], 'function', `${name}.${fn}`);
    for (const fn of ['find', 'makeInternal', 'insert']) assert.equal(typeof s.composer?.[fn], 'function', `${name}.composer.${fn}`);
    assert.equal(!!s.fallback, name === 'generic', 'only the generic site is the fallback');
  });

  test(`${file}: has fixtures and a browser test`, () => {
    const dir = join(ext, 'test', 'fixtures', name);
    assert.ok(existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).length > 0, `test/fixtures/${name}/ is missing or empty`);
    assert.ok(existsSync(join(dir, 'site.json')), `test/fixtures/${name}/site.json is missing`);
    assert.ok(existsSync(join(ext, 'test', `${name}.test.mjs`)), `test/${name}.test.mjs is missing`);
  });

  test(`${file}: starts with a Test URLs block whose URLs the site and the core's plan agree on`, () => {
    const urls = testURLs(src);
    assert.ok(urls, `${file} does not start with a /* Test URLs */ block`);
    assert.ok(urls.tickets.length > 0, `${file} lists no ticket URL`);
    const [site] = load(file);
    for (const { url, selfHosted } of urls.tickets) {
      const u = new URL(url);
      const hosts = selfHosted ? [{ source: name, origin: u.origin }] : [];
      assert.ok(site.matches(u, hosts), `${name} does not match its test URL ${url}`);
      if (site.fallback) {
        assert.match(plan(url, hosts).error ?? '', /E_UNSUPPORTED/, `the core has a plan for ${url}; the fallback's test URLs must be pages no site knows`);
        continue;
      }
      if (!selfHosted) {
        const patterns = manifest.content_scripts.flatMap((c) => c.matches);
        assert.ok(patterns.some((p) => matchPattern(p, url)), `no content_scripts match in manifest.json covers ${url}`);
        assert.ok(manifest.host_permissions.some((p) => matchPattern(p, url)), `no host_permissions entry in manifest.json covers ${url}`);
      }
      const p = plan(url, hosts);
      assert.equal(p.source, name, `the core's plan for ${url}: ${p.error ?? p.source}`);
      assert.equal(site.ticketId(u), p.ticket_id, `ticket id of ${url}`);
      if (selfHosted) {
        assert.ok(!site.matches(u, []), `${name} matches ${url} although its host was not added`);
        assert.match(plan(url, []).error ?? '', /E_UNSUPPORTED/, `the core plans ${url} although its host was not added`);
      }
    }
    for (const url of urls.others) {
      assert.ok(!site.matches(new URL(url), []), `${name} matches ${url}, listed as not a ticket`);
      assert.notEqual(plan(url, []).source, name, `the core plans ${url} as ${name}, listed as not a ticket`);
    }
  });
}

test('no extension source writes HTML from strings', () => {
  const banned = /\.innerHTML\s*[+]?=|\.outerHTML\s*=|insertAdjacentHTML\s*\(|document\.write(ln)?\s*\(/;
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  for (const f of walk(join(ext, 'src')).filter((f) => f.endsWith('.js'))) {
    readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
      assert.doesNotMatch(line, banned, `${f.slice(ext.length + 1)}:${i + 1} writes HTML from a string`);
    });
  }
});
