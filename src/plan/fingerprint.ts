import { hash } from 'node:crypto';

/** sha256 in hex; the one-shot form, three times faster than a Hash object for a plan's thousands. */
const sha256 = (text: string): string => hash('sha256', text, 'hex');
import type { Change, RoleChange } from './types.js';
import type { LiveAccount, LiveRole } from '../state/types.js';

/**
 * A digest of the live fields a change reads: name, email, state, role and team ids. A saved plan
 * is stale for an account when this differs at apply time. `undefined` (no such account) has its
 * own fingerprint, so an account that appears after planning a create is caught too.
 */
export function fingerprintAccount(account: LiveAccount | undefined): string {
  const canonical =
    account === undefined
      ? 'absent'
      : JSON.stringify([
          account.uuid,
          account.name,
          account.email ?? null,
          account.active,
          account.roles.map((r) => r.uuid).sort(),
          account.teams.map((t) => t.uuid).sort(),
        ]);
  return `sha256:${sha256(canonical).slice(0, 32)}`;
}

/** The same for a custom role: its name, description and scopes. */
export function fingerprintRole(role: LiveRole | undefined): string {
  const canonical =
    role === undefined
      ? 'absent'
      : JSON.stringify([role.uuid, role.name, role.description ?? null, [...role.permissions].sort()]);
  return `sha256:${sha256(canonical).slice(0, 32)}`;
}

/**
 * A short digest of what a plan would do: each change's account, action, steps and before/after,
 * in plan order. No timestamps, generator or live fingerprints go in, so planning the same file
 * against the same organization twice gives the same hash, and a reviewer can tell whether the
 * plan applied on merge is the plan they reviewed.
 */
export function hashChanges(changes: readonly Change[], roleChanges: readonly RoleChange[] = []): string {
  const accounts = changes.map((c) => [
    c.account,
    c.uuid ?? null,
    c.action,
    c.origin,
    c.before,
    c.after,
    c.steps,
    c.refused ?? null,
  ]);
  // Role changes join the digest only when there are some, so a plan without any keeps its hash.
  const roles = roleChanges.map((c) => [
    c.role,
    c.uuid ?? null,
    c.action,
    c.before,
    c.after,
    c.steps,
    c.refused ?? null,
  ]);
  const canonical = JSON.stringify(roles.length ? [accounts, roles] : accounts);
  return sha256(canonical).slice(0, 12);
}
