import type { Node, YAMLMap } from 'yaml';
import { isAlias } from 'yaml';
import type { DesiredAccount, SystemAccountEntry } from '../config/types.js';
import type { AccountFields } from '../plan/types.js';
import { ADMINISTRATOR } from '../types/built-in-roles.js';
import { nameKey } from '../util/names.js';
import type { FileEditor } from './file-editor.js';
import { pairOf } from './file-editor.js';
import type { Pairing } from './pairing.js';

/** What adopt changed of one entry, each kind once. */
export type AdoptKind =
  | 'rename'
  | 'email'
  | 'state'
  | 'admin'
  | 'roles'
  | 'teams'
  | 'deletion'
  /** A previous name dropped: after adopt it is another account's name. */
  | 'previous-names';

export interface AdoptedAccount {
  /** The entry's name in the file before adopt. */
  name: string;
  /** The live name, when it is now the entry's name. */
  renamedTo?: string;
  pairing: Pairing['kind'];
  kinds: AdoptKind[];
  /** Where a value came from `defaults` or an alias and is now written on the account itself. */
  notes: string[];
}

/** An entry of the file: its node, its value as written, and what it means after defaults. */
export interface Entry {
  map: YAMLMap;
  raw: SystemAccountEntry;
  account: DesiredAccount;
}

const isAdministrator = (name: string) => nameKey(name) === nameKey(ADMINISTRATOR);
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && new Set(a.map(nameKey)).size === new Set([...a, ...b].map(nameKey)).size;

/**
 * Edits one entry so that its fields are the live account's: name (with the old one kept in
 * previousNames), email, state, Administrator and roles, teams. Only fields the entry manages.
 * `taken` says whether another account has a name (key) after adopt: a previous name it has goes.
 */
export function adoptAccount(
  editor: FileEditor,
  entry: Entry,
  pairing: Pairing & { live: unknown },
  now: AccountFields,
  defaults: { roles?: string[]; teams?: string[] },
  taken: (key: string) => boolean,
): AdoptedAccount {
  const result: AdoptedAccount = { name: entry.account.name, pairing: pairing.kind, kinds: [], notes: [] };
  adoptName(editor, entry, pairing, now, taken, result);
  adoptEmail(editor, entry, now, result);
  if (entry.account.state !== now.state) {
    editor.setScalar(entry.map, 'state', now.state);
    result.kinds.push('state');
  }
  adoptRoles(editor, entry, now, defaults.roles, result);
  if (entry.account.teams !== undefined && !sameSet(entry.account.teams, now.teams)) {
    noteSource(entry, 'teams', defaults.teams, result);
    editor.setList(entry.map, 'teams', now.teams);
    result.kinds.push('teams');
  }
  return result;
}

/**
 * The live name becomes the entry's name and the old one a previous name (unless the file's own
 * rename is what PactFlow has not done: the live name is then back, and no longer a previous one).
 */
function adoptName(
  editor: FileEditor,
  entry: Entry,
  pairing: Pairing,
  now: AccountFields,
  taken: (key: string) => boolean,
  result: AdoptedAccount,
): void {
  const { name, previousNames } = entry.account;
  let wanted = previousNames;
  if (now.name !== name) {
    editor.setScalar(entry.map, 'name', now.name);
    result.renamedTo = now.name;
    result.kinds.push('rename');
    wanted = previousNames.filter((p) => nameKey(p) !== nameKey(now.name));
    if (pairing.kind !== 'previous-name' && nameKey(now.name) !== nameKey(name)) wanted = [...wanted, name];
  }
  dropTakenPreviousNames(editor, entry, wanted, taken, result);
}

/**
 * Sets previousNames to `wanted` without the names another account has after adopt (a stale
 * previous name the file would otherwise refuse: "previous name is the name of another entry").
 */
export function dropTakenPreviousNames(
  editor: FileEditor,
  entry: Entry,
  wanted: readonly string[],
  taken: (key: string) => boolean,
  result: AdoptedAccount,
): void {
  const kept = wanted.filter((p) => !taken(nameKey(p)));
  const dropped = wanted.filter((p) => taken(nameKey(p)));
  const current = entry.account.previousNames;
  if (kept.length === current.length && kept.every((p, i) => p === current[i])) return;
  if (kept.length === 0) editor.removeKey(entry.map, 'previousNames');
  else editor.setList(entry.map, 'previousNames', kept);
  if (dropped.length === 0) return;
  result.kinds.push('previous-names');
  const names = dropped.map((p) => `"${p}"`).join(', ');
  result.notes.push(`previous name ${names} dropped: it is now the name of another account in the file`);
}

function adoptEmail(editor: FileEditor, entry: Entry, now: AccountFields, result: AdoptedAccount): void {
  const email = entry.account.email;
  if (email === undefined || email === now.email) return;
  if (now.email === null) editor.removeKey(entry.map, 'email');
  else editor.setScalar(entry.map, 'email', now.email);
  result.kinds.push('email');
}

/**
 * Administrator stays where the entry says it: an `admin:` key is set; an Administrator item in
 * the role list stays while the account holds it. An account that holds it but says neither gets
 * `admin: true`.
 */
function adoptRoles(
  editor: FileEditor,
  entry: Entry,
  now: AccountFields,
  defaultRoles: string[] | undefined,
  result: AdoptedAccount,
): void {
  const { account, raw } = entry;
  const listed = raw.roles ?? defaultRoles;
  const listedAdmin = listed?.some(isAdministrator) ?? false;
  if (raw.admin !== undefined && raw.admin !== now.admin) {
    editor.setScalar(entry.map, 'admin', now.admin);
    result.kinds.push('admin');
  }
  if (account.roles === undefined || listed === undefined) return;
  const wanted = [...now.roles, ...(now.admin && listedAdmin ? [ADMINISTRATOR] : [])];
  const current = [...account.roles, ...(listedAdmin ? [ADMINISTRATOR] : [])];
  if (!sameSet(wanted, current)) {
    noteSource(entry, 'roles', defaultRoles, result);
    editor.setList(entry.map, 'roles', wanted);
    result.kinds.push('roles');
  }
  if (raw.admin === undefined && now.admin && !listedAdmin) {
    editor.appendPair(entry.map, 'admin', 'true');
    result.kinds.push('admin');
  }
}

/** Says so when a list the account had from `defaults` or an alias is now written on it. */
function noteSource(
  entry: Entry,
  key: 'roles' | 'teams',
  fromDefaults: unknown,
  result: AdoptedAccount,
): void {
  const pair = pairOf(entry.map, key);
  const value = pair?.value as Node | undefined;
  if (!pair && fromDefaults !== undefined)
    result.notes.push(`${key} came from defaults; now written on the account (the others keep the defaults)`);
  else if (value && isAlias(value))
    result.notes.push(`${key} came from the alias *${value.source}; now written on the account`);
}
