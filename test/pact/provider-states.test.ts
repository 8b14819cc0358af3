import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import { callEmulator } from '../helpers/emulator.js';
import { ProviderStates, TOKENS } from './provider-states.js';

const ACCOUNT = '5b1a6a9e-3f3c-4b2e-9d7f-0a1b2c3d4e5f';
const TEAM = '7c2b7b0f-4a4d-4c3f-8e80-1b2c3d4e5f60';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: {} });
});
afterAll(async () => emulator?.close());

const accounts = () => emulator.snapshot().users.filter((u) => u.type === 1);

it('states of one interaction add up; the next interaction starts from the base again', async () => {
  const states = new ProviderStates(emulator);
  const on = states.handlers();
  await on['a system account exists']!({
    uuid: ACCOUNT,
    name: 'ci-a',
    email: 'a@example.com',
    active: false,
  });
  await on['a system account is a member of a team']!({ accountUuid: ACCOUNT, teamUuid: TEAM });
  await on['the token is read-only']!();
  await states.beforeRequest();
  expect(accounts()).toMatchObject([{ uuid: ACCOUNT, name: 'ci-a', email: 'a@example.com', active: false }]);
  expect(emulator.snapshot().teams.find((t) => t.uuid === TEAM)!.members).toEqual([ACCOUNT]);
  expect(states.authorization()).toBe(`Bearer ${TOKENS.adminReadOnly}`);

  await states.beforeRequest(); // an interaction without provider states
  expect(accounts()).toEqual([]);
  expect(emulator.snapshot().teams).toEqual([]);
  expect(states.authorization()).toBe(`Bearer ${TOKENS.admin}`);
});

it('a deleted account answers 410; the tokens the states name are what the emulator knows', async () => {
  const states = new ProviderStates(emulator);
  const on = states.handlers();
  await on['a system account was deleted']!({ uuid: ACCOUNT });
  await on['the token lacks system_account:manage']!();
  await states.beforeRequest();
  expect(
    (await callEmulator(emulator.url, 'GET', `/admin/users/${ACCOUNT}`, { token: TOKENS.admin })).status,
  ).toBe(410);
  expect(emulator.requests()).toHaveLength(1); // the deletion the state made is not in the log
  const reader = await callEmulator(emulator.url, 'GET', '/user', { token: TOKENS.reader });
  expect(reader.body.name).toBe('reader');
  const write = await callEmulator(emulator.url, 'POST', '/admin/system-accounts', {
    token: TOKENS.reader,
    body: { name: 'ci-new' },
  });
  expect(write.status).toBe(403);
  await on['the token is missing or invalid']!();
  await states.beforeRequest();
  expect((await callEmulator(emulator.url, 'GET', '/user', { token: TOKENS.invalid })).status).toBe(401);
});

it('a role exists: a built-in name takes the uuid given, a new name is a custom role', async () => {
  const states = new ProviderStates(emulator);
  const on = states.handlers();
  await on['a role exists']!({ uuid: '9d3c8c1a-5b5e-4d40-9f91-2c3d4e5f6071', name: 'CI/CD' });
  await on['a role exists']!({ uuid: '0e4d9d2b-6c6f-4e51-a0a2-3d4e5f607182', name: 'Publisher' });
  await states.beforeRequest();
  const roles = emulator.snapshot().roles;
  expect(roles.find((r) => r.name === 'CI/CD')).toMatchObject({
    uuid: '9d3c8c1a-5b5e-4d40-9f91-2c3d4e5f6071',
    systemDefined: true,
  });
  expect(roles.find((r) => r.name === 'Publisher')).toMatchObject({ systemDefined: false, permissions: [] });
});
