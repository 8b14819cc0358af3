import type { DesiredAccount, DesiredState } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt } from '../diagnostics.js';
import type { LiveAccount, LiveState, Ref } from '../state/types.js';
import { ADMINISTRATOR } from '../types/built-in-roles.js';
import { compileGlob, scopeMatcher } from '../util/glob.js';
import { byName, nameKey } from '../util/names.js';
import { changeFor, deleteChange, planAccount } from './account.js';
import { hashChanges } from './fingerprint.js';
import type { GuardContext } from './guards.js';
import { checkGuards, guardContext } from './guards.js';
import { personNameClashes } from './people.js';
import { attributePermissions } from './permissions.js';
import { findRefusals } from './refusals.js';
import type { SpecResolver } from './resolve.js';
import { specResolver } from './resolve.js';
import { planRoles } from './roles.js';
import { narrowRoles } from './targets.js';
import type { Change, Plan, PlanWarning, RoleChange, Summary, UnmanagedAccount } from './types.js';
import { ACTIONS } from './types.js';

export interface PlanOptions {
  baseUrl: string;
  /** e.g. `pactflow-accounts 0.1.0`, recorded in the saved plan. */
  generator: string;
  /**
   * Plan only these accounts (names as in the file or live, case-insensitive), and only the role
   * changes they need that change no other account (see narrowRoles).
   */
  targets?: readonly string[];
}

export interface PlanResult {
  /** Absent when `diagnostics` has errors (unknown roles or teams, ambiguous renames). */
  plan?: Plan;
  diagnostics: Diagnostic[];
}

/** What every phase of planning reads: both sides, and where problems and warnings go. */
interface Planning {
  desired: DesiredState;
  live: LiveState;
  administrator: Ref | undefined;
  /** Live accounts by name key (see nameKey); two may share one. */
  liveByName: Map<string, LiveAccount[]>;
  /** Whether --target names one of these names (always true without --target). */
  targeted: (...names: string[]) => boolean;
  diagnostics: Diagnostic[];
  warnings: PlanWarning[];
}

/**
 * desired × live → plan. Pure: no I/O, clock or randomness, so the same inputs give the same plan,
 * byte for byte. Every change names its account, its most significant action, the API steps it
 * needs, and before/after values of the fields it touches. In phases: custom roles; the file's
 * accounts; the live accounts it does not list; the role changes --target keeps; effective
 * permissions; the guards.
 */
export function computePlan(desired: DesiredState, live: LiveState, options: PlanOptions): PlanResult {
  const roles = planRoles(desired, live);
  const planning = startPlanning(desired, live, options, [...roles.diagnostics]);
  const resolve = specResolver(roles.byName, live, planning.administrator, planning.diagnostics);
  const listed = planFileAccounts(planning, resolve);
  const unlisted = planUnmanaged(planning, listed.claimed);
  planning.diagnostics.push(...personNameClashes(listed.changes, desired, live));
  if (planning.diagnostics.length > 0) return { diagnostics: planning.diagnostics };

  const changes = [...listed.changes, ...unlisted.changes];
  const { roles: rolePlan, warnings: leftOut } = options.targets?.length
    ? narrowRoles(roles, changes, live, (a) => listed.claimed.has(a.uuid) || planning.targeted(a.name))
    : { roles, warnings: [] };
  planning.warnings.push(...leftOut);
  const roleChanges = rolePlan.changes;
  attributePermissions(changes, rolePlan, live);
  const guarding = guardContext(live, desired.policy);
  markRefusals(changes, roleChanges, guarding);
  changes.sort(
    (a, b) =>
      byName({ name: a.account }, { name: b.account }) ||
      ACTIONS.indexOf(a.action) - ACTIONS.indexOf(b.action),
  );
  unlisted.unmanaged.sort(byName);
  const { warnings } = planning;
  return {
    diagnostics: [],
    plan: {
      formatVersion: 1,
      generator: options.generator,
      baseUrl: options.baseUrl,
      desired: { file: desired.file, sha256: desired.sha256 },
      caller: { uuid: live.caller.uuid, name: live.caller.name },
      targets: options.targets?.length ? [...options.targets] : null,
      summary: summarize(changes, roleChanges, { ...listed, ...unlisted }),
      hash: hashChanges(changes, roleChanges),
      guards: checkGuards({ changes, roleChanges }, guarding),
      changes,
      roleChanges,
      unmanaged: unlisted.unmanaged,
      ...(warnings.length ? { warnings } : {}),
    },
  };
}

function startPlanning(
  desired: DesiredState,
  live: LiveState,
  options: PlanOptions,
  diagnostics: Diagnostic[],
): Planning {
  const adminRole = live.roles.find((r) => nameKey(r.name) === nameKey(ADMINISTRATOR));
  const liveByName = new Map<string, LiveAccount[]>();
  for (const account of live.accounts) {
    const key = nameKey(account.name);
    const same = liveByName.get(key);
    if (same) same.push(account);
    else liveByName.set(key, [account]);
  }
  const targets = options.targets?.length ? new Set(options.targets.map(nameKey)) : undefined;
  return {
    desired,
    live,
    administrator: adminRole && { uuid: adminRole.uuid, name: adminRole.name },
    liveByName,
    targeted: (...names) => !targets || names.some((n) => targets.has(nameKey(n))),
    diagnostics,
    warnings: unmatchedPatterns(desired, live),
  };
}

/** The file's entries against their live accounts, matched by name, then by a previous name. */
function planFileAccounts(planning: Planning, resolve: SpecResolver) {
  const claimed = new Set<string>();
  const changes: Change[] = [];
  let unchanged = 0;
  for (const account of planning.desired.accounts) {
    if (!planning.targeted(account.name, ...account.previousNames)) continue;
    const match = matchLive(account, planning, claimed);
    if (match === 'left-out') continue;
    if (match) claimed.add(match.uuid);
    const spec = resolve(account);
    if (!spec) continue;
    const change = planAccount(account, match, spec, planning.administrator);
    if (change) changes.push(change);
    else unchanged++;
  }
  return { changes, claimed, unchanged };
}

/**
 * The live account an entry is about, if any; `left-out` when it cannot be told (two live accounts
 * by its name, or by its previous names), which is said in a warning or an error.
 */
function matchLive(
  account: DesiredAccount,
  planning: Planning,
  claimed: Set<string>,
): LiveAccount | undefined | 'left-out' {
  const exact = planning.liveByName.get(nameKey(account.name)) ?? [];
  if (exact.length > 1) {
    // Only this entry is left out: the others still plan, and neither live account is treated
    // as unmanaged (so policy.unmanaged cannot disable or delete one of them by mistake).
    for (const candidate of exact) claimed.add(candidate.uuid);
    planning.warnings.push({
      code: 'ambiguous-name',
      message: `"${account.name}" is left out of this plan: ${exact.length} live accounts are named so, ignoring case (${exact.map((a) => `"${a.name}"`).join(', ')}). Rename or delete one of them in PactFlow, then plan again.`,
    });
    return 'left-out';
  }
  if (exact[0] || account.previousNames.length === 0) return exact[0];
  const candidates = account.previousNames
    .flatMap((n) => planning.liveByName.get(nameKey(n)) ?? [])
    .filter((c) => !claimed.has(c.uuid));
  if (candidates.length > 1) {
    const at = account.source.entry;
    planning.diagnostics.push(
      diagnosticAt(
        at,
        'ambiguous-rename',
        `${at.path}: ${candidates.length} live accounts match previousNames of "${account.name}": ${candidates.map((c) => `"${c.name}"`).join(', ')}`,
        'keep one previous name, or delete the extra live account',
      ),
    );
    return 'left-out';
  }
  return candidates[0];
}

/** Live accounts the file does not list, in scope: what policy.unmanaged does about each. */
function planUnmanaged(planning: Planning, claimed: ReadonlySet<string>) {
  const { desired, live, administrator } = planning;
  const protectedGlobs = desired.policy.protected.map((pattern) => compileGlob(pattern));
  const inScope = scopeMatcher(desired.policy);
  const policy = desired.policy.unmanaged;
  const unmanaged: UnmanagedAccount[] = [];
  const changes: Change[] = [];
  let outOfScope = 0;
  for (const account of live.accounts) {
    if (claimed.has(account.uuid) || !planning.targeted(account.name)) continue;
    if (!inScope(account.name)) {
      outOfScope++;
      continue;
    }
    const base = { name: account.name, uuid: account.uuid, active: account.active };
    if (protectedGlobs.some((re) => re.test(account.name)))
      unmanaged.push({ ...base, disposition: 'protected' });
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
  return { unmanaged, changes, outOfScope };
}

/** Each change the guards refuse carries its refusal, so every view shows it beside the change. */
function markRefusals(changes: Change[], roleChanges: RoleChange[], ctx: GuardContext): void {
  const refusals = findRefusals({ changes, roleChanges }, ctx);
  changes.forEach((change, i) => {
    const refusal = refusals.accounts[i];
    if (refusal) change.refused = refusal;
  });
  roleChanges.forEach((change, i) => {
    const refusal = refusals.roles[i];
    if (refusal) change.refused = refusal;
  });
}

function summarize(
  changes: readonly Change[],
  roleChanges: readonly RoleChange[],
  counts: { unchanged: number; unmanaged: readonly unknown[]; outOfScope: number },
): Summary {
  const all = [...changes, ...roleChanges];
  const summary = Object.fromEntries(
    ACTIONS.map((a) => [a, changes.filter((c) => c.action === a).length]),
  ) as unknown as Summary;
  summary.unchanged = counts.unchanged;
  summary.unmanaged = counts.unmanaged.length;
  summary.outOfScope = counts.outOfScope;
  summary.refused = all.filter((c) => c.refused).length;
  summary.roleCreate = roleChanges.filter((c) => c.action === 'create').length;
  summary.roleUpdate = roleChanges.filter((c) => c.action === 'update').length;
  summary.roleDelete = roleChanges.filter((c) => c.action === 'delete').length;
  summary.privilegeGains = all.filter((c) => c.risks.includes('privilege-gain')).length;
  return summary;
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
