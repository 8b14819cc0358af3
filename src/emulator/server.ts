import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from '../errors.js';
import type { Faults } from './faults.js';
import { FaultInjector, faultDefaults } from './faults.js';
import type { StoreState } from './model.js';
import type { ErrorFormat } from './problems.js';
import { HAL_JSON, Problem, listError, objectError, renderProblem } from './problems.js';
import { authenticate } from './access.js';
import { Renderer } from './render.js';
import type { Route, RouteAnswer } from './routes.js';
import { buildRoutes } from './routes.js';
import type { SeedFile } from './seed.js';
import { readSeedFile } from './seed.js';
import type { TokensByName } from './seed-state.js';
import { stateFromSeed, tokensByName } from './seed-state.js';
import { readStateFile, writeStateFile } from './state-file.js';
import { Store } from './store.js';

export type { Faults } from './faults.js';
export type { ErrorFormat } from './problems.js';

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
  /** Error bodies: `problem` (application/problem+json, the default) or `legacy`. */
  errorFormat?: ErrorFormat;
  /** `absent`: PATCH /admin/teams/{t}/users answers 404 as an unknown route (default `served`). */
  teamPatch?: 'served' | 'absent';
  /** Act as an organization moved to SmartBear API Hub: PUT /admin/users/{u} ignores `active`. */
  ignoreActive?: boolean;
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
  readonly tokens: TokensByName;
  readonly adminToken: string;
  requests(): RequestLogEntry[];
  /** Requests per route, e.g. `{"GET /admin/users": 3}`. */
  counters(): Record<string, number>;
  clearLog(): void;
  setFaults(faults: Partial<Faults>): void;
  snapshot(): StoreState;
  /** Starts again from this seed (default: the one it started from), with an empty log. */
  reset(seed?: SeedFile): void;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(listError(413, 'Request body too large'));
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
}

const mediaTypeOf = (header: string | undefined) => header?.split(';')[0]?.trim().toLowerCase() || undefined;

/** The first administrator's read/write token: what `PACT_BROKER_TOKEN` is printed as. */
function adminTokenOf(state: StoreState, tokens: TokensByName): string {
  const admin = state.users.find(
    (u) => u.type === 0 && state.roles.some((r) => r.name === 'Administrator' && u.roles.includes(r.uuid)),
  );
  return (admin && tokens[admin.name]?.readWrite) ?? '';
}

async function initialState(
  options: EmulatorOptions,
): Promise<{ seed: SeedFile; state: StoreState; tokens: TokensByName }> {
  const seed = options.seed ?? (options.seedFile ? await readSeedFile(options.seedFile) : {});
  const saved = options.stateFile ? readStateFile(options.stateFile) : undefined;
  if (saved) return { seed, state: saved, tokens: tokensByName(saved) };
  return {
    seed,
    ...stateFromSeed(seed, options.adminToken === undefined ? {} : { adminToken: options.adminToken }),
  };
}

function listen(server: http.Server, options: EmulatorOptions): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, options)));
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`http://${host}:${address.port}`);
    });
  });
}

/** A port taken or an address that is not this machine's, as a usage error; anything else as it is. */
function listenError(error: NodeJS.ErrnoException, options: EmulatorOptions): Error {
  if (error.code === 'EADDRINUSE')
    return new UsageError(
      `port ${options.port} is already in use`,
      'Pick another with --port, or 0 for any free port.',
    );
  if (['ENOTFOUND', 'EADDRNOTAVAIL', 'EAI_AGAIN', 'EINVAL'].includes(error.code ?? ''))
    return new UsageError(
      `cannot listen on ${options.host}: ${error.code}`,
      'Give an address of this machine: 127.0.0.1 (the default), or 0.0.0.0 (or ::) for every address.',
    );
  return error;
}

/** Runs one request through faults, routing, authentication and the route; never throws. */
async function answer(
  req: http.IncomingMessage,
  url: URL,
  route: Route | undefined,
  deps: { store: Store; faults: FaultInjector; errorFormat: ErrorFormat; persist: () => void },
): Promise<RouteAnswer & { contentType?: string }> {
  const headers: Record<string, string> = {};
  try {
    await deps.faults.before(headers);
    const body = await readBody(req);
    if (!route) throw objectError(404, `No route for ${req.method} ${url.pathname}`);
    const caller = authenticate(deps.store, req.headers.authorization);
    const params = route.pattern.exec(url.pathname)!.slice(1).map(decodeURIComponent);
    const mediaType = mediaTypeOf(req.headers['content-type']);
    try {
      const result = route.handle({ caller, params, query: url.searchParams, body, mediaType });
      // A save that fails (its folder gone, the disk full) is this request's 500, not the end of
      // the emulator; the change stays in memory.
      if (req.method !== 'GET' && result.status < 400) deps.persist();
      return { ...result, headers: { ...headers, ...result.headers } };
    } finally {
      // A write, even one refused half-way, may have changed what derived data was built from.
      if (req.method !== 'GET') deps.store.changed();
    }
  } catch (error) {
    const problem =
      error instanceof Problem ? error : objectError(500, `Internal error: ${(error as Error).message}`);
    const { contentType, body } = renderProblem(problem, deps.errorFormat, url.pathname);
    return { status: problem.status, body, headers, contentType };
  }
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Every request answered, in order, and a count per route. */
class RequestLog {
  readonly entries: RequestLogEntry[] = [];
  readonly counters: Record<string, number> = {};

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    this.counters[entry.route] = (this.counters[entry.route] ?? 0) + 1;
  }

  clear(): void {
    this.entries.length = 0;
    for (const key of Object.keys(this.counters)) delete this.counters[key];
  }
}

interface HandlerDeps {
  routes: Route[];
  store: Store;
  faults: FaultInjector;
  errorFormat: ErrorFormat;
  log: RequestLog;
  persist: () => void;
  onRequest: ((entry: RequestLogEntry) => void) | undefined;
}

function requestHandler(deps: HandlerDeps) {
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = req.method ?? 'GET';
    const route = deps.routes.find((r) => r.method === method && r.pattern.test(url.pathname));
    const result = await answer(req, url, route, deps);
    const text = result.body === undefined ? '' : JSON.stringify(result.body);
    res.writeHead(result.status, {
      ...result.headers,
      ...(text ? { 'content-type': result.contentType ?? HAL_JSON } : {}),
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
    const entry = {
      method,
      path: url.pathname + url.search,
      route: route ? `${method} ${route.template}` : `${method} (unknown)`,
      status: result.status,
      ms: Math.round(performance.now() - started),
    };
    deps.log.record(entry);
    deps.onRequest?.(entry);
  };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const faults = new FaultInjector(faultDefaults(options), options.faultSeed ?? 1);
  const initial = await initialState(options);
  const adminOption = options.adminToken === undefined ? {} : { adminToken: options.adminToken };
  let tokens = initial.tokens;
  let adminToken = adminTokenOf(initial.state, tokens);
  let baseUrl = '';
  const store = new Store(initial.state);
  const render = new Renderer(store, () => baseUrl);
  const routes = buildRoutes({
    store,
    render,
    maxPageSize: () => faults.faults.maxPageSize,
    behaviour: { teamPatch: options.teamPatch ?? 'served', ignoreActive: options.ignoreActive ?? false },
  });
  const persist = () => options.stateFile && writeStateFile(options.stateFile, store.snapshot());
  persist();
  const log = new RequestLog();
  const errorFormat = options.errorFormat ?? 'problem';
  const handle = requestHandler({
    routes,
    store,
    faults,
    errorFormat,
    log,
    persist,
    onRequest: options.onRequest,
  });
  const server = http.createServer({ keepAliveTimeout: 5_000 }, (req, res) => void handle(req, res));
  baseUrl = await listen(server, options);

  return {
    url: baseUrl,
    get tokens() {
      return tokens;
    },
    get adminToken() {
      return adminToken;
    },
    requests: () => [...log.entries],
    counters: () => ({ ...log.counters }),
    clearLog: () => log.clear(),
    setFaults: (next) => Object.assign(faults.faults, next),
    snapshot: () => store.snapshot(),
    reset: (seed = initial.seed) => {
      const fresh = stateFromSeed(seed, adminOption);
      store.load(fresh.state);
      tokens = fresh.tokens;
      adminToken = adminTokenOf(fresh.state, tokens);
      log.clear();
      persist();
    },
    close: () => closeServer(server),
  };
}
