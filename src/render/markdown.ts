import type { Change, Plan, RoleChange } from '../plan/types.js';
import { ACTION_PAST, hasChanges } from '../plan/types.js';
import { PLAIN } from './color.js';
import { permissionsLine, roleChangeDetailLines, roleSymbol } from './permissions.js';
import { SYMBOLS, changeTitle, countsSentence, fieldLine, guardLines, visible } from './text.js';

export const MARKER = '<!-- pactflow-accounts-plan -->';
/** GitHub's comment limit is 65,536; stay under it with room for a bot's own wrapper. */
export const MARKDOWN_LIMIT = 65_000;

/**
 * Makes any text inert in Markdown and HTML: every character that could open a tag, a link, code,
 * emphasis, a table cell or an entity becomes a numeric entity. Names are shown, never dropped.
 */
export function escapeMarkdown(text: string): string {
  return visible(text.replace(/\r?\n/g, ' ')).replace(
    /[&<>"'`|[\]()*_~#!\\{}:]/g,
    (ch) => `&#${ch.codePointAt(0)};`,
  );
}

const FIELDS = ['name', 'email', 'state', 'admin', 'roles', 'teams'] as const;

const isRisky = (c: Change | RoleChange) => c.risks.length > 0 || c.refused !== undefined;

function details(change: Change): string {
  const title = escapeMarkdown(changeTitle(change));
  const risk = change.risks.length ? ` ⚠️ ${change.risks.join(', ')}` : '';
  const refused = change.refused ? ` ⛔ refused (${change.refused.guard})` : '';
  const lines = [
    `<details><summary><code>${escapeMarkdown(SYMBOLS[change.action])}</code> <b>${title}</b> will be ${ACTION_PAST[change.action]}${risk}${refused}</summary>`,
    '',
  ];
  if (change.origin === 'unmanaged')
    lines.push('Not in the file: <code>policy.unmanaged</code> asks for this.', '');
  if (change.action !== 'delete') {
    for (const field of FIELDS) {
      const line = fieldLine(field, change.before, change.after, PLAIN);
      if (line) lines.push(`- ${escapeMarkdown(line)}`);
    }
    const permissions = permissionsLine(change.permissions);
    if (permissions) lines.push(`- ${escapeMarkdown(permissions)}`);
  }
  if (change.refused) lines.push(`- ⛔ ${escapeMarkdown(change.refused.message)}`);
  lines.push('', '</details>', '');
  return lines.join('\n');
}

function roleDetails(change: RoleChange): string {
  const risk = change.risks.length ? ` ⚠️ ${change.risks.join(', ')}` : '';
  const refused = change.refused ? ` ⛔ refused (${change.refused.guard})` : '';
  const lines = [
    `<details><summary><code>${escapeMarkdown(roleSymbol(change))}</code> role <b>${escapeMarkdown(change.role)}</b> will be ${ACTION_PAST[change.action]}${risk}${refused}</summary>`,
    '',
  ];
  if (change.origin === 'unmanaged')
    lines.push('Not in the file: <code>policy.unmanagedRoles</code> asks for this.', '');
  for (const line of roleChangeDetailLines(change))
    lines.push(line.startsWith('  ') ? `  - ${escapeMarkdown(line.trim())}` : `- ${escapeMarkdown(line)}`);
  if (change.refused) lines.push(`- ⛔ ${escapeMarkdown(change.refused.message)}`);
  lines.push('', '</details>', '');
  return lines.join('\n');
}

/**
 * Markdown for a pull-request comment or a job summary: a marker so a bot can update one comment
 * in place, the counts, refusals, risky changes first, one collapsible block per account, and a
 * hard cap with an explicit notice of what was left out.
 */
export function renderPlanMarkdown(plan: Plan, options: { limit?: number } = {}): string {
  const limit = options.limit ?? MARKDOWN_LIMIT;
  const s = plan.summary;
  const head: string[] = [
    MARKER,
    `### PactFlow system accounts: ${hasChanges(plan) ? escapeMarkdown(countsSentence(plan)) : 'no changes'}`,
    '',
  ];
  head.push(
    `Desired state: <code>${escapeMarkdown(plan.desired.file)}</code> · PactFlow: <code>${escapeMarkdown(plan.baseUrl)}</code>`,
    '',
  );
  head.push('| Action | Accounts |', '|---|---:|');
  for (const [label, count] of [
    ['➕ create', s.create],
    ['✏️ rename', s.rename],
    ['🔧 update', s.update],
    ['✅ enable', s.enable],
    ['⏸️ disable', s.disable],
    ['🗑️ delete', s.delete],
    ['unchanged', s.unchanged],
    [
      'unmanaged (listed only)',
      plan.unmanaged.filter((u) => u.disposition !== 'disable' && u.disposition !== 'delete').length,
    ],
  ] as const) {
    head.push(`| ${label} | ${count} |`);
  }
  if (plan.roleChanges.length > 0)
    head.push(
      `| 🔑 custom roles | ${s.roles.create} to create, ${s.roles.update} to update, ${s.roles.delete} to delete |`,
    );
  if (s.privilegeGains > 0) head.push(`| ⚠️ privilege gains | ${s.privilegeGains} |`);
  head.push('');
  if (!plan.guards.ok) {
    head.push('> [!CAUTION]', '> **Refused by safety guards: apply will not run this plan.**');
    for (const r of plan.guards.refusals)
      head.push(`> - ${escapeMarkdown(r.account)}: ${escapeMarkdown(r.message)}`);
    for (const line of guardLines(plan.guards)) head.push(`> - ${escapeMarkdown(line)}`);
    head.push('');
  }

  const blocks: string[] = [];
  const risky = plan.changes.filter(isRisky);
  const other = plan.changes.filter((c) => !isRisky(c));
  const riskyRoles = plan.roleChanges.filter(isRisky);
  const otherRoles = plan.roleChanges.filter((c) => !isRisky(c));
  if (risky.length || riskyRoles.length)
    blocks.push(
      '#### ⚠️ Risky changes (delete, disable, admin grant or revoke, privilege gain)\n',
      ...riskyRoles.map(roleDetails),
      ...risky.map(details),
    );
  if (otherRoles.length) blocks.push('#### Custom roles\n', ...otherRoles.map(roleDetails));
  if (other.length) blocks.push('#### Changes\n', ...other.map(details));
  const listed = plan.unmanaged.filter((u) => u.disposition !== 'disable' && u.disposition !== 'delete');
  if (listed.length) {
    blocks.push(
      '#### Unmanaged accounts in scope\n\nLive accounts the file does not list:\n\n' +
        listed
          .map(
            (u) =>
              `- <code>${escapeMarkdown(u.name)}</code>${u.active ? '' : ' (disabled)'} — ${u.disposition === 'protected' ? 'protected' : 'left as it is'}`,
          )
          .join('\n') +
        '\n',
    );
  }

  let text = head.join('\n');
  const total = blocks.filter((b) => b.startsWith('<details>')).length;
  let shown = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const notice = `\n> [!WARNING]\n> Truncated to stay under GitHub's comment limit: ${shown} of ${total} account changes shown. Run \`pactflow-accounts plan\` or read the JSON plan for the rest.\n`;
    if (text.length + block.length + 1 + notice.length > limit) {
      return text + notice;
    }
    text += '\n' + block;
    if (block.startsWith('<details>')) shown++;
  }
  return text;
}
