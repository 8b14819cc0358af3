#!/usr/bin/env node
import process from 'node:process';
import { runCli } from './program.js';

// Output that cannot be written ends the output, never the run: an apply under way still finishes
// its writes and exits with its own code, and what it would print is dropped. A closed pipe
// (`| head`) is the reader's choice; any other failure (a full disk, a device that refuses) is
// said once on stderr, if stderr still works, and a run that would have succeeded exits 1.
let outputLost = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || outputLost) return;
    outputLost = true;
    if (stream === process.stdout) process.stderr.write(`error: cannot write the output: ${error.message}\n`);
  });
}
// The failure may be reported after the run has ended (a write fails a tick later).
process.once('exit', (code) => {
  if (outputLost && code === 0) process.exitCode = 1;
});

const controller = new AbortController();
let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    signals++;
    // First signal: stop starting new work and report. Second: leave at once.
    if (signals > 1) process.exit(130);
    controller.abort(new Error(`received ${signal}`));
  });
}

// Not a top-level await: the bundle of this file is a CommonJS script (see scripts/bundle.mjs).
let finished = false;
// A run whose work ended without an answer (nothing left to wait for) must not pass for a success.
process.once('beforeExit', () => {
  if (finished) return;
  process.stderr.write('error: the run stopped before it finished\n');
  process.exitCode = 1;
});
void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
}).then(async (code) => {
  finished = true;
  process.exitCode = code;
  // The command is done: the process ends once its output has reached the OS. Waiting for Node's
  // event loop to empty instead would first finish work Node has under way (a garbage collection,
  // sockets closing; some 20 to 40 ms after a 1,000-account plan), and after an interrupt a
  // prompt's stdin or a keep-alive socket could hold the process.
  await flushed(process.stdout);
  // A write to stdout that failed reports it on stderr a tick later (the handler above): let it,
  // then flush stderr too.
  await new Promise((resolve) => setImmediate(resolve));
  await flushed(process.stderr);
  process.exit();
});

/** Resolves once everything written to `stream` so far has been handed to the OS, or has failed. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) resolve();
    else stream.write('', () => resolve());
  });
}
