/**
 * The loader thread (see load-in-worker.ts): reads, parses and checks the desired-state file, and
 * answers once with the checked file as written, or with what is wrong with it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ToolError } from '../errors.js';
import { keepYoungGenerationSmall } from '../util/young-generation.js';
import type { LoaderAnswer, LoaderJob } from './loader-thread.js';
import { readYamlFile } from './load.js';
import { checkConfig } from './validate.js';

const job = workerData as LoaderJob;
// This thread's start has raised V8's young-generation growth again, for the whole process.
if (job.keepYoungGenerationSmall) keepYoungGenerationSmall();

async function answer(job: LoaderJob): Promise<LoaderAnswer> {
  try {
    const { loaded, bytes } = await readYamlFile(job.file, job.location);
    const { diagnostics, file } = checkConfig(loaded);
    if (!file) return { ok: false, problem: { kind: 'config', diagnostics } };
    return { ok: true, file, warnings: diagnostics, sha256: loaded.sha256, bytes };
  } catch (error) {
    return {
      ok: false,
      problem:
        error instanceof ToolError
          ? { kind: 'tool', message: error.message, ...(error.hint ? { hint: error.hint } : {}) }
          : { kind: 'unexpected', message: error instanceof Error ? error.message : String(error) },
    };
  }
}

// Not a top-level await: the bundled thread is a CommonJS script.
void answer(job).then((reply) => parentPort?.postMessage(reply));
