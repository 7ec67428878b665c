// Help Scout in the browser: the shared site tests (site-suite.mjs). The
// agent had opened "Note" and typed; Handoff must append after that text
// and keep the editor a note.
import { PRE, siteSuite, typeInto } from './site-suite.mjs';

siteSuite('helpscout', {
  conversation: '.cv2-conversation',
  message: '[data-cy="ThreadItem"]',
  async prepare(page) {
    await page.locator('[data-cy="NoteButton"]').click();
    await typeInto(page, '[data-cy="Editor"] [contenteditable]', PRE);
  },
  async composer(page) {
    const editor = page.locator('[data-cy="Editor"]');
    return {
      text: (await editor.locator('[contenteditable]').innerText()).trim(),
      internal: (await editor.getAttribute('data-mode')) === 'note',
    };
  },
});
