import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { exitOf, spawnCli, waitFor } from '../helpers/spawn-cli.js';

it('`emulator --seed examples/seed.yaml` serves the seeded accounts to the printed token, and stops on SIGINT', async () => {
  const child = spawnCli(['emulator', '--seed', 'examples/seed.yaml', '--port', '0']);
  await waitFor(() => child.output.stdout.includes('PACT_BROKER_TOKEN='));
  const url = /PACT_BROKER_BASE_URL=(\S+)/.exec(child.output.stdout)![1]!;
  const token = /PACT_BROKER_TOKEN=(\S+)/.exec(child.output.stdout)![1]!;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const response = await fetch(`${url}/admin/users?userType=1`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as {
    users: { name: string; typeDescription: string }[];
    page: { totalElements: number };
  };
  expect(response.status).toBe(200);
  expect(body.page.totalElements).toBe(13); // enabled accounts only, without active=false
  const refused = await fetch(`${url}/admin/users`);
  expect(refused.headers.get('content-type')).toBe('application/problem+json;charset=utf-8');
  expect(((await refused.json()) as { status: number }).status).toBe(401);
  expect(body.users.every((u) => u.typeDescription === 'System Account')).toBe(true);
  expect(body.users.map((u) => u.name)).toContain('ci-payments');
  child.kill('SIGINT');
  expect(await exitOf(child)).toEqual({ code: 0, signal: null });
  expect(child.output.stderr).toContain('emulator stopped');
});

it('`emulator` refuses a bad flag value with exit 1', async () => {
  const child = spawnCli(['emulator', '--fail-rate', '2']);
  expect((await exitOf(child)).code).toBe(1);
  expect(child.output.stderr).toContain(
    "option '--fail-rate <p>' argument '2' is invalid. expected a number from 0 to 1",
  );
});

it.each(['99999', '65536', '-1', '80.5', 'abc'])(
  '`emulator --port %s` is a usage error (exit 1), not an unexpected failure',
  async (value) => {
    const run = await cli(['emulator', '--port', value]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `option '--port <n>' argument '${value}' is invalid. expected a port number from 0 to 65535`,
    );
    expect(run.stderr).not.toContain('unexpected failure');
  },
);

it('`emulator --error-format legacy` answers errors in the legacy shapes; an unknown format is refused', async () => {
  const child = spawnCli(['emulator', '--port', '0', '--error-format', 'legacy']);
  await waitFor(() => child.output.stdout.includes('PACT_BROKER_TOKEN='));
  const url = /PACT_BROKER_BASE_URL=(\S+)/.exec(child.output.stdout)![1]!;
  const response = await fetch(`${url}/admin/users`);
  expect(response.status).toBe(401);
  expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
    'Unauthorized: missing or invalid bearer token',
  );
  child.kill('SIGINT');
  expect((await exitOf(child)).code).toBe(0);
  const bad = spawnCli(['emulator', '--error-format', 'xml']);
  expect((await exitOf(bad)).code).toBe(1);
  expect(bad.output.stderr).toContain("option '--error-format <format>' argument 'xml' is invalid");
});

it('`emulator` prints seeded names with escape sequences and bidi characters escaped, not raw', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pfa-emu-seed-'));
  const seed = path.join(dir, 'seed.yaml');
  writeFileSync(seed, 'systemAccounts:\n  - name: "ci-\\e[31mred\\u202Eexe.txt"\n    roles: [CI/CD]\n');
  const child = spawnCli(['emulator', '--seed', seed, '--port', '0']);
  await waitFor(() => child.output.stdout.includes('Try: curl'));
  child.kill('SIGINT');
  expect((await exitOf(child)).code).toBe(0);
  // A seeded name must not drive the terminal (colours, cursor) or reorder what follows it.
  expect(child.output.stdout).not.toContain('\u001b');
  expect(child.output.stdout).not.toContain('\u202e');
  expect(child.output.stdout).toContain('ci-\\u001b[31mred\\u202eexe.txt');
});
