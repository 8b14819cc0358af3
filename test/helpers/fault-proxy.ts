import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../../src/emulator/faults.js';

/** The emulator's seeded generator: a fault run can be repeated exactly from its seed. */
export const seeded = seededRandom;

export interface FaultProxyOptions {
  seed: number;
  /** Answer 429 (Retry-After: 0) without forwarding. */
  tooManyRate: number;
  /** Drop the connection without forwarding. */
  dropBeforeRate: number;
  /** Forward, let the server act, then drop the connection before the answer: outcome unknown. */
  dropAfterRate: number;
}

export interface FaultProxy {
  url: string;
  counts: { tooMany: number; droppedBefore: number; droppedAfter: number; forwarded: number };
  close(): Promise<void>;
}

/** A loopback proxy in front of the emulator that adds the faults a real network has. */
export async function faultProxy(target: string, options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seeded(options.seed);
  const counts = { tooMany: 0, droppedBefore: 0, droppedAfter: 0, forwarded: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const roll = random();
      if (roll < options.tooManyRate) {
        counts.tooMany++;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
        res.end('{"error":"Too many requests"}');
        return;
      }
      if (roll < options.tooManyRate + options.dropBeforeRate) {
        counts.droppedBefore++;
        req.socket.destroy();
        return;
      }
      const dropAfter = roll < options.tooManyRate + options.dropBeforeRate + options.dropAfterRate;
      counts.forwarded++;
      const upstream = http.request(
        new URL(req.url ?? '/', target),
        { method: req.method, headers: req.headers },
        (answer) => {
          if (dropAfter) {
            counts.droppedAfter++;
            answer.resume();
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => req.socket.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
