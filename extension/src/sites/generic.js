/* Test URLs
https://support.example.net/tickets/504
https://desk.example.com/#/conversations/77
https://helpdesk.example.org/scp/tickets.php?id=12
Not tickets: none — the fallback offers itself on any page no other site claims.
*/

// The generic fallback, for a helpdesk Handoff has no file for (or a page a
// site's reader cannot read): a floating "Draft handoff" button, then
// "select the conversation, then draft" — the engine captures the selection
// and the core's generic reader (core/source/generic_html.go) reads it.
// It cannot tell an internal-note box from a public reply on an unknown
// page, so it never inserts: the agent copies the note instead.
(() => {
  HandoffSites.register({
    name: 'generic',
    fallback: true,
    matches(url) {
      return url.protocol === 'https:' || url.protocol === 'http:';
    },
    ticketId(url) {
      return `${url.host}${url.pathname}${url.search}${url.hash}`;
    },
    findAnchor() {
      return null;
    },
    composer: {
      find() {
        return null;
      },
      async makeInternal() {
        throw new Error('On this page Handoff cannot tell an internal note from a public reply, so it does not insert: copy the note instead.');
      },
      async insert() {
        throw new Error('On this page Handoff cannot tell an internal note from a public reply, so it does not insert: copy the note instead.');
      },
    },
    messageElement() {
      return null;
    },
  });
})();
