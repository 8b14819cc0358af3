// Bundles the CLI and the GitHub Action's entry point from their TypeScript sources into
// bundle/, which is committed: bundle/pactflow-accounts.js is the package's binary (commander,
// got and the rest inside; yaml and the saved-plan validator in files beside it), and
// bundle/action.js is what action.yml runs with the runner's own Node. Neither an install from git
// nor the Action needs a build or node_modules.
// Each command's code, and each dependency only it uses, is evaluated only when that command
// runs: esbuild wraps every lazily imported module in a function called on first import.
// Run by `npm run build`; test/install/bundle.test.ts fails when bundle/ differs from the source.
import { chmodSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The committed folder the package's `bin` and action.yml's `main` point into. */
export const BUNDLE_DIR = `${root}bundle`;

/**
 * Code that a plan never runs, and that shares no class or state with the code that loads it, is a
 * file of its own beside the binary, required when a command first needs it: `yaml` (the positioned
 * parse of a file with a problem, adopt, export, the emulator's seed) and the saved-plan validator
 * (apply of a saved plan). Each start then compiles some 530 KB less, and a plan of 1,000
 * accounts runs about 8% fewer instructions.
 */
const SEPARATE_FILES = [
  { file: 'yaml', imported: /^yaml$/, entry: 'yaml' },
  {
    file: 'plan-schema',
    imported: /\/plan-schema\.generated\.js$/,
    entry: 'src/plan/plan-schema.generated.ts',
  },
];

/** Imports of a separate file become `require('./<file>.js')` in the bundles that import it. */
const separateFiles = {
  name: 'separate-files',
  setup(build) {
    for (const { file, imported } of SEPARATE_FILES)
      build.onResolve({ filter: imported }, (args) =>
        args.kind === 'entry-point' ? undefined : { path: `./${file}.js`, external: true },
      );
  },
};

/** esbuild's options for the bundles written into `outdir`. */
export function bundleOptions(outdir) {
  return {
    absWorkingDir: root,
    entryPoints: {
      'pactflow-accounts': 'src/cli/main.ts',
      action: 'src/action/main.ts',
      ...Object.fromEntries(SEPARATE_FILES.map(({ file, entry }) => [file, entry])),
    },
    plugins: [separateFiles],
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
    // The licences of the packages inside are gathered in THIRD-PARTY-LICENSES.txt instead.
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  };
}

/** The folder under node_modules/ of each package the bundles hold, from esbuild's metafile. */
function bundledPackages(metafile) {
  const folders = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) folders.add(match[1]);
    // The schema validators are ajv's standalone code, with its runtime inside (compile-schemas.mjs).
    if (input.endsWith('-schema.generated.ts')) folders.add('node_modules/ajv');
  }
  return [...folders].sort();
}

/** Each bundled package's name, version, licence and licence file, for whoever runs the bundle. */
export function thirdPartyLicenses(metafile) {
  const sections = bundledPackages(metafile).map((folder) => {
    const pkg = JSON.parse(readFileSync(`${root}${folder}/package.json`, 'utf8'));
    const file = readdirSync(`${root}${folder}`).find((name) => /^(licen[cs]e|copying)/i.test(name));
    const text =
      file && existsSync(`${root}${folder}/${file}`) ? readFileSync(`${root}${folder}/${file}`, 'utf8') : '';
    return `${pkg.name} ${pkg.version} (${pkg.license ?? 'see its package'})\n\n${text.trim()}\n`;
  });
  return `The bundles in this folder include these packages:\n\n${sections.join('\n---\n\n')}`;
}

/** The package.json that tells Node the bundles are CommonJS. */
export const BUNDLE_PACKAGE_JSON = `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`;

/** Writes both bundles, their source maps and the package.json that says CommonJS into `outdir`. */
export async function bundleCli(outdir) {
  rmSync(outdir, { recursive: true, force: true });
  const { metafile } = await build(bundleOptions(outdir));
  writeFileSync(`${outdir}/package.json`, BUNDLE_PACKAGE_JSON);
  writeFileSync(`${outdir}/THIRD-PARTY-LICENSES.txt`, thirdPartyLicenses(metafile));
  chmodSync(`${outdir}/pactflow-accounts.js`, 0o755);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli(BUNDLE_DIR);
