import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { UsageError } from '../errors.js';
import { didYouMean } from '../util/suggest.js';

/** The emulator's seed file: an organization to start from. Documented in the README. */
export interface SeedTokens {
  readWrite?: string;
  readOnly?: string;
}

export interface SeedUser {
  name: string;
  uuid?: string;
  email?: string;
  state?: 'enabled' | 'disabled';
  roles?: string[];
  teams?: string[];
  tokens?: SeedTokens;
}

export interface SeedFile {
  /**
   * Custom roles; a built-in role's name may be listed too, to give it this organization's uuid
   * (its permissions stay PactFlow's).
   */
  roles?: { name: string; uuid?: string; description?: string; permissions?: string[] }[];
  /** Teams; `administrators` (user names) receive the server-managed Team Administrator role. */
  teams?: { name: string; uuid?: string; administrators?: string[] }[];
  /** The team new accounts are added to; created if missing. Default "Default"; null for none. */
  defaultTeam?: string | null;
  users?: SeedUser[];
  systemAccounts?: SeedUser[];
}

/** Stable ids from names, so one seed always yields the same organization. */
export function seededUuid(kind: string, name: string): string {
  const h = createHash('sha256').update(`${kind}:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function randomToken(): string {
  return randomBytes(18).toString('base64url');
}

export async function readSeedFile(file: string): Promise<SeedFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read seed file ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'See examples/seed.yaml for the format.',
    );
  }
  let value: unknown;
  try {
    value = parse(text, { uniqueKeys: true, maxAliasCount: 50 });
  } catch (error) {
    throw new UsageError(`seed file ${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return checkSeed(value, file);
}

const SEED_KEYS = ['roles', 'teams', 'defaultTeam', 'users', 'systemAccounts'];
const ACCOUNT_KEYS = ['name', 'uuid', 'email', 'state', 'roles', 'teams', 'tokens'];
/** The keys each list's entries may have. */
const ENTRY_KEYS: Record<string, string[]> = {
  roles: ['name', 'uuid', 'description', 'permissions'],
  teams: ['name', 'uuid', 'administrators'],
  users: ACCOUNT_KEYS,
  systemAccounts: ACCOUNT_KEYS,
};
const TOKEN_KEYS = ['tokens.readWrite', 'tokens.readOnly'];
const STATES = ['enabled', 'disabled'];

type Fail = (what: string) => never;

/**
 * A light shape check: the seed is a developer's test fixture, not user input to be diagnosed in
 * depth. Still, a misspelt key or state (`sate: disabled`, `state: weird`) is an error, not
 * silently an enabled account.
 */
export function checkSeed(value: unknown, file = 'seed'): SeedFile {
  const fail: Fail = (what) => {
    throw new UsageError(`seed file ${file}: ${what}`, 'See examples/seed.yaml for the format.');
  };
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) fail('must be a mapping');
  const seed = value as Record<string, unknown>;
  for (const key of Object.keys(seed))
    if (!SEED_KEYS.includes(key)) fail(`unknown field ${JSON.stringify(key)}${didYouMean(key, SEED_KEYS)}`);
  for (const [key, keys] of Object.entries(ENTRY_KEYS)) {
    const list = seed[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(`${key} must be a list`);
    (list as unknown[]).forEach((item, i) => checkEntry(item, `${key}[${i}]`, keys, fail));
  }
  return seed as SeedFile;
}

/** One entry of a list: a name, only the keys its list allows, and a known state. */
function checkEntry(item: unknown, where: string, keys: string[], fail: Fail): void {
  const entry = item as Record<string, unknown> | null;
  if (!entry || typeof entry !== 'object' || Array.isArray(entry) || typeof entry.name !== 'string')
    fail(`${where} needs a name`);
  const at = `${where} (${JSON.stringify(entry.name)})`;
  for (const key of Object.keys(entry))
    if (!keys.includes(key)) fail(`${at}: unknown key ${JSON.stringify(key)}${didYouMean(key, keys)}`);
  const { state, tokens } = entry;
  if (state !== undefined && !STATES.includes(state as string))
    fail(
      `${at}: state ${JSON.stringify(state)} is not one of ${STATES.join(', ')}${didYouMean(String(state), STATES)}`,
    );
  if (tokens === undefined) return;
  if (!tokens || typeof tokens !== 'object' || Array.isArray(tokens))
    fail(`${at}: tokens must be a mapping of readWrite and readOnly`);
  for (const key of Object.keys(tokens as object)) {
    const path = `tokens.${key}`;
    if (!TOKEN_KEYS.includes(path))
      fail(`${at}: unknown key ${JSON.stringify(path)}${didYouMean(path, TOKEN_KEYS)}`);
  }
}
