import { grouped } from '../util/plural.js';

/**
 * Characters that must never reach a terminal or a pull-request comment as themselves, because
 * they change how the text around them displays: control characters (C0, DEL, C1), format
 * characters (bidirectional overrides and isolates U+202A–U+202E and U+2066–U+2069, zero-width
 * U+200B–U+200F, U+FEFF, soft hyphen…), lone surrogates, private-use characters, line and
 * paragraph separators, and spaces other than U+0020 (a name with a no-break space looks like one
 * with a space). Hangul fillers are letters that render as nothing, so they count too.
 */
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u115f\u1160\u3164\uffa0]/gu;

/**
 * Shows every invisible or direction-changing character as a `\uXXXX` escape, so a name cannot
 * display as something else (Trojan Source) or rewrite the terminal. Names are shown, never
 * dropped: everything else is left as it is.
 */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/**
 * Letters of scripts with many look-alikes of Latin letters (Cyrillic "с", Greek "Κ", Armenian
 * "օ", Cherokee "Ꭺ"): a name holding one may be read as a Latin name it is not.
 */
const LOOK_ALIKE_SCRIPTS = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u;

/** Every character outside printable ASCII as `\uXXXX` (`\u{XXXXX}` past U+FFFF): `ci-cafe\u0301`. */
export function escapes(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\u{${code.toString(16)}}`;
  }
  return out;
}

/**
 * The escapes of a name that could be mistaken for another: one that is not in Unicode NFC (a
 * decomposed "é", a Kelvin sign that NFC turns into "K"), one with compatibility characters
 * (fullwidth letters, ligatures) or with letters of a look-alike script. Undefined for the rest.
 */
export function lookAlikeEscapes(name: string): string | undefined {
  const suspect =
    name !== name.normalize('NFC') || name !== name.normalize('NFKC') || LOOK_ALIKE_SCRIPTS.test(name);
  const escaped = suspect ? escapes(name) : undefined;
  // A name whose every odd character `visible` escapes already needs nothing beside it.
  return escaped === visible(name) ? undefined : escaped;
}

/** A name as text shows it: invisible characters escaped, and its escapes beside a look-alike. */
export function shownName(name: string): string {
  const beside = lookAlikeEscapes(name);
  return beside === undefined ? visible(name) : `${visible(name)} (${beside})`;
}

/** Escapes a value in double quotes, so spaces and look-alikes show. */
export function quoted(text: string): string {
  return visible(JSON.stringify(text));
}

/**
 * Makes a value from the file or the API inert in GitHub and GitLab Markdown, in prose, inside
 * `<code>` and in table cells: every character that could open a tag, an entity, a link, code,
 * emphasis, a cell, a heading, math, a mention or an issue reference becomes a numeric entity;
 * `://` and `www.` are broken so nothing autolinks. Invisible characters are shown as `\uXXXX`
 * first. The tool's own words are never passed through here, so they stay readable in the raw
 * text that e-mail notifications show.
 */
export function escapeMarkdown(text: string): string {
  return visible(text)
    .replace(/[&<>`|[\]*_~\\#@$]/g, (ch) => `&#${ch.codePointAt(0)};`)
    .replace(/:\/\//g, '&#58;//')
    .replace(/www\./gi, (match) => `${match.slice(0, 3)}&#46;`);
}

/**
 * Shortens a value that is too long to show whole, saying how much was left out. The cut never
 * splits a surrogate pair. Renderers clip before escaping so one value cannot crowd out the rest.
 */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max).join('')}…(${grouped(chars.length - max)} more characters)`;
}
