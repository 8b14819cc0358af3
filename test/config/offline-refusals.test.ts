import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitOf, spawnCli } from '../helpers/spawn-cli.js';

// Issue 20: two files offline `validate` passed though they can never work as written.
function write(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pfa-offline-')), 'accounts.yaml');
  writeFileSync(file, text);
  return file;
}

async function validate(file: string) {
  const child = spawnCli(['validate', '-f', file]);
  const { code } = await exitOf(child);
  return { code, ...child.output };
}

describe('offline validate', () => {
  it('refuses Team Administrator in a role list, in the words plan uses', async () => {
    const run = await validate(
      write('version: 1\nsystemAccounts:\n  - name: ci-a\n    roles: [CI/CD, Team Administrator]\n'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      ':4:20: systemAccounts[0].roles[1]: role "Team Administrator" cannot be assigned — PactFlow grants it to team administrators; remove it from the list',
    );
  });

  it('refuses a protected pattern with leading or trailing spaces', async () => {
    const run = await validate(
      write('version: 1\npolicy:\n  protected: ["ci-admin ", break-glass-*]\nsystemAccounts: []\n'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      ':3:15: policy.protected[0]: pattern "ci-admin " has leading or trailing spaces, so it can never match an account name — remove the spaces',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
