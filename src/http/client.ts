import { setMaxListeners } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import got, { RequestError } from 'got';
import type { Got } from 'got';
import { InterruptedError } from '../errors.js';
import { USER_AGENT } from '../version.js';
import { ApiError, NetworkError, ResponseShapeError, errorForResponse } from './errors.js';
import { expandPath } from './endpoint.js';
import type { Endpoint, Method } from './endpoint.js';
import { DEFAULT_RETRY, parseRetryAfter } from './retry.js';
import type { RetryPolicy } from './retry.js';

export interface HttpOptions {
  baseUrl: string;
  token: string;
  /** The header that carries the token as is (GitLab: PRIVATE-TOKEN, JOB-TOKEN); default `Authorization: Bearer`. */
  tokenHeader?: string;
  /** The `Accept` header; default `application/json`. */
  accept?: string;
  /** What to do about an error, in the API's own terms (which token, which URL); none by default. */
  hint?: (error: ApiError) => string | undefined;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Called once per HTTP exchange (for --verbose and tests); never given the token. */
  onRequest?: (event: {
    method: Method;
    path: string;
    status: number | string;
    attempt: number;
    ms: number;
  }) => void;
  maxSockets?: number;
  /** Called with every response body that parsed, success or error (PactFlow reads notices from them). */
  onBody?: (body: unknown) => void;
  /**
   * Aborted on SIGINT/SIGTERM: no request or retry starts after it, back-off waits end at once and
   * reads in flight are cancelled. A write in flight is let finish, so its outcome is known.
   */
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface RequestOptions {
  params?: Record<string, string>;
  json?: unknown;
  searchParams?: Record<string, string | number | boolean>;
  /**
   * False for a read that settles a write already sent (whether it took, what it did): it runs to
   * its end even after SIGINT/SIGTERM, so the run can say what happened.
   */
  interruptible?: false;
}

/** A request with its path filled in, ready for its attempts. */
interface PreparedRequest {
  endpoint: Endpoint;
  method: Method;
  path: string;
  /** The path with its query, for messages and logs. */
  display: string;
  options: RequestOptions;
  /** What interrupts it: the run's signal, or only close() for a read that settles a write. */
  signal: AbortSignal;
  started: number;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
/** Requests and back-off waits one client may have listening for the abort at once. */
const MAX_IN_FLIGHT_LISTENERS = 1_000;

/**
 * The one place that talks HTTP, to PactFlow and to the code hosts (src/publish); it knows neither.
 * Explicit policy: JSON in and out, a request timeout, and retries
 * only where repeating cannot do harm — GET, PUT and DELETE on network errors and 429/502/503/504,
 * with exponential backoff and jitter, honouring Retry-After, bounded in attempts and time. A POST,
 * a PATCH or a PUT marked `repeatable: false` is retried only on 429 (the server refused it without
 * acting); otherwise its failure is reported with `outcomeUnknown`, and `writeOnce` re-reads before
 * anything is sent again.
 */
export class HttpClient<Table extends Record<string, Endpoint>> {
  private readonly got: Got;
  private readonly retry: RetryPolicy;
  private readonly agents: { http: http.Agent; https: https.Agent };
  private readonly endpoints: Table;
  /** Aborted by close(): reads in flight and back-off waits end, and nothing new starts. */
  private readonly closing = new AbortController();
  /** The run's signal (SIGINT/SIGTERM) or close(), whichever comes first. */
  private readonly signal: AbortSignal;

  /** `endpoints` is the table of every request this client may send (src/pactflow/endpoints.ts, …). */
  constructor(
    private readonly options: HttpOptions,
    endpoints: Table,
  ) {
    this.endpoints = endpoints;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.signal = options.signal
      ? AbortSignal.any([options.signal, this.closing.signal])
      : this.closing.signal;
    // Every read in flight listens for the abort, and pages are read a dozen or more at a time:
    // past Node's default of 10 it would print a leak warning that is not one (each listener goes
    // when its request ends).
    setMaxListeners(MAX_IN_FLIGHT_LISTENERS, this.signal);
    const maxSockets = options.maxSockets ?? 16;
    this.agents = {
      http: new http.Agent({ keepAlive: true, maxSockets }),
      https: new https.Agent({ keepAlive: true, maxSockets }),
    };
    this.got = got.extend({
      prefixUrl: options.baseUrl,
      headers: {
        accept: options.accept ?? 'application/json',
        'user-agent': USER_AGENT,
        ...(options.tokenHeader
          ? { [options.tokenHeader]: options.token }
          : { authorization: `Bearer ${options.token}` }),
      },
      timeout: { request: options.timeoutMs ?? 30_000 },
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      responseType: 'text',
      agent: this.agents,
    });
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /** Ends the client: what is still in flight (a read started and no longer wanted) ends too. */
  close(): void {
    this.closing.abort();
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** Removes the token from any text that might reach a user. */
  redact(text: string): string {
    return this.options.token ? text.split(this.options.token).join('[REDACTED]') : text;
  }

  /** Sends one request of the endpoint table (src/pactflow/endpoints.ts); nothing else can be sent. */
  async request(name: keyof Table & string, options: RequestOptions = {}): Promise<HttpResponse> {
    const req = this.prepare(this.endpoints[name]!, options);
    for (let attempt = 1; ; attempt++) {
      if (req.signal.aborted) throw interrupted(req.method, req.display);
      const result = await this.sendOnce(req, attempt);
      if (!('error' in result)) return result;
      // POST, PATCH and a PUT built from an earlier read are not repeated blindly: the caller
      // re-reads whether they took effect. 429 means the server did not act.
      const { method, repeatable } = req.endpoint;
      const blind = method === 'POST' || method === 'PATCH' || repeatable === false;
      if (!result.error.retryable || (blind && result.error.status !== 429)) throw this.scrub(result.error);
      await this.backOff(result.error, attempt, req.started, result.retryAfter, req.signal);
    }
  }

  private prepare(endpoint: Endpoint, options: RequestOptions): PreparedRequest {
    const path = expandPath(endpoint.path, options.params ?? {});
    const query = options.searchParams
      ? new URLSearchParams(
          Object.entries(options.searchParams).map(([k, v]): [string, string] => [k, String(v)]),
        ).toString()
      : '';
    return {
      endpoint,
      method: endpoint.method,
      path,
      display: query ? `${path}?${query}` : path,
      options,
      signal: options.interruptible === false ? this.closing.signal : this.signal,
      started: this.retry.now(),
    };
  }

  /** One attempt: the answer, or the error it makes (with Retry-After where the server gave one). */
  private async sendOnce(
    req: PreparedRequest,
    attempt: number,
  ): Promise<HttpResponse | { error: ApiError; retryAfter?: number | undefined }> {
    const { method, display, options, signal, endpoint } = req;
    const t0 = this.retry.now();
    const report = (status: number | string) =>
      this.options.onRequest?.({ method, path: display, status, attempt, ms: this.retry.now() - t0 });
    try {
      const response = await this.got(req.path.replace(/^\//, ''), {
        method,
        ...(options.json === undefined
          ? {}
          : endpoint.contentType
            ? { body: JSON.stringify(options.json), headers: { 'content-type': endpoint.contentType } }
            : { json: options.json }),
        ...(options.searchParams ? { searchParams: options.searchParams } : {}),
        ...(method === 'GET' ? { signal } : {}),
      });
      const body = parseBody(method, display, response.body, response.headers['content-type']);
      this.options.onBody?.(body);
      report(response.statusCode);
      if (response.statusCode >= 200 && response.statusCode < 300)
        return { status: response.statusCode, headers: response.headers, body };
      const error = errorForResponse(method, display, response.statusCode, body, endpoint.permission);
      const retryAfter = RETRYABLE_STATUS.has(response.statusCode)
        ? parseRetryAfter(headerValue(response.headers['retry-after']), this.retry.now())
        : undefined;
      return { error, retryAfter };
    } catch (error) {
      if (error instanceof ApiError) throw this.scrub(error);
      if (signal.aborted) throw interrupted(method, display);
      const code = error instanceof RequestError ? error.code : 'ERR_UNKNOWN';
      report(code);
      return { error: new NetworkError(method, display, code) };
    }
  }

  /**
   * Sends a write that must not be repeated blindly (a POST or PATCH) under the same policy as any
   * other request: when its outcome is unknown, `probe` re-reads whether it took effect, and only
   * if it did not is it sent again, after the same back-off and within the same attempts and budget.
   */
  async writeOnce<T>(send: () => Promise<T>, probe: () => Promise<{ took: T } | undefined>): Promise<T> {
    const started = this.retry.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        if (!(error instanceof ApiError) || !error.outcomeUnknown) throw error;
        const effect = await probe();
        if (effect) return effect.took;
        await this.backOff(error, attempt, started, undefined);
      }
    }
  }

  /**
   * Waits before the attempt after `attempt`: exponential back-off with jitter, or `retryAfter`.
   * Throws `outcome` instead when no attempt or time is left, and an InterruptedError when the
   * signal aborts the wait.
   */
  private async backOff(
    outcome: ApiError,
    attempt: number,
    started: number,
    retryAfter: number | undefined,
    signal: AbortSignal = this.signal,
  ): Promise<void> {
    if (attempt >= this.retry.attempts) throw this.scrub(outcome);
    const backoff = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    const delay = retryAfter ?? Math.round(backoff * (0.5 + this.retry.random() / 2));
    if (this.retry.now() + delay - started > this.retry.budgetMs) throw this.scrub(outcome);
    try {
      await this.retry.sleep(delay, signal);
    } catch {
      throw interrupted(outcome.method, outcome.path);
    }
  }

  /** Removes the token from the message and adds the API's hint. */
  private scrub(error: ApiError): ApiError {
    error.message = this.redact(error.message);
    error.hint ??= this.options.hint?.(error);
    return error;
  }
}

function interrupted(method: string, path: string): InterruptedError {
  return new InterruptedError(`interrupted before ${method} ${path} finished`);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseBody(method: string, path: string, text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (contentType && !/json/i.test(contentType)) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new ResponseShapeError(method, path, 'body is not valid JSON');
  }
}
