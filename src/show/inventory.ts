import type { DesiredPolicy } from '../config/types.js';
import type { ApiToken } from '../pactflow/types.js';
import { effectiveScopes, roleScopes, summariseScopes } from '../permissions/scopes.js';
import { ADMINISTRATOR } from '../types/built-in-roles.js';
import type { Plan } from '../plan/types.js';
import type { LiveAccount, LiveState } from '../state/types.js';
import { scopeMatcher } from '../util/glob.js';
import { byName } from '../util/names.js';

export type Management = 'managed' | 'unmanaged' | 'out of scope';

/** A token's kind and last use; never its value. */
export interface TokenInfo {
  kind: string;
  lastUsedAt: string | null;
}

/** One system account as `show` lists it. */
export interface InventoryRow {
  name: string;
  uuid: string;
  state: 'enabled' | 'disabled';
  admin: boolean;
  /** Role names, sorted; Administrator included. */
  roles: string[];
  teams: string[];
  /** Effective permission scopes, from the role catalogue. */
  scopes: string[];
  scopeSummary: string;
  lastLogin: string | null;
  createdAt: string | null;
  /** With a desired-state file: whether the file governs the account. */
  management?: Management;
  /** With a file, for managed accounts: whether PactFlow matches the file. */
  sync?: 'in sync' | 'drifted';
  /** With --activity. */
  tokens?: TokenInfo[];
}

export interface InventoryOptions {
  /** A plan of the file against the same live state, and the file's policy. */
  file?: { plan: Plan; policy: DesiredPolicy };
  /** Token metadata by account uuid (from --activity). */
  tokens?: ReadonlyMap<string, readonly ApiToken[]>;
}

/** PactFlow's two token kinds, as its descriptions name them. */
export function tokenKind(description: string): string {
  const d = description.toLowerCase();
  if (d.includes('read only') || d.includes('read-only')) return 'read-only';
  if (d.includes('read/write') || d.includes('read-write')) return 'read/write';
  return description || 'token';
}

/**
 * Every system account with what it may do, sorted by name. Pure: the live state (and, with `-f`,
 * a plan of the file against it) in, rows out.
 */
export function buildInventory(live: LiveState, options: InventoryOptions = {}): InventoryRow[] {
  const catalogue = new Map(live.roles.map((r) => [r.uuid, roleScopes(r)]));
  const teamNames = new Map(live.teams.map((t) => [t.uuid, t.name]));
  const file = options.file;
  const inScope = file ? scopeMatcher(file.policy) : undefined;
  const unmanaged = new Set(file?.plan.unmanaged.map((u) => u.uuid));
  const drifted = new Set(
    file?.plan.changes.filter((c) => c.origin === 'file' && c.uuid).map((c) => c.uuid!),
  );
  return [...live.accounts].sort(byName).map((account) => {
    const scopes = accountScopes(account, catalogue);
    const management: Management | undefined = inScope
      ? !inScope(account.name)
        ? 'out of scope'
        : unmanaged.has(account.uuid)
          ? 'unmanaged'
          : 'managed'
      : undefined;
    const tokens = options.tokens?.get(account.uuid);
    return {
      name: account.name,
      uuid: account.uuid,
      state: account.active ? 'enabled' : 'disabled',
      admin: account.roles.some((r) => r.name === ADMINISTRATOR),
      roles: account.roles.map((r) => r.name),
      teams: account.teams.map((t) => t.name),
      scopes,
      scopeSummary: describeScopes(scopes, teamNames),
      lastLogin: account.lastLogin ?? null,
      createdAt: account.createdAt ?? null,
      ...(management ? { management } : {}),
      ...(management === 'managed' ? { sync: drifted.has(account.uuid) ? 'drifted' : 'in sync' } : {}),
      ...(tokens
        ? {
            tokens: tokens.map((t) => ({ kind: tokenKind(t.description), lastUsedAt: t.lastUsedAt ?? null })),
          }
        : {}),
    } satisfies InventoryRow;
  });
}

/**
 * What an account may do: its roles' scopes from the catalogue, and the scopes PactFlow lists
 * with a server-managed role for this account alone (Team Administrator's `team:manage:<team
 * uuid>`, one per team it administers), which no catalogue entry can state.
 */
function accountScopes(account: LiveAccount, catalogue: ReadonlyMap<string, readonly string[]>): string[] {
  const scopes = new Set(
    effectiveScopes(
      account.roles.map((r) => r.uuid),
      catalogue,
    ),
  );
  for (const role of account.roles) for (const scope of role.scopes ?? []) scopes.add(scope);
  return [...scopes].sort();
}

const TEAM_MANAGE = 'team:manage:';

/** The scope summary, naming each team a `team:manage:<team uuid>` scope administers. */
function describeScopes(scopes: readonly string[], teamNames: ReadonlyMap<string, string>): string {
  const named = new Map<string, string>();
  for (const scope of scopes) {
    const uuid = scope.startsWith(TEAM_MANAGE) ? scope.slice(TEAM_MANAGE.length) : '';
    const name = teamNames.get(uuid);
    if (name !== undefined) named.set(uuid, name);
  }
  const summary = summariseScopes(scopes);
  if (named.size === 0) return summary;
  // One pass, so that a team name holding another team's uuid is left as it is.
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const uuids = new RegExp([...named.keys()].map(escape).join('|'), 'g');
  return summary.replace(uuids, (uuid) => named.get(uuid)!);
}

/** The most recent sign of use: a login or, when tokens were read, a token's last use. */
export function lastActivity(row: InventoryRow): string | null {
  const times = [row.lastLogin, ...(row.tokens ?? []).map((t) => t.lastUsedAt)].filter(
    (t): t is string => t !== null && !Number.isNaN(Date.parse(t)),
  );
  return times.length ? times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : null;
}

export interface InventoryFilter {
  /** Keep accounts with no login or token use in this many days, or never. */
  unusedForDays?: number;
  /** Keep accounts that hold this scope; `resource:action` matches any of its scopes. */
  hasScope?: string;
  /** Keep accounts that hold this role (case-insensitive). */
  role?: string;
  /** Milliseconds since the epoch; injected so the filter is pure. */
  now: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function filterInventory(rows: readonly InventoryRow[], filter: InventoryFilter): InventoryRow[] {
  const scope = filter.hasScope;
  const role = filter.role?.toLowerCase();
  return rows.filter((row) => {
    if (scope !== undefined && !row.scopes.some((s) => s === scope || s.startsWith(`${scope}:`)))
      return false;
    if (role !== undefined && !row.roles.some((r) => r.toLowerCase() === role)) return false;
    if (filter.unusedForDays !== undefined) {
      const last = lastActivity(row);
      if (last !== null && filter.now - Date.parse(last) < filter.unusedForDays * DAY_MS) return false;
    }
    return true;
  });
}
