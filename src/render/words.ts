import type { AccountFields, Action, Change, Plan, Risk, UnmanagedAccount } from '../plan/types.js';
import { ACTIONS } from '../plan/types.js';
import { grouped, noun } from '../util/plural.js';

/** What a risk does, in words a reviewer reads at a glance. */
export const RISK_LABEL: Record<Risk, string> = {
  delete: 'deletes the account',
  disable: 'disables the account',
  'admin-grant': 'grants Administrator',
  'admin-revoke': 'removes Administrator',
  'privilege-gain': 'gains privileges (a :manage: scope, user:invite or Administrator)',
};

/**
 * The change's risks in words. `implied: false` leaves out the risk its action already says
 * ("will be deleted" needs no "deletes the account").
 */
export const riskLabels = (
  change: Pick<Change, 'risks'> & { action: string },
  options: { implied?: boolean } = {},
): string[] =>
  change.risks
    .filter((r) => options.implied !== false || r !== change.action)
    // Granting Administrator says it already; the privilege gain comes with it.
    .filter((r) => r !== 'privilege-gain' || !change.risks.includes('admin-grant'))
    .map((r) => RISK_LABEL[r]);

/** A change a reviewer must look at: it carries a risk, or a guard refuses it. */
export const isRisky = (change: Pick<Change, 'risks' | 'refused'>): boolean =>
  change.risks.length > 0 || change.refused !== undefined;

/** Unmanaged accounts the plan leaves as they are; those it disables or deletes are changes. */
export const leftAlone = (plan: Plan): UnmanagedAccount[] =>
  plan.unmanaged.filter((u) => u.disposition !== 'disable' && u.disposition !== 'delete');

export type PlanCounts = Record<Action, number> & {
  changes: number;
  /** Account and role changes that grant a `:manage:` scope, `user:invite` or Administrator. */
  privilegeGains: number;
  unchanged: number;
  /** Unmanaged accounts left as they are (those disabled or deleted are counted by action). */
  unmanaged: number;
};

/**
 * The counts every renderer shows. They are taken from the plan's lists, not from its summary,
 * so the headline, the table and the closing line agree with what is listed, even for a saved
 * plan edited by hand. `unchanged` has no list, so it is the summary's.
 */
export function countPlan(plan: Plan): PlanCounts {
  const byAction = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<Action, number>;
  for (const change of plan.changes) byAction[change.action]++;
  return {
    ...byAction,
    changes: plan.changes.length,
    privilegeGains: [...plan.changes, ...plan.roleChanges].filter((c) => c.risks.includes('privilege-gain'))
      .length,
    unchanged: plan.summary.unchanged,
    unmanaged: leftAlone(plan).length,
  };
}

/** Numbers grouped as 10,000, the same way `count()` writes them. */
export const num = (n: number): string => grouped(n);

type Value = AccountFields[keyof AccountFields] | undefined;

/** One field a change touches, as both renderers show it. */
export type FieldChange =
  | { field: keyof AccountFields; kind: 'value'; value: Value }
  | { field: keyof AccountFields; kind: 'change'; before: Value; after: Value }
  | {
      field: keyof AccountFields;
      kind: 'set';
      before: string[];
      after: string[];
      added: string[];
      removed: string[];
    };

export const FIELD_ORDER = ['name', 'email', 'state', 'admin', 'roles', 'teams'] as const;

/** One field's change: sets say what is added and removed; scalars say before → after. */
export function fieldChange(
  field: keyof AccountFields,
  before: Partial<AccountFields> | null,
  after: Partial<AccountFields> | null,
): FieldChange | undefined {
  const b = before?.[field];
  const a = after?.[field];
  if (b === undefined && a === undefined) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    // Set differences, each in its own side's order: a sequence diff per change cost a plan of
    // 10,000 accounts more than a second, and for sets it says the same.
    const inBefore = new Set(b);
    const inAfter = new Set(a);
    const added = a.filter((v) => !inBefore.has(v));
    const removed = b.filter((v) => !inAfter.has(v));
    return { field, kind: 'set', before: b, after: a, added, removed };
  }
  if (before === null || b === undefined) return { field, kind: 'value', value: a };
  if (after === null || a === undefined) return { field, kind: 'value', value: b };
  return { field, kind: 'change', before: b, after: a };
}

/** The fields a change shows; a delete shows none (what goes with it is said separately). */
export const fieldChanges = (change: Change): FieldChange[] =>
  change.action === 'delete'
    ? []
    : FIELD_ORDER.flatMap((f) => fieldChange(f, change.before, change.after) ?? []);

/**
 * What a delete takes with it, "goes with it: roles …, team … and its API tokens, which stop
 * working", with the sets written by the renderer's `set` (so each escapes values its own way).
 */
export function goesWithSentence(change: Change, set: (values: string[]) => string): string {
  const before = change.before ?? {};
  const roles = [...(before.admin ? ['Administrator'] : []), ...(before.roles ?? [])];
  const teams = before.teams ?? [];
  const parts = [
    ...(roles.length ? [`${noun(roles.length, 'role', 'roles')} ${set(roles)}`] : []),
    ...(teams.length ? [`${noun(teams.length, 'team', 'teams')} ${set(teams)}`] : []),
  ];
  return `goes with it: ${parts.length ? `${parts.join(', ')} and ` : ''}its API tokens, which stop working`;
}
