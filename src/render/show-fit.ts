/**
 * Fitting `show`'s table to a terminal's width. Wide columns are cut first (their cells end in
 * "…"), each down to a least width that still tells rows apart; when that is not enough, whole
 * columns are left out, least useful first. Only the text table on a terminal is fitted: JSON,
 * CSV, Markdown and piped text keep every character.
 */

/**
 * Columns that may be cut, and the least width each keeps (never less than its header). NAME is
 * not among them: it is what a row is known by, and what a reader copies into the next command.
 */
const CUTTABLE: Readonly<Record<string, number>> = {
  ROLES: 10,
  TEAMS: 8,
  // "18 scopes; …": the count stays readable.
  SCOPES: 12,
  TOKENS: 10,
};

/** Columns left out, in this order, when cutting is not enough. NAME and STATE always stay. */
const LEAVE_OUT = [
  'CREATED',
  'LAST LOGIN',
  'TOKENS',
  'LAST TOKEN USE',
  'ADMIN',
  'TEAMS',
  'SCOPES',
  'FILE',
  'SYNC',
  'LAST ACTIVITY',
  'ROLES',
];

const GAP = 2;

/** How the table fits: a width per column, or `undefined` for a column left out. */
export type FittedWidths = (number | undefined)[];

const tableWidth = (widths: FittedWidths) => {
  const shown = widths.filter((w): w is number => w !== undefined);
  return shown.reduce((sum, w) => sum + w, 0) + GAP * Math.max(0, shown.length - 1);
};

function leastWidth(header: string, natural: number): number {
  const least = CUTTABLE[header];
  return least === undefined ? natural : Math.min(natural, Math.max(least, header.length));
}

/** Widths with every cuttable column at most `cap` (but not under its least width). */
function cappedAt(headers: readonly string[], natural: readonly number[], shown: boolean[], cap: number) {
  return natural.map((n, i) =>
    shown[i] ? Math.max(leastWidth(headers[i]!, n), Math.min(n, cap)) : undefined,
  );
}

/** The widest cap at which the shown columns fit, or `undefined` if not even their least widths do. */
function cutToFit(
  headers: readonly string[],
  natural: readonly number[],
  shown: boolean[],
  width: number,
): FittedWidths | undefined {
  for (let cap = Math.max(...natural); cap >= 0; cap--) {
    const widths = cappedAt(headers, natural, shown, cap);
    if (tableWidth(widths) <= width) return widths;
  }
  return undefined;
}

/**
 * Widths for columns `headers` whose widest cells are `natural`, so that the table is at most
 * `width` characters wide: unchanged when it fits already.
 */
export function fitWidths(
  headers: readonly string[],
  natural: readonly number[],
  width: number,
): FittedWidths {
  const shown = headers.map(() => true);
  for (;;) {
    const widths = cutToFit(headers, natural, shown, width);
    if (widths) return widths;
    const next = LEAVE_OUT.map((h) => headers.indexOf(h)).find((i) => i >= 0 && shown[i]);
    // Only NAME and STATE are left, and even they do not fit: show them whole, wider than asked.
    if (next === undefined) return cappedAt(headers, natural, shown, 0);
    shown[next] = false;
  }
}

/** `text` in at most `width` characters: cut, with "…" as its last one. */
export function cutText(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** `text` broken at spaces into lines of at most `width` characters (a longer word stays whole). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && [...line].length + 1 + [...word].length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}
