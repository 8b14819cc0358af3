/**
 * The `yaml` parse: every syntax problem with its position, aliases bounded, and a locator that
 * turns a path in the file into a line and column. Slower than js-yaml (load.ts), so it runs only
 * when there is something to point at.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Node } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt } from '../diagnostics.js';
import { grouped } from '../util/plural.js';
import type { LoadedYaml } from './loaded-yaml.js';
import { failedLoad } from './loaded-yaml.js';

/**
 * Aliases may add at most this many nodes, or EXPANSION_FACTOR times the nodes written in the file
 * if that is more. What is limited is the expansion, not the number of aliases: 500 accounts that
 * share one `roles: *ci` list are fine, a "billion laughs" nest of aliases is refused before it is
 * expanded.
 */
export const MAX_ALIAS_NODES = 5_000;
export const EXPANSION_FACTOR = 4;

type Position = (offset: number) => { line: number; column: number };

let yamlModule: typeof Yaml | undefined;
/**
 * `yaml`, loaded on first use: a program that imports this package does not pay some 80 ms for
 * it unless a file needs positions. In the binary's CommonJS bundle `require('yaml')` is the
 * bundle's own, turned into a require of bundle/yaml.js beside it (scripts/bundle.mjs), not of
 * node_modules; in the library's bundle (scripts/bundle-library.mjs) it is Node's, for dist/lib.
 */
function yaml(): typeof Yaml {
  if (typeof require !== 'function')
    return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle's require, above
  return (yamlModule ??= require('yaml') as typeof Yaml);
}

/** The file's value with a locator, or what stops it being read; `source` is checked text. */
export function parseWithPositions(file: string, sha256: string, source: string): LoadedYaml {
  const { doc, position } = parseDocument(source);
  const locate = makeLocator(doc, position);
  const failed = (diagnostic: Diagnostic) => failedLoad(file, sha256, [diagnostic], locate);
  const syntax = syntaxDiagnostics(file, doc, source, position);
  if (syntax.length > 0) return failedLoad(file, sha256, syntax, locate);
  if (isEmpty(doc))
    return failed(
      diagnosticAt(
        { file, line: 1, column: 1 },
        'empty-file',
        'file is empty',
        'a desired-state file starts with `version: 1` and lists `systemAccounts:`',
      ),
    );
  const tooManyAliases = checkAliasExpansion(file, doc, position);
  if (tooManyAliases) return failed(tooManyAliases);
  try {
    return { file, sha256, value: doc.toJS({ maxAliasCount: -1 }), diagnostics: [], locate };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed(
      diagnosticAt({ file, line: 1, column: 1 }, 'yaml-invalid', `YAML could not be read: ${reason}`),
    );
  }
}

function parseDocument(source: string): { doc: Document; position: Position } {
  const { LineCounter, parseDocument } = yaml();
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
  return { doc, position };
}

function isEmpty(doc: Document): boolean {
  const { isScalar } = yaml();
  return doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null);
}

function syntaxDiagnostics(file: string, doc: Document, source: string, position: Position): Diagnostic[] {
  return doc.errors.map((error) => {
    const offset = error.pos[0];
    const [summary, detail] = describeYamlError(error.code, error.message, source, offset);
    const code = `yaml-${error.code.toLowerCase().replace(/_/g, '-')}`;
    return diagnosticAt({ file, ...position(offset) }, code, summary, detail);
  });
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
    case 'MULTIPLE_DOCS':
      return [
        'the file holds more than one YAML document (a second one starts here)',
        'a desired-state file is one document: remove this `---` line and merge what follows into the first, or move it to a file of its own',
      ];
    case 'TAB_AS_INDENT':
      return ['tab used for indentation', 'YAML indents with spaces only; replace the tabs with spaces'];
    default: {
      const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return [`YAML syntax error: ${first}`];
    }
  }
}

/** A diagnostic at the first alias when the aliases would expand past the limit; else undefined. */
function checkAliasExpansion(file: string, doc: Document, position: Position): Diagnostic | undefined {
  const expansion = measureExpansion(doc);
  const allowed = Math.max(MAX_ALIAS_NODES, EXPANSION_FACTOR * expansion.written);
  if (expansion.added <= allowed) return undefined;
  return diagnosticAt(
    { file, ...position(expansion.firstAlias) },
    'alias-expansion',
    Number.isFinite(expansion.added)
      ? `anchors and aliases expand to ${grouped(expansion.added)} more values, beyond the limit of ${grouped(allowed)}`
      : 'an alias refers to the node that contains it, so it never ends',
    'write the repeated values out, or use `defaults:`',
  );
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

function makeLocator(doc: Document, position: Position): LoadedYaml['locate'] {
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
