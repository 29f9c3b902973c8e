// The built folder works from a plain static server (python3 -m http.server, no custom headers,
// no URL mapping) at a deeper sub-path than the other tests use.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  buildSite, launch, missingPrerequisite, openPage, pasteText, root, sampleArticle, summaryTexts,
  unexpectedErrors,
} from './helpers.mjs';

const skip = missingPrerequisite();

/** python3 -m http.server on a free port; resolves to its origin. */
function httpServer(directory) {
  const child = spawn('/usr/bin/python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', directory],
    { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/port (\d+)/);
      if (m) resolve({ origin: `http://127.0.0.1:${m[1]}`, close: () => child.kill('SIGTERM') });
    });
  });
}

describe('plain static host', { skip: skip ?? false }, () => {
  let server, browser;

  before(async () => {
    buildSite(join('e2e-static', 'www', 'tools', 'summarizer'));
    server = await httpServer(join(root, 'build', 'page', 'e2e-static', 'www'));
    browser = await launch(server.origin);
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('summarizes and gets ready for offline use under /tools/summarizer/', async () => {
    const { page, errors } = await openPage(browser.context, `${server.origin}/tools/summarizer/`);
    await pasteText(page, sampleArticle());
    assert.equal((await summaryTexts(page)).length, 3);
    await page.waitForSelector('html[data-offline-ready="true"]', { timeout: 60_000 });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, `${server.origin}/tools/summarizer/`);
    assert.deepEqual(unexpectedErrors(errors), []);
    assert.deepEqual(browser.foreignRequests, []);
  });
});
