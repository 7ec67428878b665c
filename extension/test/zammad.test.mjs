// Zammad in the browser: the shared site tests (site-suite.mjs). The
// article composer is public by default; Handoff must set it to internal and
// append after what the agent typed.
import { PRE, siteSuite, typeInto } from './site-suite.mjs';

siteSuite('zammad', {
  message: '.ticket-article-item',
  conversation: '.ticket-article',
  async prepare(page) {
    await typeInto(page, '.article-add .articleNewEdit-body', PRE);
  },
  async composer(page) {
    const form = page.locator('.article-add');
    return {
      text: (await form.locator('.articleNewEdit-body').innerText()).trim(),
      internal: (await form.getAttribute('data-visibility')) === 'internal' &&
        (await form.locator('input[name="internal"]').inputValue()) === 'true',
    };
  },
});
