import { ACTION_PAST, hasChanges } from '../plan/types.js';
import type {
  AccountFields,
  Action,
  Change,
  GuardReport,
  LimitName,
  Plan,
  UnmanagedAccount,
} from '../plan/types.js';
import { count, noun } from '../util/plural.js';
import type { Colors } from './color.js';
import { PLAIN } from './color.js';
import { permissionsLine, roleChangeTextLines, roleCountsClause } from './permissions.js';
import { lookAlikeEscapes, quoted, shownName, visible } from './escape.js';
import type { FieldChange } from './words.js';
import { countPlan, fieldChanges, goesWithSentence, leftAlone, num, riskLabels } from './words.js';

export { visible } from './escape.js';

export const SYMBOLS: Record<Action, string> = {
  create: '+',
  rename: '~',
  update: '~',
  enable: '~',
  disable: '!',
  delete: '-',
};

export const FLAG_FOR_LIMIT: Record<LimitName, string> = {
  maxDeletes: '--allow-deletes',
  maxDisables: '--allow-disables',
  maxAdminChanges: '--allow-admin-changes',
};

export const LIMIT_NOUN: Record<LimitName, [string, string]> = {
  maxDeletes: ['delete', 'deletes'],
  maxDisables: ['disable', 'disables'],
  maxAdminChanges: ['admin change', 'admin changes'],
};

/** A value as text: names and emails quoted (so spaces and look-alikes show), sets in brackets. */
export function formatValue(
  value: AccountFields[keyof AccountFields] | undefined,
  field?: keyof AccountFields,
): string {
  if (value === undefined || value === null) return '(none)';
  if (Array.isArray(value)) return `[${value.map(visible).join(', ')}]`;
  if (typeof value === 'string' && field === 'name') return quotedName(value);
  if (typeof value === 'string' && field === 'email') return quoted(value);
  return visible(String(value));
}

function colorFor(action: Action, c: Colors): (s: string) => string {
  switch (action) {
    case 'create':
      return c.green;
    case 'delete':
      return c.red;
    case 'disable':
      return c.magenta;
    case 'rename':
    case 'enable':
    case 'update':
      return c.yellow;
  }
}

/** One field change as a line of text (also what a reviewed-plan comparison compares). */
export function fieldText(f: FieldChange, c: Colors): string {
  switch (f.kind) {
    case 'value':
      return `${f.field}: ${formatValue(f.value, f.field)}`;
    case 'change':
      return `${f.field}: ${formatValue(f.before, f.field)} → ${formatValue(f.after, f.field)}`;
    case 'set': {
      const parts = [
        ...f.added.map((v) => c.green(`+${visible(v)}`)),
        ...f.removed.map((v) => c.red(`-${visible(v)}`)),
      ];
      return `${f.field}: ${formatValue(f.before)} → ${formatValue(f.after)}  (${parts.join(' ')})`;
    }
  }
}

/** A name in quotes, with its escapes beside it when it could be mistaken for another. */
function quotedName(name: string): string {
  const beside = lookAlikeEscapes(name);
  return beside === undefined ? quoted(name) : `${quoted(name)} (${beside})`;
}

/**
 * The account's name, or `old → new` for a rename, with invisible characters shown and the
 * escapes of a look-alike beside it: `ci-café (ci-cafe\u0301) → ci-café`.
 */
export function changeTitle(change: Change): string {
  const from = change.before?.name;
  return from !== undefined && change.after?.name !== undefined && from !== change.after.name
    ? `${shownName(from)} → ${shownName(change.account)}`
    : shownName(change.account);
}

/** "roles [CI/CD], teams [Payments] and its API tokens": what a delete takes with it. */
export function goesWithText(change: Change): string {
  return goesWithSentence(change, formatValue);
}

function renderChange(change: Change, c: Colors): string[] {
  const paint = colorFor(change.action, c);
  const origin = change.origin === 'unmanaged' ? c.dim(' (unmanaged: not in the file)') : '';
  // A delete or disable is marked by its symbol already; other risks (admin grants and revokes)
  // would read as a routine update without a word.
  const risks = riskLabels(change, { implied: false });
  const risky = risks.length ? `  ${c.red(c.bold(`⚠ risky: ${risks.join(', ')}`))}` : '';
  const lines = [
    `  ${paint(SYMBOLS[change.action])} ${c.bold(changeTitle(change))} ${paint(`will be ${ACTION_PAST[change.action]}`)}${origin}${risky}`,
  ];
  for (const f of fieldChanges(change)) lines.push(`      ${fieldText(f, c)}`);
  if (change.action === 'delete') lines.push(`      ${goesWithText(change)}`);
  const permissions = change.action === 'delete' ? undefined : permissionsLine(change.permissions, c);
  if (permissions) lines.push(`      ${permissions}`);
  if (change.refused)
    lines.push(`      ${c.red(`✗ refused (${change.refused.guard}): ${visible(change.refused.message)}`)}`);
  return lines;
}

/** One line per limit the plan goes over, with the flag that raises it for one run. */
export function guardLines(guards: GuardReport): string[] {
  return guards.exceeded.map((name) => {
    const { count: n, limit } = guards.limits[name];
    const [one, many] = LIMIT_NOUN[name];
    return `${count(n, one, many)} ${noun(n, 'exceeds', 'exceed')} policy.limits.${name} = ${limit}: raise it in the file, or for one run with \`apply ${FLAG_FOR_LIMIT[name]} ${n}\``;
  });
}

const DISPOSITION: Record<UnmanagedAccount['disposition'], string> = {
  ignore: 'left as it is (policy.unmanaged: ignore)',
  disable: 'will be disabled (policy.unmanaged: disable)',
  delete: 'will be deleted (policy.unmanaged: delete)',
  protected: 'protected: never changed',
  'already-disabled': 'already disabled',
};

/** "1 to create, …, 1 to delete; 5 unchanged, 2 unmanaged.": the same counts as the Markdown table. */
export function countsSentence(plan: Plan): string {
  const n = countPlan(plan);
  const parts = [
    `${num(n.create)} to create`,
    `${num(n.rename)} to rename`,
    `${num(n.update)} to update`,
    `${num(n.enable)} to enable`,
    `${num(n.disable)} to disable`,
    `${num(n.delete)} to delete`,
  ];
  return `${parts.join(', ')}${roleCountsClause(plan)}; ${num(n.unchanged)} unchanged, ${num(n.unmanaged)} unmanaged.`;
}

/** Terraform-like text: one block per change, then unmanaged accounts, guards and the counts line. */
export function renderPlanText(plan: Plan, options: { colors?: Colors } = {}): string {
  const c = options.colors ?? PLAIN;
  const out: string[] = [];
  const file = visible(plan.desired.file);
  if (hasChanges(plan)) {
    out.push(`Plan for ${c.bold(visible(plan.baseUrl))} from ${file}:`, '');
    // Roles first: apply creates and updates them before the accounts that use them.
    for (const change of plan.roleChanges) out.push(...roleChangeTextLines(change, c, visible), '');
    for (const change of plan.changes) out.push(...renderChange(change, c), '');
  }
  const listed = leftAlone(plan);
  if (listed.length > 0) {
    out.push(c.bold('Unmanaged accounts in scope (not in the file):'));
    for (const u of listed)
      out.push(`  ? ${shownName(u.name)}${u.active ? '' : ' (disabled)'} — ${DISPOSITION[u.disposition]}`);
    out.push('');
  }
  if (!plan.guards.ok) {
    out.push(c.red(c.bold('Refused by safety guards — apply will not run this plan:')));
    for (const r of plan.guards.refusals)
      out.push(c.red(`  ✗ ${shownName(r.account)}: ${visible(r.message)}`));
    for (const line of guardLines(plan.guards)) out.push(c.red(`  ✗ ${line}`));
    out.push('');
  }
  // The verdict comes last, where a reader (and a log tail) looks for it.
  if (!hasChanges(plan)) {
    out.push(
      `${c.green(c.bold('No changes.'))} PactFlow matches ${file} (${count(plan.summary.unchanged, 'account')} unchanged).`,
    );
  }
  if (hasChanges(plan)) out.push(`${c.bold('Plan:')} ${countsSentence(plan)}`);
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
