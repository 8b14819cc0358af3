// Bundles the library (dist/src/index.js, tsc's output of src/index.ts) into dist/lib as ES
// modules, which package.json "exports" points a program's `import 'pactflow-accounts'` at: Node
// then reads a handful of files instead of some fifty, which halves what the import costs. The
// HTTP client and the emulator are chunks of their own, loaded when connectToPactflow and
// startEmulator are first called; the dependencies stay in node_modules; the types stay tsc's, in
// dist/src. Run by `npm run build` after tsc.
import { rmSync } from 'node:fs';
import { URL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}dist/lib`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['dist/src/index.js'],
  outdir: 'dist/lib',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.12',
  packages: 'external',
  sourcemap: true,
  legalComments: 'none',
  // esbuild turns `require` in an ES module into a stub that throws ("Dynamic require of "yaml" is
  // not supported"), and the stub passes src/config/positioned-parse.ts's `typeof require` check:
  // give each file Node's require for its own URL, so `yaml` loads from node_modules on first use.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
