// Jira Service Management in the browser: the shared site tests
// (site-suite.mjs), on /browse/KEY and in a service-desk queue. The agent
// had started in "Reply to customer"; Handoff must switch the box to "Add
// internal note" and append after the agent's text.
import { PRE, siteSuite, typeInto } from './site-suite.mjs';

siteSuite('jira', {
  message: '[data-testid="issue.views.field.rich-text.description"], [id^="comment-"]',
  conversation: '[data-testid="issue.activity.comments-list"]',
  variants: ['queue'],
  async prepare(page) {
    await page.locator('[data-testid="comment-reply-to-customer-button"]').click();
    await typeInto(page, '[data-testid="comment-editor"] [contenteditable]', PRE);
  },
  async composer(page) {
    return {
      text: (await page.locator('[data-testid="comment-editor"] [contenteditable]').innerText()).trim(),
      internal: (await page.locator('[data-testid="comment-editor"]').getAttribute('data-comment-type')) === 'internal',
    };
  },
});
