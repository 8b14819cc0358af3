// Bundles the CLI into dist/bin, as CommonJS (dist/bin/package.json says so):
// - cli.js: the whole CLI, got, commander and the rest inside. Each command's code, and each
//   dependency only it uses, is evaluated only when that command runs: esbuild wraps every lazily
//   imported module in a function called on first import.
// - cli.js.cache: V8's code cache for cli.js (see src/cli/code-cache.ts).
// - pactflow-accounts.js: the binary, which runs cli.js with that cache.
// - load-worker.js: the file loader's thread, started from its own file (load-in-worker.ts).
// `yaml` is in cli.js too (see src/config/load.ts), and only there.
// Node then reads four files at start-up instead of some two hundred, and skips parsing most of
// them, which is most of what a short command costs. Run by `npm run build` after tsc.
import { Buffer } from 'node:buffer';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { URL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cacheFor, compileBundle } from '../dist/src/cli/code-cache.js';
import { keepYoungGenerationSmall } from '../dist/src/util/young-generation.js';
import { lazyListFormat } from './lazy-list-format.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bin`;
rmSync(outdir, { recursive: true, force: true });

const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.12',
  // The sources are ES modules: `import.meta.url` is the URL of the bundle file that runs them.
  define: { 'import.meta.url': '__bundleUrl' },
  // Strict, as the ES modules it comes from: the directive must come before the banner's line.
  banner: { js: "'use strict';\nvar __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // The dependencies stay installed beside the bundle, each with its own licence file.
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [lazyListFormat],
};
await build({
  ...common,
  entryPoints: { 'pactflow-accounts': 'dist/src/cli/launch.js', cli: 'dist/src/cli/main.js' },
});
// The thread has no code cache, and needs `yaml` only for a file with something to point at:
// it loads it from node_modules then, rather than parse it with every start.
await build({
  ...common,
  entryPoints: { 'load-worker': 'dist/src/config/load-worker.js' },
  external: ['yaml'],
});
writeFileSync(`${outdir}/package.json`, `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);

// The bundle runs inside a function (see compileBundle), where a `#!` line is not allowed; without
// one, it is not a program of its own either.
const bundle = `${outdir}/cli.js`;
const source = Buffer.from(readFileSync(bundle, 'utf8').replace(/^#!.*\n/, ''));
writeFileSync(bundle, source);
chmodSync(bundle, 0o644);
// V8 takes a cache only under the flags it was made with, and the binary sets this one first.
keepYoungGenerationSmall();
writeFileSync(`${bundle}.cache`, cacheFor(source, compileBundle(source)));
