// Freshdesk in the browser: the shared site tests (site-suite.mjs). The
// agent left "Add note" open with "Private" switched off and some text
// typed; Handoff must make the note private again and append after it.
import { PRE, siteSuite, typeInto } from './site-suite.mjs';

siteSuite('freshdesk', {
  conversation: '.cv2-conversation',
  message: '[data-test-id="conversation-item"], [data-test-id="ticket-description"]',
  async prepare(page) {
    await page.locator('[data-test-id="add-note-btn"]').click();
    await page.locator('[data-test-id="note-private-toggle"]').uncheck();
    await typeInto(page, '[data-test-id="note-editor"] [contenteditable]', PRE);
  },
  async composer(page) {
    return {
      text: (await page.locator('[data-test-id="note-editor"] [contenteditable]').innerText()).trim(),
      internal: await page.locator('[data-test-id="note-private-toggle"]').isChecked(),
      publicText: (await page.locator('[data-test-id="reply-editor"] [contenteditable]').innerText()).trim(),
    };
  },
});
