import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server that answers nothing: it records each request as it arrives and holds
 * it until closed. A command caught with reads in flight here is caught whatever the machine's
 * speed, and one that ends while they are held has not waited for them.
 */
export interface HoldingServer {
  url: string;
  /** Method and path of every request that has arrived, in order. */
  requests(): string[];
  /** Resolves once `count` requests have arrived. */
  arrived(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function holdingServer(): Promise<HoldingServer> {
  const requests: string[] = [];
  const events = new EventEmitter();
  const server = http.createServer((req) => {
    requests.push(`${req.method} ${req.url}`);
    events.emit('request');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => [...requests],
    arrived: (count) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (requests.length < count) return;
          events.off('request', check);
          resolve();
        };
        events.on('request', check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
