import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../helpers/emulator.js';
import { harness } from '../helpers/emulator.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

function write(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pfa-roles-')), 'accounts.yaml');
  writeFileSync(file, text);
  return file;
}

const ROLES_FILE = `version: 1
policy:
  scope:
    include: [ci-payments, ci-orders]
roles:
  - name: Contract Publisher
    description: Publish contracts and verification results, nothing else
    permissions: [contract_data:manage:team, contract_data:read:*]
  - name: Release Reader
    permissions: [contract_data:read:*]
systemAccounts:
  - name: ci-payments
    roles: [CI/CD, Release Reader]
    teams: [Payments]
  - name: ci-orders
    roles: [Contract Publisher]
    teams: [Orders]
`;

const userReads = (h: Harness) => h.emulator.counters()['GET /admin/users'] ?? 0;

describe('custom roles against the emulator', () => {
  it('plan shows role changes and permission diffs first, counts people only when a role changes scopes, and never writes', async () => {
    h = await harness();
    // A plan that changes no role's scopes and gives no new name reads no people: only the
    // system-account pages.
    const same = 'version: 1\npolicy: {unmanaged: ignore}\nsystemAccounts:\n  - name: ci-payments\n';
    expect((await h.run(['plan', '-f', write(same)])).code).toBe(0);
    const accountReads = userReads(h);
    const run = await h.run(['plan', '-f', write(ROLES_FILE)]);
    expect(run.code).toBe(0);
    expect(userReads(h) - accountReads).toBeGreaterThan(accountReads);
    const out = run.stdout;
    expect(out.indexOf('~ role Contract Publisher will be updated')).toBeLessThan(
      out.indexOf('ci-orders will be updated'),
    );
    for (const line of [
      '+ role Release Reader will be created',
      'permissions: [contract_data:manage:*] → [contract_data:manage:team, contract_data:read:*]',
      '~ ci-orders will be updated  ⚠ risky: gains privileges',
      'roles: [Read-Only] → [Contract Publisher]',
      '~ ci-payments will be updated',
      'roles: [CI/CD] → [CI/CD, Release Reader]',
    ])
      expect(out).toContain(line);
    expect(out).toMatch(/roles: 1 to create, 1 to update, 0 to delete/);
    expect(h.writes()).toEqual([]);
  });

  it('validate --online checks each scope against GET /admin/permissions, with its position', async () => {
    h = await harness();
    const file = write(
      'version: 1\nroles:\n  - name: Writer\n    permissions: [contract_data:read:*, contract_data:write:*]\nsystemAccounts: []\n',
    );
    const run = await h.run(['validate', '-f', file, '--online']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file}:4:41: roles[0].permissions[1]: PactFlow has no permission scope "contract_data:write:*"`,
    );
    expect(h.emulator.counters()['GET /admin/permissions']).toBe(1);
    const good = await h.run(['validate', '-f', write(ROLES_FILE), '--online']);
    expect(good.stdout).toContain('and so does every scope');
    expect(good.code).toBe(0);
  });
});

describe('apply with custom roles converges against the emulator', () => {
  it('creates, replaces and deletes roles around the account steps; a second plan is empty', async () => {
    h = await harness();
    const file = write(`version: 1
policy:
  unmanagedRoles: delete
  scope:
    include: [ci-payments, ci-orders]
  limits:
    maxDeletes: 1
roles:
  - name: Release Reader
    description: reads contracts and records releases
    permissions: [contract_data:read:*, deployment_and_release:record:*]
systemAccounts:
  - name: ci-payments
    roles: [CI/CD, Release Reader]
    teams: [Payments]
  - name: ci-orders
    roles: [Release Reader]
    teams: [Orders]
`);
    const run = await h.run(['apply', '-f', file, '--auto-approve']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+ role Release Reader will be created');
    expect(run.stdout).toContain('- role Contract Publisher will be deleted');
    expect(run.stdout).toContain('role Release Reader has been created');
    expect(run.stdout).toContain('role Contract Publisher has been deleted');
    // Role changes count in the closing tally like account changes: 2 roles and 2 accounts.
    expect(run.stderr).toContain('applied 4 of 4');
    // Role create first, account role sets next, the role delete last.
    const writes = h.writes();
    expect(writes[0]).toBe('POST /admin/roles 201');
    expect(writes.at(-1)).toBe('DELETE /admin/roles/{r} 204');
    expect(writes.filter((w) => w.startsWith('PUT /admin/users/{u}/roles'))).toHaveLength(2);

    const state = h.emulator.snapshot();
    const reader = state.roles.find((r) => r.name === 'Release Reader')!;
    expect(reader.permissions.sort()).toEqual(['contract_data:read:*', 'deployment_and_release:record:*']);
    expect(state.roles.some((r) => r.name === 'Contract Publisher')).toBe(false);
    for (const name of ['ci-payments', 'ci-orders'])
      expect(state.users.find((u) => u.name === name)!.roles).toContain(reader.uuid);

    const again = await h.run(['plan', '-f', file, '--detailed-exitcode']);
    expect(again.stdout).toContain('No changes.');
    expect(again.code).toBe(0);
  });

  it('export writes the custom roles, and a plan against the export is empty', async () => {
    h = await harness();
    const exported = await h.run(['export']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('- name: Contract Publisher');
    const again = await h.run(['plan', '-f', write(exported.stdout), '--detailed-exitcode']);
    expect(again.stdout).toContain('No changes.');
    expect(again.code).toBe(0);
  });
});

describe('show against the emulator after a role change', () => {
  it('--role and --has-scope see a custom role and its scopes', async () => {
    h = await harness();
    await h.run(['apply', '-f', write(ROLES_FILE), '--auto-approve']);
    const run = await h.run([
      'show',
      '--role',
      'Release Reader',
      '--has-scope',
      'contract_data:read',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).accounts.map((a: { name: string }) => a.name)).toEqual(['ci-payments']);
  });
});
