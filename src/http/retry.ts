import { setTimeout as wait } from 'node:timers/promises';

/** How requests are retried: attempts, a time budget, exponential back-off with jitter. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  attempts: number;
  /** No retry starts once this much time has passed since the first attempt. */
  budgetMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Waits; rejects at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
  now(): number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  budgetMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  sleep: (ms, signal) => wait(ms, undefined, signal ? { signal } : {}),
  random: Math.random,
  now: Date.now,
};

/** Retry-After in seconds or as an HTTP-date, as milliseconds from now; undefined if absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
