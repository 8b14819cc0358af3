import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parse } from 'yaml';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import type { StoreState } from '../../src/emulator/store.js';
import type { AccountsFile } from '../../src/config/types.js';
import { cli } from './run-cli.js';

export interface Harness {
  emulator: RunningEmulator;
  env: Record<string, string>;
  run(
    args: string[],
    options?: {
      env?: Record<string, string>;
      signal?: AbortSignal;
      stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
    },
  ): ReturnType<typeof cli>;
  /** Non-GET requests the emulator has seen since the last clearLog(). */
  writes(): string[];
}

export async function harness(
  options: EmulatorOptions = { seedFile: 'examples/seed.yaml' },
): Promise<Harness> {
  const emulator = await startEmulator(options);
  const env = { PACT_BROKER_BASE_URL: emulator.url, PACT_BROKER_TOKEN: emulator.adminToken };
  return {
    emulator,
    env,
    run: (args, o = {}) =>
      cli(args, {
        env: { ...env, ...o.env },
        ...(o.signal ? { signal: o.signal } : {}),
        ...(o.stdin ? { stdin: o.stdin } : {}),
      }),
    writes: () =>
      emulator
        .requests()
        .filter((r) => r.method !== 'GET')
        .map((r) => `${r.route} ${r.status}`),
  };
}

/** A system account as the emulator holds it, by name: state, role names and team names. */
export function accountsIn(
  state: StoreState,
): Map<string, { uuid: string; active: boolean; roles: string[]; teams: string[] }> {
  const roleName = new Map(state.roles.map((r) => [r.uuid, r.name]));
  return new Map(
    state.users
      .filter((u) => u.type === 1)
      .map((u) => [
        u.name,
        {
          uuid: u.uuid,
          active: u.active,
          roles: u.roles.map((r) => roleName.get(r)!).sort(),
          teams: state.teams
            .filter((t) => t.members.includes(u.uuid))
            .map((t) => t.name)
            .sort(),
        },
      ]),
  );
}

/**
 * Checks the emulator's state against a desired-state file directly — not through the planner —
 * so a planner bug cannot hide itself: state, exact roles (with Administrator) and exact teams.
 */
export function expectStateMatchesFile(state: StoreState, file: string): void {
  const desired = parse(readFileSync(file, 'utf8')) as AccountsFile;
  const live = accountsIn(state);
  for (const entry of desired.systemAccounts) {
    const account = live.get(entry.name);
    if (entry.state === 'deleted') {
      expect(account, `${entry.name} is deleted`).toBeUndefined();
      continue;
    }
    expect(account, `${entry.name} exists`).toBeDefined();
    expect(account!.active, `${entry.name} state`).toBe(entry.state !== 'disabled');
    const roles = entry.roles ?? desired.defaults?.roles;
    if (roles) {
      const wanted = new Set(roles.filter((r) => r !== 'Administrator'));
      if (entry.admin === true || roles.includes('Administrator')) wanted.add('Administrator');
      expect(account!.roles, `${entry.name} roles`).toEqual([...wanted].sort());
    } else if (entry.admin !== undefined) {
      expect(account!.roles.includes('Administrator'), `${entry.name} admin`).toBe(entry.admin);
    }
    const teams = entry.teams ?? desired.defaults?.teams;
    if (teams) expect(account!.teams, `${entry.name} teams`).toEqual([...teams].sort());
  }
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: any;
}

/** One request to an emulator, as a client would send it; `contentType` defaults to JSON when there is a body. */
export async function callEmulator(
  url: string,
  method: string,
  p: string,
  options: { token?: string; body?: unknown; contentType?: string } = {},
): Promise<RawAnswer> {
  const contentType = options.contentType ?? (options.body === undefined ? undefined : 'application/json');
  const response = await fetch(`${url}${p}`, {
    method,
    headers: {
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
      accept: 'application/hal+json, application/json',
      ...(contentType === undefined ? {} : { 'content-type': contentType }),
    },
    ...(options.body === undefined
      ? {}
      : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** Disables an account the way someone would in PactFlow's settings: a full PUT with active false. */
export async function disableInEmulator(emulator: RunningEmulator, name: string): Promise<void> {
  const user = emulator.snapshot().users.find((u) => u.name === name)!;
  const response = await fetch(`${emulator.url}/admin/users/${user.uuid}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${emulator.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ uuid: user.uuid, name: user.name, type: user.type, active: false }),
  });
  expect(response.status).toBe(200);
}
