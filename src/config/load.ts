import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { CORE_SCHEMA, load } from 'js-yaml';
import type * as Yaml from 'yaml';
import type { Document, Node } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { grouped } from '../util/plural.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/**
 * Aliases may add at most this many nodes, or EXPANSION_FACTOR times the nodes written in the file
 * if that is more. What is limited is the expansion, not the number of aliases: 500 accounts that
 * share one `roles: *ci` list are fine, a "billion laughs" nest of aliases is refused before it is
 * expanded.
 */
export const MAX_ALIAS_NODES = 5_000;
export const EXPANSION_FACTOR = 4;

export type PathSegment = string | number;

/** A parsed YAML file: its plain value plus what is needed to point at any part of it. */
export interface LoadedYaml {
  file: string;
  sha256: string;
  /** undefined when the file could not be parsed; `diagnostics` then says why. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Position of the node at `path` (or of its key, with `key: true`); the nearest parent if absent. */
  locate(path: readonly PathSegment[], options?: { key?: boolean }): { line: number; column: number };
}

/**
 * Two parsers, one contract. `js-yaml` (YAML 1.2 core schema, duplicate keys refused) loads a
 * well-formed file in a tenth of the time; `yaml` parses with positions, and runs only when there
 * is something to point at: js-yaml refused the file, the file may hold aliases (whose expansion
 * only `yaml` bounds), or a diagnostic asks where a value is. Size, NUL and UTF-8 checks run
 * before either, so every limit holds on both paths.
 */
let yamlModule: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlModule ??= loadYaml());

/**
 * In the binary's CommonJS bundle, `require` is the bundle's own, and esbuild puts `yaml` in the
 * bundle (with the code cache, see scripts/bundle.mjs): no files to find and compile when a file
 * has something to point at. As an ES module (tests, the library), it is loaded from node_modules.
 */
function loadYaml(): typeof Yaml {
  if (typeof require !== 'function') return createRequire(import.meta.url)('yaml') as typeof Yaml;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle's require, above
  return require('yaml') as typeof Yaml;
}

/**
 * What only `yaml` reads as this project means it, sent to it directly: a directive (`%YAML 1.1`
 * changes how scalars read), an alias (expansion is bounded only there) and a `0b` plain scalar
 * (an integer to js-yaml, a string in YAML 1.2 core). A node starts after a line start, a space,
 * a flow indicator or a flow `:`.
 */
const NEEDS_YAML = /^%|(?:^|[\s[{,:])(?:\*|[-+]?0b)/m;

/** The file's value when it is a well-formed mapping that js-yaml reads as `yaml` would; otherwise undefined. */
export function loadWithoutPositions(source: string): object | undefined {
  if (NEEDS_YAML.test(source)) return undefined;
  try {
    const value = load(source, { schema: CORE_SCHEMA, json: false });
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The file's bytes, or 'too-large' without reading a file over the limit. */
export async function readConfigFile(location: string, file = location): Promise<Buffer | 'too-large'> {
  try {
    const info = await stat(location);
    if (info.isDirectory()) throw new UsageError(`${file} is a directory, not a desired-state file`);
    if (info.size > MAX_FILE_BYTES) return 'too-large';
    return await readFile(location);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `${file} does not exist` : `cannot read ${file} (${code ?? String(error)})`,
      'Give the desired-state file with -f FILE (default: accounts.yaml), or create one with `pactflow-accounts export --out accounts.yaml`.',
    );
  }
}

/** Reads `location`; messages and diagnostics name the file as `file` (what the user typed). */
export async function loadYamlFile(file: string, location = file): Promise<LoadedYaml> {
  return (await readYamlFile(file, location)).loaded;
}

/** loadYamlFile, with the bytes it parsed (none for a file over the limit). */
export async function readYamlFile(
  file: string,
  location = file,
): Promise<{ loaded: LoadedYaml; bytes: Uint8Array }> {
  const bytes = await readConfigFile(location, file);
  return bytes === 'too-large'
    ? { loaded: tooLarge(file, new Uint8Array()), bytes: new Uint8Array() }
    : { loaded: parseYamlSource(file, bytes), bytes };
}

function tooLarge(file: string, bytes: Uint8Array): LoadedYaml {
  return unreadable(
    file,
    sha256Of(bytes),
    at(
      file,
      1,
      1,
      'file-too-large',
      'file is larger than 5 MB',
      'a desired-state file of that size is not a list of accounts; check that -f names the right file',
    ),
  );
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function unreadable(file: string, sha256: string, diagnostic: Diagnostic): LoadedYaml {
  return {
    file,
    sha256,
    value: undefined,
    diagnostics: [diagnostic],
    locate: () => ({ line: 1, column: 1 }),
  };
}

function at(
  file: string,
  line: number,
  column: number,
  code: string,
  summary: string,
  detail?: string,
): Diagnostic {
  return diagnosticAt({ file, line, column }, code, summary, detail);
}

const fatalUtf8 = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Offset of the first byte that is not valid UTF-8, or -1, as the platform's own strict decoder
 * judges it — overlong forms, surrogates and code points past U+10FFFF included. Where it fails
 * is found by bisection over streaming decodes (a prefix that merely stops mid-character is not
 * an error while streaming), then walked back to where the bad sequence starts.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const decodes = (end: number) => {
    try {
      fatalUtf8().decode(bytes.subarray(0, end), { stream: end < bytes.length });
      return true;
    } catch {
      return false;
    }
  };
  if (decodes(bytes.length)) return -1;
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (decodes(mid)) good = mid;
    else bad = mid;
  }
  // The bad sequence starts where the valid text before it ends: at most 3 bytes back.
  const completes = (end: number) => {
    try {
      fatalUtf8().decode(bytes.subarray(0, end));
      return true;
    } catch {
      return false;
    }
  };
  let start = bad - 1;
  while (start > Math.max(0, bad - 4) && !completes(start)) start--;
  return start;
}

function lineColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

function describeYamlError(code: string, message: string, source: string, offset: number): [string, string?] {
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^\s:#]+|^"[^"]*"|^'[^']*'/.exec(source.slice(offset))?.[0];
      return [
        `duplicate key${key ? ` ${key.startsWith('"') || key.startsWith("'") ? key : `"${key}"`}` : ''}`,
        'each key may appear once in a mapping; remove or merge the repeated one',
      ];
    }
    case 'TAB_AS_INDENT':
      return ['tab used for indentation', 'YAML indents with spaces only; replace the tabs with spaces'];
    default: {
      const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return [`YAML syntax error: ${first}`];
    }
  }
}

/** Parses bytes already read; pure apart from hashing, so it is what tests feed directly. */
export function parseYamlSource(file: string, bytes: Uint8Array): LoadedYaml {
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(file, bytes);
  const sha256 = sha256Of(bytes);
  const failed = (diagnostic: Diagnostic): LoadedYaml => unreadable(file, sha256, diagnostic);

  const failedAtByte = (offset: number, code: string, summary: string, detail: string) => {
    const { line, column } = lineColumnOfByte(bytes, offset);
    return failed(at(file, line, column, code, summary, detail));
  };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return failedAtByte(
      nul,
      'binary-file',
      'file contains binary data (a NUL byte), not YAML text',
      'check that -f names the desired-state YAML file',
    );
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    const byte = bytes[invalid]!.toString(16).padStart(2, '0');
    return failedAtByte(
      invalid,
      'not-utf8',
      `file is not valid UTF-8 (byte 0x${byte})`,
      're-save the file as UTF-8',
    );
  }
  const source = decodeSource(bytes);
  const value = loadWithoutPositions(source);
  if (value === undefined) return parseWithPositions(file, sha256, source);
  let positioned: LoadedYaml | undefined;
  return {
    file,
    sha256,
    value,
    diagnostics: [],
    locate: (path, options) =>
      (positioned ??= parseWithPositions(file, sha256, source)).locate(path, options),
  };
}

/** Text of bytes already checked to be UTF-8, without a byte-order mark. */
function decodeSource(bytes: Uint8Array): string {
  const source = fatalUtf8().decode(bytes);
  return source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
}

/**
 * The locator of a file that parsed cleanly elsewhere (the loader thread): its positioned parse
 * runs here only when a diagnostic first asks where a value is.
 */
export function deferredLocator(file: string, sha256: string, bytes: Uint8Array): LoadedYaml['locate'] {
  let positioned: LoadedYaml | undefined;
  return (path, options) =>
    (positioned ??= parseWithPositions(file, sha256, decodeSource(bytes))).locate(path, options);
}

/** The `yaml` parse: every syntax problem with its position, aliases bounded, and a locator. */
function parseWithPositions(file: string, sha256: string, source: string): LoadedYaml {
  const { LineCounter, isScalar, parseDocument } = yaml();
  const failed = (diagnostic: Diagnostic): LoadedYaml => unreadable(file, sha256, diagnostic);
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    merge: false,
  });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) {
    const offset = error.pos[0];
    const { line, column } = position(offset);
    const [summary, detail] = describeYamlError(error.code, error.message, source, offset);
    diagnostics.push(
      at(file, line, column, `yaml-${error.code.toLowerCase().replace(/_/g, '-')}`, summary, detail),
    );
  }
  const locate = makeLocator(doc, position);
  if (diagnostics.length > 0) return { file, sha256, value: undefined, diagnostics, locate };

  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return failed(
      at(
        file,
        1,
        1,
        'empty-file',
        'file is empty',
        'a desired-state file starts with `version: 1` and lists `systemAccounts:`',
      ),
    );
  }

  const expansion = measureExpansion(doc);
  const allowed = Math.max(MAX_ALIAS_NODES, EXPANSION_FACTOR * expansion.written);
  if (expansion.added > allowed) {
    const { line, column } = position(expansion.firstAlias);
    return {
      file,
      sha256,
      value: undefined,
      diagnostics: [
        at(
          file,
          line,
          column,
          'alias-expansion',
          Number.isFinite(expansion.added)
            ? `anchors and aliases expand to ${grouped(expansion.added)} more values, beyond the limit of ${grouped(allowed)}`
            : 'an alias refers to the node that contains it, so it never ends',
          'write the repeated values out, or use `defaults:`',
        ),
      ],
      locate,
    };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      file,
      sha256,
      value: undefined,
      diagnostics: [at(file, 1, 1, 'yaml-invalid', `YAML could not be read: ${reason}`)],
      locate,
    };
  }
  return { file, sha256, value, diagnostics, locate };
}

/**
 * How many nodes the document has as written, and how many its aliases would add once expanded —
 * computed without expanding anything (each anchored node's size is computed once), so even an
 * exponential nest of aliases is measured in time linear in the file. An alias that refers to a
 * node containing it never ends: its size is Infinity.
 */
function measureExpansion(doc: Document): { written: number; added: number; firstAlias: number } {
  const { isAlias, isMap, isPair, isSeq, visit } = yaml();
  const sizes = new Map<unknown, number>();
  const open = new Set<unknown>();
  let written = 0;
  let firstAlias = -1;
  visit(doc, {
    Node(_, node) {
      written++;
      if (isAlias(node) && firstAlias < 0) firstAlias = node.range?.[0] ?? 0;
    },
  });
  const size = (node: unknown): number => {
    if (isAlias(node)) return size(node.resolve(doc));
    if (!isMap(node) && !isSeq(node)) return node === null || node === undefined ? 0 : 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (open.has(node)) return Infinity;
    open.add(node);
    let total = 1;
    for (const item of node.items) total += isPair(item) ? size(item.key) + size(item.value) : size(item);
    open.delete(node);
    sizes.set(node, total);
    return total;
  };
  if (firstAlias < 0) return { written, added: 0, firstAlias: 0 };
  let expanded: number;
  try {
    expanded = size(doc.contents);
  } catch {
    expanded = Infinity; // nested too deep to measure: no legitimate accounts file is
  }
  return { written, added: Math.max(0, expanded - written), firstAlias };
}

function makeLocator(
  doc: Document,
  position: (offset: number) => { line: number; column: number },
): LoadedYaml['locate'] {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yaml();
  return (path, options = {}) => {
    let node: unknown = doc.contents;
    let best = node && (node as Node).range ? (node as Node).range![0] : 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      const last = i === path.length - 1;
      if (isAlias(node)) break;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
        );
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (last && options.key) {
          best = keyNode.range?.[0] ?? best;
          break;
        }
        node = pair.value;
        best = (node as Node | null)?.range?.[0] ?? keyNode.range?.[0] ?? best;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        if (!node) break;
        best = (node as Node).range?.[0] ?? best;
      } else break;
    }
    return position(best);
  };
}
