import type { ScopeDiff } from '../permissions/scopes.js';
import { isRiskyScope } from '../permissions/scopes.js';
import type { Action, Change, Plan, RoleChange, UnmanagedAccount } from '../plan/types.js';
import { ACTION_PAST, hasChanges } from '../plan/types.js';
import { roleChangeDetailLines } from './permissions.js';
import { count } from '../util/plural.js';
import { clip, escapeMarkdown, lookAlikeEscapes } from './escape.js';
import { guardLines } from './text.js';
import type { FieldChange } from './words.js';
import { MARKER } from './marker.js';
import type { Section } from './markdown-kit.js';
import {
  MARKDOWN_LIMIT,
  VALUE_MAX,
  code,
  codes,
  fitMarkdown,
  moreLine,
  prose,
  section,
} from './markdown-kit.js';
import {
  RISK_LABEL,
  countPlan,
  fieldChanges,
  goesWithSentence,
  isRisky,
  leftAlone,
  num,
  riskLabels,
} from './words.js';

const ICON: Record<Action, string> = {
  create: '➕',
  rename: '✏️',
  update: '🔧',
  enable: '✅',
  disable: '⏸️',
  delete: '🗑️',
};

/** A name in a code element, with its escapes beside it when it could be mistaken for another. */
function nameCode(name: string): string {
  const beside = lookAlikeEscapes(name);
  return beside === undefined ? code(name) : `${code(name)} (${code(beside)})`;
}

function title(change: Change): string {
  const from = change.before?.name;
  const renamed = from !== undefined && change.after?.name !== undefined && from !== change.after.name;
  return renamed ? `${nameCode(from)} → ${nameCode(change.account)}` : nameCode(change.account);
}

function valueMd(value: unknown, field: string): string {
  if (value === undefined || value === null) return 'none';
  if (Array.isArray(value)) return codes(value.map(String));
  if (field === 'name') return nameCode(String(value));
  if (field === 'email') return code(String(value));
  return escapeMarkdown(clip(String(value), VALUE_MAX));
}

function fieldMd(f: FieldChange): string {
  switch (f.kind) {
    case 'value':
      return `${f.field}: ${valueMd(f.value, f.field)}`;
    case 'change':
      return `${f.field}: ${valueMd(f.before, f.field)} → ${valueMd(f.after, f.field)}`;
    case 'set': {
      const delta = [
        ...(f.added.length ? [`adds ${codes(f.added)}`] : []),
        ...(f.removed.length ? [`removes ${codes(f.removed)}`] : []),
      ];
      return `${f.field}: ${valueMd(f.before, f.field)} → ${valueMd(f.after, f.field)} (${delta.join('; ')})`;
    }
  }
}

/** What an account gains and loses; the scopes that make it a privilege gain are named. */
function permissionsMd(diff: ScopeDiff): string {
  const parts = [
    ...(diff.gained.length ? [`gains ${codes(diff.gained)}`] : []),
    ...(diff.lost.length ? [`loses ${codes(diff.lost)}`] : []),
  ];
  const risky = diff.gained.filter(isRiskyScope);
  return `permissions: ${parts.join('; ')}${risky.length ? ` (⚠️ can manage or invite: ${codes(risky)})` : ''}`;
}

/** The lines under a change: its fields, what a delete takes with it, where it comes from, a refusal. */
function changeLines(change: Change): string[] {
  const lines = fieldChanges(change).map(fieldMd);
  if (change.action === 'delete') {
    lines.push(goesWithSentence(change, codes));
  } else if (change.permissions) lines.push(permissionsMd(change.permissions));
  if (change.origin === 'unmanaged') lines.push('not in the file: `policy.unmanaged` asks for this');
  if (change.refused)
    lines.push(`⛔ refused (${escapeMarkdown(change.refused.guard)}): ${prose(change.refused.message)}`);
  return lines;
}

/** A risky change, open: what it does in words, then every detail as a nested list. */
function riskyEntry(change: Change): string {
  const labels = riskLabels(change);
  const head = `- ${ICON[change.action]} **${title(change)} will be ${ACTION_PAST[change.action]}**${labels.length ? `: ${labels.join(', ')}` : ''}`;
  return [head, ...changeLines(change).map((l) => `  - ${l}`)].join('\n');
}

/** Any other change, folded. */
function foldedEntry(change: Change): string {
  return [
    `<details><summary>${ICON[change.action]} <b>${title(change)}</b> will be ${ACTION_PAST[change.action]}</summary>`,
    '',
    ...changeLines(change).map((l) => `- ${l}`),
    '',
    '</details>',
    '',
  ].join('\n');
}

/** The lines under a role change: its scopes, the accounts and people it affects, a refusal. */
function roleLines(change: RoleChange): string[] {
  const lines = roleChangeDetailLines(change).map((l) =>
    l.startsWith('  ') ? `  - ${prose(l.trim())}` : prose(l),
  );
  if (change.origin === 'unmanaged') lines.push('not in the file: `policy.unmanagedRoles` asks for this');
  if (change.refused)
    lines.push(`⛔ refused (${escapeMarkdown(change.refused.guard)}): ${prose(change.refused.message)}`);
  return lines;
}

const ROLE_ICON: Record<RoleChange['action'], string> = { create: '➕', update: '🔧', delete: '🗑️' };

const roleHead = (change: RoleChange) => `role ${code(change.role)} will be ${ACTION_PAST[change.action]}`;

/** A risky role change, open; any other, folded. Roles come first: apply runs them first. */
function roleEntry(change: RoleChange, open: boolean): string {
  // A line of roleLines that starts with "  - " belongs under the line before it.
  const item = (indent: string) => (l: string) =>
    l.startsWith('  - ') ? `${indent}${l}` : `${indent}- ${l}`;
  if (open) {
    const labels = change.risks.map((r) => (r === 'delete' ? 'deletes the role' : RISK_LABEL[r]));
    const head = `- ${ROLE_ICON[change.action]} **${roleHead(change)}**${labels.length ? `: ${labels.join(', ')}` : ''}`;
    return [head, ...roleLines(change).map(item('  '))].join('\n');
  }
  return [
    `<details><summary>${ROLE_ICON[change.action]} ${roleHead(change)}</summary>`,
    '',
    ...roleLines(change).map(item('')),
    '',
    '</details>',
    '',
  ].join('\n');
}

const LEFT_ALONE: Record<UnmanagedAccount['disposition'], string> = {
  ignore: 'left as it is',
  disable: 'will be disabled',
  delete: 'will be deleted',
  protected: 'protected',
  'already-disabled': 'already disabled',
};

function unmanagedEntry(u: UnmanagedAccount): string {
  return `- ${nameCode(u.name)}${u.active ? '' : ' (disabled)'} — ${LEFT_ALONE[u.disposition]}`;
}

/** Warnings a reviewer should see in the comment itself, e.g. a protected glob that matches nothing. */
const warningSection = (plan: Plan): Section =>
  section('#### Warnings\n', plan.warnings ?? [], (w) => `- ⚠️ ${prose(w.message)}`);

const unmanagedSection = (plan: Plan): Section =>
  section(
    '#### Unmanaged accounts in scope\n\nLive accounts the file does not list, left as they are:\n',
    leftAlone(plan),
    unmanagedEntry,
  );

function where(plan: Plan, hash: string | undefined): string {
  const source = `Desired state: ${code(plan.desired.file)} · PactFlow: ${code(plan.baseUrl)}`;
  return hash === undefined ? source : `${source} · Plan hash ${code(hash)}`;
}

/**
 * Markdown for a pull-request comment or a job summary: a marker so a bot can update one comment
 * in place, the counts, refusals, risky changes open, every other change folded, and unmanaged
 * accounts; at most `limit` characters, with "… and N more" where a list had to be cut. Values
 * from the file or the API are escaped; the tool's own words are plain. A plan without changes is
 * one line (plus the unmanaged accounts a reviewer should know about).
 */
export function renderPlanMarkdown(plan: Plan, options: { limit?: number; hash?: string } = {}): string {
  const limit = options.limit ?? MARKDOWN_LIMIT;
  // The plan's own hash unless told otherwise: what a reviewer approves, in every comment.
  const planHash = options.hash ?? plan.hash;
  const n = countPlan(plan);
  if (!hasChanges(plan) && plan.guards.ok) {
    const hash = planHash === undefined ? '' : ` (Plan hash ${code(planHash)})`;
    const top = `${MARKER}\n**No changes.** PactFlow (${code(plan.baseUrl)}) matches ${code(plan.desired.file)}: ${count(n.unchanged, 'account')} unchanged${hash}.\n`;
    const anything = n.unmanaged > 0 || (plan.warnings ?? []).length > 0;
    return fitMarkdown(anything ? `${top}\n` : top, [warningSection(plan), unmanagedSection(plan)], limit);
  }
  return fitMarkdown(summaryTop(plan, planHash), changeSections(plan), limit);
}

/** The heading, where the plan comes from, and the table of counts. */
function summaryTop(plan: Plan, planHash: string | undefined): string {
  const n = countPlan(plan);
  const rows: [string, number][] = [
    ...(Object.keys(ICON) as Action[]).map((a): [string, number] => [`${ICON[a]} ${a}`, n[a]]),
    ['unchanged', n.unchanged],
    ['unmanaged, left as they are', n.unmanaged],
    ['🔑 custom roles', plan.roleChanges.length],
    ['⚠️ privilege gains', n.privilegeGains],
  ];
  const refused = plan.guards.ok ? '' : ', refused by safety guards';
  const gains = n.privilegeGains ? `, ${count(n.privilegeGains, 'privilege gain')}` : '';
  return [
    MARKER,
    `### PactFlow system accounts: ${count(n.changes + plan.roleChanges.length, 'change')}${gains}${refused}`,
    '',
    where(plan, planHash),
    '',
    '| Action | Accounts |',
    '|---|---:|',
    ...rows.filter(([, value]) => value > 0).map(([label, value]) => `| ${label} | ${num(value)} |`),
    '',
    '',
  ].join('\n');
}

/** Refusals, warnings, risky changes first, then custom roles, other changes, unmanaged accounts. */
function changeSections(plan: Plan): Section[] {
  const risky = plan.changes.filter(isRisky);
  const other = plan.changes.filter((c) => !isRisky(c));
  const riskyRoles = plan.roleChanges.filter(isRisky);
  const otherRoles = plan.roleChanges.filter((c) => !isRisky(c));
  const riskyEntries: (() => string)[] = [
    ...riskyRoles.map((c) => () => roleEntry(c, true)),
    ...risky.map((c) => () => riskyEntry(c)),
  ];
  const riskyCount = riskyRoles.length
    ? `${count(riskyRoles.length, 'role')} and ${count(risky.length, 'account')}`
    : count(risky.length, 'account');
  const refusals = [
    ...guardLines(plan.guards).map((line) => `> - ${line}`),
    ...plan.guards.refusals.map((r) => `> - ${nameCode(r.account)}: ${prose(r.message)}`),
  ];
  return [
    section(
      '> [!CAUTION]\n> **Refused by safety guards: apply will not run this plan.**',
      refusals,
      (line) => line,
      (count) => `> ${moreLine(count)}`,
    ),
    warningSection(plan),
    section(`#### ⚠️ Risky changes: ${riskyCount}\n`, riskyEntries, (entry) => entry()),
    section(`#### Custom roles: ${count(otherRoles.length, 'role')}\n`, otherRoles, (c) =>
      roleEntry(c, false),
    ),
    section(`#### Other changes: ${count(other.length, 'account')}\n`, other, foldedEntry),
    unmanagedSection(plan),
  ];
}
