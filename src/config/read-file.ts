/**
 * Reading the desired-state file's bytes, within MAX_FILE_BYTES. A plain file's size is checked
 * before it is read. Anything else (a named pipe, a terminal, /dev/stdin, a device) has no size to
 * check, and may never end: it is read as a stream, counting the bytes, and given up as soon as
 * the limit is passed or `signal` aborts (Ctrl+C while a pipe waits for its writer).
 */
import { constants, createReadStream, fstatSync, openSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { Socket } from 'node:net';
import { addAbortSignal } from 'node:stream';
import type { Readable } from 'node:stream';
import { ReadStream as TerminalStream, isatty } from 'node:tty';
import { InterruptedError, UsageError } from '../errors.js';
import { MAX_FILE_BYTES } from './bytes.js';

/** The bytes of `location`, or 'too-large'; errors name the file as `file` (what the user typed). */
export async function readDesiredStateFile(
  file: string,
  location: string,
  signal?: AbortSignal,
): Promise<Buffer | 'too-large'> {
  const info = await stat(location).catch((error: unknown) => cannotRead(file, error));
  if (info.isDirectory()) throw new UsageError(`${file} is a directory, not a desired-state file`);
  if (!info.isFile()) return readStream(file, location, signal);
  if (info.size > MAX_FILE_BYTES) return 'too-large';
  return readFile(location).catch((error: unknown) => cannotRead(file, error));
}

/**
 * Reads what is not a plain file. It is opened without waiting for a writer, and read through
 * the event loop (no thread of the pool is left waiting, which would hold the process at exit).
 */
async function readStream(file: string, location: string, signal: AbortSignal | undefined) {
  if (signal?.aborted) throw interrupted();
  let fd: number;
  try {
    fd = openSync(location, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return cannotRead(file, error);
  }
  const stream = streamOf(fd, fstatSync(fd));
  if (signal) addAbortSignal(signal, stream);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      // Leaving the loop destroys the stream, which closes the file.
      if (total > MAX_FILE_BYTES) return 'too-large';
      chunks.push(chunk);
    }
  } catch (error) {
    if (signal?.aborted) throw interrupted();
    return cannotRead(file, error);
  }
  return Buffer.concat(chunks);
}

/** A stream over `fd` that waits in the event loop: a pipe or a terminal as Node reads stdin. */
function streamOf(fd: number, info: Stats): Readable {
  if (isatty(fd)) return new TerminalStream(fd);
  if (info.isFIFO() || info.isSocket()) return new Socket({ fd, readable: true, writable: false });
  // A device such as /dev/zero answers each read at once.
  return createReadStream('', { fd });
}

const interrupted = () => new InterruptedError('interrupted while the desired-state file was read');

function cannotRead(file: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  throw new UsageError(
    code === 'ENOENT' ? `${file} does not exist` : `cannot read ${file} (${code ?? String(error)})`,
    'Give the desired-state file with -f FILE (default: accounts.yaml), or create one with `pactflow-accounts export --out accounts.yaml`.',
  );
}
