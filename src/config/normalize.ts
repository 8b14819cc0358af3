import type { LoadedYaml, PathSegment } from './loaded-yaml.js';
import { formatPath } from './rule-helpers.js';
import { ADMINISTRATOR } from '../types/built-in-roles.js';
import type {
  AccountsFile,
  DesiredAccount,
  DesiredPolicy,
  DesiredRole,
  DesiredState,
  RoleEntry,
  SourcePosition,
  SystemAccountEntry,
} from './types.js';
import { DEFAULT_LIMITS } from './types.js';

type Locator = Pick<LoadedYaml, 'file' | 'locate'>;

/**
 * Where a value stands, worked out only when a diagnostic reads it: finding a line and column
 * needs the positioned parse, which a file without problems never pays for.
 */
class LazyPosition implements SourcePosition {
  private found: { line: number; column: number } | undefined;
  constructor(
    private readonly loaded: Locator,
    private readonly segments: PathSegment[],
  ) {}
  get file(): string {
    return this.loaded.file;
  }
  get line(): number {
    return (this.found ??= this.loaded.locate(this.segments)).line;
  }
  get column(): number {
    return (this.found ??= this.loaded.locate(this.segments)).column;
  }
  get path(): string {
    return formatPath(this.segments);
  }
}

/**
 * Where an account's entry, roles and teams stand in the file, as DesiredAccount['source'].
 * Each position is made when it is read: an account keeps this one small object for them, where
 * a position object and its path for each role and team made the positions most of a large
 * file's memory.
 */
class AccountSource {
  constructor(
    private readonly loaded: Locator,
    private readonly index: number,
    private readonly ownRoles: boolean,
    /**
     * Where in the file's list each of the account's roles is: a count when they are the whole
     * list, the places when Administrator was left out of it.
     */
    private readonly roleIndexes: number | readonly number[],
    private readonly ownTeams: boolean,
    private readonly teamCount: number,
  ) {}
  get entry(): SourcePosition {
    return new LazyPosition(this.loaded, ['systemAccounts', this.index]);
  }
  get roles(): SourcePosition[] {
    const list = this.ownRoles ? ['systemAccounts', this.index, 'roles'] : ['defaults', 'roles'];
    const indexes = this.roleIndexes;
    const places = typeof indexes === 'number' ? Array.from({ length: indexes }, (_, j) => j) : indexes;
    return places.map((j) => new LazyPosition(this.loaded, [...list, j]));
  }
  get teams(): SourcePosition[] {
    const list = this.ownTeams ? ['systemAccounts', this.index, 'teams'] : ['defaults', 'teams'];
    return Array.from({ length: this.teamCount }, (_, j) => new LazyPosition(this.loaded, [...list, j]));
  }
}

const isAdministrator = (role: string) => role.toLowerCase() === ADMINISTRATOR.toLowerCase();

/** Defaults applied, Administrator folded into `admin`, positions kept for later diagnostics. */
export function normalizeConfig(
  file: AccountsFile,
  loaded: Pick<LoadedYaml, 'file' | 'sha256' | 'locate'>,
): DesiredState {
  // Only what finding positions needs: the file's parsed value is not kept with the accounts.
  const locator: Locator = { file: loaded.file, locate: loaded.locate };
  return {
    file: loaded.file,
    sha256: loaded.sha256,
    policy: normalizePolicy(file),
    roles: (file.roles ?? []).map((role, i) => normalizeRole(role, i, locator)),
    accounts: file.systemAccounts.map((entry, i) => normalizeAccount(file, entry, i, locator)),
  };
}

function normalizeAccount(
  file: AccountsFile,
  entry: SystemAccountEntry,
  index: number,
  locator: Locator,
): DesiredAccount {
  const roleList = entry.roles ?? file.defaults?.roles;
  const teamList = entry.teams ?? file.defaults?.teams;
  const listedAdmin = roleList?.some(isAdministrator) ?? false;
  const admin = entry.admin ?? (listedAdmin ? true : undefined);
  // Copies of the exact length (a list the parser built item by item keeps spare room): 10,000
  // accounts each keep theirs for the whole run.
  const roles = listedAdmin ? roleList!.filter((role) => !isAdministrator(role)) : roleList && [...roleList];
  const roleIndexes = listedAdmin
    ? roleList!.flatMap((role, j) => (isAdministrator(role) ? [] : [j]))
    : (roleList?.length ?? 0);
  return {
    name: entry.name,
    ...(entry.email === undefined ? {} : { email: entry.email }),
    state: entry.state ?? 'enabled',
    ...(admin === undefined ? {} : { admin }),
    ...(roles === undefined ? {} : { roles }),
    ...(teamList === undefined ? {} : { teams: [...teamList] }),
    previousNames: [...(entry.previousNames ?? [])],
    source: new AccountSource(
      locator,
      index,
      entry.roles !== undefined,
      roleIndexes,
      entry.teams !== undefined,
      teamList?.length ?? 0,
    ),
  };
}

function normalizeRole(role: RoleEntry, i: number, locator: Locator): DesiredRole {
  const position = (path: PathSegment[]) => new LazyPosition(locator, path);
  return {
    name: role.name,
    ...(role.description === undefined ? {} : { description: role.description }),
    permissions: [...new Set(role.permissions)].sort(),
    source: {
      entry: position(['roles', i]),
      name: position(['roles', i, 'name']),
      permissions: role.permissions.map((scope, j) => ({
        scope,
        at: position(['roles', i, 'permissions', j]),
      })),
    },
  };
}

function normalizePolicy(file: AccountsFile): DesiredPolicy {
  return {
    unmanaged: file.policy?.unmanaged ?? 'ignore',
    unmanagedRoles: file.policy?.unmanagedRoles ?? 'ignore',
    include: [...(file.policy?.scope?.include ?? [])],
    exclude: [...(file.policy?.scope?.exclude ?? [])],
    protected: [...(file.policy?.protected ?? [])],
    limits: { ...DEFAULT_LIMITS, ...file.policy?.limits },
  };
}
