import type { InventoryRow } from '../show/inventory.js';
import { lastActivity } from '../show/inventory.js';

/** The inventory for machines: every row in full, with its last activity; token values never exist here. */
export function renderShowJson(rows: readonly InventoryRow[], meta: { baseUrl: string }): string {
  const accounts = rows.map((row) => ({
    ...row,
    ...(row.tokens ? { lastActivity: lastActivity(row) } : {}),
  }));
  return JSON.stringify({ baseUrl: meta.baseUrl, count: rows.length, accounts }, null, 2) + '\n';
}
