import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';

const run = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let project: string;
let emulator: RunningEmulator;
const env = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), CI: 'true' });
const pfa = (...args: string[]) =>
  run(
    process.execPath,
    [path.join(project, 'node_modules/pactflow-accounts/bundle/pactflow-accounts.js'), ...args],
    {
      cwd: project,
      env: { ...env(), PACT_BROKER_BASE_URL: emulator.url, PACT_BROKER_TOKEN: emulator.adminToken },
    },
  );

beforeAll(async () => {
  emulator = await startEmulator({ seedFile: 'examples/seed.yaml' });
  // The library and its types (dist/) are built here; the binary is the committed bundle/.
  await run(NPM, ['run', 'build:lib', '--silent'], { env: env() });
  const packs = mkdtempSync(path.join(tmpdir(), 'pack-'));
  const { stdout } = await run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', packs], {
    env: env(),
  });
  const tarball = path.join(packs, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
  project = mkdtempSync(path.join(tmpdir(), 'empty-project-'));
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'platform-accounts', private: true }),
  );
  // Dependencies come from the local npm cache when it has them; the registry only otherwise.
  await run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], {
    cwd: project,
    env: env(),
  });
}, 240_000);
afterAll(async () => {
  await emulator?.close();
});

describe('the packed package, installed into an empty project', () => {
  it('runs no install script and needs no build: the binary is the committed bundle', () => {
    const installed = JSON.parse(
      readFileSync(path.join(project, 'node_modules/pactflow-accounts/package.json'), 'utf8'),
    ) as { bin: Record<string, string>; scripts?: Record<string, string> };
    const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare'];
    expect(Object.keys(installed.scripts ?? {}).filter((s) => lifecycle.includes(s))).toEqual([]);
    expect(installed.bin['pactflow-accounts']).toBe('bundle/pactflow-accounts.js');
  });

  it('npx pactflow-accounts --version prints the version', async () => {
    const { stdout } = await run(NPM, ['exec', '--no', '--', 'pactflow-accounts', '--version'], {
      cwd: project,
      env: env(),
    });
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('validates the example', async () => {
    copyFileSync('examples/accounts.yaml', path.join(project, 'accounts.yaml'));
    const { stdout } = await run(NPM, ['exec', '--no', '--', 'pactflow-accounts', 'validate'], {
      cwd: project,
      env: env(),
    });
    expect(stdout).toMatch(/accounts\.yaml is valid: \d+ system accounts/);
  });

  /** What a one-line ES module program prints, run in the project that installed the package. */
  const runProgram = async (statements: string[]) =>
    (
      await run(process.execPath, ['--input-type=module', '-e', statements.join(' ')], {
        cwd: project,
        env: env(),
      })
    ).stdout.trim();

  it('a program imports the library by name, with its types', async () => {
    const stdout = await runProgram([
      "const lib = await import('pactflow-accounts');",
      "const { desired } = lib.desiredStateFromObject({ version: 1, systemAccounts: [{ name: 'ci-a' }] });",
      'console.log(desired.accounts[0].name, typeof lib.computePlan, typeof lib.executePlan);',
    ]);
    expect(stdout).toBe('ci-a function function');
    expect(existsSync(path.join(project, 'node_modules/pactflow-accounts/dist/src/index.d.ts'))).toBe(true);
  });

  it('a program loads the example file, which the yaml parse reads, with the installed library', async () => {
    // The library is an ES module bundle (dist/lib); `yaml` is required from node_modules on first
    // use. The example goes to `yaml` since a `:*` in its scopes could start an alias.
    const stdout = await runProgram([
      "const { loadConfig } = await import('pactflow-accounts');",
      "const loaded = await loadConfig('node_modules/pactflow-accounts/examples/accounts.yaml');",
      'console.log(loaded.desired.accounts.length > 0);',
    ]);
    expect(stdout).toBe('true');
  });

  it('ships the schema at a stable path, and export points $schema at it', async () => {
    expect(
      existsSync(path.join(project, 'node_modules/pactflow-accounts/schemas/accounts.schema.json')),
    ).toBe(true);
    await pfa('export', '--out', 'exported.yaml');
    expect(readFileSync(path.join(project, 'exported.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./node_modules/pactflow-accounts/schemas/accounts.schema.json',
    );
    mkdirSync(path.join(project, 'infra'));
    await pfa('export', '--out', 'infra/accounts.yaml');
    expect(readFileSync(path.join(project, 'infra/accounts.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../node_modules/pactflow-accounts/schemas/accounts.schema.json',
    );
  });
});

describe('from an empty project, as the README says', () => {
  it('npx pactflow-accounts emulator, then plan the installed example against it', async () => {
    // A process group of its own, as a terminal's foreground job: Ctrl+C reaches npx and the emulator.
    const server = spawn(NPM, ['exec', '--no', '--', 'pactflow-accounts', 'emulator', '--port', '0'], {
      cwd: project,
      env: env(),
      detached: true,
    });
    try {
      let printed = '';
      server.stdout.setEncoding('utf8');
      const started = new Promise<string>((resolve) =>
        server.stdout.on('data', (chunk: string) => {
          printed += chunk;
          if (/export PACT_BROKER_TOKEN=\S+\n/.test(printed)) resolve(printed);
        }),
      );
      const banner = await started;
      const url = /export PACT_BROKER_BASE_URL=(\S+)/.exec(banner)![1]!;
      const token = /export PACT_BROKER_TOKEN=(\S+)/.exec(banner)![1]!;
      const planned = await run(
        NPM,
        [
          'exec',
          '--no',
          '--',
          'pactflow-accounts',
          'plan',
          '-f',
          'node_modules/pactflow-accounts/examples/accounts.yaml',
        ],
        { cwd: project, env: { ...env(), PACT_BROKER_BASE_URL: url, PACT_BROKER_TOKEN: token } },
      );
      expect(planned.stdout).toMatch(/Plan: \d+ to create/);
      expect(planned.stdout + planned.stderr).not.toContain(token);
    } finally {
      process.kill(-server.pid!, 'SIGINT');
      await once(server, 'close');
    }
  });
});
