import { objectError } from './problems.js';

export interface Faults {
  /** Added to every request before it is handled. */
  latencyMs: number;
  /** Fraction of requests answered 503 before being handled (seeded, so runs repeat). */
  failRate: number;
  /** Requests per second beyond which the answer is 429 with Retry-After. 0: unlimited. */
  rateLimit: number;
  /** The most items a page holds, whatever the client asks for. */
  maxPageSize: number;
}

export const faultDefaults = (given: Partial<Faults>): Faults => ({
  latencyMs: given.latencyMs ?? 0,
  failRate: given.failRate ?? 0,
  rateLimit: given.rateLimit ?? 0,
  maxPageSize: given.maxPageSize ?? 100,
});

/** mulberry32: small, seeded, good enough for fault injection. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Injects the configured faults in front of every request: latency, then 429, then 503. */
export class FaultInjector {
  private readonly random: () => number;
  private window = { start: 0, count: 0 };

  constructor(
    readonly faults: Faults,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  /** Throws the injected answer, if any; `headers` receives `retry-after` for a 429. */
  async before(headers: Record<string, string>): Promise<void> {
    const { latencyMs, rateLimit, failRate } = this.faults;
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
    if (rateLimit > 0) {
      const now = Date.now();
      if (now - this.window.start >= 1000) this.window = { start: now, count: 0 };
      if (++this.window.count > rateLimit) {
        headers['retry-after'] = String(Math.max(1, Math.ceil((this.window.start + 1000 - now) / 1000)));
        throw objectError(429, 'Too many requests');
      }
    }
    if (failRate > 0 && this.random() < failRate)
      throw objectError(503, 'Service temporarily unavailable (injected fault)');
  }
}
