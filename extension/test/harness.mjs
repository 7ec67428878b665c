// The browser-test harness every helpdesk's tests share (SITES.md): it
// launches Debian's chromium headless with the unpacked extension
// (extension/dist, built by `make extension`) in a fresh profile, and
// serves each site's fixture pages and API responses at the helpdesk's
// real https URL through Playwright request routing.
//
//   const h = await launch();
//   const page = await openTicket(h, 'zendesk', 'xss');
//   await draft(page);
//   await h.screenshot(page, 'zendesk-xss');
//   await h.close();
import { chromium } from 'playwright-core';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ext = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(ext, '..');
const fixtures = join(ext, 'test', 'fixtures');
const artifacts = join(ext, 'test-artifacts');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

const types = { '.html': 'text/html', '.json': 'application/json', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

/** site reads test/fixtures/<name>/site.json. */
export function site(name) {
  return JSON.parse(readFileSync(join(fixtures, name, 'site.json'), 'utf8'));
}

/** sites lists the fixture directories that have a site.json. */
function sites() {
  return readdirSync(fixtures, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(fixtures, d.name, 'site.json'))).map((d) => d.name);
}

/**
 * testBuild copies dist/ and adds to its manifest every fixture origin the
 * content-script matches do not cover (the generic fallback's unknown
 * helpdesks, self-hosted origins), as if the agent had granted them.
 */
function testBuild(dir) {
  const dist = join(ext, 'dist');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error('extension/dist is missing: run `make extension` first');
  cpSync(dist, dir, { recursive: true });
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const cs = m.content_scripts[0];
  const covered = (origin) => cs.matches.some((p) => {
    const re = new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    return re.test(`${origin}/agent/x`) || re.test(`${origin}/x`);
  });
  for (const name of sites()) {
    const s = site(name);
    for (const url of [s.ticketUrl, ...Object.values(s.variants ?? {}).map((v) => v.ticketUrl)].filter(Boolean)) {
      const origin = new URL(url).origin;
      if (!covered(origin)) {
        cs.matches.push(`${origin}/*`);
        m.host_permissions.push(`${origin}/*`);
      }
    }
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m, null, 2));
}

/**
 * launch starts chromium with the extension and returns the harness:
 * {context, serviceWorker, extensionId, settings(patch), screenshot(page, name), close()}.
 */
export async function launch({ colorScheme = 'light' } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'handoff-ext-'));
  const dir = join(tmp, 'extension');
  testBuild(dir);
  const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    colorScheme,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 15000 });
  const h = {
    context, serviceWorker,
    extensionId: new URL(serviceWorker.url()).host,
    variants: new Map(), // origin → the variant openTicket last served there
    routed: new Set(),
    /** settings merges patch into the extension's settings (and sets the token when given). */
    async settings(patch, token) {
      await serviceWorker.evaluate(async ([p, t]) => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...(settings ?? {}), ...p } });
        if (t != null) await chrome.storage.local.set({ token: t });
      }, [patch, token ?? null]);
    },
    async screenshot(page, name) {
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, `${name}.png`) }).catch(() => {});
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(tmp, { recursive: true, force: true });
    },
  };
  return h;
}

/** routesFor returns a variant's routes followed by the site's base routes. */
function routesFor(s, variant) {
  if (variant && !s.variants?.[variant]) throw new Error(`no variant ${variant} in site.json`);
  return [...(variant ? s.variants[variant].routes : []), ...s.routes];
}

/** serve answers one routed request from the site's fixture files, or 404. */
async function serve(route, name, routes) {
  const u = new URL(route.request().url());
  const query = decodeURIComponent(u.search);
  const r = routes.find((x) => x.path === u.pathname && (!x.has || query.includes(x.has)));
  if (!r) return route.fulfill({ status: 404, contentType: 'text/plain', body: `no fixture for ${u.pathname}` });
  const file = r.file.startsWith('@repo/') ? join(repo, r.file.slice(6)) : join(fixtures, name, r.file);
  const headers = r.csp ? { 'Content-Security-Policy': r.csp } : {};
  return route.fulfill({ status: r.status ?? 200, contentType: r.type ?? types[extname(file)] ?? 'text/html', headers, body: readFileSync(file) });
}

/**
 * openTicket routes the site's origin to its fixtures (variant first) and
 * opens a new page on the ticket URL.
 */
export async function openTicket(h, name, variant) {
  const s = site(name);
  const url = (variant && s.variants?.[variant]?.ticketUrl) || s.ticketUrl;
  const origin = new URL(url).origin;
  h.variants.set(origin, { name, variant });
  if (!h.routed.has(origin)) {
    h.routed.add(origin);
    await h.context.route(`${origin}/**`, (route) => {
      const v = h.variants.get(origin);
      return serve(route, v.name, routesFor(site(v.name), v.variant));
    });
  }
  const page = await h.context.newPage();
  await page.goto(url);
  return page;
}

/** draft clicks "Draft handoff" and waits for the note's first section. */
export async function draft(page, { timeout = 20000 } = {}) {
  await page.locator('[data-handoff="draft"]').click({ timeout });
  await page.locator('[data-section="problem"]').waitFor({ timeout });
}
