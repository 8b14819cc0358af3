import { describe, expect, it } from 'vitest';
import { UsageError, connectToPactflow, fetchLiveState, startEmulator } from '../../src/index.js';

describe('connectToPactflow', () => {
  it.each([
    [
      { baseUrl: 'http://pactflow.example', token: 't' },
      'baseUrl must use https:// (got http://pactflow.example)',
    ],
    [{ baseUrl: 'pactflow.example', token: 't' }, 'baseUrl is not a URL: "pactflow.example"'],
    [{ baseUrl: 'https://pactflow.example', token: ' ' }, 'no PactFlow API token'],
    [{ baseUrl: 'https://pactflow.example', token: 'a\nb' }, 'has a line break at character 2'],
  ])('refuses %j before sending anything', async (options, message) => {
    const refused = connectToPactflow(options);
    await expect(refused).rejects.toThrow(UsageError);
    await expect(refused).rejects.toThrow(message);
  });

  it('allows plain http to a host the caller vouches for', async () => {
    const pactflow = await connectToPactflow({
      baseUrl: 'http://pactflow.internal:9292/',
      token: 't',
      allowInsecureHttp: true,
    });
    expect(pactflow.baseUrl).toBe('http://pactflow.internal:9292');
    pactflow.close();
  });
});

describe('startEmulator, as the library gives it', () => {
  it('serves the seeded organization to a connection, on loopback', async () => {
    const emulator = await startEmulator({
      seed: {
        users: [{ name: 'alice', roles: ['Administrator'] }],
        systemAccounts: [{ name: 'ci-payments' }],
      },
      adminToken: 'admin-token',
    });
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulator.adminToken).toBe('admin-token');
      expect(Object.keys(emulator.tokens).sort()).toEqual(['alice', 'ci-payments']);
      const pactflow = await connectToPactflow({ baseUrl: emulator.url, token: emulator.adminToken });
      try {
        const live = await fetchLiveState(pactflow);
        expect(live.accounts.map((a) => a.name)).toEqual(['ci-payments']);
        expect(live.caller.name).toBe('alice');
        expect(live.caller.permissions).toContain('system_account:manage:*');
      } finally {
        pactflow.close();
      }
    } finally {
      await emulator.close();
    }
  });
});
