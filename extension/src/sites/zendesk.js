/* Test URLs
https://acme.zendesk.com/agent/tickets/123
https://acme.zendesk.com/agent/tickets/123/events
https://acme-analytics.zendesk.com/agent/tickets/48213
https://support.example.com/agent/tickets/77 (a Zendesk host added in the options)
Not tickets: https://acme.zendesk.com/agent/dashboard
Not tickets: https://acme.zendesk.com/agent/tickets/new/1
Not tickets: https://acme.zendesk.com/hc/en-us/requests/123
*/

// Zendesk's agent workspace ticket view. The thread comes from the core's
// plan (the ticket, comments and audits APIs, which take the agent's
// session); this file knows the composer under the conversation: its
// channel switcher (Public reply / Internal note), the rich-text editor and
// the conversation log for citation chips. The selectors are the project's
// best reading of the agent workspace (data-test-id attributes), unverified
// against a live page; test/fixtures/zendesk/ticket.html follows them.
(() => {
  const SELECTORS = {
    anchor: ['[data-test-id="omnichannel-channel-switcher-button"]', '[data-test-id="ticket-composer-toolbar"]'],
    switcher: ['[data-test-id="omnichannel-channel-switcher-button"]'],
    internalItem: ['[data-test-id="omnichannel-channel-switcher-menuitem-internal"]'],
    editor: ['[data-test-id="omnicomposer-rich-text-ckeditor"] [contenteditable="true"]', '[data-test-id="omnicomposer-rich-text-ckeditor"][contenteditable="true"]', 'textarea[data-test-id="omnicomposer-textarea"]'],
    composer: ['[data-test-id="omnicomposer"]'],
    comment: '[data-test-id="omni-log-comment-item"]',
  };
  const TICKET = /^\/agent\/tickets\/(\d+)(?:\/[^/]*)?\/?$/;

  function onHost(url, hosts = []) {
    const h = url.hostname.toLowerCase();
    return (h.endsWith('.zendesk.com') && h.length > '.zendesk.com'.length) ||
      hosts.some((x) => x.source === 'zendesk' && sameHost(x.origin, url));
  }

  function sameHost(origin, url) {
    try { return new URL(origin).host.toLowerCase() === url.host.toLowerCase(); } catch { return false; }
  }

  /** channel is "internal" or "public", as the composer says. */
  function channel(doc) {
    const box = HandoffDOM.first(doc, SELECTORS.composer);
    return box?.getAttribute('data-channel') ?? HandoffDOM.first(doc, SELECTORS.switcher)?.getAttribute('data-channel') ?? null;
  }

  HandoffSites.register({
    name: 'zendesk',
    matches(url, hosts) {
      return onHost(url, hosts) && TICKET.test(url.pathname);
    },
    ticketId(url) {
      return TICKET.exec(url.pathname)?.[1] ?? null;
    },
    findAnchor(doc) {
      return HandoffDOM.first(doc, SELECTORS.anchor);
    },
    composer: {
      find(doc) {
        return HandoffDOM.first(doc, SELECTORS.editor);
      },
      async makeInternal(doc) {
        if (channel(doc) === 'internal') return;
        const switcher = HandoffDOM.first(doc, SELECTORS.switcher);
        if (!switcher) throw new Error('Zendesk\'s Public reply / Internal note switch was not found; nothing was inserted.');
        HandoffDOM.click(switcher);
        const item = await HandoffDOM.waitFor(doc, SELECTORS.internalItem, 3000);
        if (!item) throw new Error('Zendesk\'s "Internal note" choice did not appear; nothing was inserted.');
        HandoffDOM.click(item);
        for (let i = 0; i < 30 && channel(doc) !== 'internal'; i++) await new Promise((r) => setTimeout(r, 50));
        if (channel(doc) !== 'internal') throw new Error('The Zendesk composer did not switch to Internal note; nothing was inserted.');
      },
      async insert(doc, note) {
        if (channel(doc) !== 'internal') throw new Error('The Zendesk composer is not on Internal note; nothing was inserted.');
        const el = this.find(doc);
        if (!el) throw new Error('The Zendesk comment editor was not found.');
        HandoffDOM.appendToComposer(el, note);
      },
    },
    messageElement(doc, msg) {
      const items = [...doc.querySelectorAll(SELECTORS.comment)];
      return (msg.id && items.find((el) => el.getAttribute('data-comment-id') === String(msg.id))) || null;
    },
  });
})();
