import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  contentType?: string;
  body: string;
}

/** Which answer a route gets: by path, and for the account lists by their `active` filter. */
export type RouteKey = '/user' | '/admin/roles' | '/admin/teams' | 'users:active' | 'users:inactive';

export function routeKey(url: URL): RouteKey | undefined {
  if (url.pathname === '/admin/users')
    return url.searchParams.get('active') === 'false' ? 'users:inactive' : 'users:active';
  return (['/user', '/admin/roles', '/admin/teams'] as const).find((p) => p === url.pathname);
}

/**
 * A loopback server that answers the live-state reads with recorded, well-formed answers — except
 * the ones a test replaces with something hostile. It counts every request that is not a GET, so a
 * test can prove nothing was written.
 */
export async function hostileServer(
  answers: Record<RouteKey, Answer>,
): Promise<{ url: string; writes: () => number; close: () => Promise<void> }> {
  let writes = 0;
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET') writes++;
    const key = routeKey(new URL(req.url ?? '/', 'http://x'));
    const answer = key ? answers[key] : { status: 404, body: '' };
    res.writeHead(answer.status, answer.contentType ? { 'content-type': answer.contentType } : {});
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    writes: () => writes,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
