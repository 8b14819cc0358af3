#!/usr/bin/env node
/**
 * The package's binary (dist/bin/pactflow-accounts.js): runs the CLI's bundle beside it with the
 * code cache made for it at build time (see code-cache.ts). The cache only saves time: without
 * one, or with one that is damaged, made for other code or refused by this Node, the bundle
 * compiles from source as any script would.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepYoungGenerationSmall } from '../util/young-generation.js';
import { compileBundle } from './code-cache.js';

// Before compiling: V8 takes a code cache only under the flags it was made with.
keepYoungGenerationSmall();

const bundle = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.js');
const source = readFileSync(bundle);
const module = { exports: {} };
const run = compileBundle(source, readCache(`${bundle}.cache`)).runInThisContext() as (
  exports: unknown,
  require: NodeJS.Require,
  module: unknown,
  filename: string,
  dirname: string,
) => void;
run(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));

/** The cache file's bytes, or undefined if it is not a plain file (a pipe or a device may never end). */
function readCache(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    return fstatSync(fd).isFile() ? readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
