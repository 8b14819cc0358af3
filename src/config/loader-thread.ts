import { existsSync, statSync } from 'node:fs';
import { URL, fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.js';
import type { AccountsFile } from './types.js';
import { youngGenerationKeptSmall } from '../util/young-generation.js';

/** About 500 accounts: below it, parsing in process costs less than starting a thread. */
export const LOADER_THREAD_MIN_BYTES = 32 * 1024;

export interface LoaderJob {
  /** The file as the user named it, for messages. */
  file: string;
  /** Where it is. */
  location: string;
  /** Set when the process keeps V8's young generation small (the binary), which the thread's start undoes. */
  keepYoungGenerationSmall?: boolean;
}

export type LoaderAnswer =
  | { ok: true; file: AccountsFile; warnings: Diagnostic[]; sha256: string; bytes: Uint8Array }
  | {
      ok: false;
      problem:
        | { kind: 'config'; diagnostics: Diagnostic[] }
        | { kind: 'tool'; message: string; hint?: string }
        | { kind: 'unexpected'; message: string };
    };

/**
 * Starts the loader thread (load-worker.ts) on a desired-state file, and answers with what it
 * sends back; see load-in-worker.ts for what is made of that. Kept apart and small so that a
 * command can start it before loading its own code. Undefined when the file is better loaded in
 * process: a small file, something other than a plain file, or no compiled loader beside this
 * module (run from the TypeScript sources). `anySize` starts it for a small file too (tests).
 */
export function startLoaderThread(
  job: LoaderJob,
  options: { anySize?: boolean } = {},
): LoaderThread | undefined {
  const script = new URL('./load-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) return undefined;
  // Only a plain file: reading a pipe may wait on its writer, and a read that never ends would
  // hold the process at exit even if the command failed first. And only a file large enough to
  // pay for a thread's start-up (some 100 ms of a second core); a smaller one loads in process.
  const info = statSync(job.location, { throwIfNoEntry: false });
  if (!info?.isFile() || (!options.anySize && info.size < LOADER_THREAD_MIN_BYTES)) return undefined;
  const workerData: LoaderJob = { ...job, keepYoungGenerationSmall: youngGenerationKeptSmall() };
  const worker = new Worker(script, { workerData });
  const answer = new Promise<LoaderAnswer>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    // After an answer this changes nothing; without one, the loader died without a word.
    worker.once('exit', (code) =>
      reject(new Error(`the file loader stopped (exit code ${code}) without an answer`)),
    );
  });
  // Awaited by whoever loads the file; a command that fails first must not leave it unhandled.
  answer.catch(() => undefined);
  return {
    answer,
    stop: () => {
      // A thread stuck in a read it cannot finish must not keep the process either.
      worker.unref();
      void worker.terminate();
    },
  };
}

export interface LoaderThread {
  answer: Promise<LoaderAnswer>;
  /**
   * Ends the thread: for a command that fails before it takes the answer, whose process would
   * otherwise stay until the whole file is read and checked.
   */
  stop(): void;
}
