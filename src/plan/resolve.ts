import { nameKey } from '../util/names.js';
import type { DesiredAccount, SourcePosition } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt } from '../diagnostics.js';
import type { LiveState, Ref } from '../state/types.js';
import { didYouMean } from '../util/suggest.js';
import type { RolePlan } from './roles.js';
import type { ResolvedSpec, RoleRef } from './types.js';

/** An entry's roles and teams as live references; undefined when a name cannot be resolved. */
export type SpecResolver = (account: DesiredAccount) => ResolvedSpec | undefined;

/**
 * Resolves the role and team names of the file's entries: to live roles and teams, or to the
 * custom roles this plan creates. Every name that cannot be resolved is reported where the file
 * gives it, in `diagnostics`.
 */
export function specResolver(
  roles: RolePlan['byName'],
  live: LiveState,
  administrator: Ref | undefined,
  diagnostics: Diagnostic[],
): SpecResolver {
  const resolveName = nameResolver(roles, live, diagnostics);
  return (account) => {
    const roleRefs = account.roles?.map((name, i) =>
      resolveName(name, () => account.source.roles[i]!, 'role'),
    );
    const teamRefs = account.teams?.map((name, i) =>
      resolveName(name, () => account.source.teams[i]!, 'team'),
    );
    let ok = !roleRefs?.includes(undefined) && !teamRefs?.includes(undefined);
    if ((account.admin !== undefined || roleRefs) && !administrator) {
      ok = false;
      diagnostics.push(
        diagnosticAt(
          account.source.entry,
          'no-administrator-role',
          `${account.source.entry.path}: this PactFlow has no Administrator role to manage`,
        ),
      );
    }
    if (!ok) return undefined;
    return {
      ...(roleRefs ? { roles: roleRefs as RoleRef[] } : {}),
      ...(account.admin === undefined ? {} : { admin: account.admin }),
      ...(teamRefs ? { teams: teamRefs as Ref[] } : {}),
    };
  };
}

/**
 * One role or team name, as written, to its reference; undefined (and a diagnostic) when it
 * cannot be assigned. Thousands of accounts name the same few roles and teams: each name is
 * resolved once, and the accounts share its reference (never changed once made). `where` finds
 * the name's place in the file, only for a diagnostic: made for every role and team of 10,000
 * accounts, the positions were a sixth of what a plan allocated.
 */
function nameResolver(roles: RolePlan['byName'], live: LiveState, diagnostics: Diagnostic[]) {
  const teams = new Map(live.teams.map((t) => [nameKey(t.name), t]));
  const resolved = { role: new Map<string, RoleRef>(), team: new Map<string, RoleRef>() };
  // A name in `defaults` is one place in the file, however many accounts take it: reported once.
  const reportedAt = new Set<string>();
  const report = (at: SourcePosition, diagnostic: (at: SourcePosition) => Diagnostic) => {
    if (reportedAt.has(at.path)) return;
    reportedAt.add(at.path);
    diagnostics.push(diagnostic(at));
  };
  return (name: string, where: () => SourcePosition, kind: 'role' | 'team'): RoleRef | undefined => {
    const known = resolved[kind].get(name);
    if (known) return known;
    const found = kind === 'role' ? roles.get(nameKey(name)) : teams.get(nameKey(name));
    if (!found) {
      const names =
        kind === 'role'
          ? [...roles.values()].filter((r) => !r.serverManaged).map((r) => r.name)
          : live.teams.map((t) => t.name);
      report(where(), (at) => unknownName(kind, name, at, names));
      return undefined;
    }
    if (kind === 'role' && roles.get(nameKey(name))!.serverManaged) {
      report(where(), (at) =>
        diagnosticAt(
          at,
          'server-managed-role',
          `${at.path}: role "${found.name}" cannot be assigned`,
          'PactFlow grants it to team administrators; remove it from the list',
        ),
      );
      return undefined;
    }
    const ref = found.uuid === undefined ? { name: found.name } : { uuid: found.uuid, name: found.name };
    resolved[kind].set(name, ref);
    return ref;
  };
}

function unknownName(kind: 'role' | 'team', name: string, at: SourcePosition, names: string[]): Diagnostic {
  return diagnosticAt(
    at,
    `unknown-${kind}`,
    `${at.path}: unknown ${kind} "${name}"${didYouMean(name, names)}`,
    `${kind}s in this PactFlow: ${names.join(', ') || 'none'}`,
  );
}
