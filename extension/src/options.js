// The options page: mode, team worker (URL and token), destination,
// language, redaction, team template (validated by the core, with a
// preview of each destination's sections), team examples and self-hosted
// helpdesk origins (granted as optional host permissions).
const $ = (id) => document.getElementById(id);

async function bridge(name, req) {
  const r = await chrome.runtime.sendMessage({ type: 'call', name, req });
  if (!r?.ok) throw Object.assign(new Error(r?.error?.message ?? 'no answer'), { code: r?.error?.code });
  return r.value;
}

/** validate checks the template through the core and shows its sections. */
async function validate() {
  const status = $('templateStatus');
  try {
    const t = await bridge('template', { template: $('template').value });
    status.className = 'ok';
    status.textContent = 'Template is valid.';
    const list = document.createElement('dl');
    for (const [dest, specs] of Object.entries(t.sections)) {
      const dt = document.createElement('dt');
      dt.textContent = dest;
      const dd = document.createElement('dd');
      dd.textContent = specs.map((s) => s.label).join(' · ');
      list.append(dt, dd);
    }
    $('preview').replaceChildren(list);
    return true;
  } catch (e) {
    status.className = 'error';
    status.textContent = `${e.code ?? 'E_TEMPLATE'}: ${e.message}`;
    $('preview').replaceChildren();
    return false;
  }
}

function parseHosts(text) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const [source, origin] = l.split(/\s+/);
    return { source: source.toLowerCase(), origin: new URL(origin).origin };
  });
}

async function load() {
  const s = await HandoffSettings.load();
  document.querySelector(`input[name=mode][value="${s.mode}"]`).checked = true;
  $('workerUrl').value = s.workerUrl;
  $('token').value = await HandoffSettings.token();
  $('destination').value = s.destination;
  $('language').value = s.language;
  $('redact').checked = s.redact;
  $('template').value = s.template;
  $('examples').value = (s.examples ?? []).join('\n---\n');
  $('hosts').value = s.hosts.map((h) => `${h.source} ${h.origin}`).join('\n');
  validate();
}

async function save(e) {
  e.preventDefault();
  const status = $('status');
  try {
    const mode = document.querySelector('input[name=mode]:checked').value;
    const workerUrl = $('workerUrl').value.trim();
    if (mode === 'worker' && !HandoffSettings.workerURL(workerUrl)) throw new Error('The worker URL must be https (http only for localhost).');
    if (!(await validate())) throw new Error('Fix the template first.');
    const hosts = parseHosts($('hosts').value);
    const origins = hosts.map((h) => `${h.origin}/*`);
    const worker = HandoffSettings.workerURL(workerUrl);
    if (mode === 'worker' && worker) origins.push(`${new URL(worker).origin}/*`);
    if (origins.length && !(await chrome.permissions.request({ origins }))) throw new Error('Chrome did not grant access to those origins.');
    await HandoffSettings.save({
      mode, workerUrl, hosts,
      destination: $('destination').value, language: $('language').value.trim() || 'en', redact: $('redact').checked,
      template: $('template').value, examples: $('examples').value.split(/\n---\n/).map((x) => x.trim()).filter(Boolean),
    });
    await HandoffSettings.setToken($('token').value.trim());
    status.className = 'ok';
    status.textContent = 'Saved.';
  } catch (err) {
    status.className = 'error';
    status.textContent = err.message;
  }
}

async function loadConfig() {
  const status = $('status');
  try {
    const base = HandoffSettings.workerURL($('workerUrl').value);
    if (!base) throw new Error('Enter an https worker URL first.');
    const res = await fetch(new URL('v1/config', base), { headers: { Authorization: `Bearer ${$('token').value.trim()}` } });
    const body = await res.json();
    if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
    if (body.template) $('template').value = typeof body.template === 'string' ? body.template : JSON.stringify(body.template, null, 2);
    if (Array.isArray(body.examples)) $('examples').value = body.examples.join('\n---\n');
    await validate();
    status.className = 'ok';
    status.textContent = 'Loaded from the worker; Save to keep it.';
  } catch (err) {
    status.className = 'error';
    status.textContent = `Could not load the worker's config: ${err.message}`;
  }
}

$('form').addEventListener('submit', save);
$('template').addEventListener('input', () => { clearTimeout(validate.t); validate.t = setTimeout(validate, 300); });
$('loadConfig').addEventListener('click', loadConfig);
load();
