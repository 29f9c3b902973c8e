// What the page ships, file by file, raw and compressed (zlib level 9, i.e. gzip -9 without the
// 18-byte gzip header: what a server's gzip sends, give or take that header), from the static
// folder built by scripts/build-web.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

// The JS API module and what it imports (web/package.json "files"), as opposed to the page's UI.
const LIBRARY = ['precis.js', 'core.js', 'encode.js', 'errors.js', 'platform.js', 'model-files.js', 'host-onnx.js'];

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const measure = (paths) => paths.reduce((acc, p) => {
  const bytes = readFileSync(p);
  return { raw: acc.raw + bytes.length, gzip: acc.gzip + gzipSync(bytes, { level: 9 }).length, files: acc.files + 1 };
}, { raw: 0, gzip: 0, files: 0 });

/**
 * Rows {what, files, raw, gzip} for the site's parts, then totals. Files the benchmark itself
 * adds (bench.html) are left out. A site built without a model has no onnxruntime-web folder:
 * the files it would ship are then measured in `ortDist` (node_modules/onnxruntime-web/dist).
 */
export function siteSizes(site, ortDist, ortFiles) {
  const files = [...walk(site)].map((p) => relative(site, p)).filter((p) => p !== 'bench.html');
  const top = (p) => p.split('/')[0];
  const inApp = (p) => top(p).startsWith('app.');
  const base = (p) => p.split('/').slice(1).join('/');
  const groups = [
    ['precis-core.wasm (the C++ core)', (p) => inApp(p) && base(p) === 'dist/precis-core.wasm'],
    ['precis-core.mjs (Emscripten loader)', (p) => inApp(p) && base(p) === 'dist/precis-core.mjs'],
    [`JS API: ${LIBRARY.join(', ')}`, (p) => inApp(p) && LIBRARY.includes(base(p))],
    ['page UI: app.js, app/*.js, worker*.js, html-to-text.js', (p) => inApp(p) && base(p).endsWith('.js') && !LIBRARY.includes(base(p))],
    ['page shell: index.html, style.css, sw.js, precache-manifest.json', (p) => !p.includes('/') || (inApp(p) && base(p) === 'style.css')],
  ];
  for (const f of files.filter((p) => top(p).startsWith('ort.'))) groups.push([`onnxruntime-web: ${base(f)}`, (p) => p === f]);
  const ortElsewhere = !files.some((p) => top(p).startsWith('ort.'));
  for (const f of files.filter((p) => top(p) === 'models')) groups.push([`model: ${f.split('/').slice(1).join('/')}`, (p) => p === f]);

  const rows = [];
  const claimed = new Set();
  for (const [what, test] of groups) {
    const paths = files.filter((p) => test(p) && !claimed.has(p));
    paths.forEach((p) => claimed.add(p));
    if (paths.length) rows.push({ what, ...measure(paths.map((p) => join(site, p))) });
  }
  if (ortElsewhere) {
    for (const f of ortFiles) rows.push({ what: `onnxruntime-web: ${f} (not in this build: shipped with a model)`, ...measure([join(ortDist, f)]) });
  }
  const rest = files.filter((p) => !claimed.has(p));
  if (rest.length) rows.push({ what: `other: ${rest.join(', ')}`, ...measure(rest.map((p) => join(site, p))) });

  const sum = (test) => measure(files.filter(test).map((p) => join(site, p)));
  rows.push({ what: '**page without the model** (lexical only)', ...sum((p) => !p.startsWith('models/') && !top(p).startsWith('ort.')) });
  if (!ortElsewhere) rows.push({ what: '**page with the model** (everything above)', ...sum(() => true) });
  return rows;
}
