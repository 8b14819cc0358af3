import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConnection } from '../../src/pactflow/connection.js';
import { startEmulator } from '../../src/emulator/server.js';
import { cli } from '../helpers/run-cli.js';

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
    // Latin-1 and a tab go into an HTTP header as they are: only what cannot is refused.
    [
      'a token with Latin-1 and a tab',
      { baseUrl: 'https://a.pactflow.io' },
      { PACT_BROKER_TOKEN: 'caf\u00e9\tx' },
      'https://a.pactflow.io',
      'caf\u00e9\tx',
    ],
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
    // A path built on it would land in the query or the fragment: the server would see `GET /`.
    [
      'a query string in --base-url',
      { baseUrl: 'https://a.pactflow.io/?org=acme' },
      { PACT_BROKER_TOKEN: 't' },
      '--base-url must not have a query string (the part from "?" on)',
      'Remove everything from "?" on, to give the address of your PactFlow alone: https://a.pactflow.io',
    ],
    [
      'an empty query string',
      { baseUrl: 'https://a.pactflow.io/?' },
      { PACT_BROKER_TOKEN: 't' },
      '--base-url must not have a query string (the part from "?" on)',
      ': https://a.pactflow.io',
    ],
    [
      'a fragment in PACT_BROKER_BASE_URL',
      {},
      { PACT_BROKER_BASE_URL: 'https://a.pactflow.io/broker#top', PACT_BROKER_TOKEN: 't' },
      'PACT_BROKER_BASE_URL must not have a fragment (the part from "#" on)',
      'Remove everything from "#" on, to give the address of your PactFlow alone: https://a.pactflow.io/broker',
    ],
  ])('%s is a clear error', async (_, flags, env, message, hint) => {
    const error = (await resolveConnection(flags, env).catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toBe(message);
    expect(error.hint).toContain(hint);
  });

  const SECRET = 'pf-secret-value';
  it.each([
    ['a line break', `${SECRET}\n${SECRET}`, 'a line break at character 16'],
    ['a carriage return', `${SECRET}\r\nmore`, 'a line break at character 16'],
    ['a typographic quote', `\u2019${SECRET}\u2019`, 'a character outside Latin-1 (U+2019) at character 1'],
    ['an emoji', `${SECRET}\u{1F511}`, 'a character outside Latin-1 (U+1F511) at character 16'],
    [
      'a control character',
      `${SECRET.slice(0, 3)}\u0001${SECRET}`,
      'a control character (U+0001) at character 4',
    ],
    ['DEL', `${SECRET}\u007f`, 'a control character (U+007F) at character 16'],
  ])('a token with %s is refused before any request, by position, never shown', async (_, token, what) => {
    const error = (await resolveConnection(
      { baseUrl: 'https://a.pactflow.io' },
      { PACT_BROKER_TOKEN: `  ${token}  ` },
    ).catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toBe(
      `the API token from PACT_BROKER_TOKEN has ${what} (leading blanks not counted), which an HTTP header cannot carry`,
    );
    expect(error.hint).toContain('Check the secret');
    expect(`${error.message}${error.hint}`).not.toContain(SECRET.slice(0, 6));
  });

  it('names the token file whose token cannot be sent', async () => {
    const file = path.join(tmp, 'pasted');
    writeFileSync(file, `${SECRET}\n\n${SECRET}\n`);
    const error = (await resolveConnection({ baseUrl: 'https://a.pactflow.io', tokenFile: file }, {}).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toBe(
      `the API token from --token-file ${file} has a line break at character 16 (leading blanks not counted), which an HTTP header cannot carry`,
    );
  });
});

describe('through the CLI', () => {
  it('a token HTTP cannot carry is a usage error (exit 1), not a network error, and sends nothing', async () => {
    const emulator = await startEmulator({});
    try {
      const run = await cli(['export', '--base-url', emulator.url], {
        env: { PACT_BROKER_TOKEN: `${emulator.adminToken}\u2019` },
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('has a character outside Latin-1 (U+2019) at character');
      expect(run.stderr).not.toContain('network error');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(`${run.stdout}${run.stderr}`).not.toContain(emulator.adminToken);
      expect(emulator.requests()).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it('a --base-url with a query string is a usage error (exit 1) and sends nothing', async () => {
    const emulator = await startEmulator({});
    try {
      const run = await cli(['export', '--base-url', `${emulator.url}/?org=acme`], {
        env: { PACT_BROKER_TOKEN: emulator.adminToken },
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('--base-url must not have a query string (the part from "?" on)');
      expect(run.stderr).toContain(`to give the address of your PactFlow alone: ${emulator.url}`);
      expect(emulator.requests()).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});
