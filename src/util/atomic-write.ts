import { randomUUID } from 'node:crypto';
import { linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes a temp file beside the target, then moves it into place: readers never see half a file.
 * `exclusive`: the move is a hard link, which fails with EEXIST if the target exists, so a file
 * someone else created meanwhile is never replaced — and the target appears whole or not at all.
 */
export function writeFileAtomic(file: string, data: string, options: { exclusive?: boolean } = {}): void {
  const tmp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    if (options.exclusive) linkSync(tmp, file);
    else renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}
