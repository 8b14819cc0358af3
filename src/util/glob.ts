import { nameKey } from './names.js';

/** A compiled glob: whether a name matches it. */
export interface NameGlob {
  test(name: string): boolean;
}

/**
 * Account-name globs: `*` matches any run of characters, `?` one character, everything else is
 * literal. Pattern and name are compared by their name keys (NFC, case folded), as names are.
 */
export function compileGlob(pattern: string): NameGlob {
  let source = '';
  for (const char of nameKey(pattern)) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += char.replace(/[\\^$.|+(){}[\]]/g, '\\$&');
  }
  const re = new RegExp(`^${source}$`, 'su');
  return { test: (name) => re.test(nameKey(name)) };
}

export interface Scope {
  include: readonly string[];
  exclude: readonly string[];
}

/** A compiled scope: an empty include list means "every account". */
export function scopeMatcher(scope: Scope): (name: string) => boolean {
  const include = scope.include.map(compileGlob);
  const exclude = scope.exclude.map(compileGlob);
  return (name) =>
    (include.length === 0 || include.some((re) => re.test(name))) && !exclude.some((re) => re.test(name));
}

/**
 * True when every name `inner` can match is also matched by `outer`. Decided for the shapes that
 * occur in practice (`*`, identical patterns, a literal prefix followed by `*`); other pairs are
 * reported as not covered, so the check never raises a false alarm.
 */
export function globCovers(outer: string, inner: string): boolean {
  const o = nameKey(outer);
  const i = nameKey(inner);
  if (o === i || /^\*+$/.test(o)) return true;
  const prefix = /^([^*?]*)\*+$/.exec(o);
  return prefix !== null && i.startsWith(prefix[1]!);
}
