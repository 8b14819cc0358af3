import { createHash } from 'node:crypto';
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
  return `sha256:${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}

/** The same for a custom role: its name, description and scopes. */
export function fingerprintRole(role: LiveRole | undefined): string {
  const canonical =
    role === undefined
      ? 'absent'
      : JSON.stringify([role.uuid, role.name, role.description ?? null, [...role.permissions].sort()]);
  return `sha256:${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}
