// web/package.json publishes what the modules need: every relative import of a shipped file is
// shipped too, every export target exists, and the declarations cover precis.js's exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repo } from './support/env.mjs';

const web = path.join(repo, 'web');
const pkg = JSON.parse(readFileSync(path.join(web, 'package.json'), 'utf8'));
const shipped = (file) => pkg.files.some((f) => (f.endsWith('/') ? file.startsWith(f) : file === f));

test('every relative import of a shipped module is shipped', () => {
  const modules = pkg.files.filter((f) => f.endsWith('.js'));
  for (const file of modules) {
    const source = readFileSync(path.join(web, file), 'utf8');
    for (const [, ref] of source.matchAll(/(?:\bfrom|\bimport\()\s*'(\.\/[^']+)'/g)) {
      const target = path.normalize(ref);
      assert.ok(shipped(target), `${file} imports ${ref}, which "files" leaves out`);
      if (!target.startsWith('dist/')) assert.ok(existsSync(path.join(web, target)), `${file} -> ${ref} missing`);
    }
  }
});

test('export targets and types exist; the main entry has browser, node and default conditions', () => {
  const targets = [pkg.types];
  for (const entry of Object.values(pkg.exports)) targets.push(...(typeof entry === 'string' ? [entry] : Object.values(entry)));
  for (const target of targets) {
    assert.ok(existsSync(path.join(web, target)), target);
    assert.ok(target === './package.json' || shipped(path.normalize(target)), `${target} is not in "files"`);
  }
  assert.deepEqual(Object.keys(pkg.exports['.']).sort(), ['browser', 'default', 'node', 'types']);
  assert.equal(pkg.type, 'module');
});

test('precis.d.ts declares every export of precis.js', async () => {
  const declarations = readFileSync(path.join(web, 'precis.d.ts'), 'utf8');
  const module = await import(path.join(web, 'precis.js'));
  for (const name of Object.keys(module)) {
    assert.match(declarations, new RegExp(`export (?:declare )?(?:class|function|const) ${name}\\b`), name);
  }
  for (const file of ['worker-client', 'summarizer']) {
    const declared = readFileSync(path.join(web, `${file}.d.ts`), 'utf8');
    for (const name of Object.keys(await import(path.join(web, `${file}.js`)))) {
      assert.match(declared, new RegExp(`export (?:declare )?(?:class|function|const) ${name}\\b`), `${file}: ${name}`);
    }
  }
});
