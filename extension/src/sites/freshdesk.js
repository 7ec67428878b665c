/* Test URLs
https://acme.freshdesk.com/a/tickets/48213
https://acme.freshdesk.com/a/tickets/48213?tab=conversations
https://acme.freshdesk.com/helpdesk/tickets/48213
Not tickets: https://acme.freshdesk.com/a/dashboard/default
Not tickets: https://acme.freshdesk.com/a/tickets/filters/all_tickets
Not tickets: https://acme.freshdesk.com/support/tickets/45
*/

// Freshdesk's agent ticket view. The conversation is a DOM capture whose
// container selectors live in the core's plan (core/source/freshdesk_dom.go);
// this file knows the actions row ("Reply", "Add note", "Forward") and the
// note editor with its "Private" toggle. Every selector is the project's best
// reading of the UI, unverified against a live page, and matches the fixture
// test/fixtures/freshdesk/page.html.
(() => {
  const SELECTORS = {
    anchor: ['[data-test-id="ticket-actions"]', '.ticket-actions'],
    addNote: ['[data-test-id="add-note-btn"]', 'button[data-test-id="add-note"]'],
    noteEditor: ['[data-test-id="note-editor"] [contenteditable="true"]', '[data-test-id="note-editor"] textarea'],
    privateToggle: ['[data-test-id="note-private-toggle"]'],
    item: '[data-test-id="ticket-description"], [data-test-id="conversation-item"], .conversation-item',
  };
  const TICKET = /^\/(?:a|helpdesk)\/tickets\/(\d+)\/?$/;

  function onHost(url, hosts = []) {
    const h = url.hostname.toLowerCase();
    return (h.endsWith('.freshdesk.com') && h.length > '.freshdesk.com'.length) ||
      hosts.some((x) => x.source === 'freshdesk' && sameOrigin(x.origin, url));
  }

  function sameOrigin(origin, url) {
    try { return new URL(origin).host.toLowerCase() === url.host.toLowerCase(); } catch { return false; }
  }

  HandoffSites.register({
    name: 'freshdesk',
    matches(url, hosts) {
      return onHost(url, hosts) && TICKET.test(url.pathname);
    },
    ticketId(url) {
      const m = TICKET.exec(url.pathname);
      return m ? m[1] : null;
    },
    findAnchor(doc) {
      return HandoffDOM.first(doc, SELECTORS.anchor);
    },
    composer: {
      find(doc) {
        const el = HandoffDOM.first(doc, SELECTORS.noteEditor);
        return el && !el.closest('[hidden]') ? el : null;
      },
      async makeInternal(doc) {
        if (!this.find(doc)) {
          const button = HandoffDOM.first(doc, SELECTORS.addNote);
          if (!button) throw new Error('Freshdesk\'s "Add note" button was not found on this page.');
          HandoffDOM.click(button);
          await HandoffDOM.waitFor(doc, SELECTORS.noteEditor, 3000);
        }
        const toggle = HandoffDOM.first(doc, SELECTORS.privateToggle);
        if (!toggle) throw new Error('Freshdesk\'s "Private" note toggle was not found; the note was not inserted.');
        if (!toggle.checked) HandoffDOM.click(toggle);
        if (!toggle.checked || !this.find(doc)) throw new Error('The Freshdesk note could not be made private; the note was not inserted.');
      },
      async insert(doc, note) {
        const el = this.find(doc);
        if (!el) throw new Error('The Freshdesk note editor is not open.');
        HandoffDOM.appendToComposer(el, note);
      },
    },
    messageElement(doc, msg) {
      const items = [...doc.querySelectorAll(SELECTORS.item)];
      return (msg.id && items.find((el) => el.getAttribute('data-id') === msg.id)) || items[msg.n - 1] || null;
    },
  });
})();
