import { existsSync } from 'node:fs';
import { URL, fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.js';
import { ConfigError, UsageError } from '../errors.js';
import { deferredLocator } from './load.js';
import { normalizeConfig } from './normalize.js';
import type { AccountsFile, DesiredState } from './types.js';

export interface LoaderJob {
  /** The file as the user named it, for messages. */
  file: string;
  /** Where it is. */
  location: string;
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
 * loadConfig in a thread of its own, so that parsing and checking a large file runs beside the
 * reads from PactFlow instead of between them: the same answer, the same errors. The loader sends
 * back the file as written; it is normalized here, with positions found (by a parse here) only if
 * a later diagnostic asks for one. Run from the TypeScript sources there is no compiled loader to
 * start, and the file is loaded in this thread.
 */
export async function loadConfigConcurrently(
  file: string,
  location: string,
): Promise<{ desired: DesiredState; warnings: Diagnostic[] }> {
  const script = new URL('./load-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) {
    const { loadConfig } = await import('./validate.js');
    return loadConfig(file, location);
  }
  const answer = await new Promise<LoaderAnswer>((resolve, reject) => {
    const worker = new Worker(script, { workerData: { file, location } satisfies LoaderJob });
    worker.once('message', resolve);
    worker.once('error', reject);
    // After an answer this changes nothing; without one, the loader died without a word.
    worker.once('exit', (code) =>
      reject(new Error(`the file loader stopped (exit code ${code}) without an answer`)),
    );
  });
  if (!answer.ok) {
    const { problem } = answer;
    if (problem.kind === 'config') throw new ConfigError(file, problem.diagnostics);
    if (problem.kind === 'tool') throw new UsageError(problem.message, problem.hint);
    throw new Error(problem.message);
  }
  const locate = deferredLocator(file, answer.sha256, answer.bytes);
  return {
    desired: normalizeConfig(answer.file, { file, sha256: answer.sha256, locate }),
    warnings: answer.warnings,
  };
}
