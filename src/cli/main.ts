#!/usr/bin/env node
import process from 'node:process';
import { runCli } from './program.js';

// A closed pipe (`| head`) ends the output, not in a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

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

// Not a top-level await: the bundle that runs this file is a CommonJS script (see launch.ts).
void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
}).then((code) => {
  process.exitCode = code;
  // After an interrupt, leave now: a prompt's stdin or a keep-alive socket must not hold the process.
  if (controller.signal.aborted) process.exit(code);
});
