import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../helpers/emulator.js';
import { harness } from '../helpers/emulator.js';
import { exitOf, spawnCli } from '../helpers/spawn-cli.js';

// Issue 20: a system account named like a person (alice, in examples/seed.yaml) was planned as a
// create, and apply then failed with PactFlow's 400 and "Run apply again to converge".
let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

function write(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pfa-people-')), 'accounts.yaml');
  writeFileSync(file, text);
  return file;
}

async function runBuilt(args: string[], env: Record<string, string>) {
  const child = spawnCli(args, env);
  const { code } = await exitOf(child);
  return { code, ...child.output };
}

const peopleReads = (x: Harness) =>
  x.emulator.requests().filter((r) => r.method === 'GET' && r.path.includes('userType=0')).length;

describe('a system account by the name of a person', () => {
  it('plan refuses the create before anything is written, naming the entry', async () => {
    h = await harness();
    const file = write('version: 1\nsystemAccounts:\n  - name: ci-new\n  - name: Alice\n');
    const run = await runBuilt(['plan', '-f', file], h.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      ':4:5: systemAccounts[1]: the name "Alice" is taken by a person in PactFlow ("alice"), and PactFlow refuses a system account by a person\'s name — choose another name for the system account',
    );
    expect(run.stderr).not.toContain('Run apply again');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(h.writes()).toEqual([]);
  });

  it('apply refuses it too, and writes nothing', async () => {
    h = await harness();
    const file = write('version: 1\nsystemAccounts:\n  - name: ci-new\n  - name: alice\n');
    const run = await h.run(['apply', '-f', file, '--auto-approve']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the name "alice" is taken by a person in PactFlow');
    expect(h.writes()).toEqual([]);
  });

  it("a rename to a person's name is refused the same way", async () => {
    h = await harness();
    const file = write(
      'version: 1\npolicy: {unmanaged: ignore}\nsystemAccounts:\n  - {name: bob, previousNames: [ci-stock]}\n',
    );
    const run = await h.run(['plan', '-f', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the name "bob" is taken by a person in PactFlow ("bob")');
  });

  it('validate --online refuses it', async () => {
    h = await harness();
    const file = write('version: 1\nsystemAccounts:\n  - name: alice\n');
    const run = await h.run(['validate', '-f', file, '--online']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the name "alice" is taken by a person in PactFlow');
  });

  it('people are read only when the file gives an account a new name', async () => {
    h = await harness({ seed: { systemAccounts: [{ name: 'ci-a' }] } });
    expect((await h.run(['plan', '-f', write('version: 1\nsystemAccounts:\n  - name: ci-a\n')])).code).toBe(
      0,
    );
    expect(peopleReads(h)).toBe(0);
    const run = await h.run([
      'plan',
      '-f',
      write('version: 1\nsystemAccounts:\n  - name: ci-a\n  - name: ci-b\n'),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+ ci-b will be created');
    // Two lists, the enabled and the disabled people: one page each here.
    expect(peopleReads(h)).toBe(2);
  });
});
