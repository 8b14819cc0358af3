import { HttpClient } from '../http/client.js';
import type { HttpOptions } from '../http/client.js';
import { ENDPOINTS } from './endpoints.js';
import { pactflowHint } from './hints.js';

/** HAL JSON, with problem details (RFC 9457) opted in for errors, and plain JSON last. */
export const PACTFLOW_ACCEPT = 'application/hal+json, application/problem+json, application/json';

export interface PactflowOptions extends HttpOptions {
  /** Called once per distinct deprecation notice PactFlow's answers carry, so a run warns once. */
  onNotice?: (notice: string) => void;
}

/** An HTTP client for PactFlow: its endpoint table, its Accept header, its hints and its notices. */
export function pactflowHttp(options: PactflowOptions): HttpClient<typeof ENDPOINTS> {
  const { onNotice, ...http } = options;
  const seen = new Set<string>();
  return new HttpClient(
    {
      accept: PACTFLOW_ACCEPT,
      hint: pactflowHint,
      ...http,
      ...(onNotice
        ? {
            onBody: (body: unknown) => {
              const notice = deprecationNotice(body);
              if (notice === undefined || seen.has(notice)) return;
              seen.add(notice);
              onNotice(options.token ? notice.split(options.token).join('[REDACTED]') : notice);
            },
          }
        : {}),
    },
    ENDPOINTS,
  );
}

/**
 * PactFlow's API portal says deprecation notices appear in the `title` of HAL resources: the
 * resource's own `title`, or its self link's. Only a title that speaks of deprecation is one.
 */
export function deprecationNotice(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const b = body as { title?: unknown; _links?: { self?: { title?: unknown } } };
  for (const title of [b.title, b._links?.self?.title])
    if (typeof title === 'string' && /deprecat/i.test(title)) return title.trim().slice(0, 300);
  return undefined;
}
