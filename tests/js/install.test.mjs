// The package as another project gets it. scripts/pack builds the tarball; empty projects install it
// offline (npm takes onnxruntime-web from the cache that scripts/setup fills); the code of README.md's
// "JavaScript module" section, read from the README itself, then summarizes the sample article in
// Node, in a Vite build and in examples/static/index.html, both served by `python3 -m http.server`
// (the README's static server) to Chromium. All three must give the model's summary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { article, articleMissing, repo } from './support/env.mjs';

const chromium = '/usr/bin/chromium';
const articlePath = path.join(repo, 'tests/fixtures/fr-belarus-convoy/article.txt');
const expected = JSON.parse(readFileSync(path.join(repo, 'tests/fixtures/fr-belarus-convoy/expected.json'), 'utf8'));
const skip = articleMissing || (!existsSync(path.join(repo, 'node_modules/vite')) && 'no vite in node_modules (npm ci)');
const browserSkip = skip || (!existsSync(chromium) && `no ${chromium} (scripts/setup installs it)`);

let work;      // temporary folder: the tarball and the projects
let tarball;
let modelSummary;   // the sentences Node picks with the default model: what every way must show

/** Runs `command` in `cwd`; asserts it succeeded and returns its stdout. */
function run(command, args, cwd, hint = '') {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  assert.equal(r.status, 0, `${command} ${args.join(' ')} (in ${cwd})${hint}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** README.md's "JavaScript module" section. */
function readmeSection() {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## JavaScript module\n');
  assert.ok(start >= 0, 'README.md has a "JavaScript module" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The README's code blocks introduced by "`file.name`:", as {file name: code}. */
function readmeFiles() {
  const files = {};
  for (const [, name, code] of readmeSection().matchAll(/`([\w.-]+)`:\s*\n\n```\w*\n([\s\S]*?)```/g)) files[name] = code;
  return files;
}

/** A new project in `work` with the tarball installed the README's way, offline. */
function newProject(name) {
  const dir = path.join(work, name);
  mkdirSync(dir);
  run('npm', ['init', '-y'], dir);
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], dir,
    '\n(offline: onnxruntime-web and its dependencies must be in npm\'s cache; scripts/setup puts them there)');
  return dir;
}

before(() => {
  if (skip) return;
  work = mkdtempSync(path.join(tmpdir(), 'precis-install-'));
  // The last line scripts/pack prints is the tarball's path.
  tarball = path.resolve(repo, run(path.join(repo, 'scripts/pack'), ['--out', path.join(work, 'pack')], repo).trim().split('\n').pop());
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the tarball holds the core, the worker, onnxruntime-web wiring, the default model and types', { skip }, () => {
  const listing = run('tar', ['tzf', tarball], work).split('\n');
  for (const file of ['precis.js', 'core.js', 'host-onnx.js', 'worker.js', 'worker-client.js', 'precis.d.ts',
    'worker-client.d.ts', 'package.json', 'dist/precis-core.mjs', 'dist/precis-core.wasm',
    'dist/model/manifest.json', 'dist/model/encoder.onnx', 'dist/model/tokenizer.model', 'dist/model/scorer.json']) {
    assert.ok(listing.includes(`package/${file}`), `${file} in ${path.basename(tarball)}`);
  }
  assert.ok(!listing.some((f) => f.endsWith('stage.mjs')), 'the build tooling stays out');
});

test('in Node, the README\'s summarize.mjs prints the default model\'s summary', { skip }, () => {
  const project = newProject('node-app');
  const { 'summarize.mjs': script } = readmeFiles();
  assert.ok(script, 'README.md gives summarize.mjs');
  writeFileSync(path.join(project, 'summarize.mjs'), script);
  const printed = run(process.execPath, ['summarize.mjs', articlePath], project).trim().split('\n');

  // What the printed sentences are: the model's pick, which differs from the lexical one here (so
  // matching it shows the model ran, in Node and in the browsers below).
  writeFileSync(path.join(project, 'check.mjs'), `
    import { readFileSync } from 'node:fs';
    import { createSummarizer } from 'precis-summarizer';
    const text = readFileSync(process.argv[2], 'utf8');
    const out = {};
    for (const [key, model] of [['model', 'default'], ['lexical', null]]) {
      const s = await createSummarizer({ model });
      out[key + 'State'] = (await s.ready).state;
      out[key] = await s.summarize(text, { sentences: 3 });
      s.dispose();
    }
    console.log(JSON.stringify(out));`);
  const { model, modelState, lexical } = JSON.parse(run(process.execPath, ['check.mjs', articlePath], project));
  assert.equal(modelState, 'ready');
  assert.equal(model.scorer, 'precis-base');
  assert.deepEqual(model.warnings, []);
  assert.equal(model.summary.length, 3);
  for (const s of model.summary) {
    assert.ok(article.slice(...s.utf16).includes(s.text.slice(0, 40)), `"${s.text}" comes from the article`);
    for (const junk of expected.must_not_contain) assert.ok(!s.text.includes(junk), `"${s.text}" holds ${junk}`);
  }
  assert.notDeepEqual(model.summary.map((s) => s.index), lexical.summary.map((s) => s.index), 'the model changes the pick');
  modelSummary = model.summary.map((s) => s.text);
  assert.deepEqual(printed, modelSummary);
});

/** Serves `dir` the README's way (python3 -m http.server) on 127.0.0.1; resolves to {url, close}. */
function staticServer(dir) {
  const child = spawn('python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`python3 -m http.server exited (${code}): ${out}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/port (\d+)/);
      if (m) {
        child.removeAllListeners('exit');
        resolve({ url: `http://127.0.0.1:${m[1]}/`, close: () => child.kill() });
      }
    });
  });
}

/** Opens `url` in Chromium, pastes the article, clicks Summarize and returns the sentences shown. */
async function summarizeInChromium(url, readSummary) {
  const { chromium: launcher } = await import('playwright-core');
  const browser = await launcher.launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const problems = [];
  try {
    const page = await browser.newPage();
    page.on('requestfailed', (r) => problems.push(`${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.url()} ${r.status()}`); });
    page.on('request', (r) => { if (!r.url().startsWith(new URL(url).origin) && !/^(data|blob):/.test(r.url())) problems.push(`left the origin: ${r.url()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(url);
    // The button is enabled once the model has loaded (or failed).
    await page.waitForFunction(() => !document.querySelector('#go').disabled, null, { timeout: 60000 });
    await page.fill('#text', article);
    await page.click('#go');
    await page.waitForFunction(() => document.querySelector('#summary').textContent.trim() !== '', null, { timeout: 30000 });
    return { sentences: await readSummary(page), problems };
  } finally {
    await browser.close();
  }
}

test('in a static page without a bundler, examples/static/index.html shows the model\'s summary', { skip: browserSkip }, async () => {
  assert.ok(modelSummary, 'the Node test ran first');
  const example = readFileSync(path.join(repo, 'examples/static/index.html'), 'utf8');
  // The README quotes the page's script: the quote must be the page's.
  const quoted = readmeSection().match(/```js\n(import[^\n]*'\.\/node_modules\/precis-summarizer\/precis\.js';[\s\S]*?)```/);
  assert.ok(quoted, 'README.md quotes the static page\'s import');
  const unindent = (s) => s.split('\n').map((l) => l.trim()).join('\n');
  assert.ok(unindent(example).includes(unindent(quoted[1]).trim()), 'README.md quotes examples/static/index.html as it is');

  const project = newProject('static-app');
  writeFileSync(path.join(project, 'index.html'), example);
  const server = await staticServer(project);
  try {
    const shown = await summarizeInChromium(server.url, (page) => page.$$eval('#summary li', (items) => items.map((i) => i.textContent)));
    assert.deepEqual(shown.problems, []);
    assert.deepEqual(shown.sentences, modelSummary);
  } finally {
    server.close();
  }
});

test('with Vite, the README\'s index.html and main.js build into a page that shows the model\'s summary', { skip: browserSkip }, async () => {
  assert.ok(modelSummary, 'the Node test ran first');
  const project = newProject('vite-app');
  const files = readmeFiles();
  for (const name of ['index.html', 'main.js']) {
    assert.ok(files[name], `README.md gives ${name}`);
    writeFileSync(path.join(project, name), files[name]);
  }
  const copy = readmeSection().match(/^.*cp -r node_modules\/precis-summarizer\/dist\/model public\/.*$/m);
  assert.ok(copy, 'README.md says where the model goes');
  run('bash', ['-c', copy[0]], project);
  // The repository's Vite (`npx vite build` in the README): installing it here would need the registry.
  run(process.execPath, [path.join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], project);

  const server = await staticServer(path.join(project, 'dist'));
  try {
    const shown = await summarizeInChromium(server.url, async (page) => (await page.textContent('#summary')).split('\n'));
    assert.deepEqual(shown.problems, []);
    assert.deepEqual(shown.sentences, modelSummary);
  } finally {
    server.close();
  }
});

test('without dist/, loading the module names the command that builds it', async () => {
  // web/ as it is in git: the package's modules, no build output.
  const dir = mkdtempSync(path.join(tmpdir(), 'precis-nodist-'));
  try {
    const { files } = JSON.parse(readFileSync(path.join(repo, 'web/package.json'), 'utf8'));
    for (const file of [...files.filter((f) => f.endsWith('.js')), 'package.json']) cpSync(path.join(repo, 'web', file), path.join(dir, file));
    const { createSummarizer } = await import(path.join(dir, 'precis.js'));
    await assert.rejects(createSummarizer({ model: null }), (e) => {
      assert.equal(e.code, 'load-failed');
      assert.match(e.message, /dist\/precis-core\.mjs/);
      assert.match(e.message, /scripts\/pack --in-place fills web\/dist\//);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
