/** An HTTP method this client sends. */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/**
 * One request a client may send: method, path template and, for messages, the permission the
 * server checks. Each API keeps its own table of these (src/pactflow/endpoints.ts,
 * src/publish/github.ts, src/publish/gitlab.ts); HttpClient sends only what its table lists.
 */
export interface Endpoint {
  method: Method;
  /** `{name}` segments are filled from the request's params, URI-encoded. */
  path: string;
  /** The permission the server requires, named in a 403 message. */
  permission: string;
  /** Request media type when it is not application/json. */
  contentType?: string;
  /**
   * False for a PUT that must not be repeated blindly: it was built from a read that a repeat
   * would not re-take (a team's whole member list). Sent through `writeOnce`, which re-reads.
   */
  repeatable?: false;
}

/** The path with its `{name}` segments filled in; a missing param is a programming error. */
export function expandPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}
