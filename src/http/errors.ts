import { ToolError } from '../errors.js';
import { visible } from '../render/escape.js';

/**
 * Errors from an HTTP API, by what happened, in words that fit any API. Messages name the method
 * and path, never the token; `retryable` says whether the HTTP layer may try again,
 * `outcomeUnknown` that a write may have taken effect. What to do about one (the hint) depends on
 * the API: each client gives HttpClient its own `hint` (src/pactflow/hints.ts, src/publish/host.ts).
 */
export class ApiError extends ToolError {
  retryable = false;
  /** A write whose effect is unknown (timeout, 5xx, connection reset): re-read before re-sending. */
  outcomeUnknown = false;
  /** Set by the HttpClient that met the error, from its API's hints. */
  declare hint?: string | undefined;
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number | undefined,
    message: string,
    hint?: string,
  ) {
    super(`${method} ${path}: ${message}`, hint);
  }
}

export class UnauthorizedError extends ApiError {
  constructor(method: string, path: string, detail: string) {
    super(method, path, 401, `401 Unauthorized${detail}`);
  }
}

export class ForbiddenError extends ApiError {
  constructor(
    method: string,
    path: string,
    detail: string,
    /** The scope the refused endpoint needs (from the endpoint table). */
    readonly permission?: string,
  ) {
    super(method, path, 403, `403 Forbidden${detail}`);
  }
}

export class NotFoundError extends ApiError {
  constructor(method: string, path: string, detail: string) {
    super(method, path, 404, `404 Not Found${detail}`);
  }
}

export class GoneError extends ApiError {
  constructor(method: string, path: string, detail: string) {
    super(method, path, 410, `410 Gone${detail}`);
  }
}

/** 400/409/422: the request was refused; `messages` holds every field message the server sent. */
export class ValidationError extends ApiError {
  constructor(
    method: string,
    path: string,
    status: number,
    readonly messages: string[],
  ) {
    super(method, path, status, `${status} ${messages.length ? messages.join('; ') : 'request refused'}`);
  }
}

export class RateLimitedError extends ApiError {
  override retryable = true;
  constructor(method: string, path: string, detail: string) {
    super(method, path, 429, `429 Too Many Requests${detail}`);
  }
}

export class ServerError extends ApiError {
  constructor(
    method: string,
    path: string,
    status: number,
    detail: string,
    readonly reference?: string,
  ) {
    super(
      method,
      path,
      status,
      `${status} server error${detail}${reference ? ` (PactFlow reference ${reference})` : ''}`,
    );
    this.retryable = [502, 503, 504].includes(status);
    // 501 Not Implemented: the server does not serve this method here, so nothing was done.
    this.outcomeUnknown = method !== 'GET' && status !== 501;
  }
}

export class NetworkError extends ApiError {
  override retryable = true;
  constructor(
    method: string,
    path: string,
    /** The socket's error code, e.g. ECONNREFUSED. */
    readonly code: string,
  ) {
    super(method, path, undefined, `network error (${code})`);
    this.outcomeUnknown = method !== 'GET';
  }
}

/** The server answered with a body this client does not understand: refuse rather than guess. */
export class ResponseShapeError extends ApiError {
  constructor(method: string, path: string, problem: string, hint?: string) {
    super(method, path, undefined, `unexpected response: ${problem}`, hint);
  }
}

/** Text of any error value: never `[object Object]`. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const v = value as { detail?: unknown; message?: unknown; title?: unknown };
    for (const key of [v.detail, v.message, v.title]) if (typeof key === 'string' && key !== '') return key;
    return JSON.stringify(value);
  }
  return String(value);
}

/** One `errors[]` entry of a problem document: its detail, prefixed by the pointer it names. */
function problemEntry(value: unknown): string {
  const pointer = (value as { pointer?: unknown } | null)?.pointer;
  const text = textOf(value);
  return typeof pointer === 'string' && pointer !== '' ? `${pointer}: ${text}` : text;
}

/**
 * Every message shape PactFlow (and the code hosts) use in error bodies, flattened to readable strings:
 * `application/problem+json` (`detail`, else `title`, then each `errors[].detail` with its
 * `pointer`), and the three legacy shapes (`errors` as a field map or a list, `error` object).
 */
export function errorMessages(body: unknown): { messages: string[]; reference?: string } {
  if (body === null || typeof body !== 'object')
    return { messages: typeof body === 'string' && body.trim() ? [body.trim().slice(0, 300)] : [] };
  const b = body as { errors?: unknown; error?: unknown; title?: unknown; detail?: unknown };
  const problem =
    typeof b.title === 'string' || typeof b.detail === 'string'
      ? [textOf(typeof b.detail === 'string' && b.detail !== '' ? b.detail : b.title)]
      : [];
  if (Array.isArray(b.errors))
    return { messages: [...problem, ...b.errors.map(problemEntry)].filter((m) => m !== '') };
  if (b.errors && typeof b.errors === 'object') {
    return {
      messages: Object.entries(b.errors as Record<string, unknown>).flatMap(([field, value]) =>
        (Array.isArray(value) ? value : [value]).map((m) => `${field}: ${textOf(m)}`),
      ),
    };
  }
  if (b.error && typeof b.error === 'object') {
    const e = b.error as { message?: unknown; reference?: unknown };
    return {
      messages: e.message === undefined ? [textOf(b.error)] : [textOf(e.message)],
      ...(typeof e.reference === 'string' ? { reference: e.reference } : {}),
    };
  }
  if (typeof b.error === 'string') return { messages: [b.error] };
  return { messages: problem };
}

export function errorForResponse(
  method: string,
  path: string,
  status: number,
  body: unknown,
  permission?: string,
): ApiError {
  // A server's words reach terminals, CI logs and comments: no control character, ESC, CR or
  // bidirectional override gets through as itself.
  const found = errorMessages(body);
  const messages = found.messages.map(visible);
  const reference = found.reference === undefined ? undefined : visible(found.reference);
  const detail = messages.length ? `: ${messages.join('; ')}` : '';
  switch (status) {
    case 401:
      return new UnauthorizedError(method, path, detail);
    case 403:
      return new ForbiddenError(method, path, detail, permission);
    case 404:
      return new NotFoundError(method, path, detail);
    case 410:
      return new GoneError(method, path, detail);
    case 429:
      return new RateLimitedError(method, path, detail);
    case 400:
    case 409:
    case 422:
      return new ValidationError(method, path, status, messages);
    default:
      return status >= 500
        ? new ServerError(method, path, status, detail, reference)
        : new ApiError(method, path, status, `unexpected status ${status}${detail}`);
  }
}
