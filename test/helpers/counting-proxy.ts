import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP proxy in front of the emulator that counts requests when they START (the
 * emulator logs them when they finish), so a test can tell what is in flight when it sends a signal.
 */
export interface CountingProxy {
  url: string;
  started(): number;
  /** Requests other than GET that have started. */
  writesStarted(): number;
  finished(): number;
  close(): Promise<void>;
}

export async function countingProxy(target: string): Promise<CountingProxy> {
  let started = 0;
  let writesStarted = 0;
  let finished = 0;
  const server = http.createServer((req, res) => {
    started++;
    if (req.method !== 'GET') writesStarted++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const upstream = http.request(
        new URL(req.url ?? '/', target),
        { method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('end', () => finished++);
        },
      );
      upstream.on('error', () => res.destroy());
      // A client that gave up (an aborted read) need not be answered.
      res.on('close', () => upstream.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    started: () => started,
    writesStarted: () => writesStarted,
    finished: () => finished,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
