import { clip, escapeMarkdown } from './escape.js';
import { count } from '../util/plural.js';
import { MARKER } from './marker.js';
import { num } from './words.js';

/**
 * The pieces every Markdown report is built from (plans, apply reports, diagnostics): values made
 * inert, sections of entries, and a whole report fitted under a comment's size limit.
 */

/** GitHub's comment limit is 65,536; stay under it with room for a bot's own wrapper. */
export const MARKDOWN_LIMIT = 65_000;

/** Longest value shown whole; a longer one is clipped with a note of what was left out. */
export const VALUE_MAX = 300;
/** Most entries of a role or team set shown in one line. */
const SET_MAX = 30;
/** Longest message (refusal, diagnostic) shown whole. */
const MESSAGE_MAX = 2_000;

/** A value from the file or the API, inert and visible, in a code element. */
export const code = (value: string): string => `<code>${escapeMarkdown(clip(value, VALUE_MAX))}</code>`;

/** A message that carries values (a refusal, a diagnostic): escaped whole, clipped. */
export const prose = (text: string): string => escapeMarkdown(clip(text, MESSAGE_MAX));

export function codes(values: readonly string[]): string {
  if (values.length === 0) return 'none';
  const shown = values.slice(0, SET_MAX).map(code).join(', ');
  return values.length > SET_MAX ? `${shown} … and ${num(values.length - SET_MAX)} more` : shown;
}

/**
 * A section of a capped document: a heading, `size` entries (rendered only when they may still
 * fit, so a huge plan costs what is shown) and the line that counts the rest.
 */
export interface Section {
  head: string;
  size: number;
  entry: (index: number) => string;
  more?: (n: number) => string;
}

export const section = <T>(
  head: string,
  values: readonly T[],
  entry: (value: T) => string,
  more?: Section['more'],
): Section => ({
  head,
  size: values.length,
  entry: (i) => entry(values[i]!),
  ...(more ? { more } : {}),
});

export const moreLine = (n: number) => `- … and ${num(n)} more (see the JSON plan)`;

/**
 * Joins `top` and the sections, keeping the whole at most `limit` characters. Entries are whole
 * (a `<details>` block is never cut in half); when one does not fit, the rest of that section is
 * replaced by "… and N more (see the JSON plan)", and a notice under `top` says how many entries
 * were left out in all. Room for every heading, every "more" line and the notice is reserved
 * first, so no section vanishes and a later section still gets what fits.
 */
export function fitMarkdown(top: string, sections: readonly Section[], limit: number): string {
  const present = sections.filter((s) => s.size > 0);
  const total = present.reduce((n, s) => n + s.size, 0);
  const notice = (n: number) =>
    `> [!WARNING]\n> Shortened to stay under GitHub's comment limit: ${count(n, 'entry', 'entries')} not shown. The JSON plan has everything.\n\n`;
  const more = (s: Section, n: number) => `${(s.more ?? moreLine)(n)}\n`;
  const fixed = (s: Section) => s.head.length + 1 + more(s, s.size).length + 1;
  let reserved = present.reduce((n, s) => n + fixed(s), 0);
  let used = top.length + notice(total).length;
  if (used + reserved > limit)
    return `${MARKER}\nThis report is too large to show here; see the JSON plan.\n`;
  const body: string[] = [];
  let dropped = 0;
  for (const s of present) {
    reserved -= fixed(s);
    const shown: string[] = [];
    for (let i = 0; i < s.size; i++) {
      const item = s.entry(i);
      const cost = item.length + 1;
      if (used + cost + fixed(s) + reserved > limit) break;
      shown.push(item);
      used += cost;
    }
    const cut = s.size - shown.length;
    dropped += cut;
    // Exactly one blank line after each section, whatever its entries end with.
    const text = `${s.head}\n${shown.map((i) => `${i}\n`).join('')}${cut ? more(s, cut) : ''}`.replace(
      /\n+$/,
      '\n',
    );
    used += s.head.length + 1 + (cut ? more(s, cut).length : 0) + 1;
    body.push(text);
  }
  return `${top}${dropped ? notice(dropped) : ''}${body.join('\n')}`;
}

/**
 * `text` in a fenced code block whose fence is longer than any run of backticks inside it, so no
 * line of the text (a role description holding a fence, say) can close it early.
 */
export function fenced(text: string, info = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text.trimEnd()}\n${fence}`;
}
