// Screenshots of the page with the sample article at phone (360 px) and desktop (1280 px) widths,
// light and dark, written to build/screenshots/ for a human to look at. Also checks that nothing
// overflows sideways at 360 px.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  buildSite, launch, missingPrerequisite, openPage, pasteText, sampleArticle, screenshotDir, serve,
  unexpectedErrors,
} from './helpers.mjs';

const skip = missingPrerequisite();
const VIEWS = [
  { width: 360, height: 780, colorScheme: 'light' },
  { width: 360, height: 780, colorScheme: 'dark' },
  { width: 1280, height: 900, colorScheme: 'light' },
  { width: 1280, height: 900, colorScheme: 'dark' },
];

describe('screenshots', { skip: skip ?? false }, () => {
  let server;
  before(async () => {
    server = await serve(buildSite('e2e-screenshots'));
  });
  after(async () => {
    await server?.close();
  });

  for (const view of VIEWS) {
    it(`${view.width} px, ${view.colorScheme}`, async () => {
      const browser = await launch(server.origin, {
        viewport: { width: view.width, height: view.height }, colorScheme: view.colorScheme,
      });
      try {
        const { page, errors } = await openPage(browser.context, server.url);
        const name = `page-${view.width}-${view.colorScheme}`;
        await page.screenshot({ path: join(screenshotDir(), `${name}-empty.png`) });
        await pasteText(page, sampleArticle());
        // What a visitor sees right after a paste (docs/WEB-PAGE.md shows these).
        await page.screenshot({ path: join(screenshotDir(), `${name}-pasted.png`) });
        await page.locator('#removed-details > summary').click();
        await page.screenshot({ path: join(screenshotDir(), `${name}.png`), fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page is ${overflow} px wider than the ${view.width} px window`);
        // The summary is never cut off inside its own scroll box on a phone.
        if (view.width < 800) {
          const hidden = await page.evaluate(() => {
            const pane = document.querySelector('.summary-pane');
            return pane.scrollHeight - pane.clientHeight;
          });
          assert.ok(hidden <= 0, `${hidden} px of the summary pane scroll out of sight`);
        }
        assert.deepEqual(unexpectedErrors(errors), []);
        assert.deepEqual(browser.foreignRequests, []);
      } finally {
        await browser.close();
      }
    });
  }
});
