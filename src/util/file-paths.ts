import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The path a write of `file` lands on: an existing file's real path, or for a new one (perhaps
 * behind a symbolic link to nowhere) the end of its chain of links. Links are read, not resolved
 * as text, and each relative to the real directory that holds it, as the system resolves them.
 */
export function finalPath(file: string): string {
  if (statOrUndefined(file)) return realpathSync(file);
  let current = file;
  for (let hops = 0; hops < 40; hops++) {
    if (!lstatOrUndefined(current)?.isSymbolicLink()) return current;
    current = path.resolve(realpathSync(path.dirname(current)), readlinkSync(current));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

export function statOrUndefined(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

export function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}
