import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { arch, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ARCH = arch() === 'arm64' ? 'arm64' : 'x64';
const VERSION = '22.0.1';

/**
 * An `npm` that packs a pretend node-linux package (its `bin/node` prints the version). Before it
 * does, it can play the run beside this one, which puts its own copy in the cache first.
 */
function fakeNpm(): string {
  const bin = mkdtempSync(path.join(tmpdir(), 'fake-npm-'));
  const script = [
    '#!/usr/bin/env bash',
    'set -euo pipefail',
    'if [ -n "${OTHER_RUN_DIR:-}" ]; then',
    '  mkdir -p "$OTHER_RUN_DIR/package/bin"',
    `  printf '#!/bin/sh\\necho v${VERSION}\\n' > "$OTHER_RUN_DIR/package/bin/node"`,
    '  chmod +x "$OTHER_RUN_DIR/package/bin/node"; touch "$OTHER_RUN_DIR/the-other-run"',
    'fi',
    'mkdir -p package/bin',
    `printf '#!/bin/sh\\necho v${VERSION}\\n' > package/bin/node && chmod +x package/bin/node`,
    `tar -czf node-linux-${ARCH}-${VERSION}.tgz package && rm -rf package`,
  ].join('\n');
  writeFileSync(path.join(bin, 'npm'), `${script}\n`);
  chmodSync(path.join(bin, 'npm'), 0o755);
  return bin;
}

async function ciNode(cache: string, extra: Record<string, string> = {}) {
  const env = { PATH: `${fakeNpm()}:${process.env.PATH ?? ''}`, PFA_CI_CACHE: cache, ...extra };
  return (await run('bash', ['.ci/node', VERSION], { env })).stdout.trim();
}

describe('.ci/node, the Node binaries of the CI runs', () => {
  it('downloads the package into the cache and prints its node', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'ci-cache-'));
    const node = await ciNode(cache);
    expect(node).toBe(path.join(cache, `node-linux-${ARCH}-${VERSION}`, 'package/bin/node'));
    expect((await run(node, [])).stdout.trim()).toBe(`v${VERSION}`);
    expect(readdirSync(cache)).toEqual([`node-linux-${ARCH}-${VERSION}`]);
  });

  it('a run beside it that got there first keeps its copy (it may be running it); nothing is left over', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'ci-cache-'));
    const dir = path.join(cache, `node-linux-${ARCH}-${VERSION}`);
    const node = await ciNode(cache, { OTHER_RUN_DIR: dir });
    expect(node).toBe(path.join(dir, 'package/bin/node'));
    expect(existsSync(path.join(dir, 'the-other-run'))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['package', 'the-other-run']);
    expect(readdirSync(cache)).toEqual([`node-linux-${ARCH}-${VERSION}`]);
  });

  it('a broken leftover (no runnable node) is replaced', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'ci-cache-'));
    const dir = path.join(cache, `node-linux-${ARCH}-${VERSION}`);
    mkdirSync(path.join(dir, 'package'), { recursive: true });
    writeFileSync(path.join(dir, 'package/half'), '');
    const node = await ciNode(cache);
    expect(readFileSync(node, 'utf8')).toContain(`echo v${VERSION}`);
    expect(existsSync(path.join(dir, 'package/half'))).toBe(false);
  });
});
