import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/server.js';
import type { Harness } from '../helpers/emulator.js';
import { harness } from '../helpers/emulator.js';
import type { Answer, RouteKey } from '../helpers/hostile-server.js';
import { hostileServer } from '../helpers/hostile-server.js';
import type { CliRun } from '../helpers/run-cli.js';
import { cli } from '../helpers/run-cli.js';

// A hostile corpus across the three ways data reaches the tool: the accounts file, a saved plan
// and PactFlow's answers. Each input ends in a clear error (exit 1, or 3 for a guard) or in a safe
// escape — never a stack trace, a raw control character in the output, or a write.
const dir = mkdtempSync(path.join(tmpdir(), 'pfa-hostile-'));
const put = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

// eslint-disable-next-line no-control-regex -- the point is to find raw control characters
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function expectSafe(run: CliRun, codes: number[]) {
  const all = `${run.stdout}${run.stderr}`;
  expect(codes, all).toContain(run.code);
  expect(all).not.toMatch(/\n\s+at .*:\d+:\d+/);
  expect(all).not.toMatch(/TypeError|ReferenceError|RangeError|SyntaxError|Cannot read propert/);
  expect(all).not.toContain('unexpected failure');
  expect(all).not.toMatch(RAW_CONTROL);
  if (run.code === 1) expect(run.stderr).toMatch(/error|problem/i);
}

/** Inputs per source, filled in as each group is defined. */
const corpus: Record<string, number> = {};

const VALID = 'version: 1\nsystemAccounts:\n  - name: ci-a\n';
const deepList = `version: 1\nx: ${'['.repeat(5_000)}${']'.repeat(5_000)}\nsystemAccounts: []\n`;
let laughs = 'version: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
for (let i = 1; i < 12; i++)
  laughs += `a${i}: &a${i} [${Array(10)
    .fill(`*a${i - 1}`)
    .join(', ')}]\n`;

const FILES: [string, string | Buffer][] = [
  ['empty', ''],
  ['whitespace only', '   \n\n  \n'],
  ['a JSON array', '[1, 2, 3]'],
  ['a number', '42'],
  ['version 2', 'version: 2\nsystemAccounts: []\n'],
  ['version as a string', 'version: "1"\nsystemAccounts: []\n'],
  ['accounts a mapping', 'version: 1\nsystemAccounts: {a: 1}\n'],
  ['accounts of numbers', 'version: 1\nsystemAccounts: [1, 2]\n'],
  ['a null name', 'version: 1\nsystemAccounts:\n  - name: null\n'],
  ['a list as name', 'version: 1\nsystemAccounts:\n  - name: [a, b]\n'],
  ['roles a string', 'version: 1\nsystemAccounts:\n  - {name: ci-a, roles: CI/CD}\n'],
  ['a state typo', 'version: 1\nsystemAccounts:\n  - {name: ci-a, state: maybe}\n'],
  ['admin as "yes"', 'version: 1\nsystemAccounts:\n  - {name: ci-a, admin: "yes"}\n'],
  ['a negative limit', 'version: 1\npolicy: {limits: {maxDeletes: -1}}\nsystemAccounts: []\n'],
  ['a fractional limit', 'version: 1\npolicy: {limits: {maxDeletes: 1.5}}\nsystemAccounts: []\n'],
  ['an unknown top field', `${VALID}surprise: true\n`],
  ['nesting 5,000 deep', deepList],
  ['over 5 MB', `${VALID}# ${'x'.repeat(5 * 1024 * 1024)}\n`],
  ['a NUL byte', Buffer.from(`${VALID}\u0000`)],
  ['an overlong UTF-8 sequence', Buffer.concat([Buffer.from(VALID), Buffer.from([0xe0, 0x80, 0x80])])],
  ['a UTF-16 file', Buffer.from(`\ufeff${VALID}`, 'utf16le')],
  ['a billion laughs', `${laughs}systemAccounts: []\n`],
  ['an alias to itself', 'version: 1\nx: &x [*x]\nsystemAccounts: []\n'],
  ['duplicate keys', 'version: 1\nversion: 1\nsystemAccounts: []\n'],
  ['tab indentation', 'version: 1\nsystemAccounts:\n\t- name: ci-a\n'],
  ['a language tag', 'version: 1\nsystemAccounts: !!js/function "function () {}"\n'],
  ['two documents', `${VALID}---\n${VALID}`],
  ['a saved plan', '{"formatVersion": 1, "changes": []}'],
  ['an HTML page', '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>\n'],
  ['truncated flow mapping', 'version: 1\nsystemAccounts:\n  - {name: ci-a\n'],
  ['a merge key', 'version: 1\nd: &d {roles: [CI/CD]}\nsystemAccounts:\n  - {<<: *d, name: ci-a}\n'],
  ['a bell in a name', 'version: 1\nsystemAccounts:\n  - name: "ci-\\a-bell"\n'],
  ['an escape sequence in a name', 'version: 1\nsystemAccounts:\n  - name: "ci-\\e[31mred"\n'],
  ['a right-to-left override in a name', 'version: 1\nsystemAccounts:\n  - name: "ci-\\u202Egnp.exe"\n'],
  ['a zero-width space in a name', 'version: 1\nsystemAccounts:\n  - name: "ci-\\u200Ba"\n'],
  [
    'twin names differing by a zero-width joiner',
    'version: 1\nsystemAccounts:\n  - name: ci-a\n  - name: "ci-a\\u200D"\n',
  ],
];

describe('hostile accounts files: validate', () => {
  corpus.files = FILES.length;
  it.each(FILES)('%s', async (name, content) => {
    const file = put(`${name.replace(/\W+/g, '-')}.yaml`, content);
    const run = await cli(['validate', '-f', file]);
    expectSafe(run, [0, 1]);
  });
});

describe('hostile saved plans: apply', () => {
  let h: Harness;
  let valid: Record<string, unknown>;
  beforeAll(async () => {
    h = await harness();
    const accounts = put(
      'plan-source.yaml',
      'version: 1\nsystemAccounts:\n  - {name: ci-orders, roles: [CI/CD]}\n',
    );
    const out = path.join(dir, 'valid-plan.json');
    expect((await h.run(['plan', '-f', accounts, '--out', out])).code).toBe(0);
    valid = JSON.parse((await import('node:fs')).readFileSync(out, 'utf8')) as Record<string, unknown>;
  });
  afterAll(async () => h.emulator.close());

  const edit = (f: (p: any) => void) => () => {
    const copy = structuredClone(valid) as any;
    f(copy);
    return JSON.stringify(copy);
  };
  const PLANS: [string, () => string, number[]][] = [
    ['empty', () => '', [1]],
    ['not JSON', () => 'version: 1', [1]],
    ['truncated JSON', () => JSON.stringify(valid).slice(0, 200), [1]],
    ['a JSON array', () => '[]', [1]],
    ['JSON null', () => 'null', [1]],
    ['an HTML page', () => '<html><body>Not Found</body></html>', [1]],
    ['formatVersion 2', edit((p) => (p.formatVersion = 2)), [1]],
    ['formatVersion missing', edit((p) => delete p.formatVersion), [1]],
    ['changes not a list', edit((p) => (p.changes = {})), [1]],
    ['an unknown step', edit((p) => (p.changes[0].steps = [{ kind: 'drop-database' }])), [1]],
    [
      'a step of the wrong type',
      edit((p) => (p.changes[0].steps = [{ kind: 'set-roles', roles: 'Administrator' }])),
      [1],
    ],
    ['no steps', edit((p) => (p.changes[0].steps = [])), [1]],
    ['a bad fingerprint', edit((p) => (p.changes[0].fingerprint = 'md5:1')), [1]],
    ['another PactFlow', edit((p) => (p.baseUrl = 'https://evil.example.com')), [1]],
    ['a wrong sha256', edit((p) => (p.desired.sha256 = '0'.repeat(64))), [1]],
    ['a missing desired file', edit((p) => (p.desired.file = path.join(dir, 'nope.yaml'))), [1]],
    [
      'a bidi account label on a delete with no risks',
      edit((p) => {
        p.changes[0].account = 'ci-\u202Eorders';
        p.changes[0].steps = [{ kind: 'delete' }];
        p.changes[0].risks = [];
      }),
      [3],
    ],
    ['a control character in a label', edit((p) => (p.changes[0].account = 'ci-\u0007orders')), [0, 1]],
  ];

  corpus.plans = PLANS.length;
  it.each(PLANS)('%s', async (name, content, codes) => {
    h.emulator.clearLog();
    const before = JSON.stringify(h.emulator.snapshot().users);
    const file = put(`${name.replace(/\W+/g, '-')}.json`, content());
    const run = await h.run(['apply', file]);
    expectSafe(run, codes);
    if (run.code !== 0) {
      expect(h.writes()).toEqual([]);
      expect(JSON.stringify(h.emulator.snapshot().users)).toBe(before);
    }
  });
});

describe('hostile PactFlow answers: plan', () => {
  const recorded = {} as Record<RouteKey, any>;
  const accounts = put(
    'answers.yaml',
    "version: 1\npolicy: {scope: {include: ['ci-*']}}\nsystemAccounts:\n  - {name: ci-orders}\n",
  );
  beforeAll(async () => {
    const emulator = await startEmulator({ seedFile: 'examples/seed.yaml' });
    const read = async (p: string) =>
      (await fetch(emulator.url + p, { headers: { authorization: `Bearer ${emulator.adminToken}` } })).json();
    recorded['/user'] = await read('/user');
    recorded['/admin/roles'] = await read('/admin/roles');
    recorded['/admin/teams'] = await read('/admin/teams?page=1&size=100');
    recorded['users:active'] = await read('/admin/users?userType=1&active=true&page=1&size=100');
    recorded['users:inactive'] = await read('/admin/users?userType=1&active=false&page=1&size=100');
    await emulator.close();
  });

  const json = (body: unknown, status = 200): Answer => ({
    status,
    contentType: 'application/hal+json',
    body: JSON.stringify(body),
  });
  const html = (status: number): Answer => ({
    status,
    contentType: 'text/html',
    body: `<!DOCTYPE html><html><head><title>${status}</title></head><body><h1>Oops</h1></body></html>`,
  });
  const withUsers = (f: (users: any[]) => any[]) => (r: typeof recorded) => {
    const page = structuredClone(r['users:active']);
    page.users = f(page.users);
    return { 'users:active': json(page) };
  };
  const renamed = (name: string) => withUsers((users) => [...users, { ...users[0], uuid: 'odd-1', name }]);

  const ANSWERS: [string, (r: typeof recorded) => Partial<Record<RouteKey, Answer>>, number[]][] = [
    ['/user: an HTML page with 200', () => ({ '/user': html(200) }), [1]],
    ['/user: an HTML error page', () => ({ '/user': html(500) }), [1]],
    [
      '/user: truncated JSON',
      (r) => ({ '/user': { ...json(r['/user']), body: JSON.stringify(r['/user']).slice(0, 50) } }),
      [1],
    ],
    ['/user: an empty object', () => ({ '/user': json({}) }), [1]],
    ['/user: a uuid that is a number', (r) => ({ '/user': json({ ...r['/user'], uuid: 5 }) }), [1]],
    ['/user: JSON null', () => ({ '/user': json(null) }), [1]],
    ['/user: 401 with an HTML body', () => ({ '/user': html(401) }), [1]],
    ['/user: 404 with no body', () => ({ '/user': { status: 404, body: '' } }), [1]],
    [
      '/user: JSON content type, HTML body',
      () => ({ '/user': { ...html(200), contentType: 'application/json' } }),
      [1],
    ],
    ['roles: not a list', () => ({ '/admin/roles': json({ _embedded: { roles: 'all' } }) }), [1]],
    [
      'roles: a role without a name',
      (r) => ({
        '/admin/roles': json({
          _embedded: { roles: [{ ...r['/admin/roles']._embedded.roles[0], name: undefined }] },
        }),
      }),
      [1],
    ],
    [
      'teams: truncated JSON',
      (r) => ({
        '/admin/teams': { ...json(r['/admin/teams']), body: JSON.stringify(r['/admin/teams']).slice(0, 80) },
      }),
      [1],
    ],
    [
      'teams: totalPages as a string',
      (r) => ({
        '/admin/teams': json({
          ...r['/admin/teams'],
          page: { ...r['/admin/teams'].page, totalPages: 'one' },
        }),
      }),
      [0, 1],
    ],
    [
      'users: the list is null',
      (r) => ({ 'users:active': json({ ...r['users:active'], users: null }) }),
      [0, 1],
    ],
    ['users: type as a string', withUsers((u) => u.map((x) => ({ ...x, type: '1' }))), [0, 1]],
    ['users: active as a string', withUsers((u) => u.map((x) => ({ ...x, active: 'true' }))), [1]],
    ['users: a user without a uuid', withUsers((u) => [{ ...u[0], uuid: undefined }, ...u.slice(1)]), [1]],
    [
      'users: totalElements that the pages never reach',
      (r) => ({
        'users:active': json({
          ...r['users:active'],
          page: { ...r['users:active'].page, totalElements: 999 },
        }),
      }),
      [1],
    ],
    [
      'users: a page of 100,000 entries',
      withUsers((u) =>
        // Lean entries (no embedded role permissions): 100,000 of them, not 130 MB of JSON to parse.
        Array.from({ length: 100_000 }, (_, i) => ({
          ...u[0],
          uuid: `bulk-${i}`,
          name: `x-${i}`,
          _embedded: { roles: [], teams: [] },
        })),
      ),
      [0, 1],
    ],
    ['users: a name with a bell and an escape sequence', renamed('ci-\u0007\u001b[31mred'), [0, 1]],
    ['users: a name with a right-to-left override', renamed('ci-\u202Eexe.txt'), [0, 1]],
    ['users: a name with zero-width characters', renamed('ci-\u200B\u200C\u200D\uFEFFa'), [0, 1]],
    ['users: two names equal ignoring case', renamed('CI-ORDERS'), [0, 1]],
    [
      '/user: a 400 whose detail clears the screen and forges a line',
      () => ({
        '/user': {
          status: 400,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            title: 'Bad Request',
            status: 400,
            detail: '\u001b[2J\u001b[31mred\r\nerror: forged line \u202e',
          }),
        },
      }),
      [1],
    ],
    [
      '/admin/roles: a legacy 422 whose messages carry ESC and a bell',
      () => ({
        '/admin/roles': json({ errors: { name: ['\u001b]0;title\u0007', 'ok\r\nforged'] } }, 422),
      }),
      [1],
    ],
  ];

  corpus.answers = ANSWERS.length;
  it.each(ANSWERS)('%s', async (name, hostile, codes) => {
    const answers = {
      '/user': json(recorded['/user']),
      '/admin/roles': json(recorded['/admin/roles']),
      '/admin/teams': json(recorded['/admin/teams']),
      'users:active': json(recorded['users:active']),
      'users:inactive': json(recorded['users:inactive']),
      ...hostile(recorded),
    };
    const server = await hostileServer(answers);
    try {
      const run = await cli(['plan', '-f', accounts], {
        env: { PACT_BROKER_BASE_URL: server.url, PACT_BROKER_TOKEN: 'hostile-test-token' },
      });
      expectSafe(run, codes);
      expect(`${run.stdout}${run.stderr}`).not.toContain('hostile-test-token');
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s*(error: )?forged/);
      expect(server.writes()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('a deprecation notice in a HAL title is a warning on stderr, once per run, escaped', async () => {
    const notice = 'Deprecated: this shape goes away \u001b[2J soon';
    const titled = (body: any) => ({
      ...body,
      _links: { ...body._links, self: { href: '/x', title: notice } },
    });
    const server = await hostileServer({
      '/user': json(recorded['/user']),
      '/admin/roles': json(titled(recorded['/admin/roles'])),
      '/admin/teams': json(titled(recorded['/admin/teams'])),
      'users:active': json(recorded['users:active']),
      'users:inactive': json({ ...recorded['users:inactive'], title: notice }),
    });
    try {
      const run = await cli(['plan', '-f', accounts], {
        env: { PACT_BROKER_BASE_URL: server.url, PACT_BROKER_TOKEN: 'hostile-test-token' },
      });
      expectSafe(run, [0]);
      expect(run.stderr.split('warning: PactFlow says: Deprecated: this shape goes away')).toHaveLength(2);
      expect(run.stdout).not.toContain('Deprecated');
    } finally {
      await server.close();
    }
  });
});

it('the corpus has at least 60 inputs across files, saved plans and API answers', () => {
  expect(Object.keys(corpus).sort()).toEqual(['answers', 'files', 'plans']);
  expect(Object.values(corpus).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(60);
});
