import type { Diagnostic } from '../diagnostics.js';
import { ConfigError, InterruptedError, UsageError } from '../errors.js';
import { deferredLocator } from './load.js';
import type { LoaderAnswer, LoaderThread } from './loader-thread.js';
import { startLoaderThread } from './loader-thread.js';
import { normalizeConfig } from './normalize.js';
import type { DesiredState } from './types.js';

/**
 * loadConfig in a thread of its own, so that parsing and checking a large file runs beside the
 * reads from PactFlow instead of between them: the same answer, the same errors. The loader sends
 * back the file as written; it is normalized here, with positions found (by a parse here) only if
 * a later diagnostic asks for one. `started` is a loader the command already started on this
 * file. When `signal` aborts (Ctrl+C), the loader is stopped and the wait ends at once. Run from the TypeScript sources there is no compiled loader to start, and
 * the file is loaded in this thread.
 */
export async function loadConfigConcurrently(
  file: string,
  location: string,
  options: { started?: LoaderThread | undefined; signal?: AbortSignal | undefined; anySize?: boolean } = {},
): Promise<{ desired: DesiredState; warnings: Diagnostic[] }> {
  const thread =
    options.started ?? startLoaderThread({ file, location }, options.anySize ? { anySize: true } : {});
  if (!thread) {
    const { loadConfig } = await import('./validate.js');
    return loadConfig(file, location);
  }
  const answer = await untilAborted(thread, options.signal);
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

/** The loader's answer, or an InterruptedError as soon as `signal` aborts (the loader stopped). */
function untilAborted(thread: LoaderThread, signal: AbortSignal | undefined): Promise<LoaderAnswer> {
  if (!signal) return thread.answer;
  return new Promise<LoaderAnswer>((resolve, reject) => {
    const abort = () => {
      thread.stop();
      reject(new InterruptedError('interrupted while the desired-state file was loaded'));
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    thread.answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
