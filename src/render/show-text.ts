import type { InventoryRow } from '../show/inventory.js';
import { count } from '../util/plural.js';
import type { Colors } from './color.js';
import { PLAIN } from './color.js';
import { escapeMarkdown } from './escape.js';
import type { ShowLayout } from './show-columns.js';
import { showColumns } from './show-columns.js';
import type { FittedWidths } from './show-fit.js';
import { cutText, fitWidths, wrapWords } from './show-fit.js';
import { visible } from './text.js';

/**
 * The note under a fitted table: which columns were left out, or that cells were cut, and where
 * everything is.
 */
function fitNote(headers: readonly string[], widths: FittedWidths, cut: boolean, width: number): string[] {
  const left = headers.filter((_, i) => widths[i] === undefined);
  const note = left.length
    ? `Left out to fit ${width} columns: ${left.join(', ')}; --format json or csv has every column.`
    : `Cells ending in "…" are cut to fit ${width} columns; --format json or csv has them in full.`;
  return left.length || cut ? wrapWords(note, width) : [];
}

/**
 * The inventory as aligned columns for a terminal: one line per account, sorted by name. With a
 * `width` (a terminal's), the table fits it: long cells are cut, then columns left out, with a note.
 */
export function renderShowText(
  rows: readonly InventoryRow[],
  layout: ShowLayout,
  options: { colors?: Colors; width?: number } = {},
): string {
  const c = options.colors ?? PLAIN;
  const columns = showColumns(layout);
  const headers = columns.map((col) => col.header);
  const cells = rows.map((row) => columns.map((col) => visible(col.text(row))));
  const natural = columns.map((col, i) =>
    Math.max([...col.header].length, ...cells.map((line) => [...line[i]!].length)),
  );
  const widths: FittedWidths =
    options.width === undefined ? natural : fitWidths(headers, natural, options.width);
  const last = widths.findLastIndex((w) => w !== undefined);
  const cut = widths.some((w, i) => w !== undefined && w < natural[i]!);
  const line = (texts: readonly string[]) =>
    texts
      .flatMap((text, i) => {
        const w = widths[i];
        if (w === undefined) return [];
        const fitted = cutText(text, w);
        return [i === last ? fitted : fitted + ' '.repeat(w - [...fitted].length)];
      })
      .join('  ')
      .trimEnd();
  const lines = [c.bold(line(headers)), ...cells.map(line), '', count(rows.length, 'system account')];
  if (options.width !== undefined) lines.push(...fitNote(headers, widths, cut, options.width));
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
