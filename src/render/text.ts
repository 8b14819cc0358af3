import { diffArrays } from 'diff';
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
import type { Colors } from './color.js';
import { PLAIN } from './color.js';
import { permissionsLine, roleChangeTextLines, roleCountsClause } from './permissions.js';

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

const LIMIT_NOUN: Record<LimitName, string> = {
  maxDeletes: 'deletes',
  maxDisables: 'disables',
  maxAdminChanges: 'admin changes',
};

const FIELD_ORDER: (keyof AccountFields)[] = ['name', 'email', 'state', 'admin', 'roles', 'teams'];

/** Control characters in a name could rewrite the terminal; show them as escapes instead. */
export function visible(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
  }
  return out;
}

export function formatValue(
  value: AccountFields[keyof AccountFields] | undefined,
  field?: keyof AccountFields,
): string {
  if (value === undefined || value === null) return '(none)';
  if (Array.isArray(value)) return `[${value.map(visible).join(', ')}]`;
  // Names and emails are quoted so that spaces and look-alikes show; states and flags are words.
  if (typeof value === 'string' && (field === 'name' || field === 'email')) return JSON.stringify(value);
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

/** One field's change: sets show what is added and removed; scalars show before → after. */
export function fieldLine(
  field: keyof AccountFields,
  before: Partial<AccountFields> | null,
  after: Partial<AccountFields> | null,
  c: Colors,
): string | undefined {
  const b = before?.[field];
  const a = after?.[field];
  if (b === undefined && a === undefined) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    const parts = diffArrays(b, a).flatMap((part) =>
      part.added
        ? part.value.map((v) => c.green(`+${v}`))
        : part.removed
          ? part.value.map((v) => c.red(`-${v}`))
          : [],
    );
    return `${field}: ${formatValue(b)} → ${formatValue(a)}  (${parts.join(' ')})`;
  }
  if (before === null || b === undefined) return `${field}: ${formatValue(a, field)}`;
  if (after === null || a === undefined) return `${field}: ${formatValue(b, field)}`;
  return `${field}: ${formatValue(b, field)} → ${formatValue(a, field)}`;
}

export function changeTitle(change: Change): string {
  const from = change.before?.name;
  return from !== undefined && change.after?.name !== undefined && from !== change.after.name
    ? visible(`${from} → ${change.account}`)
    : visible(change.account);
}

function renderChange(change: Change, c: Colors): string[] {
  const paint = colorFor(change.action, c);
  const origin = change.origin === 'unmanaged' ? c.dim(' (unmanaged: not in the file)') : '';
  const gain = change.risks.includes('privilege-gain') ? c.red(' ⚠ privilege gain') : '';
  const lines = [
    `  ${paint(SYMBOLS[change.action])} ${c.bold(changeTitle(change))} ${paint(`will be ${ACTION_PAST[change.action]}`)}${origin}${gain}`,
  ];
  if (change.action !== 'delete') {
    for (const field of FIELD_ORDER) {
      const line = fieldLine(field, change.before, change.after, c);
      if (line) lines.push(`      ${line}`);
    }
    const permissions = permissionsLine(change.permissions, c);
    if (permissions) lines.push(`      ${permissions}`);
  }
  if (change.refused)
    lines.push(`      ${c.red(`✗ refused (${change.refused.guard}): ${visible(change.refused.message)}`)}`);
  return lines;
}

export function guardLines(guards: GuardReport): string[] {
  return guards.exceeded.map((name) => {
    const { count, limit } = guards.limits[name];
    return `${count} ${LIMIT_NOUN[name]} exceed policy.limits.${name} = ${limit}: raise it in the file, or for one run with \`apply ${FLAG_FOR_LIMIT[name]} ${count}\``;
  });
}

const DISPOSITION: Record<UnmanagedAccount['disposition'], string> = {
  ignore: 'left as it is (policy.unmanaged: ignore)',
  disable: 'will be disabled (policy.unmanaged: disable)',
  delete: 'will be deleted (policy.unmanaged: delete)',
  protected: 'protected: never changed',
  'already-disabled': 'already disabled',
};

export function countsSentence(plan: Plan): string {
  const s = plan.summary;
  const parts = [
    `${s.create} to create`,
    `${s.rename} to rename`,
    `${s.update} to update`,
    `${s.enable} to enable`,
    `${s.disable} to disable`,
    `${s.delete} to delete`,
  ];
  return `${parts.join(', ')}${roleCountsClause(plan)}; ${s.unchanged} unchanged, ${s.unmanaged} unmanaged.`;
}

/** Terraform-like text: one block per change, then unmanaged accounts, guards and the counts line. */
export function renderPlanText(plan: Plan, options: { colors?: Colors } = {}): string {
  const c = options.colors ?? PLAIN;
  const out: string[] = [];
  if (hasChanges(plan)) {
    out.push(`Plan for ${c.bold(plan.baseUrl)} from ${plan.desired.file}:`, '');
    // Roles first: apply creates and updates them before the accounts that use them.
    for (const change of plan.roleChanges) out.push(...roleChangeTextLines(change, c, visible), '');
    for (const change of plan.changes) out.push(...renderChange(change, c), '');
  }
  const listed = plan.unmanaged.filter((u) => u.disposition !== 'disable' && u.disposition !== 'delete');
  if (listed.length > 0) {
    out.push(c.bold('Unmanaged accounts in scope (not in the file):'));
    for (const u of listed)
      out.push(`  ? ${visible(u.name)}${u.active ? '' : ' (disabled)'} — ${DISPOSITION[u.disposition]}`);
    out.push('');
  }
  if (!plan.guards.ok) {
    out.push(c.red(c.bold('Refused by safety guards — apply will not run this plan:')));
    for (const r of plan.guards.refusals) out.push(c.red(`  ✗ ${visible(r.account)}: ${visible(r.message)}`));
    for (const line of guardLines(plan.guards)) out.push(c.red(`  ✗ ${line}`));
    out.push('');
  }
  // The verdict comes last, where a reader (and a log tail) looks for it.
  if (!hasChanges(plan)) {
    out.push(
      `${c.green(c.bold('No changes.'))} PactFlow matches ${plan.desired.file} (${plan.summary.unchanged} accounts unchanged).`,
    );
  }
  if (hasChanges(plan)) out.push(`${c.bold('Plan:')} ${countsSentence(plan)}`);
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
