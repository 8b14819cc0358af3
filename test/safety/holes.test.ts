import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/config/load.js';
import { validateConfig } from '../../src/config/validate.js';
import { computePlan } from '../../src/plan/compute.js';
import { writeFileAtomic } from '../../src/util/atomic-write.js';
import type { Harness } from '../helpers/emulator.js';
import { harness } from '../helpers/emulator.js';
import { cli } from '../helpers/run-cli.js';
import { desiredFrom, liveState } from '../helpers/states.js';
import { makeContext } from '../../src/cli/context.js';
import { planFromFile } from '../../src/cli/planning.js';
import type { LiveReader } from '../../src/pactflow/types.js';
import { ROLES, TEAMS } from '../reliability/arbitraries.js';
import { FakeOrg } from '../reliability/fake-org.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'pfa-holes-'));
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);
const OPTIONS = { baseUrl: 'http://127.0.0.1:1', generator: 'test' };

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

describe('an ambiguous live name refuses only that account', () => {
  const live = liveState([{ name: 'ci-a' }, { name: 'CI-A' }, { name: 'ci-b' }]);
  it('plans the rest, warns, and never treats the twins as unmanaged', () => {
    const { plan, diagnostics } = computePlan(
      desiredFrom(
        'version: 1\npolicy:\n  unmanaged: delete\n  limits: {maxDeletes: 5}\nsystemAccounts:\n  - {name: ci-a, state: disabled}\n  - {name: ci-c}\n',
      ),
      live,
      OPTIONS,
    );
    expect(diagnostics).toEqual([]);
    expect(plan!.changes.map((c) => `${c.action} ${c.account}`)).toEqual(['delete ci-b', 'create ci-c']);
    expect(plan!.warnings?.map((w) => w.code)).toEqual(['ambiguous-name']);
    expect(plan!.warnings?.[0]?.message).toContain('"ci-a" is left out of this plan: 2 live accounts');
  });
});

describe('protected takes globs, and an unmatched pattern is a warning', () => {
  const live = liveState([{ name: 'break-glass-1' }, { name: 'Break-Glass-2' }, { name: 'ci-x' }]);
  it('protects every match, case-insensitively', () => {
    const { plan } = computePlan(
      desiredFrom(
        'version: 1\npolicy:\n  unmanaged: delete\n  protected: ["break-glass-*", "typo-*"]\n  scope: {include: ["*", "nothing-*"]}\n  limits: {maxDeletes: 5}\nsystemAccounts: []\n',
      ),
      live,
      OPTIONS,
    );
    expect(plan!.changes.map((c) => c.account)).toEqual(['ci-x']);
    expect(plan!.unmanaged.filter((u) => u.disposition === 'protected').map((u) => u.name)).toEqual([
      'break-glass-1',
      'Break-Glass-2',
    ]);
    expect(plan!.warnings).toEqual([
      {
        code: 'unmatched-protected',
        message:
          'policy.protected "typo-*" matches no live system account, so it protects nothing. Check it for a typo.',
      },
      {
        code: 'unmatched-include',
        message: 'policy.scope.include "nothing-*" matches no live system account. Check it for a typo.',
      },
    ]);
  });

  it('refuses a file change to an account a glob protects', () => {
    const { plan } = computePlan(
      desiredFrom(
        'version: 1\npolicy:\n  protected: ["break-glass-*"]\nsystemAccounts:\n  - {name: break-glass-1, state: disabled}\n',
      ),
      live,
      OPTIONS,
    );
    expect(plan!.changes[0]!.refused?.guard).toBe('protected');
    expect(plan!.guards.ok).toBe(false);
  });
});

describe('clear errors for output paths, before PactFlow is read', () => {
  it('plan --out into a missing directory', async () => {
    h = await harness();
    const run = await h.run([
      'plan',
      '-f',
      'examples/accounts.yaml',
      '--out',
      path.join(tmp(), 'missing', 'p.json'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot write .*p\.json: the directory .*missing does not exist/);
    expect(run.stderr).not.toContain('ENOENT');
    noStack(run.stderr);
    expect(h.emulator.requests()).toEqual([]);
  });

  it('export --out a directory --force', async () => {
    h = await harness();
    const dir = tmp();
    const run = await h.run(['export', '--out', dir, '--force']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('it is a directory');
    expect(run.stderr).not.toContain('EISDIR');
    noStack(run.stderr);
    expect(h.emulator.requests()).toEqual([]);
  });

  it('export refuses an existing file before reading live state', async () => {
    h = await harness();
    const file = path.join(tmp(), 'accounts.yaml');
    writeFileSync(file, 'keep me\n');
    const run = await h.run(['export', '--out', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    expect(h.emulator.requests()).toEqual([]);
  });
});

it('apply -f plan.json says to pass a saved plan without -f, in one line', async () => {
  h = await harness();
  const out = path.join(tmp(), 'plan.json');
  expect((await h.run(['plan', '-f', 'examples/accounts.yaml', '--out', out])).code).toBe(0);
  h.emulator.clearLog();
  const run = await h.run(['apply', '-f', out, '--auto-approve']);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('this is a saved plan (it has formatVersion), not a desired-state file');
  expect(run.stderr).toContain(`pass a saved plan without -f: \`pactflow-accounts apply ${out}\``);
  expect(run.stderr).toContain('Found 1 problem in');
  expect(h.writes()).toEqual([]);
});

describe('the atomic writer', () => {
  it('exclusive: never replaces an existing file and leaves no temp file', () => {
    const dir = tmp();
    const file = path.join(dir, 'out.yaml');
    writeFileSync(file, 'theirs');
    expect(() => writeFileAtomic(file, 'ours', { exclusive: true })).toThrow(/EEXIST/);
    expect(readFileSync(file, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['out.yaml']);
  });

  it('exclusive: the file appears whole, through a link of a complete temp file', () => {
    const dir = tmp();
    const file = path.join(dir, 'new.yaml');
    writeFileAtomic(file, 'x'.repeat(100_000), { exclusive: true });
    expect(readFileSync(file, 'utf8')).toHaveLength(100_000);
    expect(readdirSync(dir)).toEqual(['new.yaml']);
  });
});

describe('bad UTF-8 is refused by the fatal decoder, with its position', () => {
  it.each([
    ['overlong NUL-ish form', [0xe0, 0x80, 0x80], '0xe0'],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], '0xed'],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '0xf4'],
    ['a lone continuation byte', [0x80], '0x80'],
    ['a truncated sequence at the end', [0xe2, 0x82], '0xe2'],
  ])('%s', (_, bad, byte) => {
    const bytes = Buffer.concat([
      Buffer.from('version: 1\nsystemAccounts:\n  - name: ci-'),
      Buffer.from(bad),
    ]);
    const loaded = parseYamlSource('accounts.yaml', bytes);
    expect(loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.summary}`)).toEqual([
      `3:14 not-utf8 file is not valid UTF-8 (byte ${byte})`,
    ]);
  });

  it('valid multi-byte text passes', () => {
    const loaded = parseYamlSource(
      'a.yaml',
      Buffer.from('version: 1\nsystemAccounts:\n  - name: ci-café-🚀\n'),
    );
    expect(loaded.diagnostics).toEqual([]);
  });
});

describe('anchors: the expansion is limited, not the number of aliases', () => {
  it('accepts 500 accounts sharing one anchor', () => {
    const accounts = Array.from({ length: 499 }, (_, i) => `  - {name: ci-${i}, roles: *ci}\n`).join('');
    const text = `version: 1\nsystemAccounts:\n  - {name: ci-first, roles: &ci [CI/CD, Viewer, Read-Only]}\n${accounts}`;
    const result = validateConfig(parseYamlSource('a.yaml', Buffer.from(text)));
    expect(result.diagnostics).toEqual([]);
    expect(result.desired!.accounts).toHaveLength(500);
    expect(result.desired!.accounts[499]!.roles).toEqual(['CI/CD', 'Viewer', 'Read-Only']);
  });

  it('refuses a ten-level billion laughs before expanding it', () => {
    let text = 'version: 1\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i <= 10; i++)
      text += `l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(', ')}]\n`;
    text += 'systemAccounts: []\n';
    const loaded = parseYamlSource('a.yaml', Buffer.from(text));
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['alias-expansion']);
    expect(loaded.diagnostics[0]!.summary).toMatch(/^anchors and aliases expand to [\d,]+ more values/);
  });

  it('refuses an alias that contains itself', () => {
    const loaded = parseYamlSource('a.yaml', Buffer.from('version: 1\nx: &x [a, *x]\nsystemAccounts: []\n'));
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['alias-expansion']);
  });
});

it('offline validate warns about near misses of built-in role names, and exits 0', async () => {
  const file = path.join(tmp(), 'accounts.yaml');
  writeFileSync(
    file,
    'version: 1\nsystemAccounts:\n  - name: ci-a\n    roles: [CI-CD, Adminstrator, Contract Publisher]\n',
  );
  const run = await cli(['validate', '-f', file]);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('role "CI-CD" is not a built-in role (did you mean "CI/CD"?)');
  expect(run.stderr).toContain('role "Adminstrator" is not a built-in role (did you mean "Administrator"?)');
  expect(run.stderr).not.toContain('Contract Publisher');
  expect(run.stdout).toContain('is valid: 1 system account');
});

describe('counts agree with their nouns in CLI messages', () => {
  it('asks "Apply this change" for one change', async () => {
    h = await harness();
    const file = path.join(tmp(), 'accounts.yaml');
    writeFileSync(file, 'version: 1\nsystemAccounts:\n  - {name: ci-orders, roles: [CI/CD]}\n');
    const stdin = Object.assign(Readable.from(['no\n']), { isTTY: true });
    const run = await h.run(['apply', '-f', file], { stdin });
    expect(run.stderr).toContain('Apply this change to');
    expect(run.code).toBe(1);
  });

  it('"1 delete exceeds"', async () => {
    h = await harness();
    const file = path.join(tmp(), 'accounts.yaml');
    writeFileSync(file, 'version: 1\nsystemAccounts:\n  - {name: ci-orders, state: deleted}\n');
    const run = await h.run(['apply', '-f', file, '--auto-approve']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('1 delete exceeds policy.limits.maxDeletes = 0');
  });
});

it('the plan path holds a LiveReader: planning works on an object that has no way to write', async () => {
  const org = new FakeOrg({
    roles: ROLES,
    teams: TEAMS.map((t) => ({ ...t, members: [] })),
    users: [
      { uuid: 'h-admin', name: 'admin', active: true, type: 0, roles: ['r-admin'] },
      { uuid: 's-a', name: 'ci-a', active: true, type: 1, roles: ['r-cicd'] },
    ],
    callerUuid: 'h-admin',
  });
  // Only the reads, bound: nothing here could create, change or delete anything.
  const reader: LiveReader = {
    baseUrl: org.baseUrl,
    currentUser: () => org.currentUser(),
    listRoles: () => org.listRoles(),
    listTeams: () => org.listTeams(),
    listSystemAccounts: () => org.listSystemAccounts(),
    getUser: (uuid) => org.getUser(uuid),
    findSystemAccountByName: (name) => org.findSystemAccountByName(name),
  };
  const file = path.join(tmp(), 'accounts.yaml');
  writeFileSync(file, 'version: 1\nsystemAccounts:\n  - {name: ci-a, roles: [Viewer]}\n');
  let err = '';
  const ctx = makeContext(
    {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (err += s) },
      env: {},
      cwd: process.cwd(),
    },
    { color: false, progress: false, verbose: false },
  );
  const { plan } = await planFromFile(ctx, reader, { file });
  expect(plan.changes.map((c) => `${c.action} ${c.account}`)).toEqual(['update ci-a']);
  expect(err).toContain('Read 1 system account, 3 teams and 5 roles');
  expect(org.writes).toEqual([]);
});
