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

  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const checked = [];
  for (const [, ref] of html.matchAll(/(?:src|href)="(\.\/[^"]+)"/g)) {
    assert.ok(existsSync(path.join(outDir, ref)), `index.html -> ${ref}`);
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

const browserSkip = skip || (!existsSync(chromium) && `no ${chromium}`) || testModel('tiny-pooled').skip;
test('the built app summarizes in Chromium under a sub-path: main thread, worker, model', { skip: browserSkip }, async () => {
  assert.ok(existsSync(path.join(outDir, 'index.html')), 'the build test ran first');
  const { chromium: launcher } = await import('playwright-core');
  const { server, base } = await serve();
  const browser = await launcher.launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const query of ['', '?worker', '?model=/models/tiny-pooled/', '?worker&model=/models/tiny-pooled/']) {
      const page = await browser.newPage();
      const failures = [];
      page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
      page.on('response', (r) => { if (r.status() >= 400) failures.push(`${r.url()} ${r.status()}`); });
      await page.goto(`${base}/sub/path/app/${query}`);
      await page.waitForFunction(() => document.querySelector('#out').textContent !== 'loading', null, { timeout: 20000 });
      const out = await page.textContent('#out');
      assert.doesNotMatch(out, /^error/, `${query}: ${out}`);
      const { model, result } = JSON.parse(out);
      assert.equal(result.summary.length, 2, query);
      if (query.includes('model')) {
        assert.deepEqual(model, { state: 'ready', name: 'tiny-pooled' }, query);
        assert.equal(result.scorer, 'tiny-pooled', query);
      } else {
        assert.equal(result.scorer, 'lexical', query);
      }
      assert.deepEqual(failures, [], `${query}: failed requests`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
});
