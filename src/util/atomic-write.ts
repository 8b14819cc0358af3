import { randomUUID } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Writes a temp file beside the target, then renames it over: readers never see half a file. */
export function writeFileAtomic(file: string, data: string, options: { exclusive?: boolean } = {}): void {
  const tmp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    if (options.exclusive) {
      // Fails if the target appeared meanwhile; never replaces what someone else wrote.
      writeFileSync(file, data, { flag: 'wx' });
      rmSync(tmp);
    } else renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
