import type { LiveAccount, LiveRole, LiveState } from '../state/types.js';
import { ADMINISTRATOR } from '../types/built-in-roles.js';
import { fieldsOf } from './account.js';
import { fingerprintAccount, fingerprintRole } from './fingerprint.js';
import { liveRoleFields } from './roles.js';
import type { AccountFields, Change, Plan, RoleChange, RoleFields } from './types.js';

/** One account or role of a saved plan that changed since, with what changed in it. */
export interface StaleItem {
  name: string;
  /** "roles: [CI/CD] → [CI/CD, Administrator]", or a sentence when the values are not known. */
  differences: string[];
}

/** The accounts and the custom roles of a stale saved plan, each listed separately. */
export interface StaleDetails {
  accounts: StaleItem[];
  roles: StaleItem[];
}

const UNRECORDED =
  'changed in PactFlow since the plan was made, in a field the plan does not record (one the file leaves alone)';

function shown(value: unknown): string {
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Field by field, what was `then` and is `now`. A saved change records the fields it touches as
 * they were (`before`). For the fields it does not touch, the live value then was the one the file
 * asks for; planning the same file again now (`fresh`) says which of those differ now, and from
 * what. A difference in a field the file leaves alone cannot be told apart: it is said as such.
 */
function fieldDifferences<F extends AccountFields | RoleFields>(
  before: Partial<F> | null,
  fields: F,
  fresh: { before: Partial<F> | null; after: Partial<F> | null } | undefined,
): string[] {
  const recorded: object = before ?? {};
  const now = new Map<string, unknown>(Object.entries(fields));
  const lines: string[] = [];
  for (const [field, then] of Object.entries(recorded))
    if (!same(then, now.get(field))) lines.push(`${field}: ${shown(then)} → ${shown(now.get(field))}`);
  for (const [field, wanted] of Object.entries(fresh?.after ?? {}))
    if (!(field in recorded) && fresh?.before && field in fresh.before && !same(wanted, now.get(field)))
      lines.push(`${field}: ${shown(wanted)} → ${shown(now.get(field))}`);
  return lines.length ? lines : [UNRECORDED];
}

function existence(planned: boolean, exists: boolean, noun: string): string[] | undefined {
  if (planned && !exists) return [`deleted in PactFlow since the plan was made`];
  if (!planned && exists) return [`${noun} of this name was created in PactFlow since the plan was made`];
  return undefined;
}

function accountDetails(
  change: Change,
  now: LiveAccount | undefined,
  fresh: Change | undefined,
  live: LiveState,
): string[] {
  const gone = existence(change.uuid !== undefined, now !== undefined, 'an account');
  if (gone || !now) return gone ?? [];
  const admin = live.roles.find((r) => r.name.toLowerCase() === ADMINISTRATOR.toLowerCase());
  const fields: AccountFields = fieldsOf(now, admin && { uuid: admin.uuid, name: admin.name });
  return fieldDifferences(change.before, fields, fresh);
}

function roleDetails(change: RoleChange, now: LiveRole | undefined, fresh: RoleChange | undefined): string[] {
  const gone = existence(change.uuid !== undefined, now !== undefined, 'a role');
  if (gone || !now) return gone ?? [];
  const fields: RoleFields = liveRoleFields(now);
  return fieldDifferences(change.before, fields, fresh);
}

/**
 * What changed in each account and custom role a saved plan touches, since it was made: the same
 * accounts and roles `findStaleAccounts` finds (by fingerprint), with their fields before → after.
 * `fresh`: the changes planning the plan's own file against `live` makes now.
 */
export function describeStalePlan(
  plan: Pick<Plan, 'changes' | 'roleChanges'>,
  live: LiveState,
  fresh: Pick<Plan, 'changes' | 'roleChanges'>,
): StaleDetails {
  const account = (c: { uuid?: string; account: string }) =>
    c.uuid
      ? live.accounts.find((a) => a.uuid === c.uuid)
      : live.accounts.find((a) => a.name.toLowerCase() === c.account.toLowerCase());
  const role = (c: { uuid?: string; role: string }) =>
    c.uuid
      ? live.roles.find((r) => r.uuid === c.uuid)
      : live.roles.find((r) => r.name.toLowerCase() === c.role.toLowerCase());
  const accounts = plan.changes
    .filter((c) => fingerprintAccount(account(c)) !== c.fingerprint)
    .map((c) => {
      const again = fresh.changes.find((f) => f.uuid !== undefined && f.uuid === c.uuid);
      return { name: c.account, differences: accountDetails(c, account(c), again, live) };
    });
  const roles = plan.roleChanges
    .filter((c) => fingerprintRole(role(c)) !== c.fingerprint)
    .map((c) => {
      const again = fresh.roleChanges.find((f) => f.uuid !== undefined && f.uuid === c.uuid);
      return { name: c.role, differences: roleDetails(c, role(c), again) };
    });
  return { accounts, roles };
}
