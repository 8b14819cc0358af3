import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { startEmulator } from '../../src/emulator/server.js';

// The package's binary runs dist/bin/cli.js with the V8 code cache made for it at build time
// (src/cli/code-cache.ts), and keeps V8's young generation small (src/util/young-generation.ts).
// npm test builds first.
const run = promisify(execFile);
const BIN = path.resolve('dist/bin');
const node = (script: string) =>
  run(process.execPath, ['--input-type=module', '-e', script], { cwd: path.resolve('.') });

// Copies of dist/bin sit beside it, so that they find node_modules and the schema as it does.
const copies: string[] = [];
function copyOfBin(): string {
  const dir = mkdtempSync(path.join(path.resolve('dist'), 'bin-copy-'));
  copies.push(dir);
  cpSync(BIN, dir, { recursive: true });
  return dir;
}
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});
const cli = (dir: string, ...args: string[]) =>
  run(process.execPath, [path.join(dir, 'pactflow-accounts.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });

/** Whether V8 refuses the shipped cache when the bundle is compiled with it, with or without the binary's flag. */
const rejected = async (withFlag: boolean) =>
  (
    await node(`
      import { readFileSync } from 'node:fs';
      import { compileBundle } from './dist/src/cli/code-cache.js';
      import { keepYoungGenerationSmall } from './dist/src/util/young-generation.js';
      if (${withFlag}) keepYoungGenerationSmall();
      const bundle = ${JSON.stringify(path.join(BIN, 'cli.js'))};
      const script = compileBundle(readFileSync(bundle), readFileSync(bundle + '.cache'));
      process.stdout.write(String(script.cachedDataRejected));
    `)
  ).stdout;

describe('the code cache', () => {
  it('is taken by V8 under the flags the binary runs with, and only under those', async () => {
    expect(await rejected(true)).toBe('false');
    expect(await rejected(false)).toBe('true');
  });

  it('holds no path of the machine that built it', () => {
    const cache = readFileSync(path.join(BIN, 'cli.js.cache'));
    expect(cache.includes(path.resolve('.'))).toBe(false);
    expect(cache.includes('pactflow-accounts/dist/bin/cli.js')).toBe(true);
  });

  it('is ignored when missing, damaged, made for other source, or not a plain file: the CLI still runs', async () => {
    const cacheOf = (dir: string) => path.join(dir, 'cli.js.cache');
    const missing = copyOfBin();
    rmSync(cacheOf(missing));
    const otherHash = copyOfBin();
    const cache = readFileSync(cacheOf(otherHash));
    cache.write('0'.repeat(32), 0, 'latin1');
    writeFileSync(cacheOf(otherHash), cache);
    const garbage = copyOfBin();
    const hashOnly = readFileSync(cacheOf(garbage)).subarray(0, 32);
    writeFileSync(cacheOf(garbage), Buffer.concat([hashOnly, Buffer.alloc(4096, 7)]));
    // V8 does not check its own data: single bits flipped here crashed, hung or misled the run
    // when the hash covered the bundle alone.
    const damaged = [96, 13_566, 23_669, 111_229, cache.length - 2_804, cache.length - 4_825].map((at) => {
      const dir = copyOfBin();
      const bytes = readFileSync(cacheOf(dir));
      bytes[32 + at]! ^= 0x10;
      writeFileSync(cacheOf(dir), bytes);
      return dir;
    });
    const pipe = copyOfBin();
    rmSync(cacheOf(pipe));
    await run('mkfifo', [cacheOf(pipe)]);
    for (const dir of [missing, otherHash, garbage, ...damaged, pipe]) {
      expect((await cli(dir, '--version')).stdout.trim()).toBe(pkg.version);
      expect((await cli(dir, 'validate', '-f', 'examples/accounts.yaml')).stdout).toMatch(
        /accounts\.yaml is valid: \d+ system accounts/,
      );
    }
  });

  it('is not used for a bundle edited after the build, even one of the same length', async () => {
    // V8 itself checks only the source's length: with a stale cache it would run the old top-level
    // code. The key (a hash of the bundle) catches the edit. Here the edit makes the CLI skip its
    // first argument: the old code prints the version for \`--version\`, the edited code the usage.
    const edited = copyOfBin();
    const bundle = path.join(edited, 'cli.js');
    const source = readFileSync(bundle, 'utf8');
    const call = /^void runCli\((\S+)\.argv\.slice\(2\)/m;
    expect(source).toMatch(call);
    writeFileSync(
      bundle,
      source.replace(call, (line) => line.replace('slice(2)', 'slice(3)')),
    );
    expect(readFileSync(bundle).length).toBe(Buffer.byteLength(source));
    expect((await cli(BIN, '--version')).stdout.trim()).toBe(pkg.version);
    await expect(cli(edited, '--version')).rejects.toMatchObject({ code: 1, stdout: '' });
  });
});

describe('the young generation', () => {
  /** The young generation's size after the loader thread has run and 300,000 objects are kept. */
  const youngAfterThread = async (keepSmall: boolean) => {
    const { stdout } = await node(`
      import { getHeapSpaceStatistics } from 'node:v8';
      import { Worker } from 'node:worker_threads';
      import { keepYoungGenerationSmall } from './dist/src/util/young-generation.js';
      if (${keepSmall}) keepYoungGenerationSmall();
      const worker = new Worker(${JSON.stringify(path.join(BIN, 'load-worker.js'))}, {
        workerData: { file: 'accounts.yaml', location: 'examples/accounts.yaml', keepYoungGenerationSmall: ${keepSmall} },
      });
      const answer = await new Promise((resolve) => worker.once('message', resolve));
      const kept = [];
      for (let i = 0; i < 300_000; i++) kept.push({ i, name: 'account-' + i, teams: [i] });
      const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
      process.stdout.write(JSON.stringify({ ok: answer.ok, kept: kept.length, youngMb: young / 2 ** 20 }));
    `);
    const { ok, kept, youngMb } = JSON.parse(stdout) as { ok: boolean; kept: number; youngMb: number };
    expect(ok).toBe(true);
    expect(kept).toBe(300_000);
    return youngMb;
  };

  it("stays at its first size in the binary's process, which starts the loader thread", async () => {
    // V8 sets the growth back to 2 when an isolate starts: the thread must set it again, or the
    // main thread's young generation grows to 32 MB.
    expect(await youngAfterThread(true)).toBeLessThanOrEqual(4);
  });

  it('stays at its first size through a plan of the binary that loads its file in the thread', async () => {
    // What main.ts tells the thread, end to end: after the plan, the process keeps 300,000 more
    // objects, and its young generation must not grow for them.
    const dir = mkdtempSync(path.join(path.resolve('dist'), 'young-'));
    copies.push(dir);
    const file = path.join(dir, 'accounts.yaml');
    const accounts = Array.from(
      { length: 800 },
      (_, i) =>
        `  - name: ci-young-${String(i).padStart(4, '0')}\n    state: enabled\n    teams: [Default]\n`,
    );
    writeFileSync(file, `version: 1\nsystemAccounts:\n${accounts.join('')}`);
    expect(readFileSync(file).length).toBeGreaterThan(32 * 1024);
    const hook = path.join(dir, 'young.cjs');
    writeFileSync(
      hook,
      [
        "const { getHeapSpaceStatistics } = require('node:v8');",
        "const { isMainThread } = require('node:worker_threads');",
        "if (isMainThread) process.on('exit', () => {",
        '  const kept = [];',
        "  for (let i = 0; i < 300000; i++) kept.push({ i, name: 'account-' + i, teams: [i] });",
        "  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;",
        "  process.stderr.write('young: ' + young / 2 ** 20 + ' kept: ' + kept.length + '\\n');",
        '});',
      ].join('\n'),
    );
    const emulator = await startEmulator({ seedFile: 'examples/seed.yaml' });
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ['--require', hook, path.join(BIN, 'pactflow-accounts.js'), 'plan', '-f', file],
        {
          env: {
            PATH: process.env.PATH ?? '',
            NO_COLOR: '1',
            PACT_BROKER_BASE_URL: emulator.url,
            PACT_BROKER_TOKEN: emulator.adminToken,
          },
        },
      );
      expect(stdout).toMatch(/Plan: 800 to create/);
      const [, young, kept] = /young: ([\d.]+) kept: (\d+)/.exec(stderr)!;
      expect(Number(kept)).toBe(300_000);
      expect(Number(young)).toBeLessThanOrEqual(4);
    } finally {
      await emulator.close();
    }
  });

  it('is left to V8 in a program that calls this package: the thread changes nothing unasked', async () => {
    expect(await youngAfterThread(false)).toBeGreaterThan(4);
  });
});

// The build's rewrite of @sindresorhus/is (scripts/lazy-list-format.mjs).
const { makeListFormatLazy } = (await import(
  pathToFileURL(path.resolve('scripts/lazy-list-format.mjs')).href
)) as { makeListFormatLazy: (source: string, file: string) => string };

describe('the bundle of got', () => {
  const distribution = path.resolve('node_modules/@sindresorhus/is/distribution');
  type Is = {
    assertAny: (predicates: unknown[], ...values: unknown[]) => void;
    isString: unknown;
    isNumber: unknown;
  };
  const messageOf = (is: Is) => {
    try {
      is.assertAny([is.isString, is.isNumber], {}, null);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('assertAny accepted what it should refuse');
  };

  it('builds the list formats of @sindresorhus/is on first use, and words its errors as before', async () => {
    const source = readFileSync(path.join(distribution, 'index.js'), 'utf8');
    const lazy = makeListFormatLazy(source, 'index.js');
    expect(lazy).not.toMatch(/new Intl\.ListFormat\('en'/);
    // The rewritten module beside its own helpers, loaded and made to fail as got's checks do.
    const dir = mkdtempSync(path.join(path.resolve('dist'), 'is-copy-'));
    copies.push(dir);
    cpSync(distribution, dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.js'), lazy);
    writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
    const original = (await import(path.join(distribution, 'index.js'))) as Is;
    const rewritten = (await import(path.join(dir, 'index.js'))) as Is;
    expect(messageOf(rewritten)).toBe(messageOf(original));
    expect(messageOf(rewritten)).toBe(
      'Expected values which are `string` or `number`. Received values of types `Object` and `null`.',
    );
  });

  it('refuses to build when the package no longer reads as expected', async () => {
    const source = readFileSync(path.join(distribution, 'index.js'), 'utf8');
    expect(() => makeListFormatLazy(source.replace(/new Intl\.ListFormat\(/, 'new Other('), 'is.js')).toThrow(
      /is\.js: expected two Intl\.ListFormat objects used only for \.format\(\), found 1/,
    );
    expect(() =>
      makeListFormatLazy(source.replace('orFormatter.format(', 'orFormatter.formatToParts('), 'is.js'),
    ).toThrow(/found 2/);
  });
});

describe('the positioned parse', () => {
  it('runs from the bundle, not from files in node_modules', async () => {
    // A file with an error to point at needs `yaml`; which files the process required tells
    // whether it came from the bundle.
    const dir = mkdtempSync(path.join(path.resolve('dist'), 'yaml-'));
    copies.push(dir);
    const file = path.join(dir, 'accounts.yaml');
    writeFileSync(file, 'version: 1\nsystemAccounts:\n  - name: ci-a\n    state: sleeping\n');
    const hook = path.join(dir, 'required.cjs');
    writeFileSync(
      hook,
      "process.on('exit', () => process.stderr.write('required: ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));\n",
    );
    const failed = await run(
      process.execPath,
      ['--require', hook, path.join(BIN, 'pactflow-accounts.js'), 'validate', '-f', file],
      {
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      },
    ).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(`${failed?.stdout}${failed?.stderr}`).toMatch(/accounts\.yaml:4:12/);
    const required = JSON.parse(/required: (.*)/.exec(failed!.stderr)![1]!) as string[];
    expect(required.some((f) => f.includes(`${path.sep}node_modules${path.sep}yaml${path.sep}`))).toBe(false);
    expect(required).toContain(path.join(BIN, 'pactflow-accounts.js'));
  });
});

describe('what a command loads', () => {
  /** The Node modules a run of the binary loaded, by name. */
  const loaded = async (...args: string[]) => {
    const dir = mkdtempSync(path.join(path.resolve('dist'), 'loads-'));
    copies.push(dir);
    const hook = path.join(dir, 'loaded.cjs');
    writeFileSync(
      hook,
      "process.on('exit', () => process.stderr.write('loaded: ' + JSON.stringify(process.moduleLoadList) + '\\n'));\n",
    );
    const { stderr } = await run(
      process.execPath,
      ['--require', hook, path.join(BIN, 'pactflow-accounts.js'), ...args],
      {
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      },
    );
    return (JSON.parse(/loaded: (.*)/.exec(stderr)![1]!) as string[]).map((m) =>
      m.replace(/^NativeModule /, ''),
    );
  };
  // got needs these; the emulator's http server too.
  const NETWORK = ['http', 'https', 'http2', 'zlib', 'tls', '_http_server'];

  it('--help and validate load nothing that talks to the network', async () => {
    for (const args of [['--help'], ['validate', '-f', 'examples/accounts.yaml']]) {
      const modules = await loaded(...args);
      expect(modules).toContain('vm');
      expect(modules.filter((m) => NETWORK.includes(m))).toEqual([]);
    }
  });
});
