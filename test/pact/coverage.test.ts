import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/http/endpoint.js';
import { ENDPOINTS } from '../../src/pactflow/endpoints.js';
import { GITHUB_ENDPOINTS } from '../../src/publish/github.js';
import { GITLAB_ENDPOINTS } from '../../src/publish/gitlab.js';
import { COMMITTED_PACT } from './helpers.js';

interface Interaction {
  description: string;
  request: { method: string; path: string; headers?: Record<string, string[]> };
}

const pact = JSON.parse(readFileSync(COMMITTED_PACT, 'utf8')) as { interactions: Interaction[] };
const templateRegex = (template: string) =>
  new RegExp(`^${template.replace(/[.+]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`);

describe('the committed pact covers every request the client can send', () => {
  it.each(Object.entries(ENDPOINTS))('%s', (_, endpoint) => {
    const matching = pact.interactions.filter(
      (i) => i.request.method === endpoint.method && templateRegex(endpoint.path).test(i.request.path),
    );
    expect(matching, `${endpoint.method} ${endpoint.path} has no interaction in the pact`).not.toEqual([]);
    const contentType = 'contentType' in endpoint ? endpoint.contentType : undefined;
    if (contentType)
      for (const i of matching) expect(i.request.headers?.['Content-Type']).toEqual([contentType]);
  });

  it('and nothing the client cannot send', () => {
    const known = Object.values(ENDPOINTS).map((e) => ({ method: e.method, path: templateRegex(e.path) }));
    const orphans = pact.interactions
      .filter((i) => !known.some((k) => k.method === i.request.method && k.path.test(i.request.path)))
      .map((i) => `${i.request.method} ${i.request.path}`);
    expect(orphans).toEqual([]);
  });
});

/** Every source file under src/, relative to the repository root. */
function sources(dir = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(path.join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

describe('the client sends requests only through the endpoint table', () => {
  const files = sources().map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it('only src/http/client.ts holds an HTTP client', () => {
    const offenders = files
      .filter(
        ({ file }) =>
          file !== path.join('src', 'http', 'client.ts') && !file.startsWith(path.join('src', 'emulator')),
      )
      .filter(({ text }) =>
        /from 'got'|from 'undici'|\bfetch\(|(?<!this\.)\bhttps?\.(request|get)\(/.test(text),
      )
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('HttpClient.request is called with an endpoint name from the table', () => {
    const calls = files.flatMap(({ file, text }) =>
      [...text.matchAll(/\.http\.request\(\s*([^,)]+)/g)].map((m) => ({ file, name: m[1]!.trim() })),
    );
    expect(calls.length).toBeGreaterThan(0);
    // `name` is get()'s parameter, typed EndpointName: the compiler holds it to the table.
    // The code hosts (src/publish) send through the same client, each from its own table.
    const tableOf = (file: string) =>
      file.startsWith(path.join('src', 'publish')) ? { ...GITHUB_ENDPOINTS, ...GITLAB_ENDPOINTS } : ENDPOINTS;
    const outside = calls.filter(
      (c) => !['name', ...Object.keys(tableOf(c.file)).map((n) => `'${n}'`)].includes(c.name),
    );
    expect(outside).toEqual([]);
    // Reads go through `get(name, …)`, which takes an EndpointName; its calls are typed the same way.
    const gets = files.flatMap(({ text }) =>
      [...text.matchAll(/this\.get\(\s*'([^']+)'/g)].map((m) => m[1]!),
    );
    expect(gets.filter((g) => !(g in ENDPOINTS))).toEqual([]);
  });
});

describe("the code hosts' endpoint tables hold what is sent, each with the permission it needs", () => {
  /** Endpoint names sent by one host's files (src/publish/github*.ts or gitlab*.ts); lists go through pages(). */
  const sentBy = (prefix: string) =>
    new Set(
      sources(path.join('src', 'publish'))
        .filter((file) => path.basename(file).startsWith(prefix))
        .flatMap((file) => [
          ...readFileSync(file, 'utf8').matchAll(/(?:\.http\.request|this\.pages)\(\s*'([^']+)'/g),
        ])
        .map((m) => m[1]!),
    );
  const hosts = [
    {
      host: 'GitHub',
      table: GITHUB_ENDPOINTS,
      sent: sentBy('github'),
      permission: /^(metadata|contents|pull-requests|issues): (read|write)$/,
    },
    { host: 'GitLab', table: GITLAB_ENDPOINTS, sent: sentBy('gitlab'), permission: /^(read_api|api)$/ },
  ];
  const rows = hosts.flatMap((h) =>
    Object.entries(h.table).map(([name, endpoint]) => ({ ...h, name, endpoint: endpoint as Endpoint })),
  );

  it.each(rows)('$host $name', ({ name, endpoint, sent, permission }) => {
    expect(sent.has(name), `${name} is in the table but never sent`).toBe(true);
    expect(endpoint.permission).toMatch(permission);
  });

  it.each(hosts)('$host: every request sent is in its table', ({ table, sent }) => {
    expect([...sent].filter((name) => !(name in table))).toEqual([]);
  });
});
