import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../helpers/emulator.js';
import { harness } from '../helpers/emulator.js';
import { cli } from '../helpers/run-cli.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});
const tmp = () => mkdtempSync(path.join(tmpdir(), 'pfa-ci-'));
const BROKEN = 'version: 1\nsystemAccounts:\n  - name: ci-a\n    roles: [CI-CD]\n    colour: blue\n';

describe('reports for CI', () => {
  it('plan --format markdown on an invalid file prints the problems under the marker, with annotations, exit 1', async () => {
    h = await harness();
    const dir = tmp();
    mkdirSync(path.join(dir, 'infra'));
    writeFileSync(path.join(dir, 'infra', 'accounts.yaml'), BROKEN);
    const run = await cli(['plan', '-f', 'infra/accounts.yaml', '--format', 'markdown'], {
      cwd: dir,
      env: { ...h.env, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir },
    });
    expect(run.code).toBe(1);
    expect(run.stdout.startsWith('<!-- pactflow-accounts-plan -->\n')).toBe(true);
    expect(run.stdout).toContain('infra/accounts.yaml');
    expect(run.stdout).toContain('colour');
    expect(run.stderr).toMatch(
      /^::error file=infra\/accounts\.yaml,line=5,col=5,title=pactflow-accounts%3A [\w-]+::.*colour/m,
    );
    expect(run.stderr.match(/^::error /gm)).toHaveLength(1);
  });

  it('no annotations outside GitHub Actions', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'accounts.yaml'), BROKEN);
    const run = await cli(['validate'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('::error');
  });

  it('--unmanaged-is-drift: a hand-made account in scope makes the drift check exit 2', async () => {
    h = await harness();
    const dir = tmp();
    // Export, so the file matches the organization; then make an account by hand.
    expect(
      (await h.run(['export', '--out', path.join(dir, 'accounts.yaml'), '--include', 'ci-*'])).code,
    ).toBe(0);
    const file = path.join(dir, 'accounts.yaml');
    expect((await h.run(['plan', '-f', file, '--detailed-exitcode', '--unmanaged-is-drift'])).code).toBe(0);
    const created = await fetch(`${h.emulator.url}/admin/system-accounts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.emulator.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ci-by-hand' }),
    });
    expect(created.status).toBe(201);
    const plain = await h.run(['plan', '-f', file, '--detailed-exitcode']);
    expect(plain.code).toBe(0);
    const drift = await h.run(['plan', '-f', file, '--detailed-exitcode', '--unmanaged-is-drift']);
    expect(drift.code).toBe(2);
    expect(drift.stderr).toContain('1 account in scope is not in the file');
    expect(drift.stderr).toContain('ci-by-hand');
  });

  it('"Apply complete" is printed once, and an unwritable job summary after a good apply is a warning', async () => {
    h = await harness();
    const dir = tmp();
    const file = path.join(dir, 'accounts.yaml');
    writeFileSync(file, 'version: 1\nsystemAccounts:\n  - {name: ci-new-one, roles: [Read-Only]}\n');
    const run = await h.run(['apply', '-f', file, '--auto-approve'], {
      env: { GITHUB_STEP_SUMMARY: path.join(dir, 'missing-dir', 'summary.md') },
    });
    expect(run.code).toBe(0);
    expect((run.stdout + run.stderr).match(/Apply complete/g)).toHaveLength(1);
    expect(run.stderr).toContain('warning: cannot append the plan to GITHUB_STEP_SUMMARY');
  });

  it('the plan hash is in the JSON and the Markdown, and stays the same when nothing changed', async () => {
    h = await harness();
    const a = await h.run(['plan', '-f', 'examples/accounts.yaml', '--format', 'json']);
    const b = await h.run(['plan', '-f', 'examples/accounts.yaml', '--format', 'markdown']);
    const hash = (JSON.parse(a.stdout) as { hash: string }).hash;
    expect(hash).toMatch(/^[0-9a-f]{12}$/);
    expect(b.stdout).toContain(`Plan hash <code>${hash}</code>`);
    const other = await h.run([
      'plan',
      '-f',
      'examples/accounts.yaml',
      '--format',
      'json',
      '--target',
      'ci-payments',
    ]);
    expect((JSON.parse(other.stdout) as { hash: string }).hash).not.toBe(hash);
  });
});

describe('plain http on purpose', () => {
  it('--allow-insecure-http lets a non-loopback http URL through, with a warning', async () => {
    const refused = await cli(['plan', '--base-url', 'http://pactflow.internal:9292'], {
      env: { PACT_BROKER_TOKEN: 't' },
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--allow-insecure-http');
    // 0.0.0.0 is not a loopback name, yet reaches the emulator listening on this machine.
    h = await harness();
    const url = `http://0.0.0.0:${new URL(h.emulator.url).port}`;
    const allowed = await cli(
      ['plan', '-f', 'examples/accounts.yaml', '--allow-insecure-http', '--base-url', url],
      {
        env: { PACT_BROKER_TOKEN: h.emulator.adminToken },
      },
    );
    expect(allowed.stderr).toContain(
      'warning: --allow-insecure-http: the token travels unencrypted to 0.0.0.0',
    );
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('Plan:');
    expect(allowed.stdout + allowed.stderr).not.toContain(h.emulator.adminToken);
  });
});

describe('the emulator as a service', () => {
  it('on 0.0.0.0 it says how to reach it: plain http with --allow-insecure-http', async () => {
    const stop = new AbortController();
    stop.abort();
    const run = await cli(['emulator', '--host', '0.0.0.0', '--port', '0'], { signal: stop.signal });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /pactflow-accounts plan --allow-insecure-http --base-url http:\/\/<this-host>:\d+/,
    );
    // On this machine, through loopback: the printed export works as it is.
    const port = /listening on http:\/\/0\.0\.0\.0:(\d+)/.exec(run.stdout)?.[1];
    expect(port).toBeDefined();
    expect(run.stdout).toContain(`export PACT_BROKER_BASE_URL=http://127.0.0.1:${port}\n`);
    expect(run.stdout).not.toContain('BASE_URL=http://0.0.0.0');
    const local = await cli(['emulator', '--port', '0'], { signal: stop.signal });
    expect(local.stdout).not.toContain('--allow-insecure-http');
  });
});

describe('help', () => {
  it('a subcommand --help shows the global options', async () => {
    const run = await cli(['plan', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Global Options:');
    expect(run.stdout).toContain('--token-file <path>');
    expect(run.stdout).toContain('--allow-insecure-http');
  });
});

describe('export', () => {
  it('points $schema at the installed package, relative to the written file', async () => {
    h = await harness();
    const dir = tmp();
    const out = path.join(dir, 'accounts.yaml');
    expect((await h.run(['export', '--out', out])).code).toBe(0);
    const first = readFileSync(out, 'utf8').split('\n')[0]!;
    // From a checkout (as here) the schema is not under node_modules: the published URL.
    expect(first).toBe(
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/pactflow-accounts/pactflow-accounts/main/schemas/accounts.schema.json',
    );
    expect(readFileSync(out, 'utf8')).toContain('--unmanaged-is-drift');
  });
});
