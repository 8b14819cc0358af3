import fc from 'fast-check';
import { stringify } from 'yaml';
import { compileGlob } from '../../src/util/glob.js';
import type { FakeOrgSeed, FakeUser } from './fake-org.js';

export const ROLES = [
  { uuid: 'r-admin', name: 'Administrator' },
  { uuid: 'r-cicd', name: 'CI/CD' },
  { uuid: 'r-ro', name: 'Read-Only' },
  { uuid: 'r-viewer', name: 'Viewer' },
  { uuid: 'r-user', name: 'User' },
];
export const TEAMS = [
  { uuid: 't-default', name: 'Default' },
  { uuid: 't-pay', name: 'Payments' },
  { uuid: 't-ord', name: 'Orders' },
];
const NAMES = ['ci-a', 'ci-b', 'ci-c', 'ci-legacy-d', 'bot-e', 'ci-f', 'svc-g'];
const SCOPES = [
  { include: [], exclude: [] },
  { include: ['ci-*'], exclude: [] },
  { include: ['ci-*', 'bot-*'], exclude: ['ci-legacy-*'] },
];
const PROTECTED = ['bot-*', 'ci-b', 'nothing-*', 'CI-C'];

/** A random organization: system accounts (case twins included), people, and who holds the token. */
export const orgArb: fc.Arbitrary<FakeOrgSeed> = fc
  .record({
    accounts: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom(...NAMES),
        upper: fc.boolean(),
        active: fc.boolean(),
        roles: fc.subarray(ROLES.map((r) => r.uuid)),
        teams: fc.subarray(TEAMS.map((t) => t.uuid)),
      }),
      { selector: (a) => `${a.name}${a.upper}`, maxLength: 8 },
    ),
    humans: fc.subarray(['alice', 'ci-a', 'bot-e']),
    callerIsAccount: fc.boolean(),
    autoTeam: fc.boolean(),
  })
  .map(({ accounts, humans, callerIsAccount, autoTeam }) => {
    const users: FakeUser[] = [
      { uuid: 'h-admin', name: 'admin', active: true, type: 0, roles: ['r-admin'] },
      ...humans.map((name, i): FakeUser => ({
        uuid: `h-${i}`,
        name,
        active: true,
        type: 0,
        roles: ['r-user'],
      })),
      ...accounts.map((a, i): FakeUser => ({
        uuid: `s-${i}`,
        name: a.upper ? a.name.toUpperCase() : a.name,
        active: a.active,
        type: 1,
        roles: a.roles,
      })),
    ];
    const teams = TEAMS.map((t) => ({
      ...t,
      members: accounts.flatMap((a, i) => (a.teams.includes(t.uuid) ? [`s-${i}`] : [])),
    }));
    return {
      roles: ROLES,
      teams,
      users,
      callerUuid: callerIsAccount && accounts.length > 0 ? 's-0' : 'h-admin',
      autoTeam,
    };
  });

export interface FileShape {
  text: string;
  protectedGlobs: string[];
  scope: { include: string[]; exclude: string[] };
}

/** A random valid desired-state file; `limits` decides how much it lets apply do. */
export const fileArb = (
  limits: fc.Arbitrary<{ maxDeletes: number; maxDisables: number; maxAdminChanges: number }>,
) =>
  fc
    .record({
      unmanaged: fc.constantFrom('ignore', 'disable', 'delete'),
      scope: fc.constantFrom(...SCOPES),
      protected: fc.subarray(PROTECTED),
      limits,
      defaultRoles: fc.option(fc.subarray(['CI/CD', 'Read-Only', 'Viewer']), { nil: undefined }),
      accounts: fc.uniqueArray(
        fc.record({
          name: fc.constantFrom(...NAMES),
          state: fc.constantFrom('enabled', 'disabled', 'deleted'),
          admin: fc.option(fc.boolean(), { nil: undefined }),
          roles: fc.option(fc.subarray(['CI/CD', 'Read-Only', 'Viewer']), { nil: undefined }),
          teams: fc.option(fc.subarray(TEAMS.map((t) => t.name)), { nil: undefined }),
        }),
        { selector: (a) => a.name, maxLength: 7 },
      ),
    })
    .map((f): FileShape => {
      const include = f.scope.include.map(compileGlob);
      const exclude = f.scope.exclude.map(compileGlob);
      const inScope = (n: string) =>
        (include.length === 0 || include.some((re) => re.test(n))) && !exclude.some((re) => re.test(n));
      const isProtected = (n: string) => f.protected.some((p) => compileGlob(p).test(n));
      const doc = {
        version: 1,
        policy: {
          unmanaged: f.unmanaged,
          ...(f.scope.include.length ? { scope: f.scope } : {}),
          ...(f.protected.length ? { protected: f.protected } : {}),
          limits: f.limits,
        },
        ...(f.defaultRoles ? { defaults: { roles: f.defaultRoles } } : {}),
        systemAccounts: f.accounts
          .filter((a) => inScope(a.name))
          .map((a) => ({
            name: a.name,
            // A protected account cannot be asked to be deleted: the file would be invalid.
            state: a.state === 'deleted' && isProtected(a.name) ? 'disabled' : a.state,
            ...(a.admin === undefined ? {} : { admin: a.admin }),
            ...(a.roles === undefined ? {} : { roles: a.roles }),
            ...(a.teams === undefined ? {} : { teams: a.teams }),
          })),
      };
      return { text: stringify(doc), protectedGlobs: f.protected, scope: f.scope };
    });

export const generousLimits = fc.constant({ maxDeletes: 100, maxDisables: 100, maxAdminChanges: 100 });
export const smallLimits = fc.record({
  maxDeletes: fc.nat(2),
  maxDisables: fc.nat(2),
  maxAdminChanges: fc.nat(2),
});
