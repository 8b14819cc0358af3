import type { Diagnostic } from '../diagnostics.js';
import { ConfigError, UsageError } from '../errors.js';
import { deferredLocator } from './load.js';
import type { LoaderAnswer } from './loader-thread.js';
import { startLoaderThread } from './loader-thread.js';
import { normalizeConfig } from './normalize.js';
import type { DesiredState } from './types.js';

/**
 * loadConfig in a thread of its own, so that parsing and checking a large file runs beside the
 * reads from PactFlow instead of between them: the same answer, the same errors. The loader sends
 * back the file as written; it is normalized here, with positions found (by a parse here) only if
 * a later diagnostic asks for one. `started` is the answer of a loader the command already
 * started on this file. Run from the TypeScript sources there is no compiled loader to start, and
 * the file is loaded in this thread.
 */
export async function loadConfigConcurrently(
  file: string,
  location: string,
  started?: Promise<LoaderAnswer>,
): Promise<{ desired: DesiredState; warnings: Diagnostic[] }> {
  const loading = started ?? startLoaderThread({ file, location })?.answer;
  if (!loading) {
    const { loadConfig } = await import('./validate.js');
    return loadConfig(file, location);
  }
  const answer = await loading;
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
