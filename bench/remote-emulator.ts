import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export interface RequestCounts {
  requests: number;
  writes: number;
  /** From the start of the first write request to the end of the last, as the server saw them. */
  writeWindowMs: number;
  byRoute: Record<string, number>;
}

export type HostRequest =
  | { op: 'start'; accounts: number; latencyMs: number }
  | { op: 'latency'; latencyMs: number }
  | { op: 'reset' }
  | { op: 'counts' }
  | { op: 'stop' };

export type HostReply =
  | { op: 'started'; url: string; token: string; accounts: string[]; teams: string[] }
  | { op: 'counts'; counts: RequestCounts }
  | { op: 'ok' };

export type Started = Extract<HostReply, { op: 'started' }>;

/** The parent's handle on bench/emulator-host.js running in a child process. */
export class RemoteEmulator {
  private readonly child: ChildProcess;
  private next = 0;
  private readonly pending = new Map<number, (message: { reply?: HostReply; error?: string }) => void>();

  constructor(hostScript: string) {
    this.child = fork(hostScript, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: { id: number; reply?: HostReply; error?: string }) => {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    });
  }

  private call(request: HostRequest): Promise<HostReply> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) =>
        message.reply ? resolve(message.reply) : reject(new Error(message.error ?? 'emulator host failed')),
      );
      this.child.send({ id, request });
    });
  }

  async start(accounts: number, latencyMs: number): Promise<Started> {
    const reply = await this.call({ op: 'start', accounts, latencyMs });
    if (reply.op !== 'started') throw new Error(`unexpected reply ${reply.op}`);
    return reply;
  }

  async setLatency(latencyMs: number): Promise<void> {
    await this.call({ op: 'latency', latencyMs });
  }

  async reset(): Promise<void> {
    await this.call({ op: 'reset' });
  }

  async counts(): Promise<RequestCounts> {
    const reply = await this.call({ op: 'counts' });
    if (reply.op !== 'counts') throw new Error(`unexpected reply ${reply.op}`);
    return reply.counts;
  }

  async close(): Promise<void> {
    await this.call({ op: 'stop' });
    this.child.disconnect();
  }
}
