import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/plan/compute.js';
import type { Change, Plan, Step } from '../../src/plan/types.js';
import type { AccountSketch } from '../helpers/states.js';
import { desiredFrom, liveState } from '../helpers/states.js';

const OPTIONS = { baseUrl: 'https://acme.pactflow.io', generator: 'pactflow-accounts test' };

function step(s: Step): string {
  switch (s.kind) {
    case 'create':
      return s.email ? `create(${s.email})` : 'create';
    case 'rename':
      return `rename→${s.name}`;
    case 'set-email':
      return `email→${s.email}`;
    case 'set-roles':
      return `roles=[${s.roles.map((r) => r.name).join(',')}]`;
    case 'add-team':
      return `+team:${s.team.name}`;
    case 'remove-team':
      return `-team:${s.team.name}`;
    case 'reconcile': {
      const parts = [
        s.spec.roles ? `roles=[${s.spec.roles.map((r) => r.name).join(',')}]` : '',
        s.spec.admin !== undefined ? `admin=${s.spec.admin}` : '',
        s.spec.teams ? `teams=[${s.spec.teams.map((t) => t.name).join(',')}]` : '',
      ];
      return `reconcile(${parts.filter(Boolean).join(' ')})`;
    }
    default:
      return s.kind;
  }
}

const describeChange = (c: Change) =>
  `${c.action} ${c.account}: ${c.steps.map(step).join(', ')}${c.risks.length ? ` [${c.risks.join(',')}]` : ''}${c.refused ? ` ⛔${c.refused.guard}` : ''}${c.origin === 'unmanaged' ? ' (unmanaged)' : ''}`;

interface Expect {
  changes: string[];
  unmanaged?: string[];
  exceeded?: string[];
  unchanged?: number;
  outOfScope?: number;
}

const HEAD = 'version: 1\n';
const yaml = (accounts: string, extra = '') => `${HEAD}${extra}systemAccounts:\n${accounts}`;

type Case = [name: string, file: string, live: AccountSketch[], expected: Expect];

const CASES: Case[] = [
  ['empty file, empty organization', `${HEAD}systemAccounts: []\n`, [], { changes: [], unchanged: 0 }],
  [
    'empty file: every live account is listed as unmanaged',
    `${HEAD}systemAccounts: []\n`,
    [{ name: 'ci-a' }, { name: 'ci-b', active: false }],
    { changes: [], unmanaged: ['ci-a:ignore', 'ci-b:ignore'] },
  ],
  ['create', yaml('  - name: ci-new\n'), [], { changes: ['create ci-new: create'] }],
  [
    'create with email',
    yaml('  - name: ci-new\n    email: n@example.com\n'),
    [],
    { changes: ['create ci-new: create(n@example.com)'] },
  ],
  [
    'create with roles',
    yaml('  - name: ci-new\n    roles: [Read-Only]\n'),
    [],
    { changes: ['create ci-new: create, reconcile(roles=[Read-Only])'] },
  ],
  [
    'create as admin counts as an admin change',
    yaml('  - name: ci-new\n    admin: true\n'),
    [],
    { changes: ['create ci-new: create, reconcile(admin=true) [admin-grant,privilege-gain]'] },
  ],
  [
    'create disabled does not count as a disable',
    yaml('  - name: ci-new\n    state: disabled\n'),
    [],
    { changes: ['create ci-new: create, disable'] },
  ],
  [
    'create with teams',
    yaml('  - name: ci-new\n    teams: [Payments]\n'),
    [],
    { changes: ['create ci-new: create, reconcile(teams=[Payments])'] },
  ],
  [
    'create with default roles and teams',
    yaml('  - name: ci-new\n', 'defaults:\n  roles: [CI/CD]\n  teams: [Orders]\n'),
    [],
    { changes: ['create ci-new: create, reconcile(roles=[CI/CD] teams=[Orders])'] },
  ],
  [
    'an account deleted out of band is created again',
    yaml('  - name: ci-gone\n    roles: [CI/CD]\n'),
    [{ name: 'ci-other' }],
    { changes: ['create ci-gone: create, reconcile(roles=[CI/CD])'], unmanaged: ['ci-other:ignore'] },
  ],
  [
    'unchanged',
    yaml('  - name: ci-a\n    roles: [CI/CD]\n'),
    [{ name: 'ci-a' }],
    { changes: [], unchanged: 1 },
  ],
  [
    'roles replaced',
    yaml('  - name: ci-a\n    roles: [Read-Only]\n'),
    [{ name: 'ci-a' }],
    { changes: ['update ci-a: roles=[Read-Only]'] },
  ],
  [
    'role order and case do not matter',
    yaml('  - name: ci-a\n    roles: [read-only, ci/cd]\n'),
    [{ name: 'ci-a', roles: ['CI/CD', 'Read-Only'] }],
    { changes: [], unchanged: 1 },
  ],
  [
    'roles omitted are not managed',
    yaml('  - name: ci-a\n'),
    [{ name: 'ci-a', roles: ['Viewer', 'Read-Only'] }],
    { changes: [], unchanged: 1 },
  ],
  [
    'admin: true grants Administrator and keeps the listed roles',
    yaml('  - name: ci-a\n    admin: true\n    roles: [CI/CD]\n'),
    [{ name: 'ci-a' }],
    { changes: ['update ci-a: roles=[Administrator,CI/CD] [admin-grant,privilege-gain]'] },
  ],
  [
    'admin: false revokes it',
    yaml('  - name: ci-a\n    admin: false\n'),
    [{ name: 'ci-a', roles: ['Administrator', 'CI/CD'] }],
    { changes: ['update ci-a: roles=[CI/CD] [admin-revoke]'] },
  ],
  [
    'admin alone leaves other roles as they are',
    yaml('  - name: ci-a\n    admin: true\n'),
    [{ name: 'ci-a', roles: ['Viewer'] }],
    { changes: ['update ci-a: roles=[Administrator,Viewer] [admin-grant,privilege-gain]'] },
  ],
  [
    'roles are exact: an unlisted Administrator is revoked',
    yaml('  - name: ci-a\n    roles: [CI/CD]\n'),
    [{ name: 'ci-a', roles: ['Administrator', 'CI/CD'] }],
    { changes: ['update ci-a: roles=[CI/CD] [admin-revoke]'] },
  ],
  [
    'Administrator listed in roles means admin',
    yaml('  - name: ci-a\n    roles: [CI/CD, Administrator]\n'),
    [{ name: 'ci-a', roles: ['Administrator', 'CI/CD'] }],
    { changes: [], unchanged: 1 },
  ],
  [
    'the server-managed Team Administrator role is never compared',
    yaml('  - name: ci-a\n    roles: [CI/CD]\n'),
    [{ name: 'ci-a', roles: ['CI/CD', 'Team Administrator'] }],
    { changes: [], unchanged: 1 },
  ],
  [
    'a role change keeps Team Administrator out of the role set',
    yaml('  - name: ci-a\n    roles: [Viewer]\n'),
    [{ name: 'ci-a', roles: ['CI/CD', 'Team Administrator'] }],
    { changes: ['update ci-a: roles=[Viewer]'] },
  ],
  [
    'team added',
    yaml('  - name: ci-a\n    teams: [Payments, Orders]\n'),
    [{ name: 'ci-a', teams: ['Payments'] }],
    { changes: ['update ci-a: +team:Orders'] },
  ],
  [
    'team removed, this account only',
    yaml('  - name: ci-a\n    teams: []\n'),
    [{ name: 'ci-a', teams: ['Payments'] }],
    { changes: ['update ci-a: -team:Payments'] },
  ],
  [
    'team names are compared case-insensitively',
    yaml('  - name: ci-a\n    teams: [payments]\n'),
    [{ name: 'ci-a', teams: ['Payments'] }],
    { changes: [], unchanged: 1 },
  ],
  [
    'teams omitted are not managed',
    yaml('  - name: ci-a\n'),
    [{ name: 'ci-a', teams: ['Orders', 'Default'] }],
    { changes: [], unchanged: 1 },
  ],
  [
    'a server-added default team is removed when teams are managed',
    yaml('  - name: ci-a\n    teams: [Payments]\n'),
    [{ name: 'ci-a', teams: ['Payments', 'Default'] }],
    { changes: ['update ci-a: -team:Default'] },
  ],
  [
    'email changed',
    yaml('  - name: ci-a\n    email: new@example.com\n'),
    [{ name: 'ci-a', email: 'old@example.com' }],
    { changes: ['update ci-a: email→new@example.com'] },
  ],
  [
    'email omitted is not managed',
    yaml('  - name: ci-a\n'),
    [{ name: 'ci-a', email: 'old@example.com' }],
    { changes: [], unchanged: 1 },
  ],
  [
    'enable',
    yaml('  - name: ci-a\n'),
    [{ name: 'ci-a', active: false }],
    { changes: ['enable ci-a: enable'] },
  ],
  [
    'disable',
    yaml('  - name: ci-a\n    state: disabled\n'),
    [{ name: 'ci-a' }],
    { changes: ['disable ci-a: disable [disable]'] },
  ],
  [
    'disabled stays disabled',
    yaml('  - name: ci-a\n    state: disabled\n'),
    [{ name: 'ci-a', active: false }],
    { changes: [], unchanged: 1 },
  ],
  [
    'delete',
    yaml('  - name: ci-a\n    state: deleted\n', 'policy:\n  limits: {maxDeletes: 1}\n'),
    [{ name: 'ci-a' }],
    { changes: ['delete ci-a: delete [delete]'] },
  ],
  [
    'delete of an account already gone is nothing',
    yaml('  - name: ci-a\n    state: deleted\n'),
    [],
    { changes: [], unchanged: 1 },
  ],
  [
    'delete over maxDeletes 0 is refused',
    yaml('  - name: ci-a\n    state: deleted\n'),
    [{ name: 'ci-a' }],
    { changes: ['delete ci-a: delete [delete]'], exceeded: ['maxDeletes'] },
  ],
  [
    'rename via previousNames keeps the account',
    yaml('  - name: ci-new\n    previousNames: [ci-old]\n'),
    [{ name: 'ci-old' }],
    { changes: ['rename ci-new: rename→ci-new'] },
  ],
  [
    'rename with no candidate creates',
    yaml('  - name: ci-new\n    previousNames: [ci-old]\n'),
    [],
    { changes: ['create ci-new: create'] },
  ],
  [
    "a case-only difference renames to the file's spelling",
    yaml('  - name: CI-Payments\n'),
    [{ name: 'ci-payments' }],
    { changes: ['rename CI-Payments: rename→CI-Payments'] },
  ],
  [
    'rename plus other changes is named a rename',
    yaml('  - name: ci-new\n    previousNames: [ci-old]\n    roles: [Viewer]\n    state: disabled\n'),
    [{ name: 'ci-old' }],
    { changes: ['rename ci-new: rename→ci-new, roles=[Viewer], disable [disable]'] },
  ],
  [
    'the current name wins over a previous one; the old account is unmanaged',
    yaml('  - name: ci-new\n    previousNames: [ci-old]\n'),
    [{ name: 'ci-new' }, { name: 'ci-old' }],
    { changes: [], unchanged: 1, unmanaged: ['ci-old:ignore'] },
  ],
  [
    'unmanaged: disable',
    yaml('  - name: ci-a\n', 'policy:\n  unmanaged: disable\n'),
    [{ name: 'ci-a' }, { name: 'ci-x' }],
    { changes: ['disable ci-x: disable [disable] (unmanaged)'], unchanged: 1, unmanaged: ['ci-x:disable'] },
  ],
  [
    'unmanaged: disable leaves disabled ones listed',
    yaml('  - name: ci-a\n', 'policy:\n  unmanaged: disable\n'),
    [{ name: 'ci-a' }, { name: 'ci-x', active: false }],
    { changes: [], unchanged: 1, unmanaged: ['ci-x:already-disabled'] },
  ],
  [
    'unmanaged: delete within the limit',
    yaml('  - name: ci-a\n', 'policy:\n  unmanaged: delete\n  limits: {maxDeletes: 5}\n'),
    [{ name: 'ci-a' }, { name: 'ci-x' }],
    { changes: ['delete ci-x: delete [delete] (unmanaged)'], unchanged: 1, unmanaged: ['ci-x:delete'] },
  ],
  [
    'unmanaged: delete over the default limit of 0',
    `${HEAD}policy:\n  unmanaged: delete\nsystemAccounts: []\n`,
    [{ name: 'ci-x' }, { name: 'ci-y' }],
    {
      changes: ['delete ci-x: delete [delete] (unmanaged)', 'delete ci-y: delete [delete] (unmanaged)'],
      unmanaged: ['ci-x:delete', 'ci-y:delete'],
      exceeded: ['maxDeletes'],
    },
  ],
  [
    'accounts outside the scope are left out',
    yaml(
      '  - name: ci-a\n',
      'policy:\n  unmanaged: delete\n  scope:\n    include: ["ci-*"]\n    exclude: ["ci-legacy-*"]\n',
    ),
    [{ name: 'ci-a' }, { name: 'ci-legacy-1' }, { name: 'deploy-bot' }],
    { changes: [], unchanged: 1, outOfScope: 2 },
  ],
  [
    'a protected unmanaged account is listed, never changed',
    yaml('  - name: ci-a\n', 'policy:\n  unmanaged: delete\n  protected: [break-glass]\n'),
    [{ name: 'ci-a' }, { name: 'break-glass', roles: ['Administrator'] }],
    { changes: [], unchanged: 1, unmanaged: ['break-glass:protected'] },
  ],
  [
    'a change to a protected account is refused',
    yaml('  - name: break-glass\n    state: disabled\n', 'policy:\n  protected: [Break-Glass]\n'),
    [{ name: 'break-glass' }],
    { changes: ['disable break-glass: disable [disable] ⛔protected'] },
  ],
  [
    'renaming a protected account is refused',
    yaml('  - name: ci-new\n    previousNames: [keep-me]\n', 'policy:\n  protected: [keep-me]\n'),
    [{ name: 'keep-me' }],
    { changes: ['rename ci-new: rename→ci-new ⛔protected'] },
  ],
  [
    'too many disables',
    yaml(
      '  - {name: ci-a, state: disabled}\n  - {name: ci-b, state: disabled}\n',
      'policy:\n  limits: {maxDisables: 1}\n',
    ),
    [{ name: 'ci-a' }, { name: 'ci-b' }],
    {
      changes: ['disable ci-a: disable [disable]', 'disable ci-b: disable [disable]'],
      exceeded: ['maxDisables'],
    },
  ],
  [
    'too many admin changes',
    yaml('  - {name: ci-a, admin: true}\n  - {name: ci-b, admin: false}\n'),
    [{ name: 'ci-a' }, { name: 'ci-b', roles: ['Administrator'] }],
    {
      changes: [
        'update ci-a: roles=[Administrator,CI/CD] [admin-grant,privilege-gain]',
        'update ci-b: roles=[] [admin-revoke]',
      ],
      exceeded: ['maxAdminChanges'],
    },
  ],
];

function summarize(plan: Plan) {
  return {
    changes: plan.changes.map(describeChange),
    unmanaged: plan.unmanaged.map((u) => `${u.name}:${u.disposition}`),
    exceeded: plan.guards.exceeded,
    unchanged: plan.summary.unchanged,
    outOfScope: plan.summary.outOfScope,
  };
}

describe('computePlan', () => {
  it.each(CASES)('%s', (_, file, live, expected) => {
    const { plan, diagnostics } = computePlan(desiredFrom(file), liveState(live), OPTIONS);
    expect(diagnostics).toEqual([]);
    const got = summarize(plan!);
    expect(got.changes).toEqual(expected.changes);
    expect(got.unmanaged).toEqual(expected.unmanaged ?? []);
    expect(got.exceeded).toEqual(expected.exceeded ?? []);
    if (expected.unchanged !== undefined) expect(got.unchanged).toBe(expected.unchanged);
    if (expected.outOfScope !== undefined) expect(got.outOfScope).toBe(expected.outOfScope);
    expect(plan!.guards.ok).toBe(
      (expected.exceeded ?? []).length === 0 && !got.changes.some((c) => c.includes('⛔')),
    );
  });

  it('has at least 40 table cases', () => expect(CASES.length).toBeGreaterThanOrEqual(40));
});

describe('plan errors point at the file', () => {
  it.each([
    [
      'unknown role with a suggestion',
      yaml('  - name: ci-a\n    roles: [CI-CD]\n'),
      [],
      'accounts.yaml:4:13: systemAccounts[0].roles[0]: unknown role "CI-CD" (did you mean "CI/CD"?)',
    ],
    [
      'unknown team',
      yaml('  - name: ci-a\n    teams: [Paymnts]\n'),
      [],
      'accounts.yaml:4:13: systemAccounts[0].teams[0]: unknown team "Paymnts" (did you mean "Payments"?)',
    ],
    [
      'unknown default role, once however many accounts take it',
      yaml('  - name: ci-a\n  - name: ci-b\n  - name: ci-c\n', 'defaults:\n  roles: [Reader]\n'),
      [],
      'accounts.yaml:3:11: defaults.roles[0]: unknown role "Reader"',
    ],
    [
      'unknown default team, once however many accounts take it',
      yaml('  - name: ci-a\n  - name: ci-b\n', 'defaults:\n  teams: [Nowhere]\n'),
      [],
      'accounts.yaml:3:11: defaults.teams[0]: unknown team "Nowhere"',
    ],
    [
      'two rename candidates',
      yaml('  - name: ci-new\n    previousNames: [ci-old-1, ci-old-2]\n'),
      [{ name: 'ci-old-1' }, { name: 'ci-old-2' }],
      'accounts.yaml:3:5: systemAccounts[0]: 2 live accounts match previousNames of "ci-new": "ci-old-1", "ci-old-2"',
    ],
  ] as [string, string, AccountSketch[], string][])('%s', (_, file, live, message) => {
    const { plan, diagnostics } = computePlan(desiredFrom(file), liveState(live), OPTIONS);
    expect(plan).toBeUndefined();
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.summary}`)).toEqual([message]);
  });
});

it('an unknown name in two entries of their own is reported at each', () => {
  const file = yaml('  - name: ci-a\n    roles: [Reader]\n  - name: ci-b\n    roles: [Reader]\n');
  const { diagnostics } = computePlan(desiredFrom(file), liveState([]), OPTIONS);
  expect(diagnostics.map((d) => `${d.line}:${d.column}: ${d.summary}`)).toEqual([
    '4:13: systemAccounts[0].roles[0]: unknown role "Reader"',
    '6:13: systemAccounts[1].roles[0]: unknown role "Reader"',
  ]);
});

// The file's rules refuse Team Administrator offline (validate); planning still refuses it.
it('planning refuses Team Administrator in a role list that got past the file rules', () => {
  const desired = desiredFrom(yaml('  - name: ci-a\n    roles: [Read-Only]\n'));
  desired.accounts[0]!.roles = ['Team Administrator'];
  const { plan, diagnostics } = computePlan(desired, liveState([]), OPTIONS);
  expect(plan).toBeUndefined();
  expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.summary}`)).toEqual([
    'accounts.yaml:4:13: systemAccounts[0].roles[0]: role "Team Administrator" cannot be assigned',
  ]);
});

describe('self-lockout', () => {
  const ci = {
    name: 'ci-deployer',
    uuid: 'uuid-ci-deployer',
    roles: ['Administrator', 'CI/CD'],
  } as AccountSketch;
  it.each([
    [
      'disabling the token owner',
      yaml('  - name: ci-deployer\n    state: disabled\n'),
      'never changes the account it runs as',
    ],
    [
      'deleting the token owner',
      yaml('  - name: ci-deployer\n    state: deleted\n', 'policy:\n  limits: {maxDeletes: 1}\n'),
      'never changes the account it runs as',
    ],
    [
      'deleting it as unmanaged',
      `${HEAD}policy:\n  unmanaged: delete\n  limits: {maxDeletes: 1}\nsystemAccounts: []\n`,
      'never changes the account it runs as',
    ],
    [
      'removing its Administrator role',
      yaml('  - name: ci-deployer\n    admin: false\n', 'policy:\n  limits: {maxAdminChanges: 1}\n'),
      'never changes the account it runs as',
    ],
    [
      'changing its roles at all',
      yaml('  - name: ci-deployer\n    roles: [Administrator, CI/CD, Viewer]\n'),
      'never changes the account it runs as',
    ],
  ])('refuses %s', (_, file, message) => {
    const { plan } = computePlan(desiredFrom(file), liveState([ci], ci), OPTIONS);
    expect(plan!.changes).toHaveLength(1);
    expect(plan!.changes[0]!.refused?.guard).toBe('self-lockout');
    expect(plan!.changes[0]!.refused?.message).toContain(message);
    expect(plan!.guards.ok).toBe(false);
  });

  it.each([
    ['an email change', '  - name: ci-deployer\n    email: d@example.com\n'],
    ['a rename', '  - name: ci-deployer-2\n    previousNames: [ci-deployer]\n'],
    ['a team change', '  - name: ci-deployer\n    teams: [Payments]\n'],
  ])('refuses any change to the token owner: %s', (_, entry) => {
    const { plan } = computePlan(desiredFrom(yaml(entry)), liveState([ci], ci), OPTIONS);
    expect(plan!.changes[0]!.refused?.guard).toBe('self-lockout');
    expect(plan!.guards.ok).toBe(false);
  });
});

describe('targets and determinism', () => {
  const file = yaml(
    '  - {name: ci-a, roles: [Viewer]}\n  - {name: ci-b, roles: [Viewer]}\n  - {name: ci-c, state: disabled}\n',
  );
  const live: AccountSketch[] = [{ name: 'ci-c' }, { name: 'ci-a' }, { name: 'ci-b' }, { name: 'ci-x' }];

  it('--target plans only the named accounts', () => {
    const { plan } = computePlan(desiredFrom(file), liveState(live), { ...OPTIONS, targets: ['CI-B'] });
    expect(plan!.changes.map(describeChange)).toEqual(['update ci-b: roles=[Viewer]']);
    expect(plan!.unmanaged).toEqual([]);
    expect(plan!.targets).toEqual(['CI-B']);
  });

  it('the same inputs give a byte-identical plan, whatever the order of live accounts', () => {
    const a = JSON.stringify(computePlan(desiredFrom(file), liveState(live), OPTIONS).plan);
    const b = JSON.stringify(computePlan(desiredFrom(file), liveState([...live].reverse()), OPTIONS).plan);
    expect(b).toBe(a);
    expect(JSON.parse(a).changes.map((c: Change) => c.account)).toEqual(['ci-a', 'ci-b', 'ci-c']);
  });

  it('records before and after of every field it touches', () => {
    const { plan } = computePlan(
      desiredFrom(
        yaml(
          '  - name: ci-new\n    previousNames: [ci-old]\n    email: n@example.com\n    admin: true\n    roles: [Viewer]\n    teams: [Orders]\n    state: disabled\n',
        ),
      ),
      liveState([{ name: 'ci-old', email: 'o@example.com', teams: ['Payments'] }]),
      OPTIONS,
    );
    const change = plan!.changes[0]!;
    expect(change.before).toEqual({
      name: 'ci-old',
      email: 'o@example.com',
      admin: false,
      roles: ['CI/CD'],
      teams: ['Payments'],
      state: 'enabled',
    });
    expect(change.after).toEqual({
      name: 'ci-new',
      email: 'n@example.com',
      admin: true,
      roles: ['Viewer'],
      teams: ['Orders'],
      state: 'disabled',
    });
    expect(change.steps.map(step)).toEqual([
      'rename→ci-new',
      'email→n@example.com',
      'roles=[Administrator,Viewer]',
      '+team:Orders',
      '-team:Payments',
      'disable',
    ]);
  });
});
