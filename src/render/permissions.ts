import type { ScopeDiff } from '../permissions/scopes.js';
import { isRiskyScope } from '../permissions/scopes.js';
import type { Plan, RoleChange, RoleFields } from '../plan/types.js';
import { ACTION_PAST } from '../plan/types.js';
import { count } from '../util/plural.js';
import type { Colors } from './color.js';
import { PLAIN } from './color.js';

/**
 * How custom roles and effective permissions read in a plan. Pure; the text and Markdown
 * renderers both use these lines, so they cannot disagree.
 */

const ROLE_SYMBOL: Record<RoleChange['action'], string> = { create: '+', update: '~', delete: '-' };

/** `+user:invite -contract_data:read:*`; risky gains are marked with `!`. */
export function scopeDiffText(diff: ScopeDiff, c: Colors = PLAIN): string {
  return [
    ...diff.gained.map((s) => (isRiskyScope(s) ? c.red(`+${s} (!)`) : c.green(`+${s}`))),
    ...diff.lost.map((s) => c.red(`-${s}`)),
  ].join(' ');
}

/** The permissions line of an account change, or undefined when its permissions do not change. */
export function permissionsLine(diff: ScopeDiff | undefined, c: Colors = PLAIN): string | undefined {
  return diff ? `permissions: ${scopeDiffText(diff, c)}` : undefined;
}

const list = (xs: readonly string[]) => `[${xs.join(', ')}]`;

function roleFieldLines(change: RoleChange, c: Colors): string[] {
  const b: Partial<RoleFields> = change.before ?? {};
  const a: Partial<RoleFields> = change.after ?? {};
  const lines: string[] = [];
  if (change.action === 'delete') return lines;
  if (a.name !== undefined && b.name !== undefined) lines.push(`name: "${b.name}" → "${a.name}"`);
  if (a.description !== undefined)
    lines.push(
      change.action === 'create'
        ? `description: ${a.description ?? '(none)'}`
        : `description: ${b.description ?? '(none)'} → ${a.description ?? '(none)'}`,
    );
  if (a.permissions !== undefined) {
    if (change.action === 'create') lines.push(`permissions: ${list(a.permissions)}`);
    else {
      const before = b.permissions ?? [];
      const gained = a.permissions.filter((s) => !before.includes(s));
      const lost = before.filter((s) => !a.permissions!.includes(s));
      lines.push(
        `permissions: ${list(before)} → ${list(a.permissions)}  (${scopeDiffText({ gained, lost }, c)})`,
      );
    }
  }
  return lines;
}

/** What a role change does to the accounts and people who hold it. */
export function roleImpactLines(change: RoleChange, c: Colors = PLAIN): string[] {
  const lines: string[] = [];
  if (change.accounts.length > 0) {
    lines.push(`changes what ${count(change.accounts.length, 'system account')} can do:`);
    for (const a of change.accounts) lines.push(`  ${a.account}: ${scopeDiffText(a, c)}`);
  }
  if (change.people !== undefined && change.people > 0)
    lines.push(
      `also held by ${count(change.people, 'person', 'people')}, whose access ${change.action === 'delete' ? 'depends on it' : 'changes too'}`,
    );
  return lines;
}

/** A role change as Terraform-like text lines (the title, then indented details). */
export function roleChangeTextLines(change: RoleChange, c: Colors = PLAIN, visible = (s: string) => s) {
  const paint = change.action === 'create' ? c.green : change.action === 'delete' ? c.red : c.yellow;
  const origin = change.origin === 'unmanaged' ? c.dim(' (unmanaged: not in the file)') : '';
  const risk = change.risks.includes('privilege-gain') ? c.red(' ⚠ privilege gain') : '';
  const lines = [
    `  ${paint(ROLE_SYMBOL[change.action])} ${c.bold(`role ${visible(change.role)}`)} ${paint(`will be ${ACTION_PAST[change.action]}`)}${origin}${risk}`,
  ];
  for (const line of [...roleFieldLines(change, c), ...roleImpactLines(change, c)])
    lines.push(`      ${visible(line)}`);
  if (change.refused)
    lines.push(`      ${c.red(`✗ refused (${change.refused.guard}): ${visible(change.refused.message)}`)}`);
  return lines;
}

/** The detail lines of a role change for Markdown (escaped by the caller). */
export function roleChangeDetailLines(change: RoleChange): string[] {
  return [...roleFieldLines(change, PLAIN), ...roleImpactLines(change, PLAIN)];
}

export const roleSymbol = (change: RoleChange) => ROLE_SYMBOL[change.action];

/**
 * `; roles: 1 to create, 0 to update, 1 to delete; 2 privilege gains (!)`, or '' when neither
 * applies. Counted from the plan's lists, like every other count a renderer shows.
 */
export function roleCountsClause(plan: Pick<Plan, 'changes' | 'roleChanges'>): string {
  const n = (action: RoleChange['action']) => plan.roleChanges.filter((c) => c.action === action).length;
  const gains = [...plan.changes, ...plan.roleChanges].filter((c) =>
    c.risks.includes('privilege-gain'),
  ).length;
  const parts: string[] = [];
  if (plan.roleChanges.length > 0)
    parts.push(`roles: ${n('create')} to create, ${n('update')} to update, ${n('delete')} to delete`);
  if (gains > 0) parts.push(`${count(gains, 'privilege gain')} (!)`);
  return parts.map((p) => `; ${p}`).join('');
}
