/**
 * Edits of the file's text, located by the `yaml` parse's node ranges. Adopt never re-stringifies
 * the document: it splices new text into the original at exact offsets, so every byte it does not
 * need to touch (comments, blank lines, spacing, quoting, flow or block style) stays as it was.
 */

/** Replace source[start, end) with text; an insertion has start === end. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /**
   * Among insertions at one offset, lower goes first: a list's new items (0) come before the
   * mapping keys appended after that list (1).
   */
  rank?: number;
}

/**
 * Applies edits that do not overlap. At one offset, insertions go by rank, then in the order they
 * were made, and before a replacement that starts there.
 */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const ordered = edits
    .map((edit, order) => ({ edit, order }))
    .sort(
      (a, b) =>
        a.edit.start - b.edit.start ||
        a.edit.end - a.edit.start - (b.edit.end - b.edit.start) ||
        (a.edit.rank ?? 0) - (b.edit.rank ?? 0) ||
        a.order - b.order,
    );
  let out = '';
  let at = 0;
  for (const { edit } of ordered) {
    if (edit.start < at) throw new Error(`adopt: overlapping edits at offset ${edit.start}`);
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at);
}

/**
 * The edits with their line breaks written as the file writes its own: a file with Windows line
 * ends (CRLF) gets CRLF in every line adopt adds, never a mix.
 */
export function withLineEnds(source: string, edits: readonly TextEdit[]): TextEdit[] {
  const newline = source.indexOf('\n');
  if (newline <= 0 || source[newline - 1] !== '\r') return [...edits];
  return edits.map((e) => ({ ...e, text: e.text.replace(/\r?\n/g, '\r\n') }));
}

/** The offset where the line holding `offset` starts. */
export function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The offset just after the line that holds the character before `end` (its newline included):
 * where the next line starts, or the end of the file.
 */
export function nextLineStart(source: string, end: number): number {
  if (end > 0 && source[end - 1] === '\n') return end;
  const newline = source.indexOf('\n', end);
  return newline === -1 ? source.length : newline + 1;
}

/** The line's leading spaces, counted. */
export function indentOf(source: string, start: number): number {
  let i = start;
  while (source[i] === ' ') i++;
  return i - start;
}

/** The column of `offset` in its line (0-based). */
export function columnOf(source: string, offset: number): number {
  return offset - lineStart(source, offset);
}

/** The text of the line that starts at `start`, without its newline. */
export function lineAt(source: string, start: number): string {
  const newline = source.indexOf('\n', start);
  return source.slice(start, newline === -1 ? source.length : newline);
}

/** Whether the line starting at `start` is blank, or a comment alone. */
export const isBlankLine = (source: string, start: number) => lineAt(source, start).trim() === '';
export const isCommentLine = (source: string, start: number) =>
  lineAt(source, start).trimStart().startsWith('#');

/** The start of the line before the one starting at `start`, or undefined at the top of the file. */
export function previousLineStart(source: string, start: number): number | undefined {
  return start === 0 ? undefined : lineStart(source, start - 1);
}

/** The offset of the `-` that opens a block sequence item whose node starts at `nodeStart`. */
export function dashBefore(source: string, nodeStart: number): number {
  let i = nodeStart - 1;
  // Only spaces, an anchor or a tag may stand between the dash and the node.
  while (i >= 0 && source[i] !== '\n') {
    if (source[i] === '-' && (i === 0 || /[\s]/.test(source[i - 1]!)) && /\s/.test(source[i + 1] ?? ' '))
      return i;
    i--;
  }
  return nodeStart;
}

/**
 * Where a value written on the key's own line goes: just after the `:` that follows a mapping
 * key ending at `keyEnd`, and after an anchor or a tag that stands there (`teams: &home`).
 */
export function colonAfter(source: string, keyEnd: number): number {
  const colon = source.indexOf(':', keyEnd);
  if (colon === -1) return keyEnd;
  const props = /^(?:[ \t]+[&!][^\s]+)*/.exec(source.slice(colon + 1))![0];
  return colon + 1 + props.length;
}
