import nock from 'nock';
import { expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import { HttpClient } from '../../src/http/client.js';
import { ENDPOINTS } from '../../src/pactflow/endpoints.js';
import { BASE, TOKEN, strictNock } from '../helpers/nock.js';

strictNock();

it('an abort ends a Retry-After back-off wait at once, and no retry is sent', async () => {
  nock(BASE).get('/admin/roles').reply(503, { error: 'busy' }, { 'retry-after': '30' });
  const controller = new AbortController();
  const http = new HttpClient({ baseUrl: BASE, token: TOKEN, signal: controller.signal }, ENDPOINTS);
  const pending = http.request('listRoles');
  await new Promise((r) => setTimeout(r, 50));
  controller.abort();
  await expect(pending).rejects.toBeInstanceOf(InterruptedError);
  http.close();
});

it('a read in flight is cancelled by the abort', async () => {
  nock(BASE).get('/admin/teams').delay(60_000).reply(200, {});
  const controller = new AbortController();
  const http = new HttpClient({ baseUrl: BASE, token: TOKEN, signal: controller.signal }, ENDPOINTS);
  const pending = http.request('listTeams');
  await new Promise((r) => setTimeout(r, 50));
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
