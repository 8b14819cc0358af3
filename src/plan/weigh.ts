import type { LiveAccount, Ref } from '../state/types.js';
import { ADMINISTRATOR } from '../types/built-in-roles.js';
import type { Change, Step } from './types.js';

/** What one change does that a limit counts, judged from its steps alone. */
export interface ChangeWeight {
  deletes: number;
  disables: number;
  adminChanges: number;
}

/** The account a step acts on, as the steps before it leave it. */
interface Acting {
  existing: boolean;
  adminNow: boolean;
  /** Whether a step so far took this account's Administrator away or gave it. */
  adminChanged: boolean;
}

/**
 * What a change's steps do, judged against the live account they touch — never from the change's
 * own labels (`risks`, `action`), which a hand-edited plan could rewrite. The steps are walked in
 * the order apply runs them: until a `create` they act on the live account, after it on the new
 * one. Any delete step is a delete; a disable of an existing account is a disable (a new account
 * created disabled is not); a step that would leave the account it acts on holding Administrator
 * when it does not now, or the other way round, is an admin change, counted once per account.
 */
export function weighChange(
  change: Pick<Change, 'steps'>,
  live: LiveAccount | undefined,
  administrator: Ref | undefined,
): ChangeWeight {
  const isAdmin = (r: { uuid?: string; name: string }) =>
    (administrator !== undefined && r.uuid === administrator.uuid) ||
    r.name.toLowerCase() === ADMINISTRATOR.toLowerCase();
  const weight: ChangeWeight = { deletes: 0, disables: 0, adminChanges: 0 };
  const acting: Acting = {
    existing: live !== undefined,
    adminNow: live?.roles.some(isAdmin) ?? false,
    adminChanged: false,
  };
  for (const step of change.steps) {
    switch (step.kind) {
      case 'create':
        if (acting.adminChanged) weight.adminChanges++;
        Object.assign(acting, { existing: false, adminNow: false, adminChanged: false });
        break;
      case 'delete':
        weight.deletes = 1;
        break;
      case 'disable':
        if (acting.existing) weight.disables = 1;
        break;
      default:
        judgeRoleStep(step, acting, isAdmin, administrator);
    }
  }
  if (acting.adminChanged) weight.adminChanges++;
  return weight;
}

/** Whether a role step leaves the account holding Administrator, and whether that is a change. */
function judgeRoleStep(
  step: Step,
  acting: Acting,
  isAdmin: (r: { uuid?: string; name: string }) => boolean,
  administrator: Ref | undefined,
): void {
  if (step.kind === 'set-roles') {
    const after = step.roles.some(isAdmin);
    if (after !== acting.adminNow) Object.assign(acting, { adminNow: after, adminChanged: true });
    return;
  }
  if (step.kind !== 'reconcile') return;
  // What convergeSteps would make of it, judged conservatively: Administrator anywhere in the
  // wanted roles may be a grant; holding it now, only a step that provably keeps it (admin: true
  // with the live Administrator role, or neither roles nor admin managed) is not a change. The
  // planner only ever reconciles new accounts, which hold no Administrator.
  const { spec } = step;
  if (acting.adminNow) {
    const keeps =
      (spec.admin === true &&
        step.administrator !== undefined &&
        step.administrator.uuid === administrator?.uuid) ||
      (spec.admin === undefined && spec.roles === undefined);
    if (!keeps) acting.adminChanged = true;
  } else if (spec.admin === true || (spec.roles?.some(isAdmin) ?? false))
    Object.assign(acting, { adminNow: true, adminChanged: true });
}
