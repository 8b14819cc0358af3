import { Scalar, stringify } from 'yaml';

/** How a scalar the file already has is quoted; a new scalar is plain when it can be. */
export type QuoteStyle = Scalar['type'];

/**
 * Characters a reader must see as escapes, never raw: control characters (C0, DEL, C1), format
 * characters (bidirectional overrides, zero-width characters), line and paragraph separators.
 */
const MUST_ESCAPE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const MUST_ESCAPE_ALL = /[\u007f-\u009f\p{Cf}\u2028\u2029]/gu;

/** A YAML double-quoted scalar; JSON's escapes are YAML's, and the rest are written as \u or \U. */
export function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(MUST_ESCAPE_ALL, (ch) => {
    const hex = ch.codePointAt(0)!.toString(16).toUpperCase();
    return hex.length > 4 ? `\\U${hex.padStart(8, '0')}` : `\\u${hex.padStart(4, '0')}`;
  });
}

/** Whether `value` reads back as this same string when written plain (in a flow list too, if asked). */
function plainIsSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || MUST_ESCAPE.test(value)) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  // yaml quotes whatever would read as another type (true, 1, null) or not read at all.
  return stringify(value, { lineWidth: 0 }) === `${value}\n`;
}

/**
 * A string or boolean as the file would write it. `like` is the quoting of the scalar it replaces,
 * kept where the value allows it; names with invisible characters are always double-quoted.
 */
export function scalarText(
  value: string | boolean,
  options: { like?: QuoteStyle; inFlow?: boolean } = {},
): string {
  if (typeof value === 'boolean') return String(value);
  if (MUST_ESCAPE.test(value) || options.like === Scalar.QUOTE_DOUBLE) return doubleQuoted(value);
  if (options.like === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  return plainIsSafe(value, options.inFlow ?? false) ? value : doubleQuoted(value);
}

/** A flow list of texts already formatted: `[a, b]`, or `[ a, b ]` when `padded`. */
export function flowListText(texts: readonly string[], padded = false): string {
  if (texts.length === 0) return '[]';
  return padded ? `[ ${texts.join(', ')} ]` : `[${texts.join(', ')}]`;
}

/** A new flow list of names. */
export function flowNames(names: readonly string[]): string {
  return flowListText(names.map((n) => scalarText(n, { inFlow: true })));
}
