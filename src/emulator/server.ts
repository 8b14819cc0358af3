import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../util/atomic-write.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from '../errors.js';
import type { SeedFile } from './seed.js';
import { readSeedFile } from './seed.js';
import type { Caller, StoreState, StoredTeam, StoredUser } from './store.js';
import { Problem, Store, fieldError, listError, objectError, stateFromSeed } from './store.js';

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

export interface EmulatorOptions extends Partial<Faults> {
  port?: number;
  host?: string;
  seed?: SeedFile;
  seedFile?: string;
  /** Load from and persist to this file, atomically, after every write. */
  stateFile?: string;
  /** The read/write token of the first administrator (default: random). */
  adminToken?: string;
  /** Seed of the fault generator. */
  faultSeed?: number;
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  route: string;
  status: number;
  ms: number;
}

export interface RunningEmulator {
  url: string;
  /** Tokens by user name; `adminToken` is the first administrator's read/write token. */
  tokens: Record<string, { readWrite: string; readOnly: string }>;
  adminToken: string;
  requests(): RequestLogEntry[];
  /** Requests per route, e.g. `{"GET /admin/users": 3}`. */
  counters(): Record<string, number>;
  clearLog(): void;
  setFaults(faults: Partial<Faults>): void;
  snapshot(): StoreState;
  close(): Promise<void>;
}

type Handler = (ctx: { caller: Caller; params: string[]; query: URLSearchParams; body: unknown }) => {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
};

const U = '([^/]+)';
const HAL = 'application/hal+json;charset=utf-8';

/** mulberry32: small, seeded, good enough for fault injection. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const faults: Faults = {
    latencyMs: options.latencyMs ?? 0,
    failRate: options.failRate ?? 0,
    rateLimit: options.rateLimit ?? 0,
    maxPageSize: options.maxPageSize ?? 100,
  };
  const random = seededRandom(options.faultSeed ?? 1);
  let baseUrl = '';

  let initial: StoreState;
  let tokens: RunningEmulator['tokens'];
  if (options.stateFile && existsSync(options.stateFile)) {
    try {
      initial = JSON.parse(readFileSync(options.stateFile, 'utf8')) as StoreState;
      const lists = ['users', 'deleted', 'teams', 'roles', 'tokens'] as const;
      const missing = lists.filter(
        (key) => !Array.isArray((initial as unknown as Record<string, unknown>)[key]),
      );
      if (missing.length) throw new Error(`not an emulator state file (no ${missing.join(', ')})`);
    } catch (error) {
      throw new UsageError(
        `cannot load emulator state from ${options.stateFile}: ${(error as Error).message}`,
        'Delete the file to start again from the seed.',
      );
    }
    tokens = {};
    for (const t of initial.tokens) {
      const user = initial.users.find((u) => u.uuid === t.userUuid);
      if (!user) continue;
      tokens[user.name] ??= { readWrite: '', readOnly: '' };
      tokens[user.name]![t.readOnly ? 'readOnly' : 'readWrite'] = t.value;
    }
  } else {
    const seed = options.seed ?? (options.seedFile ? await readSeedFile(options.seedFile) : {});
    ({ state: initial, tokens } = stateFromSeed(
      seed,
      options.adminToken === undefined ? {} : { adminToken: options.adminToken },
    ));
  }
  const store = new Store(initial, () => baseUrl);
  const persist = () =>
    options.stateFile && writeFileAtomic(options.stateFile, JSON.stringify(store.snapshot(), null, 2));
  persist();

  const adminUser = initial.users.find(
    (u) => u.type === 0 && initial.roles.some((r) => r.name === 'Administrator' && u.roles.includes(r.uuid)),
  );
  const adminToken = (adminUser && tokens[adminUser.name]?.readWrite) ?? '';

  const log: RequestLogEntry[] = [];
  const counters: Record<string, number> = {};
  let rateWindow = { start: 0, count: 0 };

  const paged = <T>(
    items: T[],
    query: URLSearchParams,
    path: string,
    key: string,
    render: (item: T) => unknown,
  ) => {
    const number = (name: string, legacy: string, fallback: number) => {
      const raw = query.get(name) ?? query.get(legacy);
      if (raw === null) return fallback;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1) throw fieldError(400, name, 'must be a whole number greater than 0');
      return n;
    };
    const page = number('page', 'pageNumber', 1);
    const size = Math.min(number('size', 'pageSize', faults.maxPageSize), faults.maxPageSize);
    const totalPages = Math.ceil(items.length / size);
    const href = (p: number) => {
      const q = new URLSearchParams(query);
      q.delete('pageNumber');
      q.delete('pageSize');
      q.set('page', String(p));
      q.set('size', String(size));
      return `${baseUrl}${path}?${q.toString()}`;
    };
    return {
      [key]: items.slice((page - 1) * size, page * size).map(render),
      page: { number: page, size, totalElements: items.length, totalPages },
      _links: {
        self: { href: href(page), title: key },
        ...(page < totalPages ? { next: { href: href(page + 1), title: 'Next page' } } : {}),
        ...(page > 1 ? { previous: { href: href(page - 1), title: 'Previous page' } } : {}),
      },
    };
  };

  const bool = (value: string | null) => (value === null ? undefined : value === 'true');
  const user = (u: StoredUser) => store.renderUser(u);
  /** What every team-member write answers: the team's members after the change. */
  const members = (team: StoredTeam) => ({
    status: 200,
    body: { _embedded: { users: store.teamMembers(team).map(user) } },
  });

  const routes: [string, RegExp, string, Handler][] = [
    ['GET', /^\/user$/, '/user', ({ caller }) => ({ status: 200, body: user(caller.user) })],
    [
      'GET',
      /^\/admin\/users$/,
      '/admin/users',
      ({ caller, query }) => {
        store.requireRead(caller);
        const userType = query.get('userType');
        if (userType !== null && userType !== '0' && userType !== '1')
          throw fieldError(400, 'userType', 'must be 0 or 1');
        const q = query.get('q');
        const active = bool(query.get('active'));
        const users = store.listUsers({
          ...(userType === null ? {} : { userType: Number(userType) }),
          ...(active === undefined ? {} : { active }),
          ...(q === null ? {} : { q }),
        });
        return { status: 200, body: paged(users, query, '/admin/users', 'users', user) };
      },
    ],
    [
      'GET',
      new RegExp(`^/admin/users/${U}$`),
      '/admin/users/{u}',
      ({ caller, params }) => (
        store.requireRead(caller),
        { status: 200, body: user(store.user(params[0]!)) }
      ),
    ],
    [
      'PUT',
      new RegExp(`^/admin/users/${U}$`),
      '/admin/users/{u}',
      ({ caller, params, body }) => ({ status: 200, body: user(store.updateUser(caller, params[0]!, body)) }),
    ],
    [
      'DELETE',
      new RegExp(`^/admin/users/${U}$`),
      '/admin/users/{u}',
      ({ caller, params }) => (store.deleteUser(caller, params[0]!), { status: 204 }),
    ],
    [
      'PUT',
      new RegExp(`^/admin/users/${U}/roles$`),
      '/admin/users/{u}/roles',
      ({ caller, params, body }) => (store.setRoles(caller, params[0]!, body), { status: 204 }),
    ],
    [
      'PUT',
      new RegExp(`^/admin/users/${U}/roles/${U}$`),
      '/admin/users/{u}/roles/{r}',
      ({ caller, params }) => (store.addRole(caller, params[0]!, params[1]!), { status: 204 }),
    ],
    [
      'DELETE',
      new RegExp(`^/admin/users/${U}/roles/${U}$`),
      '/admin/users/{u}/roles/{r}',
      ({ caller, params }) => (store.removeRole(caller, params[0]!, params[1]!), { status: 204 }),
    ],
    [
      'POST',
      /^\/admin\/system-accounts$/,
      '/admin/system-accounts',
      ({ caller, body }) => {
        const created = store.createSystemAccount(caller, body);
        return {
          status: 201,
          body: user(created),
          headers: { location: `${baseUrl}/admin/system-accounts/${created.uuid}` },
        };
      },
    ],
    [
      'GET',
      new RegExp(`^/admin/system-accounts/${U}/tokens$`),
      '/admin/system-accounts/{u}/tokens',
      ({ caller, params }) => {
        store.requireRead(caller);
        const account = store.user(params[0]!);
        if (account.type !== 1) throw objectError(404, `System account ${account.uuid} not found`);
        const items = store.tokensOf(account).map((t) => ({
          uuid: t.uuid,
          description: t.readOnly ? 'Read only token (developer)' : 'Read/write token (CI)',
        }));
        return { status: 200, body: { _embedded: { items } } };
      },
    ],
    [
      'GET',
      /^\/admin\/roles$/,
      '/admin/roles',
      ({ caller }) => (
        store.requireRead(caller),
        {
          status: 200,
          body: {
            _embedded: { roles: store.listRoles().map((r) => store.renderRole(r)) },
            _links: { self: { href: `${baseUrl}/admin/roles`, title: 'Roles' } },
          },
        }
      ),
    ],
    [
      'GET',
      /^\/admin\/permissions$/,
      '/admin/permissions',
      ({ caller }) => {
        store.requireRead(caller);
        const scopes = [...new Set(store.listRoles().flatMap((r) => r.permissions))].sort();
        return {
          status: 200,
          body: { permissions: scopes.map((scope) => ({ scope, label: scope, group: scope.split(':')[0] })) },
        };
      },
    ],
    [
      'GET',
      /^\/admin\/teams$/,
      '/admin/teams',
      ({ caller, query }) => (
        store.requireRead(caller),
        {
          status: 200,
          body: paged(store.listTeams(), query, '/admin/teams', 'teams', (t) => store.renderTeam(t)),
        }
      ),
    ],
    [
      'GET',
      new RegExp(`^/admin/teams/${U}/users$`),
      '/admin/teams/{t}/users',
      ({ caller, params }) => (
        store.requireRead(caller),
        { status: 200, body: { _embedded: { users: store.teamMembers(store.team(params[0]!)).map(user) } } }
      ),
    ],
    [
      'POST',
      new RegExp(`^/admin/teams/${U}/users$`),
      '/admin/teams/{t}/users',
      ({ caller, params, body }) => members(store.addMembers(caller, params[0]!, body)),
    ],
    [
      'PUT',
      new RegExp(`^/admin/teams/${U}/users$`),
      '/admin/teams/{t}/users',
      ({ caller, params, body }) => members(store.replaceMembers(caller, params[0]!, body)),
    ],
    [
      'PATCH',
      new RegExp(`^/admin/teams/${U}/users$`),
      '/admin/teams/{t}/users',
      ({ caller, params, body }) => members(store.patchMembers(caller, params[0]!, body)),
    ],
    [
      'DELETE',
      new RegExp(`^/admin/teams/${U}/users/${U}$`),
      '/admin/teams/{t}/users/{u}',
      ({ caller, params }) => (store.removeMember(caller, params[0]!, params[1]!), { status: 204 }),
    ],
  ];

  const readBody = (req: http.IncomingMessage): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > 1024 * 1024) reject(listError(413, 'Request body too large'));
        else chunks.push(chunk);
      });
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (text.trim() === '') return resolve(undefined);
        try {
          resolve(JSON.parse(text));
        } catch {
          reject(listError(400, 'Request body is not valid JSON'));
        }
      });
      req.on('error', reject);
    });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = req.method ?? 'GET';
    const match = routes.find(([m, re]) => m === method && re.test(url.pathname));
    const route = match ? `${method} ${match[2]}` : `${method} (unknown)`;
    let status = 500;
    let body: unknown;
    let headers: Record<string, string> = {};
    try {
      if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
      if (faults.rateLimit > 0) {
        const now = Date.now();
        if (now - rateWindow.start >= 1000) rateWindow = { start: now, count: 0 };
        if (++rateWindow.count > faults.rateLimit) {
          headers['retry-after'] = String(Math.max(1, Math.ceil((rateWindow.start + 1000 - now) / 1000)));
          throw objectError(429, 'Too many requests');
        }
      }
      if (faults.failRate > 0 && random() < faults.failRate)
        throw objectError(503, 'Service temporarily unavailable (injected fault)');
      const requestBody = await readBody(req);
      if (!match) {
        const known = routes.some(([, re]) => re.test(url.pathname));
        throw known
          ? listError(405, `Method ${method} not allowed on ${url.pathname}`)
          : objectError(404, `No route for ${url.pathname}`);
      }
      const caller = store.authenticate(req.headers.authorization);
      const params = match[1].exec(url.pathname)!.slice(1).map(decodeURIComponent);
      const result = match[3]({ caller, params, query: url.searchParams, body: requestBody });
      status = result.status;
      body = result.body;
      headers = { ...headers, ...result.headers };
      if (method !== 'GET') persist();
    } catch (error) {
      if (error instanceof Problem) {
        status = error.status;
        body = error.body;
      } else {
        status = 500;
        body = {
          error: {
            message: `Internal error: ${(error as Error).message}`,
            reference: randomUUID().slice(0, 8),
          },
        };
      }
    }
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      ...headers,
      ...(text ? { 'content-type': HAL } : {}),
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
    const entry = {
      method,
      path: url.pathname + url.search,
      route,
      status,
      ms: Math.round(performance.now() - started),
    };
    log.push(entry);
    counters[route] = (counters[route] ?? 0) + 1;
    options.onRequest?.(entry);
  };

  const server = http.createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new UsageError(
              `port ${options.port} is already in use`,
              'Pick another with --port, or 0 for any free port.',
            )
          : error,
      ),
    );
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;

  return {
    url: baseUrl,
    tokens,
    adminToken,
    requests: () => [...log],
    counters: () => ({ ...counters }),
    clearLog: () => {
      log.length = 0;
      for (const key of Object.keys(counters)) delete counters[key];
    },
    setFaults: (next) => Object.assign(faults, next),
    snapshot: () => store.snapshot(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
