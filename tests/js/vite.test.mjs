// Bundler proof: tests/js/vite-app imports the package (staged by web/stage.mjs as `npm pack` would
// publish it) by name; Vite must bundle the core's .wasm, the worker and onnxruntime-web, and the
// built app must then summarize in Chromium when served under a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { coreMissing, repo, testModel, testModels, wasmDir } from './support/env.mjs';

const vite = path.join(repo, 'node_modules/vite/bin/vite.js');
const packageDir = path.join(repo, 'build/js/vite-package');
const outDir = path.join(repo, 'build/vite-app');
const chromium = '/usr/bin/chromium';
const skip = coreMissing || (!existsSync(vite) && `no ${vite} (npm ci)`);

function run(args, env = {}) {
  const r = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(r.status, 0, `node ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
}

/** Relative references in a built JS file that must exist: imports, and .wasm/.js/.mjs URLs. */
function references(source) {
  const found = [];
  for (const m of source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)) found.push(m[1]);
  for (const m of source.matchAll(/new URL\(\s*["'`]([^"'`]+\.(?:wasm|js))["'`]\s*,\s*import\.meta\.url\s*\)/g)) found.push(m[1]);
  return found;
}

test('vite builds the app; every bundled reference resolves', { skip }, () => {
  run([path.join(repo, 'web/stage.mjs'), '--wasm', wasmDir, '--out', packageDir]);
  run([vite, 'build', '--config', path.join(repo, 'tests/js/vite-app/vite.config.js')],
    { PRECIS_PACKAGE_DIR: packageDir, PRECIS_VITE_OUT: outDir });

  const assets = readdirSync(path.join(outDir, 'assets'));
  const coreWasm = assets.filter((f) => /^precis-core-.*\.wasm$/.test(f));
  assert.equal(coreWasm.length, 1, `one precis-core wasm asset in ${assets.join(', ')}`);
  assert.equal(statSync(path.join(outDir, 'assets', coreWasm[0])).size, statSync(path.join(wasmDir, 'precis-core.wasm')).size);
  assert.ok(assets.some((f) => /^ort-wasm-simd-threaded.*\.wasm$/.test(f)), 'onnxruntime-web\'s wasm is bundled');
  assert.ok(assets.some((f) => /^worker-.*\.js$/.test(f)), 'the worker is bundled');

  const checked = [];
  for (const page of ['index.html', 'strict.html']) {
    const html = readFileSync(path.join(outDir, page), 'utf8');
    for (const [, ref] of html.matchAll(/(?:src|href)="(\.\/[^"]+)"/g)) {
      assert.ok(existsSync(path.join(outDir, ref)), `${page} -> ${ref}`);
    }
  }
  for (const file of assets.filter((f) => f.endsWith('.js'))) {
    for (const ref of references(readFileSync(path.join(outDir, 'assets', file), 'utf8'))) {
      // onnxruntime-web names its own unbundled file for its proxy worker, which precis turns off.
      if (ref === 'ort.wasm.bundle.min.mjs') continue;
      assert.ok(existsSync(path.join(outDir, 'assets', ref)), `${file} -> ${ref} missing`);
      checked.push(ref);
    }
  }
  assert.ok(checked.some((ref) => ref.endsWith('.wasm')), `the .wasm references were found (${checked.join(', ')})`);
});

/** Serves the built app under /sub/path/app/ and the test models under /models/, on 127.0.0.1. */
async function serve() {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
  const roots = [['/sub/path/app/', outDir], ['/models/', testModels]];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const match = roots.find(([prefix]) => url.pathname.startsWith(prefix));
    const file = match && path.join(match[1], decodeURIComponent(url.pathname.slice(match[0].length)) || 'index.html');
    if (!file || !file.startsWith(match[1]) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** Opens `page` + `query` in the built app; resolves to what it shows and what went wrong. */
async function openApp(browser, base, page, query) {
  const tab = await browser.newPage();
  const failures = [];
  tab.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
  tab.on('response', (r) => { if (r.status() >= 400) failures.push(`${r.url()} ${r.status()}`); });
  tab.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) failures.push(m.text()); });
  try {
    await tab.goto(`${base}/sub/path/app/${page}${query}`);
    await tab.waitForFunction(() => document.querySelector('#out').textContent !== 'loading', null, { timeout: 20000 });
    const out = await tab.textContent('#out');
    return { out, failures, ...(out.startsWith('error') ? {} : JSON.parse(out)) };
  } finally {
    await tab.close();
  }
}

async function withBrowser(fn) {
  const { chromium: launcher } = await import('playwright-core');
  const { server, base } = await serve();
  const browser = await launcher.launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    await fn(browser, base);
  } finally {
    await browser.close();
    server.close();
  }
}

const browserSkip = skip || (!existsSync(chromium) && `no ${chromium}`) || testModel('tiny-pooled').skip;
const VARIANTS = ['', '?worker', '?model=/models/tiny-pooled/', '?worker&model=/models/tiny-pooled/'];

test('the built app summarizes in Chromium under a sub-path: main thread, worker, model', { skip: browserSkip }, async () => {
  assert.ok(existsSync(path.join(outDir, 'index.html')), 'the build test ran first');
  await withBrowser(async (browser, base) => {
    for (const query of VARIANTS) {
      const { out, failures, model, result } = await openApp(browser, base, 'index.html', query);
      assert.doesNotMatch(out, /^error/, `${query}: ${out}`);
      assert.equal(result.summary.length, 2, query);
      if (query.includes('model')) {
        assert.deepEqual(model, { state: 'ready', name: 'tiny-pooled' }, query);
        assert.equal(result.scorer, 'tiny-pooled', query);
      } else {
        assert.equal(result.scorer, 'lexical', query);
      }
      assert.deepEqual(failures, [], `${query}: failed requests`);
    }
  });
});

// A page that forbids eval (the demo's policy: script-src 'self' 'wasm-unsafe-eval'). embind
// compiles its invokers with new Function unless the core is linked with -sDYNAMIC_EXECUTION=0;
// the main-thread variant fails then (a same-origin worker does not inherit a <meta> policy).
test('the built app works under a Content-Security-Policy without unsafe-eval', { skip: browserSkip }, async () => {
  assert.ok(existsSync(path.join(outDir, 'strict.html')), 'the build test ran first');
  await withBrowser(async (browser, base) => {
    for (const query of VARIANTS) {
      const { out, failures, model, result } = await openApp(browser, base, 'strict.html', query);
      assert.doesNotMatch(out, /^error/, `${query}: ${out} ${failures.join(' | ')} (is the core linked with -sDYNAMIC_EXECUTION=0?)`);
      assert.equal(result.summary.length, 2, query);
      if (query.includes('model')) assert.equal(model.state, 'ready', `${query}: ${model.error}`);
      assert.deepEqual(failures, [], `${query}: CSP violations or failed requests`);
    }
  });
});
