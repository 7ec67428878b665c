// Front in the browser: the shared site tests (site-suite.mjs). The agent
// had a reply draft open and had typed in the comment box; Handoff must
// append to the comment (internal) and leave the reply draft alone.
import { PRE, siteSuite, typeInto } from './site-suite.mjs';

const REPLY = 'Hi Markus, following up on your refund.';

siteSuite('front', {
  conversation: '.cv2-conversation',
  message: '[data-testid="timeline-message"], [data-testid="timeline-comment"]',
  publicBefore: REPLY,
  async prepare(page) {
    await page.locator('[data-testid="reply-button"]').click();
    await typeInto(page, '[data-testid="reply-editor"]', REPLY);
    await typeInto(page, '[data-testid="comment-input"]', PRE);
  },
  async composer(page) {
    return {
      text: (await page.locator('[data-testid="comment-input"]').innerText()).trim(),
      publicText: (await page.locator('[data-testid="reply-editor"]').innerText()).trim(),
    };
  },
});
