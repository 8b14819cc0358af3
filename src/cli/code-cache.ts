/**
 * The installed binary runs one CommonJS bundle of the CLI (dist/bin/cli.js) through `vm.Script`,
 * with V8's code cache for it made at build time (dist/bin/cli.js.cache). Node 20 has no code cache
 * for ES modules nor for `require`, so without this every run parses the whole bundle before its
 * first request; with it, V8 takes what it compiled at build time from the cache and only compiles
 * the functions a command calls. `scripts/bundle.mjs` writes the cache with these functions, and
 * the binary (launch.ts) reads it with them, so the two cannot drift apart.
 */
import { createHash } from 'node:crypto';
import { Script, constants } from 'node:vm';

const DIGEST_BYTES = 32;
const digest = (bundle: Buffer) => createHash('sha256').update(bundle).digest();

/**
 * The bundle as a script, in the function Node wraps a CommonJS module in. `cache` is what
 * `cacheFor` wrote. V8 checks a cache against the source's length only (and its own version and
 * flags): a cache made for a bundle since edited could run the old code. So the cache starts with
 * a hash of the bundle it was made for, and is used only with that very bundle. A cache V8 refuses
 * (another Node, other flags) is ignored too: the run compiles from source.
 */
export function compileBundle(bundle: Buffer, filename: string, cache?: Buffer): Script {
  const cachedData =
    cache && cache.length > DIGEST_BYTES && digest(bundle).equals(cache.subarray(0, DIGEST_BYTES))
      ? cache.subarray(DIGEST_BYTES)
      : undefined;
  return new Script(
    `(function (exports, require, module, __filename, __dirname) {${bundle.toString('utf8')}\n})`,
    {
      filename,
      ...(cachedData ? { cachedData } : {}),
      importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    },
  );
}

/** The cache file's bytes for a bundle compiled by `compileBundle`: its hash, then V8's data. */
export function cacheFor(bundle: Buffer, script: Script): Buffer {
  return Buffer.concat([digest(bundle), script.createCachedData()]);
}
