import { statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export interface OutputPath {
  display: string;
  absolute: string;
}

/**
 * Checks, before any work is done, that `out` can be written: its directory exists, it is not a
 * directory itself, and (unless `overwrite`) it does not exist yet. A clear error now beats a raw
 * ENOENT or EISDIR after PactFlow has been read.
 */
export function checkOutputPath(out: OutputPath, options: { overwrite: boolean; flag: string }): void {
  const dir = path.dirname(out.absolute);
  const dirInfo = statOrUndefined(dir);
  if (!dirInfo?.isDirectory()) {
    throw new UsageError(
      `cannot write ${out.display}: the directory ${path.dirname(out.display)} does not exist`,
      `Create the directory first, or give ${options.flag} a path in an existing one.`,
    );
  }
  const info = statOrUndefined(out.absolute);
  if (info?.isDirectory()) {
    throw new UsageError(
      `cannot write ${out.display}: it is a directory`,
      `Give ${options.flag} a file name, e.g. ${path.join(out.display, 'accounts.yaml')}.`,
    );
  }
  if (info && !options.overwrite) {
    throw new UsageError(
      `${out.display} already exists`,
      `Pass --force to overwrite it, or choose another ${options.flag}.`,
    );
  }
}

/** Writes `out` atomically; every failure becomes a UsageError that names the file and the reason. */
export function writeOutputFile(
  out: OutputPath,
  text: string,
  options: { overwrite: boolean; flag: string },
): void {
  try {
    writeFileAtomic(out.absolute, text, { exclusive: !options.overwrite });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new UsageError(
        `${out.display} already exists`,
        `Pass --force to overwrite it, or choose another ${options.flag}.`,
      );
    // Re-check to name the cause (the directory vanished, the target became a directory, …).
    checkOutputPath(out, { ...options, overwrite: true });
    throw new UsageError(
      `cannot write ${out.display} (${code ?? String(error)})`,
      'Check that the directory is writable and the disk is not full.',
    );
  }
}

function statOrUndefined(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
