import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

// The package's binary runs dist/bin/cli.js with the V8 code cache made for it at build time
// (src/cli/code-cache.ts).
// npm test builds first.
const run = promisify(execFile);
const BIN = path.resolve('dist/bin');
const node = (script: string) =>
  run(process.execPath, ['--input-type=module', '-e', script], { cwd: path.resolve('.') });

// Copies of dist/bin sit beside it, so that they find node_modules and the schema as it does.
const copies: string[] = [];
function copyOfBin(): string {
  const dir = mkdtempSync(path.join(path.resolve('dist'), 'bin-copy-'));
  copies.push(dir);
  cpSync(BIN, dir, { recursive: true });
  return dir;
}
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});
const cli = (dir: string, ...args: string[]) =>
  run(process.execPath, [path.join(dir, 'pactflow-accounts.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });

/** Whether V8 refuses the shipped cache when the bundle is compiled with it. */
const rejected = async () =>
  (
    await node(`
      import { readFileSync } from 'node:fs';
      import { compileBundle } from './dist/src/cli/code-cache.js';
      const bundle = ${JSON.stringify(path.join(BIN, 'cli.js'))};
      const script = compileBundle(readFileSync(bundle), bundle, readFileSync(bundle + '.cache'));
      process.stdout.write(String(script.cachedDataRejected));
    `)
  ).stdout;

describe('the code cache', () => {
  it('is taken by V8 for the bundle it was made for', async () => {
    expect(await rejected()).toBe('false');
  });

  it('is ignored when missing, when made for other source, or when V8 refuses it: the CLI still runs', async () => {
    const missing = copyOfBin();
    rmSync(path.join(missing, 'cli.js.cache'));
    const otherKey = copyOfBin();
    const cache = readFileSync(path.join(otherKey, 'cli.js.cache'));
    cache.write('0'.repeat(32), 0, 'latin1');
    writeFileSync(path.join(otherKey, 'cli.js.cache'), cache);
    const garbage = copyOfBin();
    const keyOnly = readFileSync(path.join(garbage, 'cli.js.cache')).subarray(0, 32);
    writeFileSync(path.join(garbage, 'cli.js.cache'), Buffer.concat([keyOnly, Buffer.alloc(4096, 7)]));
    for (const dir of [missing, otherKey, garbage]) {
      expect((await cli(dir, '--version')).stdout.trim()).toBe(pkg.version);
      expect((await cli(dir, 'validate', '-f', 'examples/accounts.yaml')).stdout).toMatch(
        /accounts\.yaml is valid: \d+ system accounts/,
      );
    }
  });

  it('is not used for a bundle edited after the build, even one of the same length', async () => {
    // V8 itself checks only the source's length: with a stale cache it would run the old top-level
    // code. The key (a hash of the bundle) catches the edit. Here the edit makes the CLI skip its
    // first argument: the old code prints the version for \`--version\`, the edited code the usage.
    const edited = copyOfBin();
    const bundle = path.join(edited, 'cli.js');
    const source = readFileSync(bundle, 'utf8');
    const call = /^void runCli\((\S+)\.argv\.slice\(2\)/m;
    expect(source).toMatch(call);
    writeFileSync(
      bundle,
      source.replace(call, (line) => line.replace('slice(2)', 'slice(3)')),
    );
    expect(readFileSync(bundle).length).toBe(Buffer.byteLength(source));
    expect((await cli(BIN, '--version')).stdout.trim()).toBe(pkg.version);
    await expect(cli(edited, '--version')).rejects.toMatchObject({ code: 1, stdout: '' });
  });
});
