import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildOptions, BuildResult, Metafile } from 'esbuild';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// bundle/ is committed: the package's binary and the Action's entry point run from it with no
// install and no build. It must be exactly what `npm run build` makes from the source now.
const script = (await import(pathToFileURL(path.resolve('scripts/bundle.mjs')).href)) as {
  BUNDLE_DIR: string;
  BUNDLE_PACKAGE_JSON: string;
  bundleOptions: (outdir: string) => BuildOptions;
  thirdPartyLicenses: (metafile: Metafile) => string;
};

describe('the committed bundle/', () => {
  it('is byte for byte what the build makes from the source (else: npm run build, and commit bundle/)', async () => {
    const fresh = (await build({
      ...script.bundleOptions(script.BUNDLE_DIR),
      write: false,
    })) as BuildResult & { outputFiles: { path: string; text: string }[]; metafile: Metafile };
    const expected = new Map(fresh.outputFiles.map((file) => [path.basename(file.path), file.text]));
    expected.set('package.json', script.BUNDLE_PACKAGE_JSON);
    expected.set('THIRD-PARTY-LICENSES.txt', script.thirdPartyLicenses(fresh.metafile));

    expect(readdirSync(script.BUNDLE_DIR).sort()).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) {
      const committed = readFileSync(path.join(script.BUNDLE_DIR, name), 'utf8');
      expect(committed === text, `bundle/${name} differs from the build of the source`).toBe(true);
    }
  }, 60_000);

  it('credits every package whose code is inside, ajv too (the schema validators are its generated code)', () => {
    const licences = readFileSync(path.join(script.BUNDLE_DIR, 'THIRD-PARTY-LICENSES.txt'), 'utf8');
    for (const name of ['ajv', 'commander', 'got', 'js-yaml', 'yaml'])
      expect(licences, name).toMatch(new RegExp(`^${name} \\d+\\.\\d+\\.\\d+ \\(`, 'm'));
  });
});
