import type { Change, GuardReport, LimitName, RoleChange } from './types.js';

export type Limits = Record<LimitName, number>;

type Guarded = Pick<Change | RoleChange, 'risks' | 'refused'> & { account?: string; role?: string };

/** Which risks count against which budget. Role deletes count as deletes. */
const COUNTS: Record<LimitName, (c: Guarded) => number> = {
  maxDeletes: (c) => (c.risks.includes('delete') ? 1 : 0),
  maxDisables: (c) => (c.risks.includes('disable') ? 1 : 0),
  maxAdminChanges: (c) => (c.risks.includes('admin-grant') || c.risks.includes('admin-revoke') ? 1 : 0),
};

/** What a refusal names: the account, or `role "X"`. */
const subject = (c: Guarded) => (c.role !== undefined ? `role "${c.role}"` : (c.account ?? ''));

/**
 * The guards over a set of changes (account and role changes alike). Limits come from the file;
 * `overrides` (apply's --allow-… N) raise one for this run only: the larger of the two applies.
 * Refusals by protected names, self-lockout and roles in use are part of each change and cannot be
 * overridden.
 */
export function checkGuards(
  changes: readonly Guarded[],
  limits: Limits,
  overrides: Partial<Limits> = {},
): GuardReport {
  const report = Object.fromEntries(
    (Object.keys(COUNTS) as LimitName[]).map((name) => [
      name,
      {
        count: changes.reduce((n, c) => n + COUNTS[name](c), 0),
        limit: Math.max(limits[name], overrides[name] ?? 0),
      },
    ]),
  ) as GuardReport['limits'];
  const exceeded = (Object.keys(report) as LimitName[]).filter(
    (name) => report[name].count > report[name].limit,
  );
  const refusals = changes.flatMap((c) => (c.refused ? [{ account: subject(c), ...c.refused }] : []));
  return { limits: report, exceeded, refusals, ok: exceeded.length === 0 && refusals.length === 0 };
}
