// Builds the app against the package staged by web/stage.mjs --out $PRECIS_PACKAGE_DIR (see
// tests/js/vite.test.mjs): 'precis-summarizer' resolves to that folder as if it were installed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const pkg = process.env.PRECIS_PACKAGE_DIR;
if (!pkg) throw new Error('PRECIS_PACKAGE_DIR must name the staged package');

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: './',   // the built app must work under any sub-path
  logLevel: 'warn',
  resolve: {
    alias: [
      { find: /^precis-summarizer$/, replacement: path.join(pkg, 'precis.js') },
      { find: /^precis-summarizer\/worker-client$/, replacement: path.join(pkg, 'worker-client.js') },
    ],
  },
  worker: { format: 'es' },
  build: {
    outDir: process.env.PRECIS_VITE_OUT,
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: { index: path.join(root, 'index.html'), strict: path.join(root, 'strict.html') } },
  },
});
