import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SeedFile } from '../../src/emulator/seed.js';
import { StalePlanError } from '../../src/errors.js';
import type { Harness } from '../helpers/emulator.js';
import { harness } from '../helpers/emulator.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

const DEPLOYER = ['deployment_and_release:record:*'];

/** An organization; `hand` is what someone changed in it by hand after the plan was made. */
function organization(
  hand: { ciA?: string[]; ciBTeams?: string[]; ciCEmail?: string; deployer?: string[] } = {},
) {
  return {
    roles: [{ name: 'Deployer', permissions: hand.deployer ?? DEPLOYER }],
    teams: [{ name: 'Payments' }],
    users: [{ name: 'alice', roles: ['Administrator'], tokens: { readWrite: 'admin-token' } }],
    systemAccounts: [
      { name: 'ci-a', roles: hand.ciA ?? ['CI/CD'] },
      { name: 'ci-b', roles: ['CI/CD'], teams: hand.ciBTeams ?? ['Payments'] },
      { name: 'ci-c', roles: ['CI/CD'], ...(hand.ciCEmail ? { email: hand.ciCEmail } : {}) },
    ],
  } satisfies SeedFile;
}

const FILE = `version: 1
roles:
  - name: Deployer
    permissions: ['deployment_and_release:record:*', 'environment:manage:*']
systemAccounts:
  - {name: ci-a, roles: [CI/CD, Viewer]}
  - {name: ci-b, roles: [CI/CD], teams: [Payments], state: disabled}
  - {name: ci-c, roles: [CI/CD], state: disabled}
`;

async function planThenChange(hand: Parameters<typeof organization>[0]) {
  h = await harness({ seed: organization() });
  const dir = mkdtempSync(path.join(tmpdir(), 'pfa-stale-'));
  const file = path.join(dir, 'accounts.yaml');
  const out = path.join(dir, 'plan.json');
  writeFileSync(file, FILE);
  const planned = await h.run(['plan', '-f', file, '--out', out]);
  expect(planned.code, planned.stderr).toBe(0);
  h.emulator.reset(organization(hand));
  h.emulator.clearLog();
  return h.run(['apply', out]);
}

describe('a stale saved plan says what changed', () => {
  it('a field the plan changes: its value then → now', async () => {
    const run = await planThenChange({ ciA: ['CI/CD', 'Read-Only'] });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('  ci-a: roles: [CI/CD] → [CI/CD, Read-Only]\n');
    expect(run.stderr).toContain('Saved plan is stale: 1 account changed since it was made');
    expect(h!.writes()).toEqual([]);
  });

  it('a field the plan leaves alone but the file sets: it was as the file says, and now is not', async () => {
    const run = await planThenChange({ ciA: ['CI/CD', 'Administrator'], ciBTeams: [] });
    expect(run.stderr).toContain('  ci-a: admin: no → yes\n');
    expect(run.stderr).toContain('  ci-b: teams: [Payments] → []\n');
    expect(run.stderr).toContain('Saved plan is stale: 2 accounts changed since it was made');
  });

  it('a field the file leaves alone: said so, without inventing values', async () => {
    const run = await planThenChange({ ciCEmail: 'by-hand@example.com' });
    expect(run.stderr).toContain(
      '  ci-c: changed in PactFlow since the plan was made, in a field the plan does not record',
    );
  });

  it('a role is a role, not an account: counted apart, with its scopes then → now', async () => {
    const run = await planThenChange({ ciA: ['CI/CD', 'Read-Only'], deployer: ['environment:read:*'] });
    expect(run.stderr).toContain(
      '  role Deployer: permissions: [deployment_and_release:record:*] → [environment:read:*]\n',
    );
    expect(run.stderr).toContain('Saved plan is stale: 1 account and 1 role changed since it was made');
    expect(run.stderr).not.toContain('2 accounts');
  });
});

describe('StalePlanError', () => {
  it.each([
    [1, 0, '1 account changed'],
    [4, 1, '4 accounts and 1 role changed'],
    [0, 2, '2 roles changed'],
  ])('%i accounts, %i roles: "%s"', (accounts, roles, message) => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `x${i}`, reason: 'r' }));
    expect(new StalePlanError(entries(accounts), entries(roles)).message).toBe(
      `Saved plan is stale: ${message} since it was made`,
    );
  });
});
