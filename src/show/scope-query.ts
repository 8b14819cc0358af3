import { BUILT_IN_PERMISSIONS, roleScopes } from '../permissions/scopes.js';
import type { LiveState } from '../state/types.js';

/**
 * The scopes this PactFlow has, for checking `show --has-scope`: every scope of its role
 * catalogue, PactFlow's documented sets, `team:manage:<uuid>` for each of its teams, and what
 * accounts hold besides (a server-managed role's scopes). Sorted, no repeats.
 */
export function knownScopes(live: LiveState): string[] {
  const scopes = new Set<string>();
  const add = (list: Iterable<string>) => {
    for (const scope of list) scopes.add(scope);
  };
  for (const role of live.roles) add(roleScopes(role));
  for (const set of Object.values(BUILT_IN_PERMISSIONS)) add(set);
  add(live.teams.map((t) => `team:manage:${t.uuid}`));
  for (const account of live.accounts) for (const role of account.roles) add(role.scopes ?? []);
  return [...scopes].sort();
}

/**
 * Whether `--has-scope` asks about something PactFlow has: a scope itself, or the start of one
 * up to a colon (`system_account:manage`, `system_account`), as filterInventory matches them.
 * Exact, case included: the filter is, so `System_Account:manage` would find nobody.
 */
export function isKnownScope(query: string, known: readonly string[]): boolean {
  return known.some((scope) => scope === query || scope.startsWith(`${query}:`));
}

/** What a "did you mean" may offer: each scope, and each of its shorter forms (`resource:action`, `resource`). */
export function scopeQueries(known: readonly string[]): string[] {
  const queries = new Set<string>();
  for (const scope of known) {
    const parts = scope.split(':');
    for (let n = 1; n <= parts.length; n++) queries.add(parts.slice(0, n).join(':'));
  }
  return [...queries];
}
