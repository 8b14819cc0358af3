import type { Document, YAMLMap, YAMLSeq } from 'yaml';
import { isSeq, parseDocument } from 'yaml';
import type { AccountsFile, DesiredState } from '../config/types.js';
import { exportDesired } from '../export/export.js';
import { fieldsOf } from '../plan/account.js';
import type { LiveAccount, LiveState, Ref } from '../state/types.js';
import { ADMINISTRATOR } from '../types/built-in-roles.js';
import { nameKey } from '../util/names.js';
import type { AdoptedAccount, Entry } from './account.js';
import { adoptAccount, dropTakenPreviousNames } from './account.js';
import { editEntries } from './entries.js';
import { FileEditor } from './file-editor.js';
import type { Pairing } from './pairing.js';
import { pairEntries } from './pairing.js';
import type { AdoptedRole } from './roles.js';
import { adoptRoles } from './roles.js';
import { applyEdits, withLineEnds } from './source-text.js';

export interface AdoptOptions {
  /** Adopt only these accounts (names as in the file or live, case-insensitive); roles then stay. */
  targets?: readonly string[];
  /** Add the live accounts in scope that the file does not list, as `export` writes them. */
  includeUnmanaged?: boolean;
}

export interface AdoptResult {
  /** The file after adopt; the same text when there is nothing to adopt. */
  text: string;
  /** Entries that changed (or went), in file order. */
  accounts: AdoptedAccount[];
  /** Live accounts added as entries (--include-unmanaged). */
  added: string[];
  roles: AdoptedRole[];
  /** Custom roles the file defines that PactFlow does not have: left in the file. */
  missingRoles: string[];
  /** Anchors whose aliases were written out, so changing one account changed no other. */
  detachedAnchors: string[];
}

/**
 * The reverse of apply: the file edited so that `plan` on it shows no changes for the accounts it
 * adopts. Pure: `source` is the file's text and `desired` its validated meaning; the edit is made
 * on the text at the places the `yaml` parse locates, so everything else stays byte for byte.
 */
export function adoptFile(
  source: string,
  desired: DesiredState,
  live: LiveState,
  options: AdoptOptions = {},
): AdoptResult {
  const doc = parseDocument(source, { uniqueKeys: true, strict: true, merge: false });
  const editor = new FileEditor(source, doc);
  const file = doc.toJS({ maxAliasCount: -1 }) as AccountsFile;
  const list = doc.get('systemAccounts', true) as YAMLSeq;
  const adminRole = live.roles.find((r) => nameKey(r.name) === nameKey(ADMINISTRATOR));
  const administrator: Ref | undefined = adminRole && { uuid: adminRole.uuid, name: adminRole.name };
  const targets = options.targets?.length ? new Set(options.targets.map(nameKey)) : undefined;
  const targeted = (...names: string[]) => !targets || names.some((n) => targets.has(nameKey(n)));

  const { pairings, unlisted } = pairEntries(desired, live, administrator);
  const isTargeted = (i: number) => {
    const { name, previousNames } = desired.accounts[i]!;
    const pairing = pairings[i]!;
    return targeted(name, ...previousNames, ...('live' in pairing ? [pairing.live.name] : []));
  };
  const toAdd = options.includeUnmanaged ? unlisted.filter((a) => targeted(a.name)) : [];
  const taken = namesAfter(desired, pairings, isTargeted, toAdd);
  const accounts: AdoptedAccount[] = [];
  const removed = new Set<number>();
  desired.accounts.forEach((account, i) => {
    const entry: Entry = { map: list.items[i] as YAMLMap, raw: file.systemAccounts[i]!, account };
    const takenByOther = (key: string) => (taken.get(key) ?? []).some((j) => j !== i);
    const adopted = isTargeted(i)
      ? adoptEntry(editor, entry, pairings[i]!, administrator, file.defaults ?? {}, takenByOther)
      : keepEntry(editor, entry, pairings[i]!, takenByOther);
    if (adopted?.kinds.includes('deletion')) removed.add(i);
    if (adopted && adopted.kinds.length) accounts.push(adopted);
  });
  const entries = exportDesired({ ...live, accounts: toAdd }).systemAccounts;
  const keyEnd = (doc.contents as YAMLMap).items.find((p) => isKey(p.key, 'systemAccounts'))!.key as {
    range: [number, number, number];
  };
  editEntries(editor, list, removed, entries, keyEnd.range[1]);
  const roles = targets ? { adopted: [], missing: [] } : adoptCustomRoles(editor, doc, desired, live);
  return {
    text: applyEdits(source, withLineEnds(source, editor.edits)),
    accounts,
    added: entries.map((e) => e.name),
    roles: roles.adopted,
    missingRoles: roles.missing,
    detachedAnchors: [...new Set(editor.detached)],
  };
}

/**
 * Each name key the file holds after adopt, with the entries (indexes; -1 for an added one) that
 * have it: a live name for an adopted entry, its own for one left as it is; none for one that goes.
 */
function namesAfter(
  desired: DesiredState,
  pairings: Pairing[],
  isTargeted: (i: number) => boolean,
  added: readonly LiveAccount[],
): Map<string, number[]> {
  const names = new Map<string, number[]>();
  const add = (name: string, i: number) => names.set(nameKey(name), [...(names.get(nameKey(name)) ?? []), i]);
  desired.accounts.forEach((account, i) => {
    const pairing = pairings[i]!;
    if (!isTargeted(i)) add(account.name, i);
    else if ('live' in pairing) add(pairing.live.name, i);
    else if (pairing.kind === 'ambiguous' || account.state === 'deleted') add(account.name, i);
  });
  for (const a of added) add(a.name, -1);
  return names;
}

/** An entry not adopted (not a --target) loses only a previous name another account now has. */
function keepEntry(
  editor: FileEditor,
  entry: Entry,
  pairing: Pairing,
  taken: (key: string) => boolean,
): AdoptedAccount {
  const result: AdoptedAccount = { name: entry.account.name, pairing: pairing.kind, kinds: [], notes: [] };
  dropTakenPreviousNames(editor, entry, entry.account.previousNames, taken, result);
  return result;
}

function adoptEntry(
  editor: FileEditor,
  entry: Entry,
  pairing: Pairing,
  administrator: Ref | undefined,
  defaults: { roles?: string[]; teams?: string[] },
  taken: (key: string) => boolean,
): AdoptedAccount | undefined {
  if (pairing.kind === 'ambiguous') return undefined;
  if (pairing.kind === 'none') {
    // Nothing live to adopt from: an entry that asks for a deletion already has what it asks.
    if (entry.account.state === 'deleted') return undefined;
    return { name: entry.account.name, pairing: 'none', kinds: ['deletion'], notes: [] };
  }
  const now = fieldsOf(pairing.live as LiveAccount, administrator);
  return adoptAccount(editor, entry, pairing, now, defaults, taken);
}

function adoptCustomRoles(editor: FileEditor, doc: Document, desired: DesiredState, live: LiveState) {
  const list = doc.get('roles', true);
  return adoptRoles(editor, isSeq(list) ? list : undefined, desired.roles, live.roles);
}

const isKey = (key: unknown, name: string) =>
  typeof key === 'object' && key !== null && 'value' in key && (key as { value: unknown }).value === name;
