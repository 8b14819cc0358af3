import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../helpers/emulator.js';
import { harness } from '../helpers/emulator.js';
import { exitOf, spawnCli } from '../helpers/spawn-cli.js';

// Issue 20, item 9: names that look the same are the same account once NFC-normalized and case
// folded, and a name that could be mistaken for another shows its escapes beside it.
const NFD = 'ci-cafe\u0301';
const NFC = 'ci-caf\u00e9';
const KELVIN = 'ci-\u212Aeys';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

function write(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pfa-names-')), name);
  writeFileSync(file, text);
  return file;
}

const FILE = (...names: string[]) =>
  `version: 1\npolicy:\n  unmanaged: delete\n  limits: {maxDeletes: 5}\nsystemAccounts:\n${names.map((n) => `  - name: "${n}"\n`).join('')}`;

/** The built CLI, as a user runs it. */
async function runBuilt(args: string[], env: Record<string, string>) {
  const child = spawnCli(args, env);
  const { code } = await exitOf(child);
  return { code, ...child.output };
}

describe('a live NFD name and the file NFC name are one account', () => {
  it('plans a rename to the file spelling, never a delete and a create, and shows the escapes', async () => {
    h = await harness({ seed: { systemAccounts: [{ name: NFD }] } });
    const file = write('accounts.yaml', FILE(NFC));
    const run = await runBuilt(['plan', '-f', file, '--out', `${file}.plan.json`], h.env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`~ ${NFD} (ci-cafe\\u0301) → ${NFC} will be renamed`);
    expect(run.stdout).not.toContain('will be deleted');
    expect(run.stdout).not.toContain('will be created');
  });

  it('apply renames in place: the uuid (and so its tokens) survives', async () => {
    h = await harness({ seed: { systemAccounts: [{ name: NFD }] } });
    const uuid = h.emulator.snapshot().users.find((u) => u.name === NFD)!.uuid;
    const file = write('accounts.yaml', FILE(NFC));
    const run = await h.run(['apply', '-f', file, '--auto-approve']);
    expect(run.code).toBe(0);
    expect(h.writes()).toEqual(['PUT /admin/users/{u} 200']);
    expect(h.emulator.snapshot().users.find((u) => u.uuid === uuid)!.name).toBe(NFC);
    expect((await h.run(['plan', '-f', file])).stdout).toContain('No changes.');
  });

  it('Markdown shows the escapes beside the look-alike', async () => {
    h = await harness({ seed: { systemAccounts: [{ name: NFD }] } });
    const file = write('accounts.yaml', FILE(NFC));
    const run = await h.run(['plan', '-f', file, '--format', 'markdown']);
    expect(run.stdout).toContain(
      `<code>${NFD}</code> (<code>ci-cafe&#92;u0301</code>) → <code>${NFC}</code>`,
    );
  });

  it('a protected pattern in the other form still protects the account', async () => {
    h = await harness({ seed: { systemAccounts: [{ name: NFD }, { name: 'ci-other' }] } });
    const file = write(
      'accounts.yaml',
      `version: 1\npolicy:\n  unmanaged: delete\n  protected: ["${NFC}"]\n  limits: {maxDeletes: 5}\nsystemAccounts:\n  - name: ci-other\n`,
    );
    const run = await h.run(['plan', '-f', file]);
    expect(run.stdout).toContain(`? ${NFD} (ci-cafe\\u0301) — protected`);
    expect(run.stdout).not.toContain('will be deleted');
  });
});

describe('a Kelvin sign is not a plain change of case', () => {
  it('shows the escapes of the live name in the rename', async () => {
    h = await harness({ seed: { systemAccounts: [{ name: KELVIN }] } });
    const file = write('accounts.yaml', FILE('ci-keys'));
    const run = await h.run(['plan', '-f', file]);
    expect(run.stdout).toContain('~ ci-\u212Aeys (ci-\\u212aeys) → ci-keys will be renamed');
    expect(run.stdout).toContain('name: "ci-\u212Aeys" (ci-\\u212aeys) → "ci-keys"');
  });

  it('shows a Cyrillic look-alike with its escapes', async () => {
    h = await harness({ seed: { systemAccounts: [] } });
    const file = write('accounts.yaml', FILE('\u0441i-keys'));
    const run = await h.run(['plan', '-f', file]);
    expect(run.stdout).toContain('+ \u0441i-keys (\\u0441i-keys) will be created');
  });
});

describe('validate', () => {
  it('refuses two entries equal after NFC, giving both positions', async () => {
    const file = write('accounts.yaml', FILE(NFC, NFD));
    const run = await runBuilt(['validate', '-f', file], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      ':7:11: systemAccounts[1].name: duplicate account name "ci-cafe\\u0301" (also systemAccounts[0] "ci-caf\\u00e9"; names are compared ignoring case and Unicode normalization) (systemAccounts[0].name is at line 6, column 11)',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
