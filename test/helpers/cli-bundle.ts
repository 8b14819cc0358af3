import { execFileSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

/** Where the CLI bundled from the source goes: inside the checkout, so the package root is found. */
export const TEST_CLI_DIR = path.resolve('node_modules/.cache/pactflow-accounts-test');

/**
 * Vitest's global setup: tests run the source, never a `dist/` an earlier build left behind. The
 * schema validators are generated from the schemas, and the CLI is bundled from `src/` once per
 * run for the tests that need a real process (signals, kills, special files).
 */
export default async function setup(): Promise<void> {
  execFileSync(process.execPath, ['scripts/compile-schemas.mjs'], { stdio: 'inherit' });
  const { bundleCli } = (await import(pathToFileURL(path.resolve('scripts/bundle.mjs')).href)) as {
    bundleCli: (outdir: string) => Promise<void>;
  };
  await bundleCli(path.join(TEST_CLI_DIR, 'bin'));
}
