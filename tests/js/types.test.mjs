// web/precis.d.ts, worker-client.d.ts and summarizer.d.ts type-check the documented usage
// (tests/js/types/usage.ts, summarizer-usage.ts).
// Needs TypeScript: node_modules/typescript (or PRECIS_TSC naming tsc's JS entry); skips otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repo } from './support/env.mjs';

const tsc = process.env.PRECIS_TSC ?? path.join(repo, 'node_modules/typescript/bin/tsc');
const skip = !existsSync(tsc) && `no TypeScript compiler at ${tsc} (add typescript to devDependencies, or set PRECIS_TSC)`;

test('the declarations type-check the documented usage', { skip }, () => {
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext',
    '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', path.join(repo, 'tests/js/types/usage.ts'),
    path.join(repo, 'tests/js/types/summarizer-usage.ts')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
