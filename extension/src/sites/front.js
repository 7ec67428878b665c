/* Test URLs
https://app.frontapp.com/open/cnv_7k2m9x
https://app.frontapp.com/inboxes/teammates/8841/inbox/open/0/cnv_7k2m9x
https://app.frontapp.com/inboxes/shared/support/open/12/cnv_7k2m9x
https://acme.frontapp.com/open/cnv_7k2m9x
Not tickets: https://app.frontapp.com/inboxes/teammates/8841/inbox
Not tickets: https://app.frontapp.com/settings/company/general
*/

// Front's conversation view. The timeline is a DOM capture whose container
// selectors live in the core's plan (core/source/front_dom.go); this file
// knows Front's comment box below the timeline — comments are internal,
// seen by teammates only, so no switch is needed, and the "Reply" draft is
// never touched. Front's class names are generated, so selectors key on
// data-testid; all are the project's best reading of the UI, unverified
// against a live page; they match test/fixtures/front/page.html.
(() => {
  const SELECTORS = {
    anchor: ['[data-testid="conversation-actions"]'],
    comment: ['[data-testid="comment-composer"] [contenteditable="true"]', '[data-testid="comment-composer"] textarea'],
    item: '[data-testid="timeline-message"], [data-testid="timeline-comment"]',
  };

  function conversation(url) {
    const h = url.hostname.toLowerCase();
    if (h !== 'frontapp.com' && !h.endsWith('.frontapp.com')) return null;
    const parts = url.pathname.replace(/^\/+|\/+$/g, '').split('/');
    if (parts[0] !== 'open' && parts[0] !== 'inboxes') return null;
    const ids = parts.filter((p) => p.startsWith('cnv_') && p.length > 4);
    return ids.length ? ids[ids.length - 1] : null;
  }

  HandoffSites.register({
    name: 'front',
    matches(url) {
      return conversation(url) !== null;
    },
    ticketId(url) {
      return conversation(url);
    },
    findAnchor(doc) {
      return HandoffDOM.first(doc, SELECTORS.anchor);
    },
    composer: {
      find(doc) {
        return HandoffDOM.first(doc, SELECTORS.comment);
      },
      async makeInternal(doc) {
        if (!this.find(doc)) throw new Error('Front\'s comment box was not found; the note was not inserted.');
      },
      async insert(doc, note) {
        const el = this.find(doc);
        if (!el) throw new Error('Front\'s comment box was not found; the note was not inserted.');
        HandoffDOM.appendToComposer(el, note);
      },
    },
    messageElement(doc, msg) {
      const items = [...doc.querySelectorAll(SELECTORS.item)];
      return (msg.id && items.find((el) => [...el.attributes].some((a) => a.name.startsWith('data-') && a.name.endsWith('-id') && a.value === msg.id))) || null;
    },
  });
})();
