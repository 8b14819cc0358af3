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
const digest = (bundle: Buffer, data: Buffer) => createHash('sha256').update(bundle).update(data).digest();

/**
 * The name V8 gives the bundle's code in stack traces. Node 20 takes it from the cache when there
 * is one, so it is the same wherever the package is built or installed: the cache holds no path of
 * the machine that built it.
 */
const BUNDLE_SCRIPT_NAME = 'pactflow-accounts/dist/bin/cli.js';

/**
 * The bundle as a script, in the function Node wraps a CommonJS module in. `cache` is what
 * `cacheFor` wrote. V8 checks a cache against the source's length only (and its own version and
 * flags), and not its own data unless asked: a cache made for a bundle since edited could run the
 * old code, and a damaged one could crash or hang the run. So the cache starts with a hash of the
 * bundle and of V8's data, and is used only when both are as they were made. A cache V8 refuses
 * (another Node, other flags) is ignored too: the run compiles from source, only slower.
 */
export function compileBundle(bundle: Buffer, cache?: Buffer): Script {
  const data = cache && cache.length > DIGEST_BYTES ? cache.subarray(DIGEST_BYTES) : undefined;
  const cachedData = data && digest(bundle, data).equals(cache!.subarray(0, DIGEST_BYTES)) ? data : undefined;
  return new Script(
    `(function (exports, require, module, __filename, __dirname) {${bundle.toString('utf8')}\n})`,
    {
      filename: BUNDLE_SCRIPT_NAME,
      ...(cachedData ? { cachedData } : {}),
      importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    },
  );
}

/** The cache file's bytes for a bundle compiled by `compileBundle`: the hash, then V8's data. */
export function cacheFor(bundle: Buffer, script: Script): Buffer {
  const data = script.createCachedData();
  return Buffer.concat([digest(bundle, data), data]);
}
