import { describe, expect, it } from 'vitest';
import type { ApiUser } from '../../src/pactflow/types.js';
import { TEAM_ADMINISTRATOR_ROLE_NAME, TEAM_ADMINISTRATOR_ROLE_UUID } from '../../src/pactflow/wire.js';
import { renderShowText } from '../../src/render/show-text.js';
import { buildInventory, filterInventory } from '../../src/show/inventory.js';
import { isKnownScope, knownScopes, scopeQueries } from '../../src/show/scope-query.js';
import { toLiveAccount } from '../../src/state/live-state.js';
import { closest } from '../../src/util/suggest.js';
import { TEAMS, liveState } from '../helpers/states.js';

// Issue 20, items 5 and 8: what Team Administrator grants, and a --has-scope PactFlow lacks.

const NOW = Date.parse('2026-06-01T00:00:00Z');
const live = liveState([
  { name: 'ci-team-admin', roles: ['CI/CD', 'Team Administrator'], teams: ['Payments'] },
  { name: 'ci-plain', roles: ['CI/CD'] },
]);
// As PactFlow lists it: the role in the account's roles, its scopes one per team administered.
live.accounts.find((a) => a.name === 'ci-team-admin')!.roles.find((r) => r.serverManaged)!.scopes = [
  `team:manage:${TEAMS.Orders}`,
  `team:manage:${TEAMS.Payments}`,
];

describe('show counts what Team Administrator grants', () => {
  it('the live state keeps the scopes PactFlow lists with a server-managed role, and only those', () => {
    const user: ApiUser = {
      uuid: 'u1',
      name: 'ci-a',
      active: true,
      type: 1,
      roles: [
        {
          uuid: TEAM_ADMINISTRATOR_ROLE_UUID,
          name: TEAM_ADMINISTRATOR_ROLE_NAME,
          permissions: ['team:manage:t2', 'team:manage:t1'],
        },
        { uuid: 'r-cicd', name: 'CI/CD', permissions: ['contract_data:read:*'] },
      ],
      teams: [],
    };
    expect(toLiveAccount(user).roles).toEqual([
      { uuid: 'r-cicd', name: 'CI/CD', serverManaged: false },
      {
        uuid: TEAM_ADMINISTRATOR_ROLE_UUID,
        name: TEAM_ADMINISTRATOR_ROLE_NAME,
        serverManaged: true,
        scopes: ['team:manage:t1', 'team:manage:t2'],
      },
    ]);
  });

  it('counts the team:manage scopes and names the teams in the summary', () => {
    const row = buildInventory(live).find((r) => r.name === 'ci-team-admin')!;
    expect(row.scopes).toContain(`team:manage:${TEAMS.Payments}`);
    expect(row.scopes).toContain(`team:manage:${TEAMS.Orders}`);
    // CI/CD's five, and one per team administered.
    expect(row.scopeSummary).toBe('7 scopes; manages contract_data (own, team), team (Orders, Payments)');
    const text = renderShowText([row], { file: false, activity: false });
    expect(text).toContain('team (Orders, Payments)');
    expect(text).not.toContain(TEAMS.Orders);
  });

  it('an account that administers a team and holds no role scopes is no longer "none"', () => {
    const state = liveState([{ name: 'ci-only-admin', roles: ['Team Administrator'] }]);
    state.accounts[0]!.roles[0]!.scopes = [`team:manage:${TEAMS.Default}`];
    expect(buildInventory(state)[0]!.scopeSummary).toBe('1 scope; manages team (Default)');
  });

  it('a team that is not in the team list keeps its uuid', () => {
    const state = liveState([{ name: 'ci-x', roles: ['Team Administrator'] }]);
    state.accounts[0]!.roles[0]!.scopes = ['team:manage:gone-team'];
    expect(buildInventory(state)[0]!.scopeSummary).toBe('1 scope; manages team (gone-team)');
  });

  it('a team named with another team’s uuid is named as it is', () => {
    const state = liveState([{ name: 'ci-x', roles: ['Team Administrator'] }]);
    state.teams = [
      { uuid: 'uuid-a', name: 'not uuid-b' },
      { uuid: 'uuid-b', name: 'B' },
    ];
    state.accounts[0]!.roles[0]!.scopes = ['team:manage:uuid-a', 'team:manage:uuid-b'];
    expect(buildInventory(state)[0]!.scopeSummary).toBe('2 scopes; manages team (not uuid-b, B)');
  });

  it.each([
    ['team:manage', ['ci-team-admin']],
    [`team:manage:${TEAMS.Payments}`, ['ci-team-admin']],
    ['team', ['ci-team-admin']],
    ['contract_data:manage', ['ci-plain', 'ci-team-admin']],
  ])('--has-scope %s finds %j', (hasScope, names) => {
    const rows = filterInventory(buildInventory(live), { now: NOW, hasScope });
    expect(rows.map((r) => r.name)).toEqual(names);
  });
});

describe('--has-scope asks about a scope PactFlow has', () => {
  const known = knownScopes(live);

  it.each([
    'system_account:manage',
    'system_account:manage:*',
    'system_account',
    'team:manage',
    `team:manage:${TEAMS.Orders}`,
    'user:invite',
    'ai:*',
    'ai',
  ])('%s is known', (query) => {
    expect(isKnownScope(query, known)).toBe(true);
  });

  it.each([
    ['system_acount:manage', 'system_account:manage'],
    ['System_Account:manage', 'system_account:manage'],
    ['system_account:manage:', 'system_account:manage'],
    ['team:mange', 'team:manage'],
    ['contract_data:write', 'contract_data:read'],
  ])('%s is not, and the nearest is %s', (query, suggestion) => {
    expect(isKnownScope(query, known)).toBe(false);
    expect(closest(query, scopeQueries(known))).toBe(suggestion);
  });

  it('knows a custom role’s scopes and each team’s team:manage', () => {
    const state = liveState([], undefined, {
      customRoles: [{ name: 'Odd', permissions: ['pacticipant:manage:*'] }],
    });
    const scopes = knownScopes(state);
    expect(isKnownScope('pacticipant:manage', scopes)).toBe(true);
    expect(isKnownScope(`team:manage:${TEAMS.Default}`, scopes)).toBe(true);
    expect(isKnownScope('team:manage:no-such-team', scopes)).toBe(false);
  });
});
