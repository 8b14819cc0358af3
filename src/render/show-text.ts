import type { InventoryRow } from '../show/inventory.js';
import { count } from '../util/plural.js';
import type { Colors } from './color.js';
import { PLAIN } from './color.js';
import { escapeMarkdown } from './escape.js';
import type { ShowLayout } from './show-columns.js';
import { showColumns } from './show-columns.js';
import { visible } from './text.js';

/** The inventory as aligned columns for a terminal: one line per account, sorted by name. */
export function renderShowText(
  rows: readonly InventoryRow[],
  layout: ShowLayout,
  options: { colors?: Colors } = {},
): string {
  const c = options.colors ?? PLAIN;
  const columns = showColumns(layout);
  const cells = rows.map((row) => columns.map((col) => visible(col.text(row))));
  const widths = columns.map((col, i) =>
    Math.max([...col.header].length, ...cells.map((line) => [...line[i]!].length)),
  );
  const pad = (text: string, i: number) =>
    i === columns.length - 1 ? text : text + ' '.repeat(widths[i]! - [...text].length);
  const lines = [
    c.bold(
      columns
        .map((col, i) => pad(col.header, i))
        .join('  ')
        .trimEnd(),
    ),
  ];
  for (const line of cells) lines.push(line.map(pad).join('  ').trimEnd());
  lines.push('', count(rows.length, 'system account'));
  return lines.join('\n') + '\n';
}

/** The inventory as a Markdown table, every cell escaped so no name can inject Markdown or HTML. */
export function renderShowMarkdown(rows: readonly InventoryRow[], layout: ShowLayout): string {
  const columns = showColumns(layout);
  const lines = [
    `### PactFlow system accounts: ${count(rows.length, 'account')}`,
    '',
    `| ${columns.map((col) => col.header.toLowerCase()).join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
  ];
  for (const row of rows)
    lines.push(`| ${columns.map((col) => escapeMarkdown(col.text(row))).join(' | ')} |`);
  return lines.join('\n') + '\n';
}
