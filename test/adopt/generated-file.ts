import fc from 'fast-check';
import type { AccountSketch } from '../helpers/states.js';

/** Generated desired-state files with comments on every kind of line, and generated drift. */

const ROLE_NAMES = ['CI/CD', 'Read-Only', 'Viewer'] as const;
const TEAM_NAMES = ['Payments', 'Orders', 'Default'] as const;
type Team = (typeof TEAM_NAMES)[number];

type List = { style: 'flow' | 'block'; names: string[] };
export interface AccountSpec {
  quote: 'plain' | 'single' | 'double';
  odd: boolean;
  email: boolean;
  state: 'absent' | 'enabled' | 'disabled';
  roles: 'absent' | 'alias' | List;
  teams: 'absent' | 'alias' | List;
  commentAbove: boolean;
  blankBefore: boolean;
  drift: 'same' | 'changed' | 'deleted' | 'renamed';
  live: { active: boolean; roles: string[]; admin: boolean; teams: Team[] };
}

export interface FileSpec {
  defaults: boolean;
  anchorTeams: boolean;
  accounts: AccountSpec[];
}

const list = <T extends string>(names: readonly T[]) =>
  fc.record({ style: fc.constantFrom('flow' as const, 'block' as const), names: fc.subarray([...names]) });

const account: fc.Arbitrary<AccountSpec> = fc.record({
  quote: fc.constantFrom('plain' as const, 'single' as const, 'double' as const),
  odd: fc.boolean(),
  email: fc.boolean(),
  state: fc.constantFrom('absent' as const, 'enabled' as const, 'disabled' as const),
  roles: fc.oneof(fc.constant('absent' as const), fc.constant('alias' as const), list(ROLE_NAMES)),
  teams: fc.oneof(fc.constant('absent' as const), fc.constant('alias' as const), list(TEAM_NAMES)),
  commentAbove: fc.boolean(),
  blankBefore: fc.boolean(),
  drift: fc.constantFrom('same' as const, 'changed' as const, 'deleted' as const, 'renamed' as const),
  live: fc.record({
    active: fc.boolean(),
    roles: fc.subarray([...ROLE_NAMES]),
    admin: fc.boolean(),
    teams: fc.subarray([...TEAM_NAMES]),
  }),
});

export const fileSpec: fc.Arbitrary<FileSpec> = fc.record({
  defaults: fc.boolean(),
  anchorTeams: fc.boolean(),
  accounts: fc.array(account, { minLength: 1, maxLength: 6 }),
});

/** The file's text; which lines each entry spans; the comments (`# c<n>`) that belong to each entry. */
export interface BuiltFile {
  text: string;
  spans: [number, number][];
  entryComments: string[][];
  /** Entries whose teams alias the anchor of entry `anchorHolder`. */
  anchorHolder: number | undefined;
  aliasUsers: number[];
  /** The `systemAccounts:` line, which becomes `systemAccounts: []` when every entry goes. */
  keyLine: number;
}

export const nameOf = (i: number, spec: AccountSpec) => (spec.odd ? `ci ${i}: #x` : `ci-${i}`);
function quoted(name: string, quote: AccountSpec['quote']): string {
  if (quote === 'single') return `'${name}'`;
  if (quote === 'double' || name.includes(':')) return JSON.stringify(name);
  return name;
}

export function buildFile(spec: FileSpec): BuiltFile {
  let n = 0;
  const comment = () => `# c${n++}`;
  const lines: string[] = [comment(), `version: 1 ${comment()}`, ''];
  if (spec.defaults) lines.push(`${comment()}`, 'defaults:', `  roles: &dr [CI/CD] ${comment()}`);
  lines.push(`systemAccounts: ${comment()}`);
  const built: BuiltFile = {
    text: '',
    spans: [],
    entryComments: [],
    anchorHolder: undefined,
    aliasUsers: [],
    keyLine: lines.length - 1,
  };
  spec.accounts.forEach((a, i) => {
    if (a.blankBefore) lines.push('');
    const start = lines.length;
    const own: string[] = [];
    const mine = () => {
      const c = comment();
      own.push(c);
      return c;
    };
    if (a.commentAbove) lines.push(`  ${mine()}`);
    lines.push(`  - name: ${quoted(nameOf(i, a), a.quote)} ${mine()}`);
    if (a.email) lines.push(`    email: ci-${i}@example.com`);
    if (a.state !== 'absent') lines.push(`    state: ${a.state} ${mine()}`);
    lines.push(...listLines('roles', a.roles, spec.defaults ? 'dr' : undefined, mine));
    const anchor = spec.anchorTeams && built.anchorHolder === undefined && typeof a.teams === 'object';
    if (anchor) built.anchorHolder = i;
    if (a.teams === 'alias' && built.anchorHolder !== undefined) built.aliasUsers.push(i);
    lines.push(
      ...listLines('teams', a.teams, built.anchorHolder === undefined ? undefined : 'tm', mine, anchor),
    );
    built.spans.push([start, lines.length]);
    built.entryComments.push(own);
  });
  lines.push(comment(), '');
  built.text = lines.join('\n');
  return built;
}

function listLines(
  key: string,
  value: AccountSpec['roles'],
  alias: string | undefined,
  mine: () => string,
  anchor = false,
): string[] {
  if (value === 'absent') return [];
  if (value === 'alias') return alias ? [`    ${key}: *${alias} ${mine()}`] : [];
  const anchorText = anchor ? '&tm ' : '';
  if (value.style === 'flow' || value.names.length === 0)
    return [`    ${key}: ${anchorText}[${value.names.join(', ')}]`];
  return [
    `    ${key}: ${anchorText}${mine()}`,
    ...value.names.map((r) => `      - ${r} # item`),
    `    ${mine()}`,
  ];
}

/** The live accounts: each entry's effective fields, unless its drift changes, deletes or renames it. */
export function liveAccounts(spec: FileSpec, built: BuiltFile): AccountSketch[] {
  const sketches: AccountSketch[] = [];
  spec.accounts.forEach((a, i) => {
    if (a.drift === 'deleted') return;
    const name = a.drift === 'renamed' ? `${nameOf(i, a)}-new` : nameOf(i, a);
    const email = a.email ? { email: `ci-${i}@example.com` } : {};
    if (a.drift === 'changed' || a.drift === 'renamed') {
      const roles = [...a.live.roles, ...(a.live.admin ? ['Administrator'] : [])];
      sketches.push({ name, ...email, active: a.live.active, roles, teams: a.live.teams as Team[] });
      return;
    }
    sketches.push({ name, ...email, ...effective(spec, built, i) });
  });
  return sketches;
}

/** What an entry asks for, as the planner reads it; fields it leaves unmanaged get a fixed value. */
function effective(spec: FileSpec, built: BuiltFile, i: number): Omit<AccountSketch, 'name'> {
  const a = spec.accounts[i]!;
  const anchorTeams = built.anchorHolder === undefined ? undefined : spec.accounts[built.anchorHolder]!.teams;
  const roles =
    a.roles === 'alias'
      ? spec.defaults
        ? ['CI/CD']
        : undefined
      : a.roles === 'absent'
        ? undefined
        : a.roles.names;
  const teams = a.teams === 'alias' ? anchorTeams : a.teams;
  return {
    active: a.state !== 'disabled',
    roles: roles ?? (spec.defaults ? ['CI/CD'] : ['Viewer']),
    teams: (typeof teams === 'object' ? teams.names : []) as Team[],
  };
}
