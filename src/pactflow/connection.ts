import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';

export interface Connection {
  /** Without a trailing slash. */
  baseUrl: string;
  token: string;
  /** Set when --allow-insecure-http let a plain-http, non-loopback URL through: say so on stderr. */
  insecureWarning?: string;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/**
 * Checks a base URL: https, except for loopback hosts (the emulator, a local proxy) and, with an
 * explicit opt-in, a plain-http host the caller vouches for (a compose service, an internal host).
 */
export function normalizeBaseUrl(
  raw: string,
  source: string,
  options: { allowInsecureHttp?: boolean } = {},
): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(
      `${source} is not a URL: "${raw}"`,
      'Use the address of your PactFlow, e.g. https://your-org.pactflow.io',
    );
  }
  if (url.username || url.password) {
    throw new UsageError(
      `${source} must not carry credentials`,
      'Give the token with --token-file PATH or PACT_BROKER_TOKEN instead.',
    );
  }
  // `${baseUrl}/admin/users` would land in the query or the fragment: the server would see `GET /`.
  const cut = url.href.search(/[?#]/);
  if (cut >= 0) {
    const mark = url.href[cut]!;
    throw new UsageError(
      `${source} must not have ${mark === '?' ? 'a query string' : 'a fragment'} (the part from "${mark}" on)`,
      `Remove everything from "${mark}" on, to give the address of your PactFlow alone: ${url.href.slice(0, cut).replace(/\/+$/, '')}`,
    );
  }
  const plainAllowed = isLoopbackHost(url.hostname) || options.allowInsecureHttp === true;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && plainAllowed)) {
    throw new UsageError(
      `${source} must use https:// (got ${url.protocol}//${url.host})`,
      'Plain http is allowed for loopback hosts (localhost, 127.0.0.1, [::1]), such as the bundled emulator; for another host you trust (a compose service, an internal server), pass --allow-insecure-http.',
    );
  }
  return url.href.replace(/\/+$/, '');
}

/** Base URL from --base-url or PACT_BROKER_BASE_URL; token from --token-file or PACT_BROKER_TOKEN. */
export async function resolveConnection(
  flags: {
    baseUrl?: string | undefined;
    tokenFile?: string | undefined;
    allowInsecureHttp?: boolean | undefined;
  },
  env: Record<string, string | undefined>,
): Promise<Connection> {
  const rawUrl = flags.baseUrl ?? env.PACT_BROKER_BASE_URL;
  if (!rawUrl) {
    throw new UsageError(
      'no PactFlow base URL',
      'Pass --base-url https://your-org.pactflow.io or set PACT_BROKER_BASE_URL.',
    );
  }
  const baseUrl = normalizeBaseUrl(rawUrl, flags.baseUrl ? '--base-url' : 'PACT_BROKER_BASE_URL', {
    allowInsecureHttp: flags.allowInsecureHttp === true,
  });
  const host = new URL(baseUrl).hostname;
  const insecureWarning =
    baseUrl.startsWith('http:') && !isLoopbackHost(host)
      ? `warning: --allow-insecure-http: the token travels unencrypted to ${host}; use this only inside a network you trust`
      : undefined;

  const token = await readToken(flags.tokenFile, env);
  checkTokenCharacters(token, flags.tokenFile ? `--token-file ${flags.tokenFile}` : 'PACT_BROKER_TOKEN');
  return { baseUrl, token, ...(insecureWarning ? { insecureWarning } : {}) };
}

/** The token from --token-file (a path the caller has resolved) or PACT_BROKER_TOKEN, trimmed. */
async function readToken(
  tokenFile: string | undefined,
  env: Record<string, string | undefined>,
): Promise<string> {
  let token: string | undefined;
  if (tokenFile) {
    try {
      token = (await readFile(tokenFile, 'utf8')).trim();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        `cannot read --token-file ${tokenFile} (${code ?? 'error'})`,
        'Give the path of a file that holds only the token.',
      );
    }
    if (!token)
      throw new UsageError(`--token-file ${tokenFile} is empty`, 'Put the PactFlow API token in the file.');
  } else {
    token = env.PACT_BROKER_TOKEN?.trim();
  }
  if (!token) {
    throw new UsageError(
      'no PactFlow API token',
      'Pass --token-file PATH (a file holding the token) or set PACT_BROKER_TOKEN. Use the "Read/write token (CI)" for apply.',
    );
  }
  return token;
}

/** What Node lets into an HTTP header value: tab, printable ASCII and Latin-1 (RFC 9110 field-vchar, obs-text). */
const HEADER_VALUE_CHARACTER = /^[\t\x20-\x7e\x80-\xff]$/;

/**
 * A token HTTP cannot carry in its Authorization header (a line break from a pasted secret, a
 * typographic quote) is refused here, by position, rather than failing every request as a
 * "network error". The token itself is never shown.
 */
export function checkTokenCharacters(token: string, source: string): void {
  const characters = Array.from(token);
  const at = characters.findIndex((ch) => !HEADER_VALUE_CHARACTER.test(ch));
  if (at < 0) return;
  const ch = characters[at]!;
  const what = /[\r\n]/.test(ch)
    ? 'a line break'
    : `${ch.codePointAt(0)! < 0x100 ? 'a control character' : 'a character outside Latin-1'} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
  throw new UsageError(
    `the API token from ${source} has ${what} at character ${at + 1} (leading blanks not counted), which an HTTP header cannot carry`,
    'Check the secret: it must hold the PactFlow API token alone, on one line; copy it again from PactFlow if need be.',
  );
}
