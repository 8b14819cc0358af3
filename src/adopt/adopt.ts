import type { Document, YAMLMap, YAMLSeq } from 'yaml';
import { isSeq, parseDocument } from 'yaml';
import type { AccountsFile, DesiredState } from '../config/types.js';
import { exportDesired } from '../export/export.js';
import { fieldsOf } from '../plan/account.js';
import type { LiveAccount, LiveState, Ref } from '../state/types.js';
import { ADMINISTRATOR } from '../types/built-in-roles.js';
import { nameKey } from '../util/names.js';
import type { AdoptedAccount, Entry } from './account.js';
import { adoptAccount } from './account.js';
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
  const accounts: AdoptedAccount[] = [];
  const removed = new Set<number>();
  desired.accounts.forEach((account, i) => {
    const pairing = pairings[i]!;
    const liveName = 'live' in pairing ? [pairing.live.name] : [];
    if (!targeted(account.name, ...account.previousNames, ...liveName)) return;
    const entry: Entry = { map: list.items[i] as YAMLMap, raw: file.systemAccounts[i]!, account };
    const adopted = adoptEntry(editor, entry, pairing, administrator, file.defaults ?? {});
    if (adopted?.kinds.includes('deletion')) removed.add(i);
    if (adopted && adopted.kinds.length) accounts.push(adopted);
  });
  const toAdd = options.includeUnmanaged ? unlisted.filter((a) => targeted(a.name)) : [];
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

function adoptEntry(
  editor: FileEditor,
  entry: Entry,
  pairing: Pairing,
  administrator: Ref | undefined,
  defaults: { roles?: string[]; teams?: string[] },
): AdoptedAccount | undefined {
  if (pairing.kind === 'ambiguous') return undefined;
  if (pairing.kind === 'none') {
    // Nothing live to adopt from: an entry that asks for a deletion already has what it asks.
    if (entry.account.state === 'deleted') return undefined;
    return { name: entry.account.name, pairing: 'none', kinds: ['deletion'], notes: [] };
  }
  const now = fieldsOf(pairing.live as LiveAccount, administrator);
  return adoptAccount(editor, entry, pairing, now, defaults);
}

function adoptCustomRoles(editor: FileEditor, doc: Document, desired: DesiredState, live: LiveState) {
  const list = doc.get('roles', true);
  return adoptRoles(editor, isSeq(list) ? list : undefined, desired.roles, live.roles);
}

const isKey = (key: unknown, name: string) =>
  typeof key === 'object' && key !== null && 'value' in key && (key as { value: unknown }).value === name;
