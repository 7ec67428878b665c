/* Test URLs
https://acme.atlassian.net/browse/SUP-2317
https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1/SUP-2317
https://acme.atlassian.net/jira/servicedesk/projects/SUP/issues/SUP-2317
https://acme.atlassian.net/jira/software/projects/APP/boards/3?selectedIssue=APP-7
https://jira.example.org/browse/OPS-5 (a Data Center host added in the options)
Not tickets: https://acme.atlassian.net/jira/your-work
Not tickets: https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1
Not tickets: https://acme.atlassian.net/wiki/spaces/SUP/pages/1
*/

// Jira Service Management: the core's plan reads the issue through
// /rest/api/2 with the agent's session (core/source/jira_plan.go). This file
// knows the comment box with JSM's "Add internal note" and "Reply to
// customer" buttons, and where the description and each comment sit for
// citation chips. Selectors are the project's best reading of the Cloud
// issue view, unverified against a live page; they match
// test/fixtures/jira/page.html.
(() => {
  const SELECTORS = {
    anchor: ['[data-testid="issue.activity.comment-add"]', '[data-testid="issue.activity"]'],
    internalButton: ['[data-testid="comment-internal-note-button"]'],
    editorBox: ['[data-testid="comment-editor"]'],
    editor: ['[data-testid="comment-editor"] [contenteditable="true"]', '[data-testid="comment-editor"] textarea'],
    description: '[data-testid="issue.views.field.rich-text.description"]',
  };
  const KEY = '([A-Za-z][A-Za-z0-9_]*-[1-9][0-9]*)';
  const VIEWS = [
    new RegExp(`^(.*?)/browse/${KEY}/?$`),
    new RegExp(`^(.*?)/servicedesk/customer/portal/\\d+/${KEY}/?$`),
    new RegExp(`^(.*?)/(?:jira/(?:servicedesk|software|core)/(?:c/)?)?projects/[^/]+/(?:queues/.+|issues|boards/\\d+)/${KEY}/?$`),
  ];

  function onHost(url, hosts = []) {
    const h = url.hostname.toLowerCase();
    return (h.endsWith('.atlassian.net') && h.length > '.atlassian.net'.length) ||
      hosts.some((x) => x.source === 'jira' && String(x.origin).replace(/\/+$/, '').toLowerCase() === url.origin.toLowerCase());
  }

  function key(url) {
    for (const re of VIEWS) {
      const m = re.exec(url.pathname);
      if (m) return m[2].toUpperCase();
    }
    const selected = url.searchParams.get('selectedIssue');
    return selected && new RegExp(`^${KEY}$`).test(selected) ? selected.toUpperCase() : null;
  }

  function editorMode(doc) {
    const box = HandoffDOM.first(doc, SELECTORS.editorBox);
    return box && !box.hidden ? box.getAttribute('data-comment-type') : null;
  }

  HandoffSites.register({
    name: 'jira',
    matches(url, hosts) {
      return onHost(url, hosts) && key(url) !== null;
    },
    ticketId(url) {
      return key(url);
    },
    findAnchor(doc) {
      return HandoffDOM.first(doc, SELECTORS.anchor);
    },
    composer: {
      find(doc) {
        return editorMode(doc) === 'internal' ? HandoffDOM.first(doc, SELECTORS.editor) : null;
      },
      async makeInternal(doc) {
        if (editorMode(doc) !== 'internal') {
          const button = HandoffDOM.first(doc, SELECTORS.internalButton);
          if (!button) throw new Error('Jira\'s "Add internal note" button was not found; the note was not inserted.');
          HandoffDOM.click(button);
          await HandoffDOM.waitFor(doc, SELECTORS.editor, 3000);
        }
        if (editorMode(doc) !== 'internal') throw new Error('The Jira comment box could not be switched to "Add internal note"; the note was not inserted.');
      },
      async insert(doc, note) {
        const el = this.find(doc);
        if (!el) throw new Error('The Jira internal-note editor is not open.');
        HandoffDOM.appendToComposer(el, note);
      },
    },
    messageElement(doc, msg) {
      if (msg.n === 1 || msg.id === 'description') return doc.querySelector(SELECTORS.description);
      return msg.id ? doc.getElementById(`comment-${msg.id}`) : null;
    },
  });
})();
