import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The purity ban is enforced by lint, so it is tested like code: each way of reaching I/O, the
// clock, randomness or the process from src/plan, src/render or src/adopt must be reported.
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const BANNED: [string, string][] = [
  ['bare fs', "import { readFileSync } from 'fs';\nexport const f = readFileSync;\n"],
  ['node:fs', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
  ['fs/promises', "import { readFile } from 'fs/promises';\nexport const f = readFile;\n"],
  ['bare process module', "import process from 'process';\nexport const p = process;\n"],
  ['node:http', "import http from 'node:http';\nexport const h = http;\n"],
  ['child_process', "import { spawn } from 'child_process';\nexport const s = spawn;\n"],
  ['perf_hooks', "import { performance } from 'node:perf_hooks';\nexport const p = performance;\n"],
  ['randomUUID from crypto', "import { randomUUID } from 'crypto';\nexport const r = randomUUID;\n"],
  [
    'randomBytes from node:crypto',
    "import { randomBytes } from 'node:crypto';\nexport const r = randomBytes;\n",
  ],
  ['got', "import got from 'got';\nexport const g = got;\n"],
  ['global process', 'export const env = process.env;\n'],
  ['globalThis.process', 'export const env = globalThis.process.env;\n'],
  ['Date', 'export const now = Date.now();\n'],
  ['new Date', 'export const now = new Date();\n'],
  ['Math.random', 'export const r = Math.random();\n'],
  ['crypto.randomUUID', 'export const id = crypto.randomUUID();\n'],
  ['performance', 'export const t = performance.now();\n'],
  // Ways around the named bans: loading a module at run time, the network as a global, timers,
  // the global object's other name, and the default export of crypto (randomBytes is on it).
  ['dynamic import()', "export const load = () => import('node:fs');\n"],
  [
    'createRequire',
    "import { createRequire } from 'node:module';\nexport const r = createRequire(import.meta.url);\n",
  ],
  ['fetch', "export const get = () => fetch('http://127.0.0.1/');\n"],
  ['global.process', 'export const env = global.process.env;\n'],
  ['setTimeout', 'export const later = () => setTimeout(() => 0, 1);\n'],
  ['node:dgram', "import dgram from 'node:dgram';\nexport const d = dgram;\n"],
  ['node:vm', "import vm from 'node:vm';\nexport const v = vm;\n"],
  ['undici', "import { request } from 'undici';\nexport const r = request;\n"],
  [
    'randomBytes through the default crypto export',
    "import crypto from 'node:crypto';\nexport const r = crypto.randomBytes(4);\n",
  ],
];

describe.each(['src/plan/probe.ts', 'src/render/probe.ts', 'src/adopt/probe.ts'])(
  'lint purity in %s',
  (file) => {
    it.each(BANNED)('reports %s', async (_, code) => {
      const found = await problems(code, file);
      expect(found.some((p) => /^no-restricted-(imports|globals|properties|syntax):/.test(p))).toBe(true);
    });

    it('allows pure code, hashes included', async () => {
      const code =
        "import { createHash } from 'node:crypto';\nexport const h = (s: string) => createHash('sha256').update(s).digest('hex');\nexport const n = Math.max(1, 2);\n";
      expect(await problems(code, file)).toEqual([]);
      const oneShot =
        "import { hash } from 'node:crypto';\nexport const h = (s: string) => hash('sha256', s, 'hex');\n";
      expect(await problems(oneShot, file)).toEqual([]);
    });
  },
);

it('the same code is allowed outside the pure layers', async () => {
  expect(await problems('export const now = Date.now();\n', 'src/cli/probe.ts')).toEqual([]);
});

it('progress.ts alone may draw with ora, and is otherwise as pure as the rest', async () => {
  expect(await problems("import ora from 'ora';\nexport const o = ora;\n", 'src/render/progress.ts')).toEqual(
    [],
  );
  expect(await problems("import ora from 'ora';\nexport const o = ora;\n", 'src/render/text.ts')).not.toEqual(
    [],
  );
  expect(await problems('export const e = process.env;\n', 'src/render/progress.ts')).not.toEqual([]);
  // Loaded when a spinner runs: ora may come by import(), nothing else may.
  expect(await problems("export const o = () => import('ora');\n", 'src/render/progress.ts')).toEqual([]);
  expect(await problems("export const f = () => import('node:fs');\n", 'src/render/progress.ts')).not.toEqual(
    [],
  );
  expect(await problems("export const o = () => import('ora');\n", 'src/render/text.ts')).not.toEqual([]);
});
