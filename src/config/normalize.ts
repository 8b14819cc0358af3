import type { LoadedYaml, PathSegment } from './loaded-yaml.js';
import { ADMINISTRATOR, formatPath } from './rules.js';
import type { AccountsFile, DesiredAccount, DesiredRole, DesiredState, SourcePosition } from './types.js';
import { DEFAULT_LIMITS } from './types.js';

/**
 * Where a value stands, worked out only when a diagnostic reads it: finding a line and column
 * needs the positioned parse, which a file without problems never pays for.
 */
class LazyPosition implements SourcePosition {
  private found: { line: number; column: number } | undefined;
  constructor(
    private readonly loaded: Pick<LoadedYaml, 'file' | 'locate'>,
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

/** Defaults applied, Administrator folded into `admin`, positions kept for later diagnostics. */
export function normalizeConfig(
  file: AccountsFile,
  loaded: Pick<LoadedYaml, 'file' | 'sha256' | 'locate'>,
): DesiredState {
  const position = (path: PathSegment[]): SourcePosition => new LazyPosition(loaded, path);
  const isAdministrator = (role: string) => role.toLowerCase() === ADMINISTRATOR.toLowerCase();
  const accounts = file.systemAccounts.map((entry, i): DesiredAccount => {
    const ownRoles = entry.roles !== undefined;
    const ownTeams = entry.teams !== undefined;
    const roleList = entry.roles ?? file.defaults?.roles;
    const teamList = entry.teams ?? file.defaults?.teams;
    const listedAdmin = roleList?.some(isAdministrator) ?? false;
    const admin = entry.admin ?? (listedAdmin ? true : undefined);
    const rolesPath: PathSegment[] = ownRoles ? ['systemAccounts', i, 'roles'] : ['defaults', 'roles'];
    const teamsPath: PathSegment[] = ownTeams ? ['systemAccounts', i, 'teams'] : ['defaults', 'teams'];
    const roles = roleList?.map((r, j) => ({ r, j })).filter(({ r }) => !isAdministrator(r));
    return {
      name: entry.name,
      ...(entry.email === undefined ? {} : { email: entry.email }),
      state: entry.state ?? 'enabled',
      ...(admin === undefined ? {} : { admin }),
      ...(roles === undefined ? {} : { roles: roles.map(({ r }) => r) }),
      ...(teamList === undefined ? {} : { teams: [...teamList] }),
      previousNames: [...(entry.previousNames ?? [])],
      source: {
        entry: position(['systemAccounts', i]),
        roles: (roles ?? []).map(({ j }) => position([...rolesPath, j])),
        teams: (teamList ?? []).map((_, j) => position([...teamsPath, j])),
      },
    };
  });
  const roles = (file.roles ?? []).map((role, i): DesiredRole => ({
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
  }));
  return {
    file: loaded.file,
    sha256: loaded.sha256,
    policy: {
      unmanaged: file.policy?.unmanaged ?? 'ignore',
      unmanagedRoles: file.policy?.unmanagedRoles ?? 'ignore',
      include: [...(file.policy?.scope?.include ?? [])],
      exclude: [...(file.policy?.scope?.exclude ?? [])],
      protected: [...(file.policy?.protected ?? [])],
      limits: { ...DEFAULT_LIMITS, ...file.policy?.limits },
    },
    roles,
    accounts,
  };
}

/** load → validate → normalize; throws ConfigError with every problem when the file is invalid. */
