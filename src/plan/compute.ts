import type { DesiredAccount, DesiredState, SourcePosition } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt } from '../diagnostics.js';
import { compileGlob, scopeMatcher } from '../util/glob.js';
import { didYouMean } from '../util/suggest.js';
import { byName, compareNames } from '../util/names.js';
import type { LiveAccount, LiveState, Ref } from '../state/types.js';
import { ADMINISTRATOR } from '../types/built-in-roles.js';
import { assignableRoles, convergeSteps, targetRoles } from './converge.js';
import { fingerprintAccount, hashChanges } from './fingerprint.js';
import { checkGuards } from './guards.js';
import { attributePermissions } from './permissions.js';
import { planRoles } from './roles.js';
import type {
  AccountFields,
  Action,
  Change,
  Plan,
  PlanWarning,
  Refusal,
  ResolvedSpec,
  Risk,
  RoleRef,
  Step,
  Summary,
  UnmanagedAccount,
} from './types.js';
import { ACTIONS } from './types.js';

export interface PlanOptions {
  baseUrl: string;
  /** e.g. `pactflow-accounts 0.1.0`, recorded in the saved plan. */
  generator: string;
  /** Plan only these accounts (names as in the file or live, case-insensitive). */
  targets?: readonly string[];
}

export interface PlanResult {
  /** Absent when `diagnostics` has errors (unknown roles or teams, ambiguous renames). */
  plan?: Plan;
  diagnostics: Diagnostic[];
}

const lower = (s: string) => s.toLowerCase();
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

/**
 * desired × live → plan. Pure: no I/O, clock or randomness, so the same inputs give the same plan,
 * byte for byte. Every change names its account, its most significant action, the API steps it
 * needs, and before/after values of the fields it touches; guards are evaluated into the plan.
 */
export function computePlan(desired: DesiredState, live: LiveState, options: PlanOptions): PlanResult {
  const diagnostics: Diagnostic[] = [];
  const error = (at: SourcePosition, code: string, summary: string, detail?: string) =>
    diagnostics.push(diagnosticAt(at, code, `${at.path}: ${summary}`, detail));

  // Live roles and the custom roles this plan creates, which accounts may already name.
  const roles = planRoles(desired, live);
  diagnostics.push(...roles.diagnostics);
  const roleByName = roles.byName;
  const teamByName = new Map(live.teams.map((t) => [lower(t.name), t]));
  const adminRole = live.roles.find((r) => lower(r.name) === lower(ADMINISTRATOR));
  const administrator: Ref | undefined = adminRole && { uuid: adminRole.uuid, name: adminRole.name };
  const liveById = new Map(live.accounts.map((a) => [a.uuid, a]));
  const liveByName = new Map<string, LiveAccount[]>();
  for (const account of live.accounts) {
    const key = lower(account.name);
    const same = liveByName.get(key);
    if (same) same.push(account);
    else liveByName.set(key, [account]);
  }
  const protectedGlobs = desired.policy.protected.map((pattern) => ({ pattern, re: compileGlob(pattern) }));
  const isProtected = (name: string) => protectedGlobs.some((g) => g.re.test(name));
  const warnings: PlanWarning[] = unmatchedPatterns(desired, live);
  const inScope = scopeMatcher(desired.policy);
  const targets = options.targets?.length ? new Set(options.targets.map(lower)) : undefined;
  const targeted = (...candidates: string[]) => !targets || candidates.some((n) => targets.has(lower(n)));

  // Thousands of accounts name the same few roles and teams: each name, as written, is resolved
  // once, and the accounts share its reference (references are never changed once made).
  const resolved = { role: new Map<string, RoleRef>(), team: new Map<string, RoleRef>() };
  const resolveSpec = (account: DesiredAccount): ResolvedSpec | undefined => {
    let ok = true;
    const resolve = (
      list: string[] | undefined,
      sources: SourcePosition[],
      kind: 'role' | 'team',
    ): RoleRef[] | undefined =>
      list?.map((name, i): RoleRef => {
        const known = resolved[kind].get(name);
        if (known) return known;
        const at = sources[i]!;
        const found = kind === 'role' ? roleByName.get(lower(name)) : teamByName.get(lower(name));
        if (!found) {
          ok = false;
          const known =
            kind === 'role'
              ? [...roleByName.values()].filter((r) => !r.serverManaged).map((r) => r.name)
              : live.teams.map((t) => t.name);
          error(
            at,
            `unknown-${kind}`,
            `unknown ${kind} "${name}"${didYouMean(name, known)}`,
            `${kind}s in this PactFlow: ${known.join(', ') || 'none'}`,
          );
          return { uuid: '', name };
        }
        if (kind === 'role' && roleByName.get(lower(name))!.serverManaged) {
          ok = false;
          error(
            at,
            'server-managed-role',
            `role "${found.name}" cannot be assigned`,
            'PactFlow grants it to team administrators; remove it from the list',
          );
        }
        const ref = found.uuid === undefined ? { name: found.name } : { uuid: found.uuid, name: found.name };
        if (ok) resolved[kind].set(name, ref);
        return ref;
      });
    const roles = resolve(account.roles, account.source.roles, 'role');
    const teams = resolve(account.teams, account.source.teams, 'team') as Ref[] | undefined;
    if ((account.admin !== undefined || roles) && !administrator) {
      ok = false;
      error(
        account.source.entry,
        'no-administrator-role',
        'this PactFlow has no Administrator role to manage',
      );
    }
    return ok
      ? {
          ...(roles ? { roles } : {}),
          ...(account.admin === undefined ? {} : { admin: account.admin }),
          ...(teams ? { teams } : {}),
        }
      : undefined;
  };

  const claimed = new Set<string>();
  const changes: Change[] = [];
  let unchanged = 0;

  for (const account of desired.accounts) {
    if (targets && !targeted(account.name, ...account.previousNames)) continue;
    const exact = liveByName.get(lower(account.name)) ?? [];
    let match: LiveAccount | undefined;
    if (exact.length > 1) {
      // Only this entry is refused: the others still plan, and neither live account is treated
      // as unmanaged (so policy.unmanaged cannot disable or delete one of them by mistake).
      for (const candidate of exact) claimed.add(candidate.uuid);
      warnings.push({
        code: 'ambiguous-name',
        message: `"${account.name}" is left out of this plan: ${exact.length} live accounts are named so, ignoring case (${exact.map((a) => `"${a.name}"`).join(', ')}). Rename or delete one of them in PactFlow, then plan again.`,
      });
      continue;
    }
    match = exact[0];
    if (!match && account.previousNames.length > 0) {
      const candidates = account.previousNames
        .flatMap((n) => liveByName.get(lower(n)) ?? [])
        .filter((c) => !claimed.has(c.uuid));
      if (candidates.length > 1) {
        error(
          account.source.entry,
          'ambiguous-rename',
          `${candidates.length} live accounts match previousNames of "${account.name}": ${candidates.map((c) => `"${c.name}"`).join(', ')}`,
          'keep one previous name, or delete the extra live account',
        );
        continue;
      }
      match = candidates[0];
    }
    if (match) claimed.add(match.uuid);
    const spec = resolveSpec(account);
    if (!spec) continue;
    const change = planAccount(account, match, spec, administrator);
    if (change) changes.push(change);
    else unchanged++;
  }

  const unmanaged: UnmanagedAccount[] = [];
  let outOfScope = 0;
  for (const account of live.accounts) {
    if (claimed.has(account.uuid) || (targets && !targeted(account.name))) continue;
    if (!inScope(account.name)) {
      outOfScope++;
      continue;
    }
    const base = { name: account.name, uuid: account.uuid, active: account.active };
    const policy = desired.policy.unmanaged;
    if (isProtected(account.name)) unmanaged.push({ ...base, disposition: 'protected' });
    else if (policy === 'ignore') unmanaged.push({ ...base, disposition: 'ignore' });
    else if (policy === 'disable' && !account.active)
      unmanaged.push({ ...base, disposition: 'already-disabled' });
    else {
      unmanaged.push({ ...base, disposition: policy });
      changes.push(
        policy === 'delete'
          ? deleteChange(account, account.name, 'unmanaged', administrator)
          : {
              ...changeFor(account.name, account, 'disable', 'unmanaged'),
              before: { state: 'enabled' },
              after: { state: 'disabled' },
              steps: [{ kind: 'disable' }],
              risks: ['disable'],
            },
      );
    }
  }

  if (diagnostics.length > 0) return { diagnostics };

  for (const change of changes) {
    const refusal = protectedRefusal(change, liveById, protectedGlobs) ?? selfLockout(change, live);
    if (refusal) change.refused = refusal;
  }
  attributePermissions(changes, roles, live);
  const roleChanges = roles.changes;
  const all = [...changes, ...roleChanges];
  changes.sort(
    (a, b) =>
      byName({ name: a.account }, { name: b.account }) ||
      ACTIONS.indexOf(a.action) - ACTIONS.indexOf(b.action),
  );
  unmanaged.sort(byName);

  const summary = Object.fromEntries(
    ACTIONS.map((a) => [a, changes.filter((c) => c.action === a).length]),
  ) as unknown as Summary;
  summary.unchanged = unchanged;
  summary.unmanaged = unmanaged.length;
  summary.outOfScope = outOfScope;
  summary.refused = all.filter((c) => c.refused).length;
  summary.roleCreate = roleChanges.filter((c) => c.action === 'create').length;
  summary.roleUpdate = roleChanges.filter((c) => c.action === 'update').length;
  summary.roleDelete = roleChanges.filter((c) => c.action === 'delete').length;
  summary.privilegeGains = all.filter((c) => c.risks.includes('privilege-gain')).length;

  return {
    diagnostics,
    plan: {
      formatVersion: 1,
      generator: options.generator,
      baseUrl: options.baseUrl,
      desired: { file: desired.file, sha256: desired.sha256 },
      caller: { uuid: live.caller.uuid, name: live.caller.name },
      targets: options.targets?.length ? [...options.targets] : null,
      summary,
      hash: hashChanges(changes, roleChanges),
      guards: checkGuards(all, desired.policy.limits),
      changes,
      roleChanges,
      unmanaged,
      ...(warnings.length ? { warnings } : {}),
    },
  };
}

/**
 * A `protected` or `scope.include` glob that matches no live account is most likely a typo, and a
 * typo in `protected` silently protects nothing: say so in the plan.
 */
function unmatchedPatterns(desired: DesiredState, live: LiveState): PlanWarning[] {
  const unmatched = (patterns: readonly string[]) =>
    patterns.filter((p) => {
      const re = compileGlob(p);
      return !live.accounts.some((a) => re.test(a.name));
    });
  return [
    ...unmatched(desired.policy.protected).map((p): PlanWarning => ({
      code: 'unmatched-protected',
      message: `policy.protected "${p}" matches no live system account, so it protects nothing. Check it for a typo.`,
    })),
    ...unmatched(desired.policy.include).map((p): PlanWarning => ({
      code: 'unmatched-include',
      message: `policy.scope.include "${p}" matches no live system account. Check it for a typo.`,
    })),
  ];
}

function changeFor(
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

function deleteChange(
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

function planAccount(
  account: DesiredAccount,
  live: LiveAccount | undefined,
  spec: ResolvedSpec,
  administrator: Ref | undefined,
): Change | undefined {
  if (account.state === 'deleted')
    return live ? deleteChange(live, account.name, 'file', administrator) : undefined;

  if (!live) {
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

  // Most accounts of a large file need nothing: that is known from the steps alone, before the
  // before/after fields are put together.
  const converge = convergeSteps(live, spec, administrator);
  const renamed = live.name !== account.name;
  const emailed = account.email !== undefined && account.email !== live.email;
  const restated = (account.state === 'enabled') !== live.active;
  if (converge.length === 0 && !renamed && !emailed && !restated) return undefined;

  const before: Partial<AccountFields> = {};
  const after: Partial<AccountFields> = {};
  const steps: Step[] = [];
  const risks: Risk[] = [];
  const now = fieldsOf(live, administrator);

  if (renamed) {
    steps.push({ kind: 'rename', name: account.name });
    before.name = live.name;
    after.name = account.name;
  }
  if (emailed) {
    steps.push({ kind: 'set-email', email: account.email! });
    before.email = now.email;
    after.email = account.email!;
  }
  steps.push(...converge);
  const setRoles = converge.find((s) => s.kind === 'set-roles');
  if (setRoles) {
    const target = targetRoles(assignableRoles(live), spec, administrator)!;
    const adminAfter = administrator ? target.some((r) => r.uuid === administrator.uuid) : false;
    const rolesAfter = names(target.filter((r) => r.uuid !== administrator?.uuid));
    if (adminAfter !== now.admin) {
      before.admin = now.admin;
      after.admin = adminAfter;
      risks.push(adminAfter ? 'admin-grant' : 'admin-revoke');
    }
    if (rolesAfter.join('\n') !== now.roles.join('\n')) {
      before.roles = now.roles;
      after.roles = rolesAfter;
    }
  }
  if (converge.some((s) => s.kind === 'add-team' || s.kind === 'remove-team')) {
    before.teams = now.teams;
    after.teams = names(spec.teams!);
  }
  if (account.state === 'enabled' && !live.active) steps.push({ kind: 'enable' });
  if (account.state === 'disabled' && live.active) {
    steps.push({ kind: 'disable' });
    risks.push('disable');
  }
  if (account.state !== now.state) {
    before.state = now.state;
    after.state = account.state;
  }
  if (steps.length === 0) return undefined;

  steps.sort((a, b) => STEP_ORDER.indexOf(a.kind) - STEP_ORDER.indexOf(b.kind));
  const kinds = new Set(steps.map((s) => s.kind));
  const action: Action = kinds.has('rename')
    ? 'rename'
    : kinds.has('disable')
      ? 'disable'
      : kinds.has('enable')
        ? 'enable'
        : 'update';
  return { ...changeFor(account.name, live, action, 'file'), before, after, steps, risks };
}

function protectedRefusal(
  change: Change,
  liveById: ReadonlyMap<string, LiveAccount>,
  globs: readonly { pattern: string; re: RegExp }[],
): Refusal | undefined {
  const liveName = change.uuid ? liveById.get(change.uuid)?.name : undefined;
  for (const name of [liveName, change.account]) {
    const glob = name === undefined ? undefined : globs.find((g) => g.re.test(name));
    if (name !== undefined && glob)
      return {
        guard: 'protected',
        message:
          glob.pattern.toLowerCase() === name.toLowerCase()
            ? `"${name}" is in policy.protected: this tool never changes it. Change it in PactFlow by hand, or remove it from policy.protected.`
            : `"${name}" matches policy.protected "${glob.pattern}": this tool never changes it. Change it in PactFlow by hand, or narrow policy.protected.`,
      };
  }
  return undefined;
}

/** The account that owns the token is never changed at all: not disabled, renamed, re-roled or moved. */
function selfLockout(change: Change, live: LiveState): Refusal | undefined {
  if (!change.uuid || change.uuid !== live.caller.uuid) return undefined;
  return {
    guard: 'self-lockout',
    message: `"${live.caller.name}" owns the API token this run uses: this tool never changes the account it runs as, so it cannot lock itself out. Apply this change with another account's token.`,
  };
}
