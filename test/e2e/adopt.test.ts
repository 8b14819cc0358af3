import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../helpers/emulator.js';
import { callEmulator, harness } from '../helpers/emulator.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

/** A file that lists five of the seed's accounts as they are, with comments on every kind of line. */
const FILE = `# Accounts kept in git (adopt, end to end)
version: 1

# What happens to the rest
policy:
  unmanaged: ignore # leave them alone

systemAccounts:
  # the payments pipeline
  - name: ci-payments # publishes pacts
    email: payments-ci@example.com
    roles: [CI/CD]
    teams: [Payments] # owned by the payments team

  # orders
  - name: ci-orders
    roles: [Read-Only]
    teams: [Orders]

  - name: ci-orders-provider-verification # untouched
    roles: [CI/CD]
    teams: [Orders]

  # stock levels
  - name: ci-stock
    roles: [CI/CD]
    # its team
    teams: [Inventory]

  - name: ci-search
    roles: [CI/CD]
# end of file
`;

function write(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pfa-adopt-')), 'accounts.yaml');
  writeFileSync(file, text);
  return file;
}

/** Changes made by hand in PactFlow, through the emulator's API as an administrator would. */
async function changeInPactflow(h: Harness, method: string, p: string, body?: unknown) {
  const answer = await callEmulator(h.emulator.url, method, p, {
    token: h.emulator.adminToken,
    ...(body === undefined ? {} : { body }),
  });
  expect(answer.status, `${method} ${p}`).toBeLessThan(300);
}

async function makeFourChanges(h: Harness) {
  const state = h.emulator.snapshot();
  const user = (name: string) => state.users.find((u) => u.name === name)!;
  const role = (name: string) => state.roles.find((r) => r.name === name)!.uuid;
  const team = (name: string) => state.teams.find((t) => t.name === name)!.uuid;
  const full = (name: string) => {
    const u = user(name);
    return {
      uuid: u.uuid,
      name: u.name,
      active: u.active,
      type: u.type,
      ...(u.email ? { email: u.email } : {}),
    };
  };
  await changeInPactflow(h, 'PUT', `/admin/users/${user('ci-search').uuid}`, {
    ...full('ci-search'),
    active: false,
  });
  await changeInPactflow(h, 'PUT', `/admin/users/${user('ci-orders').uuid}/roles/${role('CI/CD')}`);
  await changeInPactflow(h, 'DELETE', `/admin/teams/${team('Payments')}/users/${user('ci-payments').uuid}`);
  await changeInPactflow(h, 'PUT', `/admin/users/${user('ci-stock').uuid}`, {
    ...full('ci-stock'),
    name: 'ci-inventory',
  });
}

const changedLines = (diff: string, sign: '+' | '-') =>
  diff
    .split('\n')
    .filter((l) => l.startsWith(sign) && !l.startsWith(`${sign}${sign}${sign}`))
    .map((l) => l.slice(1));
/** Every comment of a file, as written (the text from its `#`). */
const comments = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.includes('#'))
    .map((l) => l.slice(l.indexOf('#')));

describe('adopt against the emulator', () => {
  it('turns four changes made in PactFlow into an edit of the file, and never writes to PactFlow', async () => {
    h = await harness();
    const file = write(FILE);
    const clean = await h.run(['plan', '-f', file, '--detailed-exitcode']);
    expect(clean.stderr).not.toContain('warning');
    expect(clean.code).toBe(0);
    await makeFourChanges(h);
    const writesBefore = h.writes().length;

    const check = await h.run(['adopt', '-f', file, '--check']);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('would adopt 4 accounts: 1 state, 1 role, 1 team, 1 rename');
    expect(readFileSync(file, 'utf8')).toBe(FILE);

    const run = await h.run(['adopt', '-f', file]);
    expect(run.code).toBe(0);
    expect(h.writes().length).toBe(writesBefore);
    expect(changedLines(run.stdout, '-')).toEqual([
      '    teams: [Payments] # owned by the payments team',
      '    roles: [Read-Only]',
      '  - name: ci-stock',
    ]);
    expect(changedLines(run.stdout, '+')).toEqual([
      '    teams: [] # owned by the payments team',
      '    roles: [Read-Only, CI/CD]',
      '  - name: ci-inventory',
      '    previousNames: [ci-stock]',
      '    state: disabled',
    ]);
    expect(run.stderr).toContain('adopted 4 accounts: 1 state, 1 role, 1 team, 1 rename');
    expect(run.stderr).toContain('ci-stock → ci-inventory: rename (probable rename');
    const after = readFileSync(file, 'utf8');
    expect(comments(after)).toEqual(comments(FILE));

    const plan = await h.run(['plan', '-f', file, '--detailed-exitcode']);
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
    const again = await h.run(['adopt', '-f', file, '--check']);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('nothing to adopt');
    expect(again.code).toBe(0);
    expect(h.writes().length).toBe(writesBefore);
  });

  it('writes --out elsewhere and leaves the file as it was', async () => {
    h = await harness();
    const file = write(FILE);
    await makeFourChanges(h);
    const out = path.join(path.dirname(file), 'adopted.yaml');
    const run = await h.run(['adopt', '-f', file, '--out', out]);
    expect(run.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(FILE);
    const plan = await h.run(['plan', '-f', out, '--detailed-exitcode']);
    expect(plan.code).toBe(0);
  });

  it('adopts only the --target accounts', async () => {
    h = await harness();
    const file = write(FILE);
    await makeFourChanges(h);
    const run = await h.run(['adopt', '-f', file, '--target', 'ci-search']);
    expect(run.code).toBe(0);
    expect(changedLines(run.stdout, '-')).toEqual([]);
    expect(changedLines(run.stdout, '+')).toEqual(['    state: disabled']);
    const plan = await h.run(['plan', '-f', file, '--detailed-exitcode', '--target', 'ci-search']);
    expect(plan.code).toBe(0);
    const unknown = await h.run(['adopt', '-f', file, '--target', 'nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--target "nobody" matches no account');
  });

  it('refuses a file that does not validate, lists its problems and changes nothing', async () => {
    h = await harness();
    const broken = FILE.replace('    roles: [Read-Only]', '    roles: [Read-Only]\n    colour: blue');
    const file = write(broken);
    await makeFourChanges(h);
    const run = await h.run(['adopt', '-f', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/accounts\.yaml:18:5: .*unknown field "colour"/);
    expect(run.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(broken);
    expect(run.stderr).not.toContain(h.emulator.adminToken);
  });

  it('refuses a file over 5 MB (a device read on bytes) and an unknown --target (as plan does), writing nothing', async () => {
    h = await harness();
    const huge = await h.run(['adopt', '-f', '/dev/zero']);
    expect(huge.code).toBe(1);
    expect(huge.stderr).toContain('file is larger than 5 MB');
    const file = write(FILE);
    const unknown = await h.run(['adopt', '-f', file, '--target', 'ci-nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--target "ci-nobody" matches no account');
    expect(readFileSync(file, 'utf8')).toBe(FILE);
    // plan refuses it with the same words: one check serves both.
    const planned = await h.run(['plan', '-f', file, '--target', 'ci-nobody']);
    expect(planned.code).toBe(1);
    expect(planned.stderr).toContain('--target "ci-nobody" matches no account');
  });
});
