import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/plan/compute.js';
import { renderShowCsv, csvCell } from '../../src/render/show-csv.js';
import { renderShowJson } from '../../src/render/show-json.js';
import { renderShowMarkdown, renderShowText } from '../../src/render/show-text.js';
import type { ApiToken } from '../../src/pactflow/types.js';
import { buildInventory, filterInventory, lastActivity } from '../../src/show/inventory.js';
import { desiredFrom, liveState } from '../helpers/states.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const live = liveState(
  [
    { name: 'ci-b', roles: ['CI/CD'], teams: ['Payments'] },
    { name: 'ci-a', roles: ['Administrator', 'CI/CD'] },
    { name: '=HYPERLINK("x")', roles: ['Deployer'] },
    { name: 'bot-old', roles: ['Read-Only'], active: false },
  ],
  undefined,
  {
    customRoles: [
      { name: 'Deployer', permissions: ['deployment_and_release:record:*', 'system_account:manage:team'] },
    ],
  },
);
live.accounts.find((a) => a.name === 'ci-a')!.lastLogin = '2026-05-30T10:00:00+00:00';
live.accounts.find((a) => a.name === 'ci-b')!.lastLogin = '2025-01-01T10:00:00+00:00';
for (const a of live.accounts) a.createdAt = '2024-01-01T00:00:00+00:00';
const uuidOf = (name: string) => live.accounts.find((a) => a.name === name)!.uuid;

describe('buildInventory', () => {
  it('lists every system account by name with what it may do', () => {
    const rows = buildInventory(live);
    expect(rows.map((r) => r.name)).toEqual(['=HYPERLINK("x")', 'bot-old', 'ci-a', 'ci-b']);
    const admin = rows.find((r) => r.name === 'ci-a')!;
    expect(admin.admin).toBe(true);
    expect(admin.scopes).toContain('user:invite');
    expect(admin.scopeSummary).toMatch(/^18 scopes; manages .*system_account.*; invites users$/);
    expect(rows.find((r) => r.name === 'bot-old')).toMatchObject({
      state: 'disabled',
      scopes: [],
      scopeSummary: 'none',
    });
    expect(rows.find((r) => r.name.startsWith('='))!.scopeSummary).toBe(
      '2 scopes; manages system_account (team)',
    );
  });

  it('with a file, says which accounts it manages and which drifted', () => {
    const desired = desiredFrom(
      'version: 1\npolicy:\n  scope:\n    include: ["ci-*"]\nsystemAccounts:\n  - name: ci-a\n    admin: false\n',
    );
    const plan = computePlan(desired, live, { baseUrl: 'https://x', generator: 't' }).plan!;
    const rows = buildInventory(live, { file: { plan, policy: desired.policy } });
    expect(rows.map((r) => `${r.name}: ${r.management} ${r.sync ?? ''}`.trim())).toEqual([
      '=HYPERLINK("x"): out of scope',
      'bot-old: out of scope',
      'ci-a: managed drifted',
      'ci-b: unmanaged',
    ]);
  });
});

describe('filterInventory', () => {
  const tokens = new Map<string, ApiToken[]>([
    [
      uuidOf('ci-b'),
      [{ uuid: 't1', description: 'Read/write token (CI)', lastUsedAt: '2026-05-20T00:00:00Z' }],
    ],
    [uuidOf('bot-old'), [{ uuid: 't2', description: 'Read only token (developer)' }]],
  ]);
  const rows = buildInventory(live, { tokens });

  it.each([
    [
      'who can manage system accounts (resource:action)',
      { hasScope: 'system_account:manage' },
      ['=HYPERLINK("x")', 'ci-a'],
    ],
    ['an exact scope', { hasScope: 'system_account:manage:*' }, ['ci-a']],
    ['a role, case-insensitively', { role: 'ci/cd' }, ['ci-a', 'ci-b']],
    // ci-a logged in 2 days ago, ci-b used a token 12 days ago; the others never did anything.
    ['unused for 30 days', { unusedForDays: 30 }, ['=HYPERLINK("x")', 'bot-old']],
    ['unused for 10 days', { unusedForDays: 10 }, ['=HYPERLINK("x")', 'bot-old', 'ci-b']],
    ['filters combine', { unusedForDays: 10, role: 'CI/CD' }, ['ci-b']],
  ])('%s', (_, filter, names) => {
    expect(filterInventory(rows, { now: NOW, ...filter }).map((r) => r.name)).toEqual(names);
  });

  it('last activity is the later of a login and a token use', () => {
    expect(lastActivity(rows.find((r) => r.name === 'ci-b')!)).toBe('2026-05-20T00:00:00Z');
    expect(rows.find((r) => r.name === 'bot-old')!.tokens).toEqual([{ kind: 'read-only', lastUsedAt: null }]);
  });
});

describe('show renderers', () => {
  const tokens = new Map<string, ApiToken[]>(
    live.accounts.map((a) => [a.uuid, [{ uuid: `tok-${a.uuid}`, description: 'Read/write token (CI)' }]]),
  );
  const rows = buildInventory(live, { tokens });
  const layout = { file: false, activity: true };

  it('text: aligned columns, one line per account and a count', () => {
    const lines = renderShowText(rows, layout).split('\n');
    expect(lines[0]).toMatch(
      /^NAME +STATE +ADMIN +ROLES +TEAMS +SCOPES +LAST LOGIN +CREATED +TOKENS +LAST TOKEN USE +LAST ACTIVITY$/,
    );
    const column = (header: string) => lines[0]!.indexOf(header);
    for (const line of lines.slice(1, 5))
      expect(line.slice(column('STATE')).match(/^(enabled|disabled) /)).not.toBeNull();
    expect(lines[3]).toMatch(/^ci-a +enabled +yes +Administrator, CI\/CD +18 scopes/);
    expect(lines.at(-2)).toBe('4 system accounts');
  });

  it('csv: RFC 4180 quoting, CRLF, and formula cells neutralised', () => {
    const csv = renderShowCsv(rows, layout);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'name,state,admin,roles,teams,scopes,last_login,created,tokens,last_token_use,last_activity',
    );
    expect(lines[1]).toMatch(
      /^"'=HYPERLINK\(""x""\)",enabled,no,Deployer,,deployment_and_release:record:\* system_account:manage:team,,2024-01-01T00:00:00\+00:00,read\/write,,$/,
    );
    expect(lines[3]).toContain(',"Administrator, CI/CD",');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('markdown: a table whose cells cannot inject markup', () => {
    const hostile = { ...rows[0]!, name: 'ci-x | <img src=x onerror=alert(1)> [link](http://x)' };
    const md = renderShowMarkdown([hostile, ...rows.slice(1)], layout);
    expect(md).toContain('| name | state | admin | roles |');
    const line = md.split('\n').find((l) => l.includes('ci-x'))!;
    // Still one cell per column: the name's pipe cannot open a new one, nor its < a tag.
    expect(line.split(' | ')).toHaveLength(11);
    expect(line).not.toContain('<img');
    expect(line).not.toContain('](http');
  });

  it('json: full rows with scopes and token kinds; no token uuid or value in any format', () => {
    const json = JSON.parse(renderShowJson(rows, { baseUrl: 'https://x' }));
    expect(json.count).toBe(4);
    expect(json.accounts[2]).toMatchObject({
      name: 'ci-a',
      admin: true,
      tokens: [{ kind: 'read/write', lastUsedAt: null }],
    });
    for (const out of [
      renderShowJson(rows, { baseUrl: 'x' }),
      renderShowCsv(rows, layout),
      renderShowText(rows, layout),
    ])
      expect(out).not.toContain('tok-');
  });
});
