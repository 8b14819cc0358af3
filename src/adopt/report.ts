import { createTwoFilesPatch } from 'diff';
import { visible } from '../render/escape.js';
import { count } from '../util/plural.js';
import type { AdoptKind } from './account.js';
import type { AdoptResult } from './adopt.js';

/** Whether adopt changed the file at all. */
export const hasChanges = (result: AdoptResult): boolean =>
  result.accounts.length > 0 || result.added.length > 0 || result.roles.length > 0;

/** A unified diff of the file, named as the user named it; empty when nothing changed. */
export function renderAdoptDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  // A relative path gets git's a/ and b/ prefixes (`git apply` reads it); an absolute one stands as it is.
  const [from, to] = file.startsWith('/') ? [file, file] : [`a/${file}`, `b/${file}`];
  return (
    createTwoFilesPatch(from, to, before, after, undefined, undefined, { context: 3 })
      .split('\n')
      .slice(1)
      // A file with Windows line ends keeps them; the diff shows its lines without the CR, which
      // would otherwise stand as an escape at the end of every line.
      .map((line) => visible(line.replace(/\r$/, '')))
      .join('\n')
  );
}

/** Each kind of change as the summary counts it: singular and plural. */
const KIND_WORDS: [AdoptKind, string, string][] = [
  ['state', 'state', 'states'],
  ['admin', 'admin', 'admins'],
  ['roles', 'role', 'roles'],
  ['teams', 'team', 'teams'],
  ['email', 'email', 'emails'],
  ['rename', 'rename', 'renames'],
  ['deletion', 'deletion', 'deletions'],
  ['previous-names', 'previous name dropped', 'previous names dropped'],
];

/**
 * "adopted 3 accounts: 2 roles, 1 rename" (counts of accounts per kind of change), or what else it
 * did; "would adopt …" when nothing is written (`--check`).
 */
export function summaryLine(result: AdoptResult, written = true): string {
  const verb = written ? 'adopted' : 'would adopt';
  if (!hasChanges(result)) return 'nothing to adopt into the file';
  const parts: string[] = [];
  for (const [kind, singular, plural] of KIND_WORDS) {
    const n = result.accounts.filter((a) => a.kinds.includes(kind)).length;
    if (n) parts.push(count(n, singular, plural));
  }
  if (result.added.length) parts.push(`${result.added.length} added`);
  const roles = result.roles.length ? count(result.roles.length, 'custom role') : '';
  const accounts = result.accounts.length + result.added.length;
  if (accounts === 0) return `${verb} ${roles}`;
  const head = `${verb} ${count(accounts, 'account')}: ${parts.join(', ')}`;
  return roles ? `${head}; ${roles}` : head;
}

/** One line per account saying what changed and, for a rename or a deletion, how the pairing was made. */
export function detailLines(result: AdoptResult): string[] {
  const lines: string[] = [];
  for (const a of result.accounts) {
    const name = visible(a.name);
    const to = a.renamedTo === undefined ? '' : ` → ${visible(a.renamedTo)}`;
    const how = PAIRING_WORDS[a.pairing];
    lines.push(`  ${name}${to}: ${a.kinds.join(', ')}${how ? ` (${how})` : ''}`);
    for (const note of a.notes) lines.push(`    ${note}`);
  }
  for (const name of result.added) lines.push(`  ${visible(name)}: added (in PactFlow, not in the file)`);
  for (const r of result.roles) lines.push(`  custom role ${visible(r.name)}: ${r.changed.join(', ')}`);
  for (const name of result.missingRoles)
    lines.push(`  custom role ${visible(name)}: not in PactFlow; left in the file (plan will create it)`);
  for (const anchor of result.detachedAnchors)
    lines.push(
      `  anchor &${visible(anchor)}: written out where it was used, so the other accounts keep their value`,
    );
  return lines;
}

const PAIRING_WORDS: Record<string, string | undefined> = {
  name: undefined,
  'previous-name': 'the file renames it by previousNames, which PactFlow has not done: the live name is back',
  email: 'renamed in PactFlow: paired by its email',
  probable:
    'probable rename: the only live account not in the file with the same roles, teams and state; review it',
  none: 'deleted in PactFlow: no live account pairs with it, so its entry goes',
};
