import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/util/package-root.js';
import { cli } from '../helpers/run-cli.js';
import { CLI, exitOf, waitFor } from '../helpers/spawn-cli.js';

const ROOT = path.resolve('.');
const SEEDED_ADMIN = 'emulator-admin-token'; // examples/seed.yaml's first administrator
const emptyDir = () => mkdtempSync(path.join(tmpdir(), 'pfa-seed-'));

/** Runs `emulator` in-process in `cwd`, stopped at once: what it prints on start. */
async function startIn(cwd: string, args: string[] = []) {
  const stop = new AbortController();
  stop.abort();
  return cli(['emulator', '--port', '0', ...args], { cwd, signal: stop.signal });
}

describe('packageRoot', () => {
  it('is the checkout when run from the sources', () => {
    expect(packageRoot()).toBe(ROOT);
  });

  it("from an installed bundle, is the package's folder, not dist/ (whose package.json has the same name)", () => {
    const pkg = path.join(emptyDir(), 'node_modules', 'pactflow-accounts');
    mkdirSync(path.join(pkg, 'dist', 'bin'), { recursive: true });
    copyFileSync('package.json', path.join(pkg, 'package.json'));
    copyFileSync('package.json', path.join(pkg, 'dist', 'package.json'));
    writeFileSync(path.join(pkg, 'dist', 'bin', 'package.json'), '{"type": "commonjs"}\n');
    const bundle = pathToFileURL(path.join(pkg, 'dist', 'bin', 'pactflow-accounts.js')).href;
    expect(packageRoot(bundle)).toBe(pkg);
  });
});

describe('the emulator seed', () => {
  it('with no --seed, starts from the bundled example, whatever the working directory', async () => {
    const run = await startIn(emptyDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`PACT_BROKER_TOKEN=${SEEDED_ADMIN}`);
    expect(run.stdout).toContain('ci-payments');
    expect(run.stdout).toContain(`Seeded from ${path.join(ROOT, 'examples', 'seed.yaml')}`);
  });

  it.each(['examples/seed.yaml', 'seed.yaml'])(
    'a relative --seed %s not found in the working directory is found in the package',
    async (given) => {
      const run = await startIn(emptyDir(), ['--seed', given]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`PACT_BROKER_TOKEN=${SEEDED_ADMIN}`);
    },
  );

  it("a seed in the working directory wins over the package's", async () => {
    const dir = emptyDir();
    mkdirSync(path.join(dir, 'examples'));
    writeFileSync(
      path.join(dir, 'examples', 'seed.yaml'),
      'systemAccounts:\n  - {name: ci-local, roles: [CI/CD]}\n',
    );
    const run = await startIn(dir, ['--seed', 'examples/seed.yaml']);
    expect(run.stdout).toContain('ci-local');
    expect(run.stdout).not.toContain('ci-payments');
    expect(run.stdout).toContain('Seeded from examples/seed.yaml');
  });

  it('a seed found nowhere is a usage error that says where it looked', async () => {
    const dir = emptyDir();
    const run = await startIn(dir, ['--seed', 'nowhere.yaml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cannot find seed file nowhere.yaml (looked in ${dir} and in `);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('with --state, says whether it seeded or took up the saved state, relative to its working directory', async () => {
    const dir = emptyDir();
    const first = await startIn(dir, ['--state', 'state.json']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `Seeded from ${path.join(ROOT, 'examples', 'seed.yaml')}; state kept in state.json\n`,
    );
    expect(existsSync(path.join(dir, 'state.json'))).toBe(true);
    const second = await startIn(dir, ['--state', 'state.json']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('State from state.json\n');
    expect(second.stdout).not.toContain('Seeded from');
  });

  it('--admin-token wins over the seeded token', async () => {
    const run = await startIn(emptyDir(), ['--admin-token', 'my-own-token']);
    expect(run.stdout).toContain('PACT_BROKER_TOKEN=my-own-token');
  });

  it('the built bundle, run from another folder, starts from the bundled example', async () => {
    const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0'], {
      cwd: emptyDir(),
      env: { PATH: process.env.PATH ?? '', CI: 'true' },
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    await waitFor(() => stdout.includes('Press Ctrl+C'));
    child.kill('SIGINT');
    expect((await exitOf(child)).code).toBe(0);
    expect(stdout).toContain(`PACT_BROKER_TOKEN=${SEEDED_ADMIN}`);
  });
});
