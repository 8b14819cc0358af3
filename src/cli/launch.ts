#!/usr/bin/env node
/**
 * The package's binary (dist/bin/pactflow-accounts.js): runs the CLI's bundle beside it with the
 * code cache made for it at build time (see code-cache.ts). Nothing here may fail a run: without a
 * cache, or with one this Node refuses, the bundle compiles from source as any script would.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepYoungGenerationSmall } from '../util/young-generation.js';
import { compileBundle } from './code-cache.js';

keepYoungGenerationSmall();

const bundle = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.js');
const source = readFileSync(bundle);
let cache: Buffer | undefined;
try {
  cache = readFileSync(`${bundle}.cache`);
} catch {
  // No cache beside the bundle: compile from source.
}
const module = { exports: {} };
const run = compileBundle(source, bundle, cache).runInThisContext() as (
  exports: unknown,
  require: NodeJS.Require,
  module: unknown,
  filename: string,
  dirname: string,
) => void;
run(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
