import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

// The package's binary is the esbuild bundle of the CLI (scripts/bundle.mjs). These tests bundle
// the sources afresh into a folder of their own, so they test the code as it is now, not the last
// `npm run build`.
const run = promisify(execFile);
const { bundleCli } = (await import(pathToFileURL(path.resolve('scripts/bundle.mjs')).href)) as {
  bundleCli: (outdir: string) => Promise<void>;
};

let dir: string;
let bin: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pfa-bin-'));
  await bundleCli(dir);
  bin = path.join(dir, 'pactflow-accounts.js');
}, 60_000);

/** A run of the binary with a `--require` hook whose output on stderr follows `marker: `. */
async function runWithHook(
  marker: string,
  hookSource: string,
  args: string[],
  env: Record<string, string> = {},
) {
  const hook = path.join(dir, `${marker}.cjs`);
  writeFileSync(hook, hookSource);
  const result = await run(process.execPath, ['--require', hook, bin, ...args], {
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  const reported = new RegExp(`${marker}: (.*)`).exec(result.stderr)?.[1];
  return { ...result, reported: JSON.parse(reported!) as string[] };
}

describe('the binary', () => {
  it('is one plain script behind a node shebang, with a source map that names the sources', async () => {
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const map = JSON.parse(readFileSync(`${bin}.map`, 'utf8')) as { sources: string[] };
    expect(map.sources.some((s) => s.endsWith('src/cli/main.ts'))).toBe(true);
    expect((await run(bin, ['--version'])).stdout.trim()).toBe(pkg.version);
  });

  it('--help and validate load nothing that talks to the network', async () => {
    // got needs these; the emulator's http server too.
    const NETWORK = ['http', 'https', 'http2', 'zlib', 'tls', '_http_server'];
    const hook =
      "process.on('exit', () => process.stderr.write('loaded: ' + JSON.stringify(process.moduleLoadList) + '\\n'));\n";
    for (const args of [['--help'], ['validate', '-f', 'examples/accounts.yaml']]) {
      const { code, reported } = await runWithHook('loaded', hook, args);
      expect(code).toBe(0);
      const modules = reported.map((m) => m.replace(/^NativeModule /, ''));
      expect(modules).toContain('fs');
      expect(modules.filter((m) => NETWORK.includes(m))).toEqual([]);
    }
  });

  // `yaml` and the saved-plan validator are files of their own beside the binary (scripts/bundle.mjs):
  // which files the process required tells where each came from, and that a run that does not
  // need them does not load them.
  const required = (args: string[], env: Record<string, string> = {}) =>
    runWithHook(
      'required',
      "process.on('exit', () => process.stderr.write('required: ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));\n",
      args,
      env,
    );
  const beside = (name: string) => path.join(dir, name);

  it('loads neither yaml nor the saved-plan validator for a file with nothing to point at', async () => {
    // (A file with an alias, as examples/accounts.yaml has, is read by `yaml`, which bounds aliases.)
    const file = path.join(dir, 'plain.yaml');
    writeFileSync(file, 'version: 1\nsystemAccounts:\n  - name: ci-a\n    roles: [CI/CD]\n');
    const { code, reported } = await required(['validate', '-f', file]);
    expect(code).toBe(0);
    expect(reported).toContain(bin);
    expect(reported).not.toContain(beside('yaml.js'));
    expect(reported).not.toContain(beside('plan-schema.js'));
  });

  it('points at a problem with the yaml beside the binary, not files from node_modules', async () => {
    const file = path.join(dir, 'accounts.yaml');
    writeFileSync(file, 'version: 1\nsystemAccounts:\n  - name: ci-a\n    state: sleeping\n');
    const { code, stdout, stderr, reported } = await required(['validate', '-f', file]);
    expect(code).toBe(1);
    expect(`${stdout}${stderr}`).toMatch(/accounts\.yaml:4:12/);
    expect(reported.filter((f) => f.includes(`${path.sep}node_modules${path.sep}`))).toEqual([]);
    expect(reported).toEqual(expect.arrayContaining([bin, beside('yaml.js')]));
  });

  it('checks a saved plan with the validator beside the binary', async () => {
    const plan = path.join(dir, 'plan.json');
    writeFileSync(plan, '{"formatVersion": 1}\n');
    const result = await required(['apply', plan], {
      PACT_BROKER_BASE_URL: 'https://acme.pactflow.io',
      PACT_BROKER_TOKEN: 't',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not a valid saved plan: .* must have required property 'generator'/);
    expect(result.reported).toContain(beside('plan-schema.js'));
  });

  it('copied without the files beside it, says the copy is incomplete and how to make it whole', async () => {
    const lone = mkdtempSync(path.join(tmpdir(), 'pfa-lone-'));
    copyFileSync(bin, path.join(lone, 'pactflow-accounts.js'));
    const file = path.join(lone, 'accounts.yaml');
    writeFileSync(file, 'version: 1\nsystemAccounts:\n  - name: ci-a\n    state: sleeping\n');
    const result = await run(
      process.execPath,
      [path.join(lone, 'pactflow-accounts.js'), 'validate', '-f', file],
      {
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "error: Cannot find module './yaml.js': this copy of pactflow-accounts is incomplete\n" +
        '  Install it again, or copy the whole bundle/ folder, not pactflow-accounts.js alone.\n',
    );
  });
});
