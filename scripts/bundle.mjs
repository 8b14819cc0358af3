// Bundles the CLI into dist/bin: the entry, the file loader's thread and one chunk per lazily
// loaded command, with got, commander and the rest inside. Node then reads a handful of files at
// start-up instead of some two hundred, which is most of what a short command costs. Run by
// `npm run build` after tsc.
import { rmSync } from 'node:fs';
import { URL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bin`;
rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  // The file loader runs in a thread of its own, started from its own file (load-in-worker.ts).
  entryPoints: {
    'pactflow-accounts': 'dist/src/cli/main.js',
    'load-worker': 'dist/src/config/load-worker.js',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.12',
  // ESM output has no `require`; the CommonJS dependencies inside (and the few modules that load
  // one on demand) get one made for the bundle's own location.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  // One folder for all: code in any chunk finds the loader beside it.
  chunkNames: '[name]-[hash]',
  // The dependencies stay installed beside the bundle, each with its own licence file.
  legalComments: 'none',
  logLevel: 'warning',
});
