import type { Node, YAMLSeq } from 'yaml';
import { visit } from 'yaml';
import type { SystemAccountEntry } from '../config/types.js';
import { editItems } from './collection-edits.js';
import type { FileEditor } from './file-editor.js';
import { flowNames, scalarText } from './scalar-text.js';
import {
  colonAfter,
  columnOf,
  dashBefore,
  indentOf,
  isBlankLine,
  isCommentLine,
  lineStart,
  nextLineStart,
  previousLineStart,
} from './source-text.js';

type Ranged = { range: [number, number, number] };

/**
 * The lines of a block list item and the comments that belong to it: the comment lines right
 * above its dash (no blank line between, not indented deeper than the dash) and those after it
 * indented deeper than the dash. One
 * blank line goes too when the entry stood between two, so no gap doubles.
 */
export function entryLines(source: string, item: Ranged): [number, number] {
  const dash = dashBefore(source, item.range[0]);
  const dashColumn = columnOf(source, dash);
  let start = lineStart(source, dash);
  for (
    let above = previousLineStart(source, start);
    above !== undefined;
    above = previousLineStart(source, above)
  ) {
    // A comment indented deeper than the dash ends the entry before this one.
    if (!isCommentLine(source, above) || indentOf(source, above) > dashColumn) break;
    start = above;
  }
  let end = nextLineStart(source, item.range[1]);
  while (end < source.length && isCommentLine(source, end) && indentOf(source, end) > dashColumn)
    end = nextLineStart(source, end + 1);
  const before = previousLineStart(source, start);
  const blankBefore = before === undefined || isBlankLine(source, before);
  if (blankBefore && end < source.length && isBlankLine(source, end)) end = nextLineStart(source, end + 1);
  return [start, end];
}

/**
 * Removes the entries at `removed` from the systemAccounts list, with their comments, and appends
 * `added` in the list's style. An anchor in a removed entry that another entry aliases is written
 * out there first.
 */
export function editEntries(
  editor: FileEditor,
  list: YAMLSeq,
  removed: ReadonlySet<number>,
  added: readonly SystemAccountEntry[],
  keyEnd: number,
): void {
  const { source } = editor;
  const texts = added.map((e) => entryText(e, list.flow ?? false));
  if (list.flow || list.items.length === 0) {
    editor.edits.push(...editItems(source, list, removed, texts));
    return;
  }
  for (const i of removed) {
    const item = list.items[i] as Node & Ranged;
    const span = entryLines(source, item);
    visit(item, {
      Node: (_key, node) => {
        if (node.anchor) editor.detach(node, span);
      },
    });
    editor.removeRange(span[0], span[1]);
  }
  if (texts.length) {
    const last = list.items[list.items.length - 1] as Node & Ranged;
    editor.edits.push(...editItems(source, list, new Set(), texts, undefined, entryLines(source, last)[1]));
  } else if (removed.size === list.items.length) {
    const colon = colonAfter(source, keyEnd);
    editor.edits.push({ start: colon, end: colon, text: ' []' });
  }
}

/** An entry as `export` writes it: name, email, state, admin, then roles and teams as flow lists. */
export function entryText(entry: SystemAccountEntry, flow: boolean): string {
  const fields: [string, string][] = [['name', scalarText(entry.name, { inFlow: flow })]];
  if (entry.email !== undefined) fields.push(['email', scalarText(entry.email, { inFlow: flow })]);
  if (entry.state !== undefined) fields.push(['state', entry.state]);
  if (entry.admin !== undefined) fields.push(['admin', String(entry.admin)]);
  if (entry.roles !== undefined) fields.push(['roles', flowNames(entry.roles)]);
  if (entry.teams !== undefined) fields.push(['teams', flowNames(entry.teams)]);
  const pairs = fields.map(([k, v]) => `${k}: ${v}`);
  return flow ? `{${pairs.join(', ')}}` : pairs.join('\n');
}
