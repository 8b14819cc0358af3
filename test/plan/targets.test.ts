import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/plan/compute.js';
import type { Plan } from '../../src/plan/types.js';
import type { AccountSketch, CustomRoleSketch } from '../helpers/states.js';
import { customRoleUuid, desiredFrom, liveState } from '../helpers/states.js';

// --target narrows role changes too: a role change is kept only when a targeted account needs it,
// and one that would change what an account --target does not name can do is left out, and said.
const OPTIONS = { baseUrl: 'https://acme.pactflow.io', generator: 'pactflow-accounts test' };
const PUBLISHER: CustomRoleSketch = { name: 'Contract Publisher', permissions: ['contract_data:manage:*'] };
const DEPLOYER: CustomRoleSketch = { name: 'Deployer', permissions: ['environment:read:*'] };

const file = (roles: string, accounts: string, policy = '') =>
  `version: 1\n${policy}roles:\n${roles}systemAccounts:\n${accounts}`;
const PUBLISHER_NARROWED =
  '  - name: Contract Publisher\n    permissions: [contract_data:manage:team, contract_data:read:*]\n';
const DEPLOYER_WIDENED =
  '  - name: Deployer\n    permissions: [environment:read:*, deployment_and_release:record:*]\n';

function planOf(
  text: string,
  accounts: AccountSketch[],
  targets: string[],
  people: Record<string, number> = {},
): Plan {
  const live = liveState(accounts, undefined, {
    customRoles: [PUBLISHER, DEPLOYER],
    humanRoleHolders: people,
  });
  const { plan, diagnostics } = computePlan(desiredFrom(text), live, { ...OPTIONS, targets });
  expect(diagnostics).toEqual([]);
  return plan!;
}

const roleLines = (plan: Plan) => plan.roleChanges.map((c) => `${c.action} ${c.role}`);
const leftOut = (plan: Plan) =>
  (plan.warnings ?? []).filter((w) => w.code === 'role-left-out').map((w) => w.message);

describe('--target and custom roles', () => {
  const text = file(
    PUBLISHER_NARROWED,
    '  - {name: ci-search, roles: [Contract Publisher]}\n  - {name: ci-orders, roles: [Contract Publisher]}\n',
  );
  const accounts: AccountSketch[] = [
    { name: 'ci-search', roles: ['CI/CD'] },
    { name: 'ci-orders', roles: ['Contract Publisher'] },
  ];

  it('without --target the role update is planned, and it changes ci-orders', () => {
    const plan = planOf(text, accounts, []);
    expect(roleLines(plan)).toEqual(['update Contract Publisher']);
    expect(plan.roleChanges[0]!.accounts.map((a) => a.account)).toEqual(['ci-orders']);
  });

  it('--target ci-search leaves out a role update that would also change ci-orders, and says so', () => {
    const plan = planOf(text, accounts, ['ci-search']);
    expect(roleLines(plan)).toEqual([]);
    expect(plan.changes.map((c) => `${c.action} ${c.account}`)).toEqual(['update ci-search']);
    // ci-search gets the role as it is now: its permissions say what applying this plan does.
    expect(plan.changes[0]!.permissions?.gained).toContain('contract_data:manage:*');
    expect(leftOut(plan)).toEqual([
      'role "Contract Publisher" is left out of this plan: updating it would also change what ci-orders (+contract_data:manage:team +contract_data:read:* -contract_data:manage:*) can do, which --target does not name. Plan without --target to update it.',
    ]);
    expect(plan.summary.roleUpdate).toBe(0);
  });

  it('--target naming every account the role update changes keeps it', () => {
    const plan = planOf(text, accounts, ['ci-search', 'ci-orders']);
    expect(roleLines(plan)).toEqual(['update Contract Publisher']);
    expect(leftOut(plan)).toEqual([]);
  });

  it('a role update that people hold is left out, and says so', () => {
    const plan = planOf(text, [{ name: 'ci-search', roles: ['CI/CD'] }], ['ci-search'], {
      [customRoleUuid('Contract Publisher')]: 2,
    });
    expect(roleLines(plan)).toEqual([]);
    expect(leftOut(plan)).toEqual([
      'role "Contract Publisher" is left out of this plan: updating it would also change what 2 people can do, which --target does not name. Plan without --target to update it.',
    ]);
  });

  it('keeps a role update only the targeted accounts hold, even one whose own roles do not change', () => {
    const plan = planOf(
      file(DEPLOYER_WIDENED, '  - {name: ci-a, roles: [Deployer]}\n  - {name: ci-b, roles: [CI/CD]}\n'),
      [{ name: 'ci-a', roles: ['Deployer'] }, { name: 'ci-b' }],
      ['ci-a'],
    );
    expect(roleLines(plan)).toEqual(['update Deployer']);
    expect(plan.changes).toEqual([]);
    expect(plan.roleChanges[0]!.accounts.map((a) => a.account)).toEqual(['ci-a']);
  });

  it('drops role changes no targeted account needs, without a word: updates, creates and deletes', () => {
    const text = file(
      `${DEPLOYER_WIDENED}  - name: Reader\n    permissions: [contract_data:read:*]\n`,
      '  - {name: ci-a, roles: [Deployer]}\n  - {name: ci-b, roles: [Reader]}\n  - {name: ci-c, state: disabled}\n',
      'policy:\n  unmanagedRoles: delete\n  limits: {maxDeletes: 1}\n',
    );
    const live: AccountSketch[] = [{ name: 'ci-a', roles: ['Deployer'] }, { name: 'ci-b' }, { name: 'ci-c' }];
    expect(roleLines(planOf(text, live, []))).toEqual([
      'delete Contract Publisher',
      'update Deployer',
      'create Reader',
    ]);
    const plan = planOf(text, live, ['ci-c']);
    expect(roleLines(plan)).toEqual([]);
    expect(plan.changes.map((c) => `${c.action} ${c.account}`)).toEqual(['disable ci-c']);
    expect(plan.warnings).toBeUndefined();
  });

  it('keeps a role create a targeted account is given, new or existing', () => {
    const text = file(
      '  - name: Reader\n    permissions: [contract_data:read:*]\n',
      '  - {name: ci-new, roles: [Reader]}\n  - {name: ci-b, roles: [Reader]}\n',
    );
    const live: AccountSketch[] = [{ name: 'ci-b' }];
    expect(roleLines(planOf(text, live, ['ci-new']))).toEqual(['create Reader']);
    expect(roleLines(planOf(text, live, ['ci-b']))).toEqual(['create Reader']);
  });
});
