import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

// Every broken file under test/fixtures/invalid/, with the exact one-line messages it must produce.
// FILE stands for the fixture's path as given on the command line.
const EXPECTED: Record<string, string[]> = {
  'a-list': [
    'FILE:1:1: the file is a list, not a mapping \u2014 a desired-state file is a mapping with `version: 1` and `systemAccounts:`',
  ],
  'a-scalar': [
    'FILE:1:1: the file is a single value, not a mapping \u2014 a desired-state file is a mapping with `version: 1` and `systemAccounts:`',
  ],
  'accounts-missing': ['FILE:1:1: missing required field "systemAccounts"'],
  'accounts-not-list': ['FILE:3:3: systemAccounts: must be a list'],
  'admin-false-with-administrator': [
    'FILE:5:20: systemAccounts[0].roles[1]: "Administrator" in roles contradicts admin: false \u2014 remove Administrator from roles, or set admin: true',
  ],
  'admin-string': ['FILE:4:12: systemAccounts[0].admin: must be true or false'],
  'billion-laughs': [
    'FILE:3:8: anchors and aliases expand to 8,262 more values, beyond the limit of 5,000 \u2014 write the repeated values out, or use `defaults:`',
  ],
  binary: [
    'FILE:2:1: file contains binary data (a NUL byte), not YAML text \u2014 check that -f names the desired-state YAML file',
  ],
  'duplicate-key-in-account': [
    'FILE:4:5: duplicate key "name" \u2014 each key may appear once in a mapping; remove or merge the repeated one',
  ],
  'duplicate-key': [
    'FILE:2:1: duplicate key "version" \u2014 each key may appear once in a mapping; remove or merge the repeated one',
  ],
  'duplicate-name': [
    'FILE:5:11: systemAccounts[2].name: duplicate account name "CI-A" (also systemAccounts[0] "ci-a"; names are compared ignoring case and Unicode normalization) (systemAccounts[0].name is at line 3, column 11) \u2014 keep one entry per account',
  ],
  'duplicate-role': [
    'FILE:4:31: systemAccounts[0].roles[2]: "ci/cd" is listed twice in systemAccounts[0].roles (also [0]) \u2014 remove the repeated entry',
  ],
  'duplicate-team': [
    'FILE:4:23: systemAccounts[0].teams[1]: "payments" is listed twice in systemAccounts[0].teams (also [0]) \u2014 remove the repeated entry',
  ],
  'empty-role': ['FILE:4:13: systemAccounts[0].roles[0]: must not be empty'],
  empty: [
    'FILE:1:1: file is empty \u2014 a desired-state file starts with `version: 1` and lists `systemAccounts:`',
  ],
  'exclude-never-matches': [
    'FILE:5:15: policy.scope.exclude[0]: exclude glob "bot-*" can never match: no include glob matches the names it would exclude \u2014 fix the glob or remove it',
  ],
  'glob-never-matches': [
    'FILE:4:15: policy.scope.include[0]: include glob "ci-*" can never match: exclude glob "*" removes every name it matches \u2014 narrow the exclude glob or drop this include',
  ],
  'invalid-email': [
    'FILE:4:12: systemAccounts[0].email: invalid email "not-an-email" \u2014 use an address like name@example.com, or leave email out',
  ],
  'many-problems': [
    'FILE:4:12: systemAccounts[0].state: must be one of enabled, disabled, deleted, not "gone"',
    'FILE:5:11: systemAccounts[1].name: duplicate account name "ci-a" (also systemAccounts[0] "ci-a"; names are compared ignoring case and Unicode normalization) (systemAccounts[0].name is at line 3, column 11) \u2014 keep one entry per account',
    'FILE:6:12: systemAccounts[1].email: invalid email "nope" \u2014 use an address like name@example.com, or leave email out',
    'FILE:7:5: systemAccounts[1]: unknown field "teamz" (did you mean "teams"?) \u2014 allowed here: name, email, state, admin, roles, teams, previousNames',
  ],
  'name-empty': ['FILE:3:11: systemAccounts[0].name: account name is empty \u2014 give the account a name'],
  'name-missing': ['FILE:3:5: systemAccounts[0]: missing required field "name"'],
  'name-number': ['FILE:3:11: systemAccounts[0].name: must be a string'],
  'name-spaces': [
    'FILE:3:11: systemAccounts[0].name: account name " ci-a" has leading or trailing spaces \u2014 remove the spaces; PactFlow would store a different name',
  ],
  'negative-limit': ['FILE:4:17: policy.limits.maxDeletes: must be 0 or more'],
  'not-utf8': ['FILE:3:17: file is not valid UTF-8 (byte 0xe9) \u2014 re-save the file as UTF-8'],
  'only-comments': [
    'FILE:1:1: file is empty \u2014 a desired-state file starts with `version: 1` and lists `systemAccounts:`',
  ],
  'outside-scope': [
    'FILE:6:11: systemAccounts[0].name: "deploy-bot" is outside policy.scope \u2014 the file cannot both list an account and leave it out of scope: widen policy.scope or remove the entry',
  ],
  'previous-name-is-other-account': [
    'FILE:5:21: systemAccounts[1].previousNames[0]: previous name "ci-a" is the name of systemAccounts[0] \u2014 a previous name must be a name the account no longer has; remove it',
  ],
  'previous-name-twice': [
    'FILE:6:21: systemAccounts[1].previousNames[0]: previous name "old" is listed twice (also systemAccounts[0].previousNames[0]) \u2014 one live account can be renamed into only one entry; keep it in one place',
  ],
  'protected-delete': [
    'FILE:6:12: systemAccounts[0].state: "ci-a" is protected and cannot be deleted \u2014 remove it from policy.protected first, or do not ask to delete it',
  ],
  'role-bad-scope': [
    'FILE:6:9: roles[0].permissions[1]: "contract data:read" is not a permission scope \u2014 write resource:action[:scope], e.g. contract_data:manage:team or user:invite; `validate --online` lists the scopes your PactFlow knows',
    'FILE:7:9: roles[0].permissions[2]: "contract_data:read:*" is listed twice in roles[0].permissions (also [0]) \u2014 remove the repeated entry',
  ],
  'role-built-in': [
    'FILE:3:11: roles[0].name: "ci/cd" is a built-in PactFlow role and cannot be defined here \u2014 reference it in an account\'s roles as it is, or give your custom role another name',
  ],
  'role-duplicate': [
    'FILE:5:5: roles[1]: missing required field "permissions"',
    'FILE:6:11: roles[1].name: duplicate role name "Deployer" (also roles[0]; names are compared case-insensitively) \u2014 keep one entry per role',
  ],
  'roles-not-list': ['FILE:4:12: systemAccounts[0].roles: must be a list'],
  'several-documents': [
    'FILE:4:1: the file holds more than one YAML document (a second one starts here) \u2014 a desired-state file is one document: remove this `---` line and merge what follows into the first, or move it to a file of its own',
  ],
  'state-typo': [
    'FILE:4:12: systemAccounts[0].state: must be one of enabled, disabled, deleted, not "enable" (did you mean "enabled"?)',
  ],
  'syntax-error': [
    'FILE:4:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
  ],
  'tab-indent': [
    'FILE:4:1: tab used for indentation \u2014 YAML indents with spaces only; replace the tabs with spaces',
  ],
  'unknown-account-field': [
    'FILE:4:5: systemAccounts[0]: unknown field "rolse" (did you mean "roles"?) \u2014 allowed here: name, email, state, admin, roles, teams, previousNames',
  ],
  'unknown-policy-field': [
    'FILE:3:3: policy: unknown field "unmanged" (did you mean "unmanaged"?) \u2014 allowed here: unmanaged, unmanagedRoles, scope, protected, limits',
  ],
  'unknown-top-field': [
    'FILE:1:1: missing required field "systemAccounts"',
    'FILE:2:1: unknown field "systemAcounts" (did you mean "systemAccounts"?) \u2014 allowed here: version, policy, defaults, roles, systemAccounts',
  ],
  'unmanaged-typo': ['FILE:3:14: policy.unmanaged: must be one of ignore, disable, delete, not "remove"'],
  'version-2': ['FILE:1:10: version: must be 1 \u2014 this tool reads format version 1'],
  'version-missing': ['FILE:1:1: missing required field "version"'],
  'version-string': ['FILE:1:10: version: must be 1 \u2014 this tool reads format version 1'],
};

const dir = 'test/fixtures/invalid';

describe('validate rejects broken files with file:line:col messages', () => {
  it('has an expectation for every fixture and a fixture for every expectation', () => {
    const fixtures = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -5))
      .sort();
    expect(fixtures).toEqual(Object.keys(EXPECTED).sort());
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, lines) => {
    const file = `${dir}/${name}.yaml`;
    const run = await cli(['validate', '-f', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const expected = lines.map((l) => l.replace('FILE', file));
    expect(run.stderr).toBe(
      [...expected, `Found ${lines.length} problem${lines.length === 1 ? '' : 's'} in ${file}`].join('\n') +
        '\n',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('rejects a file over 5 MB without parsing it', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'pfa-'));
    const file = path.join(tmp, 'huge.yaml');
    writeFileSync(file, 'version: 1\nsystemAccounts:\n' + '  - name: ci-x\n'.repeat(400_000));
    const run = await cli(['validate', '-f', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:1:1: file is larger than 5 MB`);
  });

  it('says how to give the file when it does not exist', async () => {
    const run = await cli(['validate', '-f', 'no-such-file.yaml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'error: no-such-file.yaml does not exist\n  Give the desired-state file with -f FILE (default: accounts.yaml), or create one with `pactflow-accounts export --out accounts.yaml`.\n',
    );
  });

  it('accepts the bundled example', async () => {
    const run = await cli(['validate', '-f', 'examples/accounts.yaml']);
    expect(run).toEqual({
      code: 0,
      stdout: '✓ examples/accounts.yaml is valid: 12 system accounts\n',
      stderr: '',
    });
  });
});
