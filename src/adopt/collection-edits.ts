import type { Pair, YAMLMap, YAMLSeq } from 'yaml';
import { isPair } from 'yaml';
import type { TextEdit } from './source-text.js';
import { colonAfter, columnOf, dashBefore, lineStart, nextLineStart } from './source-text.js';

type Item = YAMLSeq['items'][number] | Pair;
type Collection = YAMLSeq | YAMLMap;
type Range = [number, number];

/** Where an item's text starts and ends: a pair from its key to the end of its value. */
export function itemRange(item: Item): Range {
  if (isPair(item)) {
    const key = (item.key as { range?: [number, number, number] }).range!;
    const value = (item.value as { range?: [number, number, number] } | null)?.range;
    return [key[0], value ? value[1] : key[1]];
  }
  const range = (item as { range?: [number, number, number] }).range!;
  return [range[0], range[1]];
}

/**
 * Edits that remove the items at `removed` (indexes) of a collection and append `added` (item
 * texts: a scalar, or `key: value` in a mapping). Flow collections are edited between their
 * brackets; block ones by whole lines, so comment lines around the items stay where they are.
 */
export function editItems(
  source: string,
  coll: Collection,
  removed: ReadonlySet<number>,
  added: readonly string[],
  keyEnd?: number,
  appendAt?: number,
): TextEdit[] {
  if (removed.size === 0 && added.length === 0) return [];
  return coll.flow
    ? editFlowItems(source, coll, removed, added)
    : editBlockItems(source, coll, removed, added, { keyEnd, appendAt });
}

function editFlowItems(
  source: string,
  coll: Collection,
  removed: ReadonlySet<number>,
  added: readonly string[],
): TextEdit[] {
  const ranges = coll.items.map((item) => itemRange(item as Item));
  const kept = ranges.map((_, i) => i).filter((i) => !removed.has(i));
  const [open, close] = flowBrackets(source, coll);
  const padded = source[open + 1] === ' ';
  if (kept.length === 0) {
    const inner = added.length === 0 ? '' : padded ? ` ${added.join(', ')} ` : added.join(', ');
    return [{ start: open + 1, end: close, text: inner }];
  }
  const edits: TextEdit[] = [];
  const lastKept = kept[kept.length - 1]!;
  for (const i of removed) {
    // An item before a kept one goes with the separator after it; those after the last kept one
    // go, together, with the separator before them.
    if (i < lastKept) edits.push({ start: ranges[i]![0], end: ranges[i + 1]![0], text: '' });
  }
  const end = ranges[ranges.length - 1]![1];
  const tail = lastKept < ranges.length - 1 ? trailingLines(source, ranges, lastKept) : undefined;
  if (tail) edits.push(...tail);
  else if (lastKept < ranges.length - 1) edits.push({ start: ranges[lastKept]![1], end, text: '' });
  const at = tail ? ranges[lastKept]![1] : end;
  if (added.length) edits.push({ start: at, end: at, text: added.map((t) => `, ${t}`).join('') });
  return edits;
}

/**
 * Items after the last kept one, when each stands on lines of its own (`[\n  a, # one\n  b # two\n]`):
 * their whole lines go, with their comments, and the kept item loses only its comma, keeping its
 * comment. Undefined when they share a line with the kept item or the closing bracket.
 */
function trailingLines(source: string, ranges: Range[], lastKept: number): TextEdit[] | undefined {
  const keptEnd = ranges[lastKept]![1];
  const first = ranges[lastKept + 1]![0];
  const from = lineStart(source, first);
  const to = nextLineStart(source, ranges[ranges.length - 1]![1]);
  const comma = source.indexOf(',', keptEnd);
  if (from <= keptEnd || comma === -1 || comma >= from) return undefined;
  if (source.slice(from, first).trim() !== '') return undefined;
  const rest = source.slice(ranges[ranges.length - 1]![1], to).trim();
  if (rest !== '' && rest !== ',' && !/^,?\s*#/.test(rest)) return undefined;
  return [
    { start: comma, end: comma + 1, text: '' },
    { start: from, end: to, text: '' },
  ];
}

/** The offsets of a flow collection's opening and closing brackets. */
function flowBrackets(source: string, coll: Collection): Range {
  const [start, end] = coll.range!;
  const close = source.lastIndexOf(source[start] === '{' ? '}' : ']', end - 1);
  return [start, close];
}
function editBlockItems(
  source: string,
  coll: Collection,
  removed: ReadonlySet<number>,
  added: readonly string[],
  where: { keyEnd: number | undefined; appendAt: number | undefined },
): TextEdit[] {
  const items = coll.items as Item[];
  const isMap = items.some((i) => isPair(i));
  const edits: TextEdit[] = [];
  for (const i of removed)
    edits.push(isMap ? removePairLines(source, items, i) : removeSeqLines(source, items[i]!));
  const last = items[items.length - 1]!;
  const at = where.appendAt ?? nextLineStart(source, itemRange(last)[1]);
  if (added.length) {
    const start = isMap ? itemRange(items[0]!)[0] : dashBefore(source, itemRange(items[0]!)[0]);
    const indent = ' '.repeat(columnOf(source, start));
    // An item of several lines (a new entry) continues under its first key.
    const lines = added
      .map((t) => `${indent}${isMap ? '' : '- '}${t.replace(/\n/g, `\n${indent}  `)}\n`)
      .join('');
    edits.push({
      start: at,
      end: at,
      text: (at === source.length && !source.endsWith('\n') ? '\n' : '') + lines,
      rank: isMap ? 1 : 0,
    });
  }
  if (!isMap && removed.size === items.length && added.length === 0 && where.keyEnd !== undefined) {
    // An emptied block list is written `key: []`: without a value it would read as null.
    const colon = colonAfter(source, where.keyEnd);
    edits.push({ start: colon, end: colon, text: ' []' });
  }
  return edits;
}

function removeSeqLines(source: string, item: Item): TextEdit {
  const [start, end] = itemRange(item);
  return { start: lineStart(source, dashBefore(source, start)), end: nextLineStart(source, end), text: '' };
}

/**
 * A pair's lines. The first pair of a list item shares its line with the dash: it is removed up
 * to the next key, which moves up beside the dash (unless comments stand between them).
 */
function removePairLines(source: string, items: Item[], i: number): TextEdit {
  const [start, end] = itemRange(items[i]!);
  const lineHead = source.slice(lineStart(source, start), start);
  const next = items[i + 1];
  if (lineHead.trim() !== '' && next) {
    const nextStart = itemRange(next)[0];
    if (!source.slice(start, nextStart).includes('#')) return { start, end: nextStart, text: '' };
    return { start, end: nextLineStart(source, end) - 1, text: '' };
  }
  return { start: lineStart(source, start), end: nextLineStart(source, end), text: '' };
}
