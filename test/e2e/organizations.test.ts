import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SeedFile } from '../../src/emulator/seed.js';
import type { Harness } from '../helpers/emulator.js';
import { accountsIn, harness } from '../helpers/emulator.js';

/**
 * Organizations that serve less than the emulator's default: one where the JSON Patch of a team's
 * members is absent (only the application-verified routes), and one moved to SmartBear API Hub,
 * which ignores `active`.
 */

let h: Harness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await h?.emulator.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  h = undefined;
  dir = undefined;
});

function write(text: string): string {
  dir ??= mkdtempSync(path.join(tmpdir(), 'pfa-org-'));
  const file = path.join(dir, 'accounts.yaml');
  writeFileSync(file, text);
  return file;
}

const NEW = Array.from({ length: 12 }, (_, i) => `ci-new-${String(i + 1).padStart(2, '0')}`);

const SEED: SeedFile = {
  teams: [{ name: 'Payments' }, { name: 'Orders' }],
  defaultTeam: null,
  users: [
    { name: 'admin', roles: ['Administrator'] },
    { name: 'bob', roles: ['User'], teams: ['Payments'] },
  ],
  systemAccounts: [
    { name: 'ci-existing', roles: ['CI/CD'] },
    // Outside the file's scope: never in a plan, and must stay in Payments.
    { name: 'deploy-bot', roles: ['CI/CD'], teams: ['Payments'] },
  ],
};

describe('an organization that does not serve the JSON Patch of team members', () => {
  it('adds 12 new accounts to one team at --concurrency 8 and an existing one to another; nobody is lost', async () => {
    h = await harness({ seed: SEED, teamPatch: 'absent' });
    const file = write(
      [
        'version: 1',
        'policy:',
        "  scope: {include: ['ci-*']}",
        'systemAccounts:',
        ...NEW.map((name) => `  - {name: ${name}, roles: [CI/CD], teams: [Payments]}`),
        '  - {name: ci-existing, roles: [CI/CD], teams: [Orders]}',
        '',
      ].join('\n'),
    );
    const run = await h.run(['apply', '-f', file, '--auto-approve', '--concurrency', '8']);
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Apply complete: 13 done, 0 failed');

    const state = h.emulator.snapshot();
    const accounts = accountsIn(state);
    for (const name of NEW) expect(accounts.get(name)?.teams, name).toEqual(['Payments']);
    expect(accounts.get('ci-existing')!.teams).toEqual(['Orders']);
    expect(accounts.get('deploy-bot')!.teams).toEqual(['Payments']);
    const bob = state.users.find((u) => u.name === 'bob')!;
    expect(state.teams.find((t) => t.name === 'Payments')!.members).toContain(bob.uuid);

    // The PATCH was asked once per team, then each team's additions went by PUT.
    const requests = h.emulator.requests();
    expect(requests.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([404, 404]);
    expect(h.emulator.counters()['PUT /admin/teams/{t}/users']).toBe(13);

    const again = await h.run(['plan', '-f', file, '--detailed-exitcode']);
    expect(again.stdout).toContain('No changes.');
    expect(again.code).toBe(0);
  });
});

describe('an organization that does not serve the JSON Patch, with creates and deletes in the same run', () => {
  it('team lists are never replaced while an account is created or deleted: exit 0, nobody lost', async () => {
    // Existing accounts join Shared while others, members of it, are deleted; new ones are created.
    const joining = Array.from({ length: 10 }, (_, i) => `ci-join-${i}`);
    const gone = Array.from({ length: 5 }, (_, i) => `ci-p-gone-${i}`);
    h = await harness({
      seed: {
        teams: [{ name: 'Shared' }],
        defaultTeam: 'Default',
        users: [
          { name: 'admin', roles: ['Administrator'] },
          { name: 'bob', roles: ['User'], teams: ['Shared', 'Default'] },
        ],
        systemAccounts: [
          ...joining.map((name) => ({ name, roles: ['CI/CD'], teams: [] })),
          ...gone.map((name) => ({ name, roles: ['CI/CD'], teams: ['Shared', 'Default'] })),
        ],
      },
      teamPatch: 'absent',
    });
    const file = write(
      [
        'version: 1',
        'policy: {limits: {maxDeletes: 5}}',
        'systemAccounts:',
        ...joining.map((name) => `  - {name: ${name}, roles: [CI/CD], teams: [Shared]}`),
        ...NEW.slice(0, 4).map((name) => `  - {name: ${name}, roles: [CI/CD], teams: [Shared, Default]}`),
        ...gone.map((name) => `  - {name: ${name}, state: deleted}`),
        '',
      ].join('\n'),
    );
    const run = await h.run(['apply', '-f', file, '--auto-approve', '--concurrency', '8']);
    expect(run.stdout).not.toContain('lost');
    expect(run.code, run.stdout).toBe(0);
    const state = h.emulator.snapshot();
    const bob = state.users.find((u) => u.name === 'bob')!;
    for (const team of state.teams) expect(team.members, team.name).toContain(bob.uuid);
    const again = await h.run(['plan', '-f', file, '--detailed-exitcode']);
    expect(again.stdout).toContain('No changes.');
  });
});

describe('an organization that ignores `active` (moved to SmartBear API Hub)', () => {
  it('a disable that PactFlow did not do fails, is never reported done, and the rest applies', async () => {
    h = await harness({
      seed: {
        systemAccounts: [
          { name: 'ci-legacy', roles: ['CI/CD'] },
          { name: 'ci-search', roles: ['CI/CD'] },
        ],
      },
      ignoreActive: true,
      adminToken: 'admin-token-kept-across-resets',
    });
    const file = write(
      [
        'version: 1',
        'systemAccounts:',
        '  - {name: ci-legacy, state: disabled, roles: [CI/CD]}',
        '  - {name: ci-search, roles: [Viewer]}',
        '  - {name: ci-new, roles: [CI/CD]}',
        '',
      ].join('\n'),
    );
    for (const format of ['text', 'json', 'markdown']) {
      h.emulator.reset();
      const run = await h.run(['apply', '-f', file, '--auto-approve', '--format', format]);
      expect(run.code, format).toBe(1);
      const output = run.stdout + run.stderr;
      expect(output, format).toContain('PactFlow kept ci-legacy enabled');
      expect(output, format).toContain('organizations moved to SmartBear API Hub do');
      expect(output, format).not.toMatch(/ci-legacy (has been|was) disabled/);
      const accounts = accountsIn(h.emulator.snapshot());
      expect(accounts.get('ci-legacy')!.active).toBe(true);
      expect(accounts.get('ci-search')!.roles).toEqual(['Viewer']);
      expect(accounts.has('ci-new')).toBe(true);
      if (format === 'text') expect(run.stdout).toContain('Running apply again would fail the same way');
      if (format === 'json') {
        const report = JSON.parse(run.stdout) as { outcomes: { account: string; status: string }[] };
        expect(report.outcomes.find((o) => o.account === 'ci-legacy')!.status).toBe('failed');
      }
    }
  });
});
