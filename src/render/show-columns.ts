import type { InventoryRow } from '../show/inventory.js';
import { lastActivity } from '../show/inventory.js';

/**
 * The columns of `show`, in order, shared by every format: `text` is the short form for a table
 * cell, `raw` the full value for CSV and machines. Which columns appear depends on what was read.
 */
export interface ShowColumn {
  header: string;
  text(row: InventoryRow): string;
  raw(row: InventoryRow): string;
}

export interface ShowLayout {
  /** A desired-state file was given: managed / unmanaged / out of scope, in sync / drifted. */
  file: boolean;
  /** Tokens were read (--activity). */
  activity: boolean;
}

const day = (iso: string | null, none: string) => (iso === null ? none : iso.slice(0, 10));
const same = (f: (row: InventoryRow) => string) => ({ text: f, raw: f });
const lastTokenUse = (row: InventoryRow) =>
  (row.tokens ?? [])
    .map((t) => t.lastUsedAt)
    .filter((t): t is string => t !== null)
    .sort()
    .at(-1) ?? null;

export function showColumns(layout: ShowLayout): ShowColumn[] {
  const columns: ShowColumn[] = [
    { header: 'NAME', ...same((r) => r.name) },
    { header: 'STATE', ...same((r) => r.state) },
    { header: 'ADMIN', ...same((r) => (r.admin ? 'yes' : 'no')) },
    { header: 'ROLES', ...same((r) => r.roles.join(', ')) },
    { header: 'TEAMS', ...same((r) => r.teams.join(', ')) },
    { header: 'SCOPES', text: (r) => r.scopeSummary, raw: (r) => r.scopes.join(' ') },
    {
      header: 'LAST LOGIN',
      text: (r) => day(r.lastLogin, 'never'),
      raw: (r) => r.lastLogin ?? '',
    },
    { header: 'CREATED', text: (r) => day(r.createdAt, '-'), raw: (r) => r.createdAt ?? '' },
  ];
  if (layout.file)
    columns.push(
      { header: 'FILE', ...same((r) => r.management ?? '') },
      { header: 'SYNC', ...same((r) => r.sync ?? '') },
    );
  if (layout.activity)
    columns.push(
      {
        header: 'TOKENS',
        ...same((r) => ((r.tokens ?? []).length ? (r.tokens ?? []).map((t) => t.kind).join(', ') : 'none')),
      },
      {
        header: 'LAST TOKEN USE',
        text: (r) => day(lastTokenUse(r), r.tokens?.length ? 'unknown' : '-'),
        raw: (r) => lastTokenUse(r) ?? '',
      },
      {
        header: 'LAST ACTIVITY',
        text: (r) => day(lastActivity(r), 'never'),
        raw: (r) => lastActivity(r) ?? '',
      },
    );
  return columns;
}
