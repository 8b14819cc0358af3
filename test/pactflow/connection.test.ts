import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConnection } from '../../src/pactflow/connection.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'pfa-conn-'));
const tokenFile = path.join(tmp, 'token');
writeFileSync(tokenFile, '  file-token\n');

describe('resolveConnection', () => {
  it.each([
    [
      'flag wins over env',
      { baseUrl: 'https://a.pactflow.io/' },
      { PACT_BROKER_BASE_URL: 'https://b.pactflow.io', PACT_BROKER_TOKEN: 't' },
      'https://a.pactflow.io',
      't',
    ],
    [
      'env base URL',
      {},
      { PACT_BROKER_BASE_URL: 'https://b.pactflow.io', PACT_BROKER_TOKEN: 't' },
      'https://b.pactflow.io',
      't',
    ],
    [
      'token file wins over env, trimmed',
      { tokenFile },
      { PACT_BROKER_BASE_URL: 'https://b.pactflow.io', PACT_BROKER_TOKEN: 'env' },
      'https://b.pactflow.io',
      'file-token',
    ],
    [
      'http on localhost',
      { baseUrl: 'http://localhost:9292' },
      { PACT_BROKER_TOKEN: 't' },
      'http://localhost:9292',
      't',
    ],
    [
      'http on 127.0.0.5',
      { baseUrl: 'http://127.0.0.5:1/x/' },
      { PACT_BROKER_TOKEN: 't' },
      'http://127.0.0.5:1/x',
      't',
    ],
    ['http on [::1]', { baseUrl: 'http://[::1]:8080' }, { PACT_BROKER_TOKEN: 't' }, 'http://[::1]:8080', 't'],
  ])('%s', async (_, flags, env, baseUrl, token) => {
    expect(await resolveConnection(flags, env)).toEqual({ baseUrl, token });
  });

  it.each([
    ['no base URL', {}, { PACT_BROKER_TOKEN: 't' }, 'no PactFlow base URL', '--base-url'],
    ['no token', { baseUrl: 'https://a.pactflow.io' }, {}, 'no PactFlow API token', 'PACT_BROKER_TOKEN'],
    [
      'plain http elsewhere',
      { baseUrl: 'http://a.pactflow.io' },
      { PACT_BROKER_TOKEN: 't' },
      '--base-url must use https:// (got http://a.pactflow.io)',
      'loopback',
    ],
    [
      'not a URL',
      {},
      { PACT_BROKER_BASE_URL: 'a.pactflow.io', PACT_BROKER_TOKEN: 't' },
      'PACT_BROKER_BASE_URL is not a URL: "a.pactflow.io"',
      'https://',
    ],
    [
      'credentials in URL',
      { baseUrl: 'https://u:p@a.pactflow.io' },
      { PACT_BROKER_TOKEN: 't' },
      '--base-url must not carry credentials',
      '--token-file',
    ],
    [
      'missing token file',
      { baseUrl: 'https://a.pactflow.io', tokenFile: path.join(tmp, 'nope') },
      {},
      `cannot read --token-file ${path.join(tmp, 'nope')} (ENOENT)`,
      'file',
    ],
  ])('%s is a clear error', async (_, flags, env, message, hint) => {
    const error = (await resolveConnection(flags, env).catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toBe(message);
    expect(error.hint).toContain(hint);
  });
});
