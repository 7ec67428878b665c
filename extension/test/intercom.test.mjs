// Intercom in the browser: the shared site tests (site-suite.mjs). The
// composer sat on "Reply" with the agent's text; Handoff must switch it to
// "Note" and append after that text.
import { PRE, siteSuite, typeInto } from './site-suite.mjs';

siteSuite('intercom', {
  conversation: '.cv2-conversation',
  message: '.conversation__part',
  async prepare(page) {
    await typeInto(page, '[data-testid="composer"] [contenteditable]', PRE);
  },
  async composer(page) {
    const composer = page.locator('[data-testid="composer"]');
    return {
      text: (await composer.locator('[contenteditable]').innerText()).trim(),
      internal: (await composer.getAttribute('data-mode')) === 'note',
    };
  },
});
