import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdoptOptions } from '../../src/adopt/adopt.js';
import { detailLines, renderAdoptDiff, summaryLine } from '../../src/adopt/report.js';
import type { LiveState } from '../../src/state/types.js';
import { golden } from '../render/golden-file.js';
import { liveState } from '../helpers/states.js';
import { adoptYaml, planOf } from './helpers.js';

const HEAD = `# Accounts for the golden cases
version: 1

`;

interface Case {
  name: string;
  yaml: string;
  live: LiveState;
  options?: AdoptOptions;
}

const CASES: Case[] = [
  {
    name: 'state',
    yaml: `${HEAD}systemAccounts:
  - name: ci-a # disabled after an incident
    roles: [CI/CD]
  - name: ci-b
    state: disabled # parked
    roles: [CI/CD]
`,
    live: liveState([{ name: 'ci-a', active: false }, { name: 'ci-b' }]),
  },
  {
    name: 'roles',
    yaml: `${HEAD}systemAccounts:
  - name: ci-a
    roles:
      - CI/CD # publishes
      - Viewer
  - name: ci-b
    admin: false
    roles: ['Read-Only']
  - name: ci-c
    roles: [CI/CD, Administrator]
`,
    live: liveState([
      { name: 'ci-a', roles: ['CI/CD', 'Read-Only'] },
      { name: 'ci-b', roles: ['Administrator', 'Read-Only', 'Viewer'] },
      { name: 'ci-c', roles: ['CI/CD'] },
    ]),
  },
  {
    name: 'teams',
    yaml: `${HEAD}systemAccounts:
  - name: ci-a
    teams: [ Payments ] # padded
  - name: ci-b
    teams:
      - Orders # the only one
`,
    live: liveState([
      { name: 'ci-a', teams: ['Payments', 'Orders'] },
      { name: 'ci-b', teams: [] },
    ]),
  },
  {
    name: 'rename',
    yaml: `${HEAD}systemAccounts:
  - name: ci-payments # renamed in PactFlow, found by email
    email: pay@example.com
  - name: "ci-orders" # renamed, found by roles, teams and state
    roles: [Read-Only]
    teams: [Orders]
    previousNames: [orders-ci]
`,
    live: liveState([
      { name: 'ci-payments-v2', email: 'pay@example.com' },
      { name: 'ci-orders-v2', roles: ['Read-Only'], teams: ['Orders'] },
      { name: 'ci-other', roles: ['CI/CD'] },
    ]),
  },
  {
    name: 'deletion',
    yaml: `${HEAD}systemAccounts:
  - name: ci-a

  # deleted in PactFlow: this comment goes with it
  - name: ci-gone # and this one
    roles: [CI/CD]
    # and this one

  # ci-c stays
  - name: ci-c
# end
`,
    live: liveState([{ name: 'ci-a' }, { name: 'ci-c' }]),
  },
  {
    name: 'defaults',
    yaml: `${HEAD}defaults:
  roles: [CI/CD] # every account
  teams: &home [Payments]
systemAccounts:
  - name: ci-a
  - name: ci-b
  - name: ci-c
    teams: *home
`,
    live: liveState([
      { name: 'ci-a', roles: ['CI/CD', 'Viewer'], teams: ['Payments'] },
      { name: 'ci-b', teams: ['Payments'] },
      { name: 'ci-c', teams: ['Orders'] },
    ]),
  },
  {
    name: 'anchor',
    yaml: `${HEAD}systemAccounts:
  - name: ci-a
    roles: &shared [CI/CD, Viewer]
  - name: ci-b
    roles: *shared
  - name: ci-c
    roles: *shared
`,
    live: liveState([
      { name: 'ci-a', roles: ['CI/CD'] },
      { name: 'ci-b', roles: ['CI/CD', 'Viewer'] },
      { name: 'ci-c', roles: ['CI/CD', 'Viewer'] },
    ]),
  },
  {
    name: 'custom-role',
    yaml: `${HEAD}roles:
  - name: Contract Publisher # ours
    description: publishes pacts
    permissions:
      - contract_data:manage:*
      - contract_data:read:*
systemAccounts:
  - name: ci-a
    roles: [Contract Publisher]
`,
    live: liveState([{ name: 'ci-a', roles: ['Contract Publisher'] }], undefined, {
      customRoles: [
        {
          name: 'Contract Publisher',
          description: 'publishes and reads pacts',
          permissions: ['contract_data:manage:*', 'team:read:*'],
        },
      ],
    }),
  },
  {
    name: 'unmanaged',
    yaml: `${HEAD}systemAccounts:
  - name: ci-a
`,
    live: liveState([{ name: 'ci-a' }, { name: 'ci-new', email: 'new@example.com', teams: ['Orders'] }]),
    options: { includeUnmanaged: true },
  },
];

describe('adopt golden diffs', () => {
  it.each(CASES)('$name', ({ name, yaml, live, options }) => {
    const result = adoptYaml(yaml, live, options);
    const report = [
      renderAdoptDiff('accounts.yaml', yaml, result.text),
      summaryLine(result),
      ...detailLines(result),
      '',
    ].join('\n');
    golden(path.join('test/fixtures/adopt', `${name}.diff`), report);
    expect(planOf(result.text, live).changes).toEqual([]);
    expect(planOf(result.text, live).roleChanges).toEqual([]);
    expect(adoptYaml(result.text, live, options).text).toBe(result.text);
  });
});
