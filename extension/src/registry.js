// The site registry: each src/sites/<name>.js calls HandoffSites.register
// (see SITES.md); the engine asks it which site a page belongs to.
globalThis.HandoffSites = globalThis.HandoffSites ?? {
  sites: [],

  /** register adds one helpdesk's site object; a second one with the same name is ignored. */
  register(site) {
    if (!site?.name || this.sites.some((s) => s.name === site.name)) return;
    this.sites.push(site);
  },

  /**
   * find returns the site whose matches(url, hosts) is true, trying the
   * fallback sites last, or null. A site that throws does not match.
   */
  find(url, hosts = []) {
    const ordered = [...this.sites.filter((s) => !s.fallback), ...this.sites.filter((s) => s.fallback)];
    return ordered.find((s) => {
      try { return s.matches(url, hosts); } catch { return false; }
    }) ?? null;
  },
};
