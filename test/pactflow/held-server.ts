import { HttpClient } from '../../src/http/client.js';
import type { HttpResponse } from '../../src/http/client.js';
import { ENDPOINTS } from '../../src/pactflow/endpoints.js';
import { BASE, TOKEN } from '../helpers/nock.js';

type Query = Record<string, string | number | boolean>;

export interface HeldRequest {
  query: Query;
  /** Short name for the lists of system accounts: `E2` is page 2 of the enabled list, `D1` of the disabled. */
  label: string;
  answered: boolean;
  answer(body: unknown): void;
  fail(error: Error): void;
}

/**
 * An HttpClient (for `new PactflowClient(server)`) whose requests wait until the test answers
 * them: each is recorded the moment the client sends it, and answered or failed when, and in the
 * order, the test chooses. Nothing depends on how fast the machine runs.
 */
export class HeldServer extends HttpClient<typeof ENDPOINTS> {
  readonly sent: HeldRequest[] = [];

  constructor() {
    super({ baseUrl: BASE, token: TOKEN }, ENDPOINTS);
  }

  override request(_name: string, options: { searchParams?: Query } = {}): Promise<HttpResponse> {
    const query = options.searchParams ?? {};
    return new Promise<HttpResponse>((resolve, reject) => {
      const held: HeldRequest = {
        query,
        label: `${query.active === false ? 'D' : 'E'}${String(query.page)}`,
        answered: false,
        answer: (body) => {
          held.answered = true;
          resolve({ status: 200, headers: {}, body });
        },
        fail: (error) => {
          held.answered = true;
          reject(error);
        },
      };
      this.sent.push(held);
    });
  }

  labels(): string[] {
    return this.sent.map((r) => r.label);
  }

  /** The request with this label not yet answered. */
  waiting(label: string): HeldRequest {
    const held = this.sent.find((r) => r.label === label && !r.answered);
    if (!held) throw new Error(`no request ${label} is waiting (sent: ${this.labels().join(' ')})`);
    return held;
  }
}

/**
 * Lets everything the answers so far set off happen: the client's work between an answer and its
 * next request is promise callbacks only, and all of them run before the next turn of the event
 * loop. An ordering, not a wait for time to pass.
 */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
