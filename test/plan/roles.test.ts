import { describe, expect, it } from 'vitest';
import { executePlan } from '../../src/apply/execute.js';
import type { ApplyPort } from '../../src/apply/types.js';
import type { ApiUser } from '../../src/pactflow/types.js';
import { computePlan } from '../../src/plan/compute.js';
import { checkGuards, guardContext } from '../../src/plan/guards.js';
import { rolesNeedingPeopleCount } from '../../src/plan/roles.js';
import { findEditedChanges } from '../../src/plan/stale.js';
import type { Plan, RoleChange, Step } from '../../src/plan/types.js';
import type { LiveState } from '../../src/state/types.js';
import type { AccountSketch, CustomRoleSketch } from '../helpers/states.js';
import { customRoleUuid, desiredFrom, liveState } from '../helpers/states.js';

const OPTIONS = { baseUrl: 'https://acme.pactflow.io', generator: 'pactflow-accounts test' };
const DEPLOYER: CustomRoleSketch = {
  name: 'Deployer',
  description: 'records deployments',
  permissions: ['deployment_and_release:record:*', 'environment:read:*'],
};
const REPORTER: CustomRoleSketch = { name: 'Reporter', permissions: ['contract_data:read:*'] };

const roleLine = (c: RoleChange) =>
  `${c.action} role ${c.role}${c.risks.length ? ` [${c.risks.join(',')}]` : ''}${c.refused ? ` ⛔${c.refused.guard}` : ''}`;

const stepLine = (s: Step) =>
  s.kind === 'set-roles'
    ? `roles=[${s.roles.map((r) => `${r.name}${r.uuid ? '' : '(new)'}`).join(',')}]`
    : s.kind === 'reconcile'
      ? `reconcile(roles=[${(s.spec.roles ?? []).map((r) => `${r.name}${r.uuid ? '' : '(new)'}`).join(',')}])`
      : s.kind;

interface Expect {
  roles: string[];
  accounts?: string[];
  exceeded?: string[];
  /** role → "account:+gained -lost" lines */
  affected?: Record<string, string[]>;
  people?: Record<string, number | undefined>;
}

type Case = [
  name: string,
  file: string,
  live: { accounts: AccountSketch[]; roles: CustomRoleSketch[]; people?: Record<string, number> },
  expected: Expect,
];

const yaml = (roles: string, accounts = '  []', policy = '') =>
  `version: 1\n${policy}${roles ? `roles:\n${roles}` : ''}systemAccounts:${accounts === '  []' ? ' []\n' : `\n${accounts}`}`;
const deployer = '  - name: Deployer\n    description: records deployments\n';

const CASES: Case[] = [
  [
    'create a role nobody uses yet',
    yaml(`${deployer}    permissions: [deployment_and_release:record:*, environment:read:*]\n`),
    { accounts: [], roles: [] },
    { roles: ['create role Deployer'] },
  ],
  [
    'create a role and give it to an account in the same plan',
    yaml(
      `${deployer}    permissions: [deployment_and_release:record:*]\n`,
      '  - name: ci-a\n    roles: [CI/CD, Deployer]\n',
    ),
    { accounts: [{ name: 'ci-a' }], roles: [] },
    { roles: ['create role Deployer'], accounts: ['update ci-a: roles=[CI/CD,Deployer(new)]'] },
  ],
  [
    'a new account can be created with a role created in the same plan',
    yaml(
      `${deployer}    permissions: [deployment_and_release:record:*]\n`,
      '  - name: ci-new\n    roles: [Deployer]\n',
    ),
    { accounts: [], roles: [] },
    {
      roles: ['create role Deployer'],
      accounts: ['create ci-new: create, reconcile(roles=[Deployer(new)])'],
    },
  ],
  [
    'unchanged role',
    yaml(`${deployer}    permissions: [environment:read:*, deployment_and_release:record:*]\n`),
    { accounts: [], roles: [DEPLOYER] },
    { roles: [] },
  ],
  [
    'update scopes: a full replace, listing the accounts it changes and the people who hold it',
    yaml(`${deployer}    permissions: [deployment_and_release:record:*, environment:read:team]\n`),
    {
      accounts: [
        { name: 'ci-a', roles: ['Deployer'] },
        { name: 'ci-b', roles: ['CI/CD', 'Deployer'] },
        { name: 'ci-c' },
      ],
      roles: [DEPLOYER],
      people: { [customRoleUuid('Deployer')]: 2 },
    },
    {
      roles: ['update role Deployer'],
      // ci-b keeps environment:read:* through CI/CD, so only ci-a loses it.
      affected: {
        Deployer: ['ci-a: +environment:read:team -environment:read:*', 'ci-b: +environment:read:team'],
      },
      people: { Deployer: 2 },
    },
  ],
  [
    'an empty description is no description: PactFlow stores none, so the role stays unchanged',
    yaml('  - name: Reporter\n    description: ""\n    permissions: [contract_data:read:*]\n'),
    { accounts: [], roles: [REPORTER] },
    { roles: [] },
  ],
  [
    'a description change alone changes no permissions',
    yaml(
      '  - name: Deployer\n    description: records deployments and releases\n    permissions: [deployment_and_release:record:*, environment:read:*]\n',
    ),
    { accounts: [{ name: 'ci-a', roles: ['Deployer'] }], roles: [DEPLOYER] },
    { roles: ['update role Deployer'], affected: { Deployer: [] }, people: { Deployer: undefined } },
  ],
  [
    'a role that gains a :manage: scope is a privilege gain',
    yaml(
      `${deployer}    permissions: [deployment_and_release:record:*, environment:read:*, system_account:manage:*]\n`,
    ),
    { accounts: [{ name: 'ci-a', roles: ['Deployer'] }], roles: [DEPLOYER], people: {} },
    {
      roles: ['update role Deployer [privilege-gain]'],
      affected: { Deployer: ['ci-a: +system_account:manage:*'] },
    },
  ],
  [
    'an unlisted custom role is left alone by default',
    yaml(''),
    { accounts: [], roles: [DEPLOYER] },
    { roles: [] },
  ],
  [
    'delete an unlisted role with policy.unmanagedRoles: delete',
    yaml('', '  []', 'policy:\n  unmanagedRoles: delete\n  limits: {maxDeletes: 1}\n'),
    { accounts: [{ name: 'ci-a' }], roles: [DEPLOYER], people: { [customRoleUuid('Deployer')]: 0 } },
    { roles: ['delete role Deployer [delete]'], people: { Deployer: 0 } },
  ],
  [
    'role deletes count against maxDeletes',
    yaml('', '  []', 'policy:\n  unmanagedRoles: delete\n'),
    {
      accounts: [],
      roles: [DEPLOYER, REPORTER],
      people: { [customRoleUuid('Deployer')]: 0, [customRoleUuid('Reporter')]: 0 },
    },
    { roles: ['delete role Deployer [delete]', 'delete role Reporter [delete]'], exceeded: ['maxDeletes'] },
  ],
  [
    'refuse deleting a role a system account holds',
    yaml('', '  []', 'policy:\n  unmanagedRoles: delete\n  limits: {maxDeletes: 1}\n'),
    {
      accounts: [{ name: 'ci-a', roles: ['Deployer'] }],
      roles: [DEPLOYER],
      people: { [customRoleUuid('Deployer')]: 0 },
    },
    { roles: ['delete role Deployer [delete] ⛔role-in-use'] },
  ],
  [
    'refuse deleting a role people hold',
    yaml('', '  []', 'policy:\n  unmanagedRoles: delete\n  limits: {maxDeletes: 1}\n'),
    { accounts: [], roles: [DEPLOYER], people: { [customRoleUuid('Deployer')]: 3 } },
    { roles: ['delete role Deployer [delete] ⛔role-in-use'], people: { Deployer: 3 } },
  ],
  [
    'refuse deleting a role when the people holding it were not counted',
    yaml('', '  []', 'policy:\n  unmanagedRoles: delete\n  limits: {maxDeletes: 1}\n'),
    { accounts: [], roles: [DEPLOYER] },
    { roles: ['delete role Deployer [delete] ⛔role-in-use'] },
  ],
  [
    'a role the plan moves its last holder off can be deleted (after that account step)',
    yaml(
      '',
      '  - name: ci-a\n    roles: [CI/CD]\n',
      'policy:\n  unmanagedRoles: delete\n  limits: {maxDeletes: 1}\n',
    ),
    {
      accounts: [{ name: 'ci-a', roles: ['CI/CD', 'Deployer'] }],
      roles: [DEPLOYER],
      people: { [customRoleUuid('Deployer')]: 0 },
    },
    { roles: ['delete role Deployer [delete]'], accounts: ['update ci-a: roles=[CI/CD]'] },
  ],
];

function planFor(file: string, live: Case[2], caller?: AccountSketch): Plan {
  const state = liveState(live.accounts, caller, {
    customRoles: live.roles,
    ...(live.people ? { humanRoleHolders: live.people } : {}),
  });
  const { plan, diagnostics } = computePlan(desiredFrom(file), state, OPTIONS);
  expect(diagnostics).toEqual([]);
  return plan!;
}

describe('custom roles in the plan', () => {
  it.each(CASES)('%s', (_, file, live, expected) => {
    const plan = planFor(file, live);
    expect(plan.roleChanges.map(roleLine)).toEqual(expected.roles);
    expect(plan.changes.map((c) => `${c.action} ${c.account}: ${c.steps.map(stepLine).join(', ')}`)).toEqual(
      expected.accounts ?? [],
    );
    expect(plan.guards.exceeded).toEqual(expected.exceeded ?? []);
    for (const [role, lines] of Object.entries(expected.affected ?? {})) {
      const change = plan.roleChanges.find((c) => c.role === role)!;
      expect(
        change.accounts.map(
          (a) =>
            `${a.account}: ${[...a.gained.map((s) => `+${s}`), ...a.lost.map((s) => `-${s}`)].join(' ')}`,
        ),
      ).toEqual(lines);
    }
    for (const [role, people] of Object.entries(expected.people ?? {}))
      expect(plan.roleChanges.find((c) => c.role === role)!.people).toBe(people);
    expect(plan.summary).toMatchObject({
      roleCreate: expected.roles.filter((r) => r.startsWith('create')).length,
      roleUpdate: expected.roles.filter((r) => r.startsWith('update')).length,
      roleDelete: expected.roles.filter((r) => r.startsWith('delete')).length,
    });
  });

  it('refuses to define a role that is built in on the live PactFlow', () => {
    const file = yaml('  - name: Deployer\n    permissions: [environment:read:*]\n');
    const state = liveState([], undefined);
    state.roles.push({
      uuid: 'role-x',
      name: 'Deployer',
      systemDefined: true,
      serverManaged: false,
      permissions: [],
    });
    const { plan, diagnostics } = computePlan(desiredFrom(file), state, OPTIONS);
    expect(plan).toBeUndefined();
    expect(diagnostics.map((d) => `${d.line}:${d.column}: ${d.summary}`)).toEqual([
      '3:11: roles[0].name: "Deployer" is a built-in role in this PactFlow and cannot be defined',
    ]);
  });

  it('offers roles the file creates when an account names an unknown one', () => {
    const file = yaml(
      `${deployer}    permissions: [environment:read:*]\n`,
      '  - name: ci-a\n    roles: [Deployr]\n',
    );
    const { diagnostics } = computePlan(desiredFrom(file), liveState([]), OPTIONS);
    expect(diagnostics[0]!.summary).toBe(
      'systemAccounts[0].roles[0]: unknown role "Deployr" (did you mean "Deployer"?)',
    );
  });

  it('refuses a role change that takes a scope the run needs from the token owner', () => {
    const admin: CustomRoleSketch = {
      name: 'Account Admin',
      permissions: ['system_account:manage:*', 'team:manage:*'],
    };
    const caller: AccountSketch = { name: 'ci-runner', uuid: 'uuid-ci-runner', roles: ['Account Admin'] };
    const plan = planFor(
      yaml('  - name: Account Admin\n    permissions: [team:manage:*]\n'),
      { accounts: [caller], roles: [admin], people: {} },
      caller,
    );
    expect(plan.roleChanges[0]!.refused?.guard).toBe('self-lockout');
    expect(plan.roleChanges[0]!.refused?.message).toContain('system_account:manage:*');
    expect(plan.guards.ok).toBe(false);
    expect(plan.guards.refusals[0]!.account).toBe('role "Account Admin"');
  });

  it('asks for people counts only for roles whose scopes change or that are deleted', () => {
    const live = liveState([], undefined, {
      customRoles: [DEPLOYER, REPORTER, { name: 'Old', permissions: [] }],
    });
    const file = yaml(
      '  - name: Deployer\n    description: new words\n    permissions: [deployment_and_release:record:*, environment:read:*]\n' +
        '  - name: Reporter\n    permissions: [contract_data:read:team]\n',
      '  []',
      'policy:\n  unmanagedRoles: delete\n',
    );
    expect(rolesNeedingPeopleCount(desiredFrom(file), live).sort()).toEqual(
      [customRoleUuid('Old'), customRoleUuid('Reporter')].sort(),
    );
  });
});

describe('effective permissions of account changes', () => {
  it('a role change carries the scopes gained and lost; a gain of :manage: is a privilege gain', () => {
    const plan = planFor(yaml('', '  - name: ci-a\n    roles: [Deployer]\n'), {
      accounts: [{ name: 'ci-a', roles: ['CI/CD'] }],
      roles: [DEPLOYER],
    });
    expect(plan.changes[0]!.permissions).toEqual({
      gained: [],
      lost: ['contract_data:manage:own', 'contract_data:manage:team', 'contract_data:read:*'],
    });
    expect(plan.changes[0]!.risks).toEqual([]);
    const back = planFor(yaml('', '  - name: ci-a\n    roles: [CI/CD]\n'), {
      accounts: [{ name: 'ci-a', roles: ['Deployer'] }],
      roles: [DEPLOYER],
    });
    expect(back.changes[0]!.permissions?.gained).toEqual([
      'contract_data:manage:own',
      'contract_data:manage:team',
      'contract_data:read:*',
    ]);
    expect(back.changes[0]!.risks).toEqual(['privilege-gain']);
    expect(back.summary.privilegeGains).toBe(1);
  });

  it('an admin grant gains the Administrator set', () => {
    const plan = planFor(yaml('', '  - name: ci-a\n    admin: true\n'), {
      accounts: [{ name: 'ci-a' }],
      roles: [],
    });
    expect(plan.changes[0]!.permissions?.gained).toContain('user:invite');
    expect(plan.changes[0]!.risks).toEqual(['admin-grant', 'privilege-gain']);
  });

  it('a team change alone carries no permissions', () => {
    const plan = planFor(yaml('', '  - name: ci-a\n    teams: [Payments]\n'), {
      accounts: [{ name: 'ci-a' }],
      roles: [],
    });
    expect(plan.changes[0]!.permissions).toBeUndefined();
  });

  it('a new account does not count what PactFlow gives every new account as a risk', () => {
    const plan = planFor(yaml('', '  - name: ci-new\n'), { accounts: [], roles: [] });
    expect(plan.changes[0]!.permissions?.gained).toContain('contract_data:manage:team');
    expect(plan.changes[0]!.risks).toEqual([]);
  });
});

/** A port that records every call and hands out uuids for created roles. */
function recordingPort(failRole?: string) {
  const calls: string[] = [];
  const port = {
    createRole: async (role: { name: string }) => {
      calls.push(`createRole ${role.name}`);
      if (role.name === failRole) throw new Error('400 unknown scope');
      return { uuid: `uuid-of-${role.name}` };
    },
    updateRole: async (uuid: string) => void calls.push(`updateRole ${uuid}`),
    deleteRole: async (uuid: string) => void calls.push(`deleteRole ${uuid}`),
    setRoles: async (uuid: string, roles: string[]) => void calls.push(`setRoles ${uuid} ${roles.join(',')}`),
    createSystemAccount: async (a: { name: string }) => (
      calls.push(`create ${a.name}`),
      { uuid: `uuid-${a.name}` }
    ),
    updateUser: async (u: { active: boolean }) => (calls.push('updateUser'), { active: u.active }),
    deleteUser: async () => void calls.push('deleteUser'),
    addTeamMember: async () => void calls.push('addTeamMember'),
    removeTeamMember: async () => void calls.push('removeTeamMember'),
    getUser: async (uuid: string): Promise<ApiUser> => (
      calls.push(`getUser ${uuid}`),
      {
        uuid,
        name: uuid,
        active: true,
        type: 1,
        roles: [{ uuid: 'role-cicd', name: 'CI/CD', permissions: [] }],
        teams: [],
      }
    ),
  };
  return { calls, port: port as unknown as ApplyPort };
}

describe('apply orders role steps around account steps', () => {
  const file = yaml(
    `${deployer}    permissions: [deployment_and_release:record:*]\n`,
    '  - name: ci-a\n    roles: [Deployer]\n  - name: ci-new\n    roles: [Deployer]\n',
    'policy:\n  unmanagedRoles: delete\n  limits: {maxDeletes: 1}\n',
  );
  const live = {
    accounts: [{ name: 'ci-a', roles: ['Reporter'] }],
    roles: [REPORTER],
    people: { [customRoleUuid('Reporter')]: 0 },
  };

  it('creates and updates roles first, resolves new roles by name, deletes roles last', async () => {
    const plan = planFor(file, live);
    expect(plan.roleChanges.map(roleLine)).toEqual(['create role Deployer', 'delete role Reporter [delete]']);
    const { calls, port } = recordingPort();
    const result = await executePlan(plan, port, { concurrency: 1 });
    expect(calls).toEqual([
      'createRole Deployer',
      'setRoles uuid-ci-a uuid-of-Deployer',
      'create ci-new',
      'getUser uuid-ci-new',
      'setRoles uuid-ci-new uuid-of-Deployer',
      `deleteRole ${customRoleUuid('Reporter')}`,
    ]);
    expect(result.outcomes.map((o) => `${o.kind ?? 'account'} ${o.account}: ${o.status}`)).toEqual([
      'role Deployer: done',
      'account ci-a: done',
      'account ci-new: done',
      'role Reporter: done',
    ]);
  });

  it('a failed role create stops the accounts that need it, and no role is deleted after a failure', async () => {
    const plan = planFor(file, live);
    const { calls, port } = recordingPort('Deployer');
    const result = await executePlan(plan, port, { concurrency: 1 });
    expect(calls).toEqual(['createRole Deployer', 'create ci-new', 'getUser uuid-ci-new']);
    expect(result.outcomes.map((o) => o.message)).toEqual([
      'role Deployer failed to be created: 400 unknown scope',
      'account ci-a failed at its set-roles step: role "Deployer" was not created, so it cannot be assigned',
      'account ci-new was created, then failed at its reconcile step: role "Deployer" was not created, so it cannot be assigned',
      'role Reporter was not started (an account change before it did not finish)',
    ]);
  });
});

describe('a saved plan’s role deletes are checked again at apply time', () => {
  const file = yaml('', '  []', 'policy:\n  unmanagedRoles: delete\n  limits: {maxDeletes: 1}\n');
  const people = { [customRoleUuid('Deployer')]: 0 };
  const plan = planFor(file, { accounts: [{ name: 'ci-a' }], roles: [DEPLOYER], people });
  const roleDeletesInUse = (live: LiveState) =>
    checkGuards(plan, guardContext(live, desiredFrom(file).policy)).refusals;

  it('passes when nobody took the role up since', () => {
    const live = liveState([{ name: 'ci-a' }], undefined, {
      customRoles: [DEPLOYER],
      humanRoleHolders: people,
    });
    expect(roleDeletesInUse(live)).toEqual([]);
  });

  it.each([
    ['an account', [{ name: 'ci-a', roles: ['Deployer'] }], people, 'still held by system account "ci-a"'],
    ['a person', [{ name: 'ci-a' }], { [customRoleUuid('Deployer')]: 1 }, 'still held by 1 person'],
  ] as [string, AccountSketch[], Record<string, number>, string][])(
    'refuses when %s holds it now',
    (_, accounts, holders, message) => {
      const live = liveState(accounts, undefined, { customRoles: [DEPLOYER], humanRoleHolders: holders });
      const refusals = roleDeletesInUse(live);
      expect(refusals.map((r) => `${r.account}: ${r.guard}`)).toEqual(['role "Deployer": role-in-use']);
      expect(refusals[0]!.message).toContain(message);
    },
  );
});

describe('a saved plan’s role changes must be what the file asks for now', () => {
  it('refuses a role change the file does not ask for', () => {
    const file = yaml(`${deployer}    permissions: [deployment_and_release:record:*]\n`);
    const plan = planFor(file, { accounts: [], roles: [] });
    expect(
      findEditedChanges(plan.changes, plan.changes, { saved: plan.roleChanges, fresh: plan.roleChanges }),
    ).toEqual([]);
    const tampered = structuredClone(plan.roleChanges);
    tampered[0]!.steps = [
      { kind: 'create-role', role: { name: 'Deployer', permissions: ['user:manage:*'] } },
    ];
    expect(
      findEditedChanges(plan.changes, plan.changes, { saved: tampered, fresh: plan.roleChanges }),
    ).toEqual([{ name: 'role Deployer', reason: 'is not what the desired file asks for' }]);
  });
});
