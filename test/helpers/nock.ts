import nock from 'nock';
import { afterEach, beforeEach, expect } from 'vitest';

/**
 * A strict nock harness: no real network, every request must match a mock, and every mock must be
 * used by the end of the test.
 */
export function strictNock(): void {
  let unmatched: string[] = [];
  const onNoMatch = (req: { method?: string; path?: string; href?: string }) =>
    unmatched.push(`${req.method} ${req.path ?? req.href}`);
  beforeEach(() => {
    unmatched = [];
    nock.disableNetConnect();
    nock.emitter.on('no match', onNoMatch);
  });
  afterEach(() => {
    nock.emitter.removeListener('no match', onNoMatch);
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    expect(unmatched, 'requests that matched no mock').toEqual([]);
    expect(pending, 'mocks that were never used').toEqual([]);
  });
}

export const BASE = 'https://acme.pactflow.io';
export const TOKEN = 's3cr3t-t0ken-value';

export function user(
  over: Partial<Record<string, unknown>> & { uuid: string; name: string },
): Record<string, unknown> {
  return {
    email: undefined,
    active: true,
    type: 1,
    typeDescription: 'System Account',
    createdAt: '2024-01-01T00:00:00+00:00',
    updatedAt: '2024-01-01T00:00:00+00:00',
    _embedded: { roles: [{ uuid: 'r-cicd', name: 'CI/CD' }], teams: [] },
    _links: { self: { title: 'User', href: `${BASE}/admin/users/${over.uuid}` } },
    ...over,
  };
}
