import { setFlagsFromString } from 'node:v8';

let kept = false;

/**
 * Keeps V8's young generation at its first size, for the rest of the process: only the binary
 * asks for it (launch.ts, main.ts), never a program that calls this package's functions. A run
 * keeps most of what it allocates (the accounts it reads and parses), and V8 answers that by
 * growing the young generation to its 32 MB maximum, made for a server, in a process that ends a
 * second later: a fifth of the peak memory of a plan of 10,000 accounts. Left small, objects that
 * stay move to the old generation sooner; the peak falls by some 25 MB, and the time stays within
 * the noise (`npm run bench`).
 *
 * V8 reads the flag whenever the young generation would grow, so setting it now takes effect. It
 * also raises it back to 2 (its least growth) whenever an isolate starts, so the file loader's
 * thread sets it again when it starts, if the process had (see `youngGenerationKeptSmall`). Node
 * 20, 22 and 24 know the flag; a Node that did not would print that on stderr, once per call.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  kept = true;
}

/** Whether this process asked to keep the young generation small: a thread it starts does too. */
export function youngGenerationKeptSmall(): boolean {
  return kept;
}
