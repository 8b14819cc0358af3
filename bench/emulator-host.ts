/**
 * The emulator in a process of its own, driven over IPC by the benchmark: the CLI under test then
 * runs in another process, so its wall time and peak RSS are its own, and the emulator's work does
 * not share its event loop.
 */
import process from 'node:process';
import { startEmulator } from '../src/emulator/server.js';
import type { RunningEmulator } from '../src/emulator/server.js';
import type { HostReply, HostRequest, RequestCounts } from './remote-emulator.js';
import { PAGE_CAP, benchSeed } from './scenario.js';

let emulator: RunningEmulator | undefined;
/** Start and end (ms, this process's clock) of every request since the counters were reset. */
let spans: { write: boolean; start: number; end: number }[] = [];

function counts(): RequestCounts {
  const writes = spans.filter((s) => s.write);
  return {
    requests: spans.length,
    writes: writes.length,
    writeWindowMs: writes.length
      ? Math.max(...writes.map((s) => s.end)) - Math.min(...writes.map((s) => s.start))
      : 0,
    byRoute: emulator?.counters() ?? {},
  };
}

async function handle(request: HostRequest): Promise<HostReply> {
  switch (request.op) {
    case 'start': {
      await emulator?.close();
      spans = [];
      emulator = await startEmulator({
        seed: benchSeed(request.accounts),
        maxPageSize: PAGE_CAP,
        latencyMs: request.latencyMs,
        onRequest: (entry) => {
          const end = performance.now();
          spans.push({ write: entry.method !== 'GET', start: end - entry.ms, end });
        },
      });
      const state = emulator.snapshot();
      return {
        op: 'started',
        url: emulator.url,
        token: emulator.adminToken,
        accounts: state.users.filter((u) => u.type === 1).map((u) => u.uuid),
        teams: state.teams.map((t) => t.uuid),
      };
    }
    case 'latency':
      emulator?.setFaults({ latencyMs: request.latencyMs });
      return { op: 'ok' };
    case 'reset':
      spans = [];
      emulator?.clearLog();
      return { op: 'ok' };
    case 'counts':
      return { op: 'counts', counts: counts() };
    case 'stop':
      await emulator?.close();
      emulator = undefined;
      return { op: 'ok' };
  }
}

process.on('message', (message: { id: number; request: HostRequest }) => {
  handle(message.request).then(
    (reply) => process.send?.({ id: message.id, reply }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  );
});
process.on('disconnect', () => void emulator?.close().then(() => process.exit(0)));
