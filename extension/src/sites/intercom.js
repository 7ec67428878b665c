/* Test URLs
https://app.intercom.com/a/inbox/x7k2p9/inbox/shared/all/conversation/215467829340120
https://app.intercom.com/a/inbox/x7k2p9/inbox/conversation/215467829340120
https://app.intercom.com/a/inbox/x7k2p9/inbox/admin/4567/conversation/215467829340120?view=List
https://app.intercom.com/a/apps/x7k2p9/inbox/inbox/all/conversations/215467829340120
https://app.eu.intercom.com/a/inbox/x7k2p9/inbox/conversation/215467829340120
Not tickets: https://app.intercom.com/a/apps/x7k2p9/home
Not tickets: https://app.intercom.com/a/inbox/x7k2p9/inbox/shared/all
Not tickets: https://app.intercom.com/a/apps/x7k2p9/users/64f0/all-conversations
*/

// Intercom's inbox. The conversation stream is a DOM capture whose container
// selectors live in the core's plan (core/source/intercom_dom.go); this file
// knows the composer, whose "Reply" and "Note" tabs share one editor: "Note"
// makes what is written an internal note. Selectors are the project's best
// reading of the inbox, unverified against a live page; they match
// test/fixtures/intercom/page.html.
(() => {
  const SELECTORS = {
    anchor: ['[data-testid="composer"] [role="tablist"]', '[data-testid="composer"]'],
    composer: ['[data-testid="composer"]', '.inbox2__composer'],
    noteTab: ['[data-testid="composer"] [data-composer-tab="note"]'],
    editor: ['[data-testid="composer"] [contenteditable="true"]', '[data-testid="composer"] textarea'],
    part: '[data-part-id], .conversation__part',
  };
  const CONVERSATION = /^\/a\/(?:inbox|apps)\/[A-Za-z0-9_-]+\/inbox\/(?:[^?#]*\/)?conversations?\/([0-9]+)\/?$/;

  function onHost(url) {
    const h = url.hostname.toLowerCase();
    return h === 'app.intercom.com' || /^app\.[a-z0-9-]+\.intercom\.com$/.test(h);
  }

  function inNoteMode(doc) {
    const c = HandoffDOM.first(doc, SELECTORS.composer);
    return !!c && (c.getAttribute('data-mode') === 'note' ||
      HandoffDOM.first(doc, SELECTORS.noteTab)?.getAttribute('aria-selected') === 'true');
  }

  HandoffSites.register({
    name: 'intercom',
    matches(url) {
      return onHost(url) && CONVERSATION.test(url.pathname);
    },
    ticketId(url) {
      const m = CONVERSATION.exec(url.pathname);
      return m ? m[1] : null;
    },
    findAnchor(doc) {
      return HandoffDOM.first(doc, SELECTORS.anchor);
    },
    composer: {
      find(doc) {
        return inNoteMode(doc) ? HandoffDOM.first(doc, SELECTORS.editor) : null;
      },
      async makeInternal(doc) {
        if (!inNoteMode(doc)) {
          const tab = HandoffDOM.first(doc, SELECTORS.noteTab);
          if (!tab) throw new Error('Intercom\'s "Note" tab was not found; the note was not inserted.');
          HandoffDOM.click(tab);
        }
        if (!inNoteMode(doc)) throw new Error('The Intercom composer could not be switched to "Note"; the note was not inserted.');
      },
      async insert(doc, note) {
        const el = this.find(doc);
        if (!el) throw new Error('Intercom\'s composer is not in "Note" mode.');
        HandoffDOM.appendToComposer(el, note);
      },
    },
    messageElement(doc, msg) {
      if (!msg.id) return null;
      return [...doc.querySelectorAll(SELECTORS.part)].find((el) => el.getAttribute('data-part-id') === msg.id) || null;
    },
  });
})();
