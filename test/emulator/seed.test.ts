import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeedFile } from '../../src/emulator/seed.js';
import { cli } from '../helpers/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pfa-seed-'));
let n = 0;
function seedFile(text: string): string {
  const file = path.join(dir, `seed-${++n}.yaml`);
  writeFileSync(file, text);
  return file;
}

describe('a seed file with a misspelt key or state is refused, not read as an enabled account', () => {
  it.each([
    [
      'a misspelt key of a system account',
      'systemAccounts:\n  - name: ci-a\n  - name: ci-b\n    sate: disabled\n',
      'systemAccounts[1] ("ci-b"): unknown key "sate" (did you mean "state"?)',
    ],
    [
      'an unknown state',
      'systemAccounts:\n  - name: ci-a\n    state: weird\n',
      'systemAccounts[0] ("ci-a"): state "weird" is not one of enabled, disabled',
    ],
    [
      'a misspelt state',
      'users:\n  - name: alice\n    roles: [Administrator]\n    state: disable\n',
      'users[0] ("alice"): state "disable" is not one of enabled, disabled (did you mean "disabled"?)',
    ],
    [
      'a state that is not a word',
      'systemAccounts:\n  - name: ci-a\n    state: false\n',
      'systemAccounts[0] ("ci-a"): state false is not one of enabled, disabled',
    ],
    [
      'a key a person may have, on a team',
      'teams:\n  - name: Payments\n    members: [bob]\n',
      'teams[0] ("Payments"): unknown key "members"',
    ],
    [
      'a misspelt key of a role',
      'roles:\n  - name: Publisher\n    permission: [contract_data:manage:*]\n',
      'roles[0] ("Publisher"): unknown key "permission" (did you mean "permissions"?)',
    ],
    [
      'a misspelt token kind',
      'users:\n  - name: alice\n    tokens:\n      readwrite: x\n',
      'users[0] ("alice"): unknown key "tokens.readwrite" (did you mean "tokens.readWrite"?)',
    ],
    [
      'tokens that are not a mapping',
      'users:\n  - name: alice\n    tokens: [x]\n',
      'users[0] ("alice"): tokens must be a mapping of readWrite and readOnly',
    ],
    [
      'a misspelt top-level field',
      'systemAcounts:\n  - name: ci-a\n',
      'unknown field "systemAcounts" (did you mean "systemAccounts"?)',
    ],
  ])('%s', async (_, text, what) => {
    const file = seedFile(text);
    const error = (await readSeedFile(file).catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toBe(`seed file ${file}: ${what}`);
    expect(error.hint).toContain('examples/seed.yaml');
  });

  it('accepts every key the format has', async () => {
    const file = seedFile(
      [
        'roles:\n  - {name: Publisher, uuid: r1, description: d, permissions: [contract_data:manage:*]}',
        'teams:\n  - {name: Payments, uuid: t1, administrators: [bob]}',
        'defaultTeam: Payments',
        'users:\n  - {name: bob, uuid: u1, email: b@example.com, state: enabled, roles: [User], teams: [Payments], tokens: {readWrite: a, readOnly: b}}',
        'systemAccounts:\n  - {name: ci-a, state: disabled}',
        '',
      ].join('\n'),
    );
    expect((await readSeedFile(file)).systemAccounts).toEqual([{ name: 'ci-a', state: 'disabled' }]);
  });

  it('`emulator --seed` with one exits 1 naming the file, the entry and the key, and serves nothing', async () => {
    const file = seedFile('systemAccounts:\n  - name: ci-b\n    sate: disabled\n');
    const run = await cli(['emulator', '--port', '0', '--seed', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: seed file ${file}: systemAccounts[0] ("ci-b"): unknown key "sate" (did you mean "state"?)\n  See examples/seed.yaml for the format.\n`,
    );
    expect(run.stdout).toBe('');
  });
});
