import type { Document, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isAlias, isCollection, isMap, isScalar, isSeq, visit } from 'yaml';
import { nameKey } from '../util/names.js';
import { editItems } from './collection-edits.js';
import { flowListText, flowNames, scalarText } from './scalar-text.js';
import type { TextEdit } from './source-text.js';

type Ranged = Node & { range: [number, number, number] };

/**
 * The edits adopt makes to one file, as text splices located by the `yaml` parse. Values are
 * written where they are: a value another node aliases is first written out at each alias, so
 * that changing it for one account never changes it for another.
 */
export class FileEditor {
  readonly edits: TextEdit[] = [];
  /** Aliases written out by `detach`, so a later change of the same place changes that edit. */
  private readonly aliasEdits = new Map<Node, TextEdit>();
  /** Anchors whose aliases were written out, for the summary. */
  readonly detached: string[] = [];

  constructor(
    readonly source: string,
    readonly doc: Document,
  ) {}

  /** Writes `text` in place of a node's value (an alias's too). */
  replace(node: Node, text: string): void {
    const pending = this.aliasEdits.get(node);
    if (pending) {
      pending.text = text;
      return;
    }
    this.detach(node);
    const [start, end] = (node as Ranged).range;
    const edit = { start, end, text: text + this.blockScalarTail(node) };
    this.edits.push(edit);
    if (isAlias(node)) this.aliasEdits.set(node, edit);
  }

  /**
   * Before a node that aliases refer to changes (or goes): each alias outside `except` becomes a
   * copy of the node's current value, and the anchor goes. Returns how many aliases were written.
   */
  detach(node: Node, except?: [number, number]): number {
    const anchor = isAlias(node) ? undefined : node.anchor;
    if (!anchor) return 0;
    // An alias already written over (its account's own value) needs no copy.
    const aliases = this.aliasesOf(node).filter(
      (a) => !this.aliasEdits.has(a) && (!except || !within(a.range, except)),
    );
    if (aliases.length === 0) return 0;
    const copy = this.valueText(node);
    for (const alias of aliases) {
      const edit = { start: alias.range[0], end: alias.range[1], text: copy };
      this.edits.push(edit);
      this.aliasEdits.set(alias, edit);
    }
    if (!except || !within((node as Ranged).range, except)) this.removeAnchor(node as Ranged, anchor);
    this.detached.push(anchor);
    return aliases.length;
  }

  /** Removes source[start, end), and with it every edit already made inside that range. */
  removeRange(start: number, end: number): void {
    // An insertion at either end belongs to a neighbour (a key appended to the entry above).
    const inside = (e: TextEdit) =>
      e.start === e.end ? e.start > start && e.start < end : e.start >= start && e.end <= end;
    for (let i = this.edits.length - 1; i >= 0; i--) if (inside(this.edits[i]!)) this.edits.splice(i, 1);
    this.edits.push({ start, end, text: '' });
  }

  /** Sets `key` of a mapping to a string or boolean, keeping the quoting of the value it replaces. */
  setScalar(map: YAMLMap, key: string, value: string | boolean): void {
    const pair = pairOf(map, key);
    if (!pair) return this.appendPair(map, key, scalarText(value, { inFlow: map.flow ?? false }));
    const node = pair.value as Node;
    const like = isScalar(node) ? (node as Scalar).type : undefined;
    this.replace(node, scalarText(value, { ...(like ? { like } : {}), inFlow: map.flow ?? false }));
  }

  /** Removes `key` and its value from a mapping. */
  removeKey(map: YAMLMap, key: string): void {
    const index = map.items.findIndex((p) => keyOf(p) === key);
    if (index === -1) return;
    const value = map.items[index]!.value as Node | null;
    if (value) this.detach(value);
    this.edits.push(...editItems(this.source, map, new Set([index]), []));
  }

  /**
   * Sets a list of names to exactly `wanted` (compared by name key): items that stay keep their
   * text and comments, those that go are removed, new ones appended. A list given by an alias, or
   * absent (from `defaults`), is written on this mapping as a new flow list.
   */
  setList(map: YAMLMap, key: string, wanted: readonly string[]): void {
    const pair = pairOf(map, key);
    if (!pair) return this.appendPair(map, key, flowNames(wanted));
    const list = pair.value as Node | null;
    if (!isSeq(list) || !list.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
      if (list) this.replace(list, flowNames(wanted));
      return;
    }
    const wantedKeys = new Map(wanted.map((n) => [nameKey(n), n]));
    const removed = new Set<number>();
    list.items.forEach((item, i) => {
      const k = nameKey((item as Scalar<string>).value);
      if (wantedKeys.has(k)) wantedKeys.delete(k);
      else removed.add(i);
    });
    const added = [...wantedKeys.values()].map((n) => scalarText(n, { inFlow: list.flow ?? false }));
    if (removed.size === 0 && added.length === 0) return;
    this.detach(list);
    const keyEnd = (pair.key as Ranged).range[1];
    this.edits.push(...editItems(this.source, list, removed, added, keyEnd));
  }

  appendPair(map: YAMLMap, key: string, valueText: string): void {
    this.edits.push(...editItems(this.source, map, new Set(), [`${key}: ${valueText}`]));
  }

  private aliasesOf(node: Node): Ranged[] {
    const found: Ranged[] = [];
    visit(this.doc, {
      Alias: (_key, alias) => {
        if (alias.source === node.anchor && alias.resolve(this.doc) === node) found.push(alias as Ranged);
      },
    });
    return found;
  }

  /** A node's value as text that can stand anywhere: block lists become flow lists. */
  private valueText(node: Node): string {
    const [start, end] = (node as Ranged).range;
    if (isScalar(node) || (isCollection(node) && node.flow)) return this.source.slice(start, end);
    if (isSeq(node) && node.items.every((i) => isScalar(i)))
      return flowListText(
        node.items.map((i) => {
          const s = i as Scalar;
          return typeof s.value === 'string'
            ? scalarText(s.value, { like: s.type, inFlow: true })
            : String(s.value);
        }),
      );
    if (isMap(node)) throw new Error('adopt: an anchored mapping cannot be written out');
    return this.source.slice(start, end);
  }

  /**
   * The line breaks a block scalar (`|`, `>`) holds at its end: its range runs past its last
   * line, so a value written in its place needs them, or the next key would join its line.
   */
  private blockScalarTail(node: Node): string {
    if (!isScalar(node) || (node.type !== 'BLOCK_FOLDED' && node.type !== 'BLOCK_LITERAL')) return '';
    const [start, end] = (node as Ranged).range;
    return /[\r\n]\s*$/.exec(this.source.slice(start, end))?.[0] ?? '';
  }

  /** Removes `&anchor` and one space beside it. */
  private removeAnchor(node: Ranged, anchor: string): void {
    const at = this.source.lastIndexOf(`&${anchor}`, node.range[0]);
    if (at === -1) return;
    let start = at;
    let end = at + anchor.length + 1;
    // The space before it, so that text inserted just after the anchor stays clear of this edit.
    if (this.source[start - 1] === ' ') start--;
    else if (this.source[end] === ' ') end++;
    this.edits.push({ start, end, text: '' });
  }
}

const within = (range: [number, number, number] | [number, number], outer: [number, number]) =>
  range[0] >= outer[0] && range[1] <= outer[1];

const keyOf = (pair: Pair) => (isScalar(pair.key) ? pair.key.value : undefined);

export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => keyOf(p) === key);
}
