// Puts the WebAssembly build (and optionally a model) where the package expects them:
//
//   node web/stage.mjs [--wasm DIR] [--model DIR] [--out DIR]
//
//   --wasm DIR   folder with precis-core.mjs + precis-core.wasm (default: $PRECIS_WASM_DIR or build/wasm)
//   --model DIR  a model folder to ship as the 'default' model (dist/model/)
//   --out DIR    write a complete package there (package.json's "files" plus dist/) instead of
//                filling web/dist/ in place; what `npm pack` would publish, ready to import
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseArgs } from 'node:util';

const web = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(web);
const { values } = parseArgs({ options: { wasm: { type: 'string' }, model: { type: 'string' }, out: { type: 'string' } } });
const wasmDir = path.resolve(values.wasm ?? process.env.PRECIS_WASM_DIR ?? path.join(repo, 'build/wasm'));
const out = values.out ? path.resolve(values.out) : web;

for (const file of ['precis-core.mjs', 'precis-core.wasm']) {
  if (!existsSync(path.join(wasmDir, file))) {
    console.error(`stage: ${path.join(wasmDir, file)} missing (cmake --preset wasm && cmake --build --preset wasm)`);
    process.exit(1);
  }
}
if (out !== web) {
  rmSync(out, { recursive: true, force: true });
  const { files } = JSON.parse(readFileSync(path.join(web, 'package.json'), 'utf8'));
  for (const file of ['package.json', ...files.filter((f) => f !== 'dist/')]) {
    if (existsSync(path.join(web, file))) cpSync(path.join(web, file), path.join(out, file));
  }
}
const dist = path.join(out, 'dist');
mkdirSync(dist, { recursive: true });
for (const file of ['precis-core.mjs', 'precis-core.wasm']) cpSync(path.join(wasmDir, file), path.join(dist, file));
if (values.model) {
  rmSync(path.join(dist, 'model'), { recursive: true, force: true });
  cpSync(path.resolve(values.model), path.join(dist, 'model'), { recursive: true });
}
console.log(`stage: ${out}`);
