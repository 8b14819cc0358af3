import type { InventoryRow } from '../show/inventory.js';
import type { ShowLayout } from './show-columns.js';
import { showColumns } from './show-columns.js';

/**
 * One CSV cell: a value a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return) gets a leading apostrophe; then RFC 4180 quoting when the value holds a
 * comma, a quote or a line break.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The inventory as RFC 4180 CSV (CRLF line ends, a header row), full values rather than summaries. */
export function renderShowCsv(rows: readonly InventoryRow[], layout: ShowLayout): string {
  const columns = showColumns(layout);
  const lines = [columns.map((col) => csvCell(col.header.toLowerCase().replace(/ /g, '_'))).join(',')];
  for (const row of rows) lines.push(columns.map((col) => csvCell(col.raw(row))).join(','));
  return lines.join('\r\n') + '\r\n';
}
