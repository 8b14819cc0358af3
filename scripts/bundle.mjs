// Bundles the CLI from its TypeScript sources into one CommonJS file, the package's binary:
// dist/bin/pactflow-accounts.js (with its source map beside it), commander, got, yaml and the
// rest inside. Each command's code, and each dependency only it uses, is evaluated only when that
// command runs: esbuild wraps every lazily imported module in a function called on first import.
// Node then reads one file at start-up instead of some two hundred, which is most of what a short
// command costs. Run by `npm run build`; `bundleCli(outdir)` is also what test/install builds.
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Writes the binary, its source map and a package.json that says CommonJS into `outdir`. */
export async function bundleCli(outdir) {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { 'pactflow-accounts': 'src/cli/main.ts' },
    outdir,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20.12',
    // Stack traces (with NODE_OPTIONS=--enable-source-maps) name the TypeScript sources.
    sourcemap: true,
    sourcesContent: false,
    // The sources are ES modules: `import.meta.url` is the URL of the bundle file that runs them.
    define: { 'import.meta.url': '__bundleUrl' },
    // Strict, as the ES modules it comes from. esbuild keeps main.ts's `#!` line above this.
    banner: { js: "'use strict';\nvar __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    // The dependencies stay installed beside the bundle, each with its own licence file.
    legalComments: 'none',
    logLevel: 'warning',
  });
  writeFileSync(`${outdir}/package.json`, `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
  chmodSync(`${outdir}/pactflow-accounts.js`, 0o755);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli(`${root}dist/bin`);
