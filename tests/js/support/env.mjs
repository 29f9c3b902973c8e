// Where the tests find the build under test and their inputs. One suite runs against every build
// of the WebAssembly module: PRECIS_WASM_DIR names the folder holding precis-core.mjs and
// precis-core.wasm (default build/wasm, relative paths from the repository root).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

export const repo = fileURLToPath(new URL('../../../', import.meta.url));
export const wasmDir = path.resolve(repo, process.env.PRECIS_WASM_DIR ?? 'build/wasm');
export const coreUrl = pathToFileURL(path.join(wasmDir, 'precis-core.mjs'));
export const coreMissing = existsSync(fileURLToPath(coreUrl))
  ? false
  : `no WebAssembly build in ${wasmDir} (run: cmake --preset wasm && cmake --build --preset wasm)`;

export const precisUrl = new URL('../../../web/precis.js', import.meta.url);

export const testModels = path.join(repo, 'build/test-models');
/** The folder of a test model written by scripts/make-test-models, or a skip message. */
export function testModel(name) {
  const dir = path.join(testModels, name);
  return existsSync(path.join(dir, 'manifest.json'))
    ? { dir, skip: false }
    : { dir, skip: `no test model ${dir} (run: scripts/make-test-models build/test-models --variant all)` };
}

const articlePath = path.join(repo, 'tests/fixtures/fr-belarus-convoy/article.txt');
export const article = existsSync(articlePath) ? readFileSync(articlePath, 'utf8') : null;
export const articleMissing = article === null ? `no fixture ${articlePath}` : false;

/** The test's summarizer on the build under test; lexical only unless `model` is given. */
export async function createTestSummarizer(options = {}) {
  const { createSummarizer } = await import(precisUrl);
  return createSummarizer({ coreUrl, model: null, ...options });
}
