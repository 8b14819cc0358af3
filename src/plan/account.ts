import type { DesiredAccount } from '../config/types.js';
import type { LiveAccount, Ref } from '../state/types.js';
import { ADMINISTRATOR } from '../types/built-in-roles.js';
import { compareNames } from '../util/names.js';
import { assignableRoles, convergeSteps, targetRoles } from './converge.js';
import { fingerprintAccount } from './fingerprint.js';
import type { AccountFields, Action, Change, ResolvedSpec, Risk, Step } from './types.js';

const names = (refs: readonly { name: string }[]) => refs.map((r) => r.name).sort(compareNames);
const STEP_ORDER: Step['kind'][] = [
  'create',
  'rename',
  'set-email',
  'set-roles',
  'reconcile',
  'add-team',
  'remove-team',
  'enable',
  'disable',
  'delete',
];

/** A change with nothing in it yet, named after its account. */
export function changeFor(
  account: string,
  live: LiveAccount | undefined,
  action: Action,
  origin: Change['origin'],
): Change {
  return {
    account,
    ...(live ? { uuid: live.uuid } : {}),
    action,
    origin,
    before: null,
    after: null,
    steps: [],
    risks: [],
    fingerprint: fingerprintAccount(live),
  };
}

export function fieldsOf(live: LiveAccount, administrator: Ref | undefined): AccountFields {
  const roles = assignableRoles(live);
  const isAdmin = (r: Ref) => (administrator ? r.uuid === administrator.uuid : r.name === ADMINISTRATOR);
  return {
    name: live.name,
    email: live.email ?? null,
    state: live.active ? 'enabled' : 'disabled',
    admin: roles.some(isAdmin),
    roles: names(roles.filter((r) => !isAdmin(r))),
    teams: names(live.teams),
  };
}

export function deleteChange(
  live: LiveAccount,
  account: string,
  origin: Change['origin'],
  administrator: Ref | undefined,
): Change {
  return {
    ...changeFor(account, live, 'delete', origin),
    before: fieldsOf(live, administrator),
    after: null,
    steps: [{ kind: 'delete' }],
    risks: ['delete'],
  };
}

/** An entry of the file that does not ask for its account to be deleted. */
type KeptAccount = DesiredAccount & { state: AccountFields['state'] };
const isKept = (account: DesiredAccount): account is KeptAccount => account.state !== 'deleted';

/** What one entry of the file asks of its live account (or of none yet); undefined: nothing. */
export function planAccount(
  account: DesiredAccount,
  live: LiveAccount | undefined,
  spec: ResolvedSpec,
  administrator: Ref | undefined,
): Change | undefined {
  if (!isKept(account)) return live ? deleteChange(live, account.name, 'file', administrator) : undefined;
  return live ? updateChange(account, live, spec, administrator) : createChange(account, spec, administrator);
}

function createChange(account: KeptAccount, spec: ResolvedSpec, administrator: Ref | undefined): Change {
  const steps: Step[] = [
    { kind: 'create', name: account.name, ...(account.email ? { email: account.email } : {}) },
  ];
  if (spec.roles || spec.admin !== undefined || spec.teams)
    steps.push({ kind: 'reconcile', spec, ...(administrator ? { administrator } : {}) });
  if (account.state === 'disabled') steps.push({ kind: 'disable' });
  const after: Partial<AccountFields> = {
    name: account.name,
    email: account.email ?? null,
    state: account.state,
    ...(spec.admin !== undefined || spec.roles ? { admin: spec.admin ?? false } : {}),
    ...(spec.roles ? { roles: names(spec.roles) } : {}),
    ...(spec.teams ? { teams: names(spec.teams) } : {}),
  };
  // A new account created disabled is not a disable of anything that worked before.
  return {
    ...changeFor(account.name, undefined, 'create', 'file'),
    after,
    steps,
    risks: spec.admin ? ['admin-grant'] : [],
  };
}

/** The fields a change touches, before and after, and its steps and risks, as they are found. */
interface Draft {
  before: Partial<AccountFields>;
  after: Partial<AccountFields>;
  steps: Step[];
  risks: Risk[];
}

function updateChange(
  account: KeptAccount,
  live: LiveAccount,
  spec: ResolvedSpec,
  administrator: Ref | undefined,
): Change | undefined {
  // Most accounts of a large file need nothing: that is known from the steps alone, before the
  // before/after fields are put together.
  const converge = convergeSteps(live, spec, administrator);
  const renamed = live.name !== account.name;
  const emailed = account.email !== undefined && account.email !== live.email;
  const restated = (account.state === 'enabled') !== live.active;
  if (converge.length === 0 && !renamed && !emailed && !restated) return undefined;

  const draft: Draft = { before: {}, after: {}, steps: [], risks: [] };
  const now = fieldsOf(live, administrator);
  const touch = <K extends keyof AccountFields>(field: K, after: AccountFields[K]) => {
    draft.before[field] = now[field];
    draft.after[field] = after;
  };
  if (renamed) {
    draft.steps.push({ kind: 'rename', name: account.name });
    touch('name', account.name);
  }
  if (emailed) {
    draft.steps.push({ kind: 'set-email', email: account.email! });
    touch('email', account.email!);
  }
  draft.steps.push(...converge);
  if (converge.some((s) => s.kind === 'set-roles')) roleFields(draft, now, live, spec, administrator);
  if (converge.some((s) => s.kind === 'add-team' || s.kind === 'remove-team'))
    touch('teams', names(spec.teams!));
  if (account.state === 'enabled' && !live.active) draft.steps.push({ kind: 'enable' });
  if (account.state === 'disabled' && live.active) {
    draft.steps.push({ kind: 'disable' });
    draft.risks.push('disable');
  }
  if (account.state !== now.state) touch('state', account.state);
  if (draft.steps.length === 0) return undefined;

  const steps = draft.steps.sort((a, b) => STEP_ORDER.indexOf(a.kind) - STEP_ORDER.indexOf(b.kind));
  const { before, after, risks } = draft;
  return { ...changeFor(account.name, live, actionOf(steps), 'file'), before, after, steps, risks };
}

/** Administrator and the other roles, before and after a set-roles step; a change of Administrator is a risk. */
function roleFields(
  draft: Draft,
  now: AccountFields,
  live: LiveAccount,
  spec: ResolvedSpec,
  administrator: Ref | undefined,
): void {
  const target = targetRoles(assignableRoles(live), spec, administrator)!;
  const adminAfter = administrator ? target.some((r) => r.uuid === administrator.uuid) : false;
  const rolesAfter = names(target.filter((r) => r.uuid !== administrator?.uuid));
  if (adminAfter !== now.admin) {
    draft.before.admin = now.admin;
    draft.after.admin = adminAfter;
    draft.risks.push(adminAfter ? 'admin-grant' : 'admin-revoke');
  }
  if (rolesAfter.join('\n') !== now.roles.join('\n')) {
    draft.before.roles = now.roles;
    draft.after.roles = rolesAfter;
  }
}

/** A change is named after the most significant thing its steps do. */
function actionOf(steps: readonly Step[]): Action {
  const kinds = new Set(steps.map((s) => s.kind));
  if (kinds.has('rename')) return 'rename';
  if (kinds.has('disable')) return 'disable';
  if (kinds.has('enable')) return 'enable';
  return 'update';
}
