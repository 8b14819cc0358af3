import { closeSync, constants, open, openSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { InterruptedError, UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { finalPath, lstatOrUndefined, statOrUndefined } from '../util/file-paths.js';
import type { CommandContext } from './context.js';
import { resolveInCwd } from './paths.js';

export interface OutputPath {
  display: string;
  absolute: string;
}

/** A file the command reads, and the flag that named it: an output must never land on it. */
export interface ReadFile {
  path: OutputPath;
  flag: string;
  /** What the file is, for the message: "the desired-state file". */
  what: string;
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
  // lstat too: a symbolic link to nowhere is there, and writing through it would create its target.
  if ((info || lstatOrUndefined(out.absolute)) && !options.overwrite) {
    throw new UsageError(
      `${out.display} already exists`,
      `Pass --force to overwrite it, or choose another ${options.flag}.`,
    );
  }
}

/** The files a command reads that an output could land on: the desired-state file, the token file. */
export function filesReadBy(ctx: CommandContext, desiredStateFile?: string): ReadFile[] {
  const reads: ReadFile[] = [];
  if (desiredStateFile !== undefined)
    reads.push({ path: resolveInCwd(ctx, desiredStateFile), flag: '-f', what: 'the desired-state file' });
  if (ctx.globals.tokenFile !== undefined)
    reads.push({
      path: resolveInCwd(ctx, ctx.globals.tokenFile),
      flag: '--token-file',
      what: 'the token file',
    });
  return reads;
}

/**
 * Refuses, before PactFlow is read, an output that is one of the files the command reads (the
 * desired-state file, the token file): writing the plan there would destroy what it was made
 * from. Files are compared as the system sees them (device and inode), so a symbolic link, a
 * hard link or another spelling of the path is caught; a path that does not exist yet cannot
 * clash. Only regular files count: writing through /dev/stdout or a FIFO replaces nothing.
 */
export function checkNotReadByCommand(out: OutputPath, flag: string, reads: readonly ReadFile[]): void {
  const written = statOrUndefined(out.absolute);
  if (!written?.isFile()) return;
  for (const read of reads) {
    const info = statOrUndefined(read.path.absolute);
    if (info && info.dev === written.dev && info.ino === written.ino)
      throw new UsageError(
        `${flag} ${out.display} is ${read.what} read by ${read.flag}${read.path.display === out.display ? '' : ` (${read.path.display})`}; choose another path`,
      );
  }
}

/** Refuses two outputs of one run that would land on the same file, the second replacing the first. */
export function checkDistinctOutputs(
  first: OutputPath,
  firstFlag: string,
  second: OutputPath,
  secondFlag: string,
) {
  const a = statOrUndefined(first.absolute);
  const b = statOrUndefined(second.absolute);
  const same =
    a && b ? a.dev === b.dev && a.ino === b.ino : finalPath(first.absolute) === finalPath(second.absolute);
  if (same && (!a || a.isFile()))
    throw new UsageError(
      `${secondFlag} ${second.display} is also the ${firstFlag} file; choose another path`,
    );
}

/**
 * Writes `out` where the user asked, and only there, turning every failure into a UsageError that
 * names the file and the reason:
 * - a regular file (or a new one) is replaced atomically: a temp file beside it, renamed over it;
 * - a symbolic link is followed and its target replaced so, the link kept;
 * - a device or a FIFO is written through, never replaced (`--out /dev/null` must stay a device).
 */
export async function writeOutputFile(
  out: OutputPath,
  text: string,
  options: { overwrite: boolean; flag: string; signal?: AbortSignal },
): Promise<void> {
  try {
    const info = statOrUndefined(out.absolute);
    if (info?.isFIFO()) await writeToFifo(out, text, options.signal);
    // A device: opened and written; its node is never touched.
    else if (info && !info.isFile() && !info.isDirectory()) writeFileSync(out.absolute, text);
    else writeFileAtomic(finalPath(out.absolute), text, { exclusive: !options.overwrite });
  } catch (error) {
    if (error instanceof InterruptedError) throw error;
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

/**
 * A FIFO: wait for a reader, then write through it. Both waits end at Ctrl+C: opening a FIFO
 * waits in a thread Node joins at exit, so an interrupt opens it for reading itself (which never
 * waits) to let that open return; the writing is a non-blocking pipe, as stdout's is.
 */
async function writeToFifo(out: OutputPath, text: string, signal: AbortSignal | undefined) {
  const stopped = () => new InterruptedError(`stopped before ${out.display} was written.`);
  if (signal?.aborted) throw stopped();
  const fd = await openFifo(out.absolute, signal);
  if (signal?.aborted) {
    closeSync(fd);
    throw stopped();
  }
  const pipe = new net.Socket({ fd, readable: false });
  await new Promise<void>((resolve, reject) => {
    const stop = () => pipe.destroy(stopped());
    signal?.addEventListener('abort', stop, { once: true });
    pipe.on('error', reject);
    pipe.on('close', () => signal?.removeEventListener('abort', stop));
    // Called once the kernel has every byte, or with the error that stopped it (EPIPE, an interrupt).
    pipe.end(text, (error?: Error | null) => (error ? reject(error) : resolve()));
  });
}

/** Opens a FIFO for writing once it has a reader, or at an interrupt (see writeToFifo). */
async function openFifo(file: string, signal: AbortSignal | undefined): Promise<number> {
  let reader: number | undefined;
  const release = () => {
    try {
      reader = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch {
      // Gone or no longer a FIFO: the pending open then fails or returns on its own.
    }
  };
  signal?.addEventListener('abort', release, { once: true });
  try {
    return await new Promise<number>((resolve, reject) =>
      open(file, 'w', (error, fd) => (error ? reject(error) : resolve(fd))),
    );
  } finally {
    signal?.removeEventListener('abort', release);
    if (reader !== undefined) closeSync(reader);
  }
}
