import { describe, expect, it } from 'vitest';
import type { AccountsFile } from './types.js';
import { SEMANTIC_RULES } from './rules.js';

type Case = [description: string, file: Partial<AccountsFile>, expected: string[]];
const accounts = (...systemAccounts: AccountsFile['systemAccounts']) => ({
  version: 1 as const,
  systemAccounts,
});

const roles = (...list: NonNullable<AccountsFile['roles']>) => ({ ...accounts(), roles: list });

/** Each rule on its own: the summaries it produces for a file (empty when the file is fine). */
const TABLES: Record<keyof typeof SEMANTIC_RULES, Case[]> = {
  'empty-name': [
    ['a normal name', accounts({ name: 'ci-a' }), []],
    ['empty', accounts({ name: '' }), ['account name is empty']],
    ['blank', accounts({ name: '   ' }), ['account name is empty']],
    ['trailing space', accounts({ name: 'ci-a ' }), ['account name "ci-a " has leading or trailing spaces']],
  ],
  'duplicate-name': [
    ['distinct', accounts({ name: 'ci-a' }, { name: 'ci-b' }), []],
    [
      'same name',
      accounts({ name: 'ci-a' }, { name: 'ci-a' }),
      [
        'duplicate account name "ci-a" (also systemAccounts[0] "ci-a"; names are compared ignoring case and Unicode normalization)',
      ],
    ],
    [
      'differs by case',
      accounts({ name: 'ci-a' }, { name: 'CI-A' }),
      [
        'duplicate account name "CI-A" (also systemAccounts[0] "ci-a"; names are compared ignoring case and Unicode normalization)',
      ],
    ],
    [
      'differs by Unicode normalization only',
      accounts({ name: 'ci-caf\u00e9' }, { name: 'ci-cafe\u0301' }),
      [
        'duplicate account name "ci-cafe\\u0301" (also systemAccounts[0] "ci-caf\\u00e9"; names are compared ignoring case and Unicode normalization)',
      ],
    ],
    [
      'a Kelvin sign and a K',
      accounts({ name: 'ci-keys' }, { name: 'ci-\u212Aeys' }),
      [
        'duplicate account name "ci-\\u212aeys" (also systemAccounts[0] "ci-keys"; names are compared ignoring case and Unicode normalization)',
      ],
    ],
  ],
  'previous-name-conflict': [
    ['a free previous name', accounts({ name: 'ci-a', previousNames: ['old-a'] }), []],
    [
      'own name',
      accounts({ name: 'ci-a', previousNames: ['CI-A'] }),
      ['previous name "CI-A" is the account\'s own name'],
    ],
    [
      'another account',
      accounts({ name: 'ci-a' }, { name: 'ci-b', previousNames: ['ci-a'] }),
      ['previous name "ci-a" is the name of systemAccounts[0]'],
    ],
    [
      'claimed twice',
      accounts({ name: 'ci-a', previousNames: ['old'] }, { name: 'ci-b', previousNames: ['OLD'] }),
      ['previous name "OLD" is listed twice (also systemAccounts[0].previousNames[0])'],
    ],
  ],
  'admin-conflict': [
    ['admin true with Administrator', accounts({ name: 'ci-a', admin: true, roles: ['Administrator'] }), []],
    ['admin false without it', accounts({ name: 'ci-a', admin: false, roles: ['CI/CD'] }), []],
    [
      'admin false with it',
      accounts({ name: 'ci-a', admin: false, roles: ['administrator'] }),
      ['"Administrator" in roles contradicts admin: false'],
    ],
  ],
  'duplicate-list-entry': [
    ['distinct roles', accounts({ name: 'ci-a', roles: ['CI/CD', 'Read-Only'] }), []],
    [
      'repeated role',
      accounts({ name: 'ci-a', roles: ['CI/CD', 'ci/cd'] }),
      ['"ci/cd" is listed twice in systemAccounts[0].roles (also [0])'],
    ],
    [
      'repeated team',
      accounts({ name: 'ci-a', teams: ['A', 'B', 'a'] }),
      ['"a" is listed twice in systemAccounts[0].teams (also [0])'],
    ],
    [
      'repeated default',
      { ...accounts(), defaults: { roles: ['X', 'X'] } },
      ['"X" is listed twice in defaults.roles (also [0])'],
    ],
    [
      'repeated protected',
      { ...accounts(), policy: { protected: ['p', 'P'] } },
      ['"P" is listed twice in policy.protected (also [0])'],
    ],
    [
      'repeated scope in a role',
      roles({ name: 'R', permissions: ['user:invite', 'user:invite'] }),
      ['"user:invite" is listed twice in roles[0].permissions (also [0])'],
    ],
  ],
  'built-in-role-defined': [
    ['a custom name', roles({ name: 'Deployer', permissions: [] }), []],
    [
      'a built-in name in another case',
      roles({ name: 'read-only', permissions: [] }),
      ['"read-only" is a built-in PactFlow role and cannot be defined here'],
    ],
    [
      'Administrator',
      roles({ name: 'Administrator', permissions: ['user:invite'] }),
      ['"Administrator" is a built-in PactFlow role and cannot be defined here'],
    ],
  ],
  'role-name': [
    ['distinct', roles({ name: 'A', permissions: [] }, { name: 'B', permissions: [] }), []],
    [
      'differs by case',
      roles({ name: 'Deployer', permissions: [] }, { name: 'DEPLOYER', permissions: [] }),
      ['duplicate role name "DEPLOYER" (also roles[0]; names are compared case-insensitively)'],
    ],
    [
      'spaces',
      roles({ name: ' Deployer', permissions: [] }),
      ['role name " Deployer" has leading or trailing spaces'],
    ],
  ],
  'server-managed-role': [
    ['assignable roles', accounts({ name: 'ci-a', roles: ['CI/CD', 'Team Admin'] }), []],
    [
      'Team Administrator in an account and in defaults, any case',
      {
        ...accounts({ name: 'ci-a', roles: ['CI/CD', 'team administrator'] }),
        defaults: { roles: ['Team Administrator'] },
      },
      ['role "Team Administrator" cannot be assigned', 'role "team administrator" cannot be assigned'],
    ],
  ],
  'invalid-scope': [
    [
      'well-formed scopes',
      roles({
        name: 'R',
        permissions: ['contract_data:manage:team', 'user:invite', 'ai:*', 'team:manage:abc-123'],
      }),
      [],
    ],
    [
      'malformed ones',
      roles({
        name: 'R',
        permissions: ['contract_data', 'Contract_Data:read:*', 'a:b:c:d', 'team:manage: x'],
      }),
      [
        '"contract_data" is not a permission scope',
        '"Contract_Data:read:*" is not a permission scope',
        '"a:b:c:d" is not a permission scope',
        '"team:manage: x" is not a permission scope',
      ],
    ],
  ],
  'glob-spaces': [
    ['trimmed', { ...accounts(), policy: { protected: ['ci-*'], scope: { include: ['*'] } } }, []],
    [
      'spaces in protected and in scope',
      { ...accounts(), policy: { protected: ['ci-admin '], scope: { include: [' ci-*'], exclude: ['x'] } } },
      [
        'pattern "ci-admin " has leading or trailing spaces, so it can never match an account name',
        'pattern " ci-*" has leading or trailing spaces, so it can never match an account name',
      ],
    ],
  ],
  'protected-delete': [
    ['protected, kept', { ...accounts({ name: 'ci-a' }), policy: { protected: ['ci-a'] } }, []],
    ['unprotected, deleted', accounts({ name: 'ci-a', state: 'deleted' }), []],
    [
      'protected, deleted',
      { ...accounts({ name: 'ci-a', state: 'deleted' }), policy: { protected: ['CI-A'] } },
      ['"ci-a" is protected and cannot be deleted'],
    ],
    [
      'protected by a glob, deleted',
      { ...accounts({ name: 'break-glass-1', state: 'deleted' }), policy: { protected: ['Break-Glass-*'] } },
      ['"break-glass-1" is protected and cannot be deleted'],
    ],
  ],
  'role-near-miss': [
    ['built-in roles', accounts({ name: 'ci-a', roles: ['CI/CD', 'administrator', 'Read-Only'] }), []],
    ['the server-managed role', accounts({ name: 'ci-a', roles: ['Team Administrator'] }), []],
    [
      'a custom role far from any built-in one',
      accounts({ name: 'ci-a', roles: ['Contract Publisher'] }),
      [],
    ],
    [
      'punctuation and a typo',
      accounts({ name: 'ci-a', roles: ['CI-CD', 'Adminstrator'] }),
      [
        'role "CI-CD" is not a built-in role (did you mean "CI/CD"?)',
        'role "Adminstrator" is not a built-in role (did you mean "Administrator"?)',
      ],
    ],
    [
      'in defaults',
      { ...accounts({ name: 'ci-a' }), defaults: { roles: ['read-only ', 'ReadOnly'] } },
      [
        'role "read-only " is not a built-in role (did you mean "Read-Only"?)',
        'role "ReadOnly" is not a built-in role (did you mean "Read-Only"?)',
      ],
    ],
  ],
  'invalid-email': [
    ['valid', accounts({ name: 'ci-a', email: 'ci@example.com' }), []],
    ['no at', accounts({ name: 'ci-a', email: 'ci.example.com' }), ['invalid email "ci.example.com"']],
    ['no domain dot', accounts({ name: 'ci-a', email: 'ci@localhost' }), ['invalid email "ci@localhost"']],
    ['spaces', accounts({ name: 'ci-a', email: 'c i@example.com' }), ['invalid email "c i@example.com"']],
  ],
  'glob-never-matches': [
    [
      'overlapping',
      { ...accounts(), policy: { scope: { include: ['ci-*'], exclude: ['ci-legacy-*'] } } },
      [],
    ],
    [
      'excluded by star',
      { ...accounts(), policy: { scope: { include: ['ci-*'], exclude: ['*'] } } },
      ['include glob "ci-*" can never match: exclude glob "*" removes every name it matches'],
    ],
    [
      'excluded by a wider prefix',
      { ...accounts(), policy: { scope: { include: ['ci-pay*'], exclude: ['ci-*'] } } },
      ['include glob "ci-pay*" can never match: exclude glob "ci-*" removes every name it matches'],
    ],
    [
      'exclude outside include',
      { ...accounts(), policy: { scope: { include: ['ci-*'], exclude: ['bot-*'] } } },
      ['exclude glob "bot-*" can never match: no include glob matches the names it would exclude'],
    ],
    ['exclude alone', { ...accounts(), policy: { scope: { exclude: ['bot-*'] } } }, []],
  ],
  'outside-scope': [
    ['no scope', accounts({ name: 'anything' }), []],
    ['inside', { ...accounts({ name: 'ci-a' }), policy: { scope: { include: ['ci-*'] } } }, []],
    [
      'not included',
      { ...accounts({ name: 'bot-a' }), policy: { scope: { include: ['ci-*'] } } },
      ['"bot-a" is outside policy.scope'],
    ],
    [
      'excluded',
      {
        ...accounts({ name: 'ci-legacy-a' }),
        policy: { scope: { include: ['ci-*'], exclude: ['ci-legacy-*'] } },
      },
      ['"ci-legacy-a" is outside policy.scope'],
    ],
  ],
};

describe.each(Object.entries(TABLES))('rule %s', (rule, cases) => {
  it.each(cases)('%s', (_, file, expected) => {
    expect(SEMANTIC_RULES[rule]!(file).map((f) => f.summary)).toEqual(expected);
  });
});

it('every rule has a table', () => {
  expect(Object.keys(TABLES).sort()).toEqual(Object.keys(SEMANTIC_RULES).sort());
});

it('rules survive ill-typed input without throwing', () => {
  const hostile = {
    version: 1,
    systemAccounts: [null, 7, { name: 3, roles: 'x', previousNames: [1] }],
    roles: [null, { name: 4, permissions: 'x' }, { name: 'R', permissions: [5] }],
  } as unknown as AccountsFile;
  for (const rule of Object.values(SEMANTIC_RULES)) expect(() => rule(hostile)).not.toThrow();
});
