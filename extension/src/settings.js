// HandoffSettings: the options, read and written in chrome.storage.local
// only (never sync: the team token must not leave this browser).
globalThis.HandoffSettings = {
  defaults: {
    mode: 'offline', // offline | worker | on-device
    workerUrl: '',
    destination: 'auto',
    language: 'en',
    redact: true,
    template: '', // the team template JSON, as typed in the options
    examples: [],
    hosts: [], // [{source: 'zammad'|'jira'|'zendesk'|'freshdesk', origin}]
  },

  /** load returns the settings with defaults for what is unset. */
  async load() {
    const { settings } = await chrome.storage.local.get('settings');
    return { ...this.defaults, ...(settings ?? {}) };
  },

  /** save merges patch into the settings. */
  async save(patch) {
    await chrome.storage.local.set({ settings: { ...(await this.load()), ...patch } });
  },

  async token() {
    return (await chrome.storage.local.get('token')).token ?? '';
  },

  async setToken(token) {
    await chrome.storage.local.set({ token });
  },

  /**
   * workerURL returns the worker base URL ending in "/", or null when it
   * is not https (http is allowed for localhost and 127.0.0.1 only).
   *
   *   workerURL('https://handoff.acme.workers.dev') → 'https://handoff.acme.workers.dev/'
   *   workerURL('http://example.com')               → null
   */
  workerURL(raw) {
    let u;
    try { u = new URL(String(raw ?? '').trim()); } catch { return null; }
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) return null;
    if (!u.pathname.endsWith('/')) u.pathname += '/';
    u.search = ''; u.hash = '';
    return u.href;
  },
};
