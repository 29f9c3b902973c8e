// Shared set-up of the end-to-end tests: build the static folder, serve it on 127.0.0.1 under a
// sub-path, drive Chromium with playwright-core, and watch every request leave only for that origin.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PREFIX = '/precis/';
const CHROMIUM = '/usr/bin/chromium';
// Flags that keep Chromium from reaching any outside host at start (see docs in
// /work/shared/notes/toolchain.md) and let it run as root in a container.
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Why the e2e tests cannot run here, or null. Pass it as `skip` to node:test. */
export function missingPrerequisite() {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} not installed (scripts/setup installs it)`;
  for (const f of ['build/wasm/precis-core.mjs', 'build/wasm/precis-core.wasm']) {
    if (!existsSync(join(root, f))) return `${f} missing: build the core first (cmake --preset wasm && cmake --build --preset wasm)`;
  }
  if (!existsSync(join(root, 'node_modules', 'playwright-core'))) return 'playwright-core not installed (npm ci)';
  return null;
}

/** The sample article the page is tested with. */
export function sampleArticle() {
  return readFileSync(join(root, 'tests', 'fixtures', 'fr-belarus-convoy', 'article.txt'), 'utf8');
}

/** About `words` words of article-like French: the sample's lines, numbered so none repeat exactly. */
export function longText(words) {
  const lines = sampleArticle().split('\n').filter((l) => l.split(' ').length > 8);
  const out = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const line = `${lines[i % lines.length]} (${i})`;
    out.push(line);
    count += line.split(/\s+/).length;
  }
  return out.join('\n');
}

/**
 * Builds the static folder into build/page/<name> (one folder per test file: node --test runs
 * files in parallel) with scripts/build-web, and returns its path.
 */
export function buildSite(name, extraArgs = []) {
  const out = join(root, 'build', 'page', name);
  const run = spawnSync(join(root, 'scripts', 'build-web'), ['--out', out, ...extraArgs], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`scripts/build-web failed:\n${run.stdout}\n${run.stderr}`);
  return out;
}

/** A tiny test model folder made by scripts/make-test-models (generated once when absent). */
export function testModel(variant) {
  const dir = join(root, 'build', 'page', 'test-models');
  if (!existsSync(join(dir, variant, 'manifest.json'))) {
    const run = spawnSync(join(root, 'scripts', 'make-test-models'), [dir, '--variant', variant], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`scripts/make-test-models failed:\n${run.stderr}`);
  }
  return join(dir, variant);
}

/** Serves `dir` with scripts/serve on a free port; resolves to {url, origin, close()}. */
export function serve(dir, { coopCoep = false, log = null } = {}) {
  const args = ['--dir', dir, '--port', '0', '--prefix', PREFIX];
  if (coopCoep) args.push('--coop-coep');
  if (log) args.push('--log', log);
  const child = spawn(join(root, 'scripts', 'serve'), args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolveServer, reject) => {
    let out = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`scripts/serve exited (${code}): ${out}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+\/\S*)/);
      if (m) {
        const url = m[1];
        resolveServer({
          url,
          origin: new URL(url).origin,
          close: () => new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
        });
      }
    });
  });
}

/**
 * Starts Chromium with a fresh profile. Returns {context, close, foreignRequests}: every request
 * (page, workers, service worker) to an origin other than `origin` is recorded and, unless
 * blockForeign is false, aborted.
 */
export async function launch(origin, {
  viewport = { width: 1280, height: 900 }, colorScheme = 'light', blockForeign = true, locale = 'en-US',
} = {}) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'precis-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport,
    colorScheme,
    locale,
    serviceWorkers: 'allow',
  });
  const foreignRequests = [];
  const watch = (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  };
  context.on('request', watch);
  // Anything that would leave the origin is stopped as well as recorded. (Playwright turns the HTTP
  // cache off while it intercepts requests: scripts/bench-web, which measures transfers, opts out.)
  if (blockForeign) {
    await context.route((url) => url.origin !== origin && url.protocol.startsWith('http'), (route) => route.abort());
  }
  return {
    context,
    foreignRequests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the page and waits until the WebAssembly core answers and the model has settled (ready,
 * failed or none), so that no model-ready refresh lands in the middle of a test. Collects errors.
 */
export async function openPage(context, url) {
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url}:${m.location().lineNumber})`); });
  await page.goto(url);
  await page.waitForSelector('html[data-core-ready="true"]', { timeout: 60_000 });
  await modelSettled(page);
  return { page, errors };
}

export async function modelSettled(page) {
  await page.waitForFunction(() => ['ready', 'failed', 'none'].includes(document.documentElement.dataset.modelState),
    null, { timeout: 300_000 });
}

/** Puts text in the input the way a paste does (an 'input' event), and waits for the summary. */
export async function pasteText(page, text) {
  // The page keeps the text across reloads and does not redo a summary of unchanged text: empty
  // the box first if it already holds this text, so that a new result comes.
  if (await page.locator('[data-testid="input"]').inputValue() === text) {
    const cleared = await resultSeq(page);
    await page.locator('[data-testid="input"]').fill('');
    await waitForResult(page, cleared);
  }
  const before = await page.evaluate(() => document.documentElement.dataset.resultSeq ?? '0');
  await page.locator('[data-testid="input"]').fill(text);
  await waitForResult(page, before);
}

/** Waits until a result newer than `before` (html[data-result-seq]) is on screen. */
export async function waitForResult(page, before) {
  await page.waitForFunction(
    (b) => Number(document.documentElement.dataset.resultSeq ?? 0) > Number(b)
      && !document.documentElement.dataset.busy,
    before, { timeout: 300_000 });
}

export async function resultSeq(page) {
  return page.evaluate(() => document.documentElement.dataset.resultSeq ?? '0');
}

/** The summary sentences' texts as shown. */
export function summaryTexts(page) {
  return page.locator('[data-testid="summary-sentence"]').allTextContents();
}

export function screenshotDir() {
  const dir = join(root, 'build', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Console errors other than the expected ones: when pasted HTML carries <style>, style="..." or
 * on...="..." attributes, Chromium checks them against the page's CSP while html-to-text.js
 * parses it (even in a detached document, where nothing would run anyway) and logs the refusal.
 * That refusal is the CSP working, not a fault.
 */
export function unexpectedErrors(errors) {
  return errors.filter((e) => !(/^(Applying inline style|Executing inline event handler) violates the following Content Security Policy/.test(e)
    && /html-to-text\.js/.test(e)));
}
