// The page stays responsive while a 100,000-word text is summarized: the work runs in the Web
// Worker, so the page's thread keeps drawing frames and accepts typing meanwhile. No speed is
// asserted; only that the main thread was not blocked for the duration of the run.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  buildSite, launch, longText, missingPrerequisite, openPage, resultSeq, serve, summaryTexts,
  unexpectedErrors, waitForResult,
} from './helpers.mjs';

const skip = missingPrerequisite();

describe('responsiveness', { skip: skip ?? false }, () => {
  let server, browser, page, errors;

  before(async () => {
    server = await serve(buildSite('e2e-responsive'));
    browser = await launch(server.origin);
    ({ page, errors } = await openPage(browser.context, server.url));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps drawing frames and taking keystrokes while 100,000 words are summarized', async () => {
    const text = longText(100_000);
    assert.ok(text.split(/\s+/).length >= 100_000);
    // Count animation frames and the longest gap between them from now on.
    await page.evaluate(() => {
      const probe = { frames: 0, framesWhileBusy: 0, longestGap: 0, last: performance.now(), busyStart: 0, busyEnd: 0 };
      window.__probe = probe;
      probe.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) probe.longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask' });
      const tick = (now) => {
        probe.frames++;
        if (document.documentElement.dataset.busy) {
          probe.framesWhileBusy++;
          probe.busyStart ||= now;
          probe.busyEnd = now;
        }
        probe.longestGap = Math.max(probe.longestGap, now - probe.last);
        probe.last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const seq = await resultSeq(page);
    // Set the text as a paste would (one 'input' event), without making Playwright type it.
    await page.getByTestId('input').evaluate((el, t) => {
      el.value = t;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await page.waitForSelector('html[data-busy]', { timeout: 10_000 });
    // While the worker runs, the page still handles typing: the text grows and a new run starts.
    await page.getByTestId('input').press('End');
    await page.keyboard.type(' Fin.');
    const typed = await page.evaluate(() => document.querySelector('[data-testid="input"]').value.endsWith(' Fin.'));
    assert.equal(typed, true);
    await waitForResult(page, seq);
    assert.equal((await summaryTexts(page)).length, 3);
    const probe = await page.evaluate(() => window.__probe);
    const busyMs = probe.busyEnd - probe.busyStart;
    // Evidence of responsiveness, not of speed: frames kept coming during the run (a blocked
    // thread draws none), reported for the record.
    console.log(`# busy ${Math.round(busyMs)} ms, ${probe.framesWhileBusy} frames meanwhile, longest frame gap `
      + `${Math.round(probe.longestGap)} ms, main-thread tasks over 50 ms: ${probe.longTasks.join(', ') || 'none'}`);
    assert.ok(probe.framesWhileBusy >= 3, `only ${probe.framesWhileBusy} frames while busy`);
  });

  it('logged no error', () => {
    assert.deepEqual(unexpectedErrors(errors), []);
    assert.deepEqual(browser.foreignRequests, []);
  });
});
