/* Test URLs
https://acme.zammad.com/#ticket/zoom/1873
https://acme.zammad.com/#ticket/zoom/1873/5521 (scrolled to an article)
https://support.example.org/#ticket/zoom/1873 (self-hosted, added in the options)
Not tickets: https://acme.zammad.com/#dashboard
Not tickets: https://acme.zammad.com/#ticket/create
Not tickets: https://acme.zammad.com/#ticket/view/my_assigned
*/

// Zammad's agent UI routes in the fragment; the core's plan reads the
// ticket, its articles and its history through /api/v1 with the agent's
// session (core/source/zammad_plan.go). This file knows the article composer
// with its public/internal visibility toggle. Selectors are the project's
// best reading of the ticket zoom, unverified against a live page; they
// match test/fixtures/zammad/page.html.
(() => {
  const SELECTORS = {
    anchor: ['.ticketZoom .article-add .article-add-controls', '.ticketZoom .article-add'],
    form: ['.ticketZoom .article-add', '.article-add'],
    editor: ['.article-add .articleNewEdit-body[contenteditable="true"]', '.article-add [contenteditable="true"]', '.article-add textarea'],
    visibility: ['.article-add .js-toggleVisibility'],
    article: '.ticket-article-item',
  };
  const ZOOM = /^\/?ticket\/zoom\/(\d+)(?:\/\d+)?\/?$/;

  function onHost(url, hosts = []) {
    const h = url.hostname.toLowerCase();
    return (h.endsWith('.zammad.com') && h.length > '.zammad.com'.length) ||
      hosts.some((x) => x.source === 'zammad' && String(x.origin).replace(/\/+$/, '').toLowerCase() === url.origin.toLowerCase());
  }

  function zoom(url) {
    const m = ZOOM.exec(url.hash.replace(/^#/, ''));
    return m ? m[1] : null;
  }

  function isInternal(form) {
    return form.classList.contains('is-internal') || form.querySelector('input[name="internal"]')?.value === 'true';
  }

  HandoffSites.register({
    name: 'zammad',
    matches(url, hosts) {
      return onHost(url, hosts) && zoom(url) !== null;
    },
    ticketId(url) {
      return zoom(url);
    },
    findAnchor(doc) {
      return HandoffDOM.first(doc, SELECTORS.anchor);
    },
    composer: {
      find(doc) {
        return HandoffDOM.first(doc, SELECTORS.editor);
      },
      async makeInternal(doc) {
        const form = HandoffDOM.first(doc, SELECTORS.form);
        if (!form) throw new Error('Zammad\'s article composer was not found on this page.');
        if (!isInternal(form)) {
          const toggle = HandoffDOM.first(doc, SELECTORS.visibility);
          if (!toggle) throw new Error('Zammad\'s internal toggle was not found; the note was not inserted.');
          HandoffDOM.click(toggle);
        }
        if (!isInternal(form)) throw new Error('The Zammad article could not be set to internal; the note was not inserted.');
      },
      async insert(doc, note) {
        const el = this.find(doc);
        if (!el) throw new Error('Zammad\'s article composer was not found on this page.');
        HandoffDOM.appendToComposer(el, note);
      },
    },
    messageElement(doc, msg) {
      const items = [...doc.querySelectorAll(SELECTORS.article)];
      return (msg.id && items.find((el) => el.getAttribute('data-id') === msg.id)) || null;
    },
  });
})();
