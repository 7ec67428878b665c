/* Test URLs
https://secure.helpscout.net/conversation/2219384756/48211
https://secure.helpscout.net/conversation/2219384756/48211/?folderId=7711
https://secure.helpscout.net/conversation/2219384756
Not tickets: https://secure.helpscout.net/mailbox/5a1b2c/7711/
Not tickets: https://secure.helpscout.net/dashboard/
Not tickets: https://acme.helpscoutdocs.com/article/12-sso
*/

// Help Scout's conversation view. The thread list is a DOM capture whose
// container selectors live in the core's plan (core/source/helpscout_dom.go);
// this file knows the "Reply", "Note" and "Forward" actions and the editor
// they open ("Note" is seen by teammates only). Selectors are the project's
// best reading of the UI, unverified against a live page; they match
// test/fixtures/helpscout/page.html.
(() => {
  const SELECTORS = {
    anchor: ['[data-cy="ConversationActions"]'],
    noteButton: ['[data-cy="NoteButton"]'],
    editorBox: ['[data-cy="Editor"]'],
    editor: ['[data-cy="Editor"] [contenteditable="true"]', '[data-cy="Editor"] textarea'],
    item: '[data-cy="ThreadItem"], .c-ThreadItem',
  };
  const CONVERSATION = /^\/conversation\/(\d+)(?:\/.*)?$/;

  function editorMode(doc) {
    const box = HandoffDOM.first(doc, SELECTORS.editorBox);
    return box && !box.hidden ? box.getAttribute('data-mode') : null;
  }

  HandoffSites.register({
    name: 'helpscout',
    matches(url) {
      return url.hostname.toLowerCase() === 'secure.helpscout.net' && CONVERSATION.test(url.pathname);
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
        return editorMode(doc) === 'note' ? HandoffDOM.first(doc, SELECTORS.editor) : null;
      },
      async makeInternal(doc) {
        if (editorMode(doc) !== 'note') {
          const button = HandoffDOM.first(doc, SELECTORS.noteButton);
          if (!button) throw new Error('Help Scout\'s "Note" button was not found; the note was not inserted.');
          HandoffDOM.click(button);
          await HandoffDOM.waitFor(doc, SELECTORS.editor, 3000);
        }
        if (editorMode(doc) !== 'note') throw new Error('The Help Scout editor could not be switched to "Note"; the note was not inserted.');
      },
      async insert(doc, note) {
        const el = this.find(doc);
        if (!el) throw new Error('Help Scout\'s note editor is not open.');
        HandoffDOM.appendToComposer(el, note);
      },
    },
    messageElement(doc, msg) {
      if (!msg.id) return null;
      return [...doc.querySelectorAll(SELECTORS.item)].find((el) => el.getAttribute('data-thread-id') === msg.id) || null;
    },
  });
})();
