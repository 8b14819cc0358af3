import nock from 'nock';
import { expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import { HttpClient } from '../../src/http/client.js';
import { DEFAULT_RETRY } from '../../src/http/retry.js';
import { ENDPOINTS } from '../../src/pactflow/endpoints.js';
import { BASE, TOKEN, strictNock } from '../helpers/nock.js';

strictNock();

it('an abort ends a Retry-After back-off wait at once, and no retry is sent', async () => {
  nock(BASE).get('/admin/roles').reply(503, { error: 'busy' }, { 'retry-after': '30' });
  const controller = new AbortController();
  let waiting!: (ms: number) => void;
  const backOff = new Promise<number>((resolve) => (waiting = resolve));
  const http = new HttpClient(
    {
      baseUrl: BASE,
      token: TOKEN,
      signal: controller.signal,
      // The real wait, which says when it begins: the abort comes during it, not before.
      retry: {
        sleep: (ms, signal) => {
          waiting(ms);
          return DEFAULT_RETRY.sleep(ms, signal);
        },
      },
    },
    ENDPOINTS,
  );
  const pending = http.request('listRoles');
  expect(await backOff).toBe(30_000);
  controller.abort();
  await expect(pending).rejects.toBeInstanceOf(InterruptedError);
  http.close();
});

it('a read in flight is cancelled by the abort', async () => {
  // The server has the request and never answers: the abort comes while it is in flight.
  let arrived!: () => void;
  const inFlight = new Promise<void>((resolve) => (arrived = resolve));
  nock(BASE)
    .get('/admin/teams')
    .reply((_uri, _body, _callback: unknown) => arrived());
  const controller = new AbortController();
  const http = new HttpClient({ baseUrl: BASE, token: TOKEN, signal: controller.signal }, ENDPOINTS);
  const pending = http.request('listTeams');
  await inFlight;
  controller.abort();
  await expect(pending).rejects.toBeInstanceOf(InterruptedError);
  http.close();
});

it('nothing is sent once the signal has aborted', async () => {
  const controller = new AbortController();
  controller.abort();
  const http = new HttpClient({ baseUrl: BASE, token: TOKEN, signal: controller.signal }, ENDPOINTS);
  await expect(http.request('updateUser', { params: { user: 'u1' }, json: {} })).rejects.toBeInstanceOf(
    InterruptedError,
  );
  http.close();
});
