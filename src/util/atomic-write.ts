import { randomUUID } from 'node:crypto';
import { chmodSync, linkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

/**
 * Writes a temp file beside the target, then moves it into place: readers never see half a file.
 * `exclusive`: the move is a hard link, which fails with EEXIST if the target exists, so a file
 * someone else created meanwhile is never replaced — and the target appears whole or not at all.
 * A file replaced keeps its permissions (a private 0600 file is not widened to the umask's 0644).
 */
export function writeFileAtomic(file: string, data: string, options: { exclusive?: boolean } = {}): void {
  const tmp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    const mode = options.exclusive ? undefined : modeOf(file);
    if (mode !== undefined) chmodSync(tmp, mode);
    if (options.exclusive) linkSync(tmp, file);
    else renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

function modeOf(file: string): number | undefined {
  try {
    return statSync(file).mode & 0o7777;
  } catch {
    return undefined;
  }
}
