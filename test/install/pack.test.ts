import { execFile } from 'node:child_process';
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
    [path.join(project, 'node_modules/pactflow-accounts/dist/bin/pactflow-accounts.js'), ...args],
    {
      cwd: project,
      env: { ...env(), PACT_BROKER_BASE_URL: emulator.url, PACT_BROKER_TOKEN: emulator.adminToken },
    },
  );

beforeAll(async () => {
  emulator = await startEmulator({ seedFile: 'examples/seed.yaml' });
  // npm test has just built dist/; packing must not build again.
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

  it('a program imports the library by name, with its types', async () => {
    const program = [
      "const lib = await import('pactflow-accounts');",
      "const { desired } = lib.desiredStateFromObject({ version: 1, systemAccounts: [{ name: 'ci-a' }] });",
      'console.log(desired.accounts[0].name, typeof lib.computePlan, typeof lib.executePlan);',
    ].join(' ');
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', program], {
      cwd: project,
      env: env(),
    });
    expect(stdout.trim()).toBe('ci-a function function');
    expect(existsSync(path.join(project, 'node_modules/pactflow-accounts/dist/src/index.d.ts'))).toBe(true);
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
