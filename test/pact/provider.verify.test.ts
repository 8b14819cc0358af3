import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import { ProviderStates } from './provider-states.js';

/**
 * The emulator verified against the consumer contract the client is tested to: every interaction
 * of the committed pact is replayed against a real emulator on loopback, each from a clean state
 * its provider states seed, with the token those states ask for.
 */

/** Where Pact JS's verifier proxy receives provider-state changes (not part of the replayed API). */
const STATE_SETUP_PATH = '/_pactSetup';
const PACT = path.resolve('pacts/pactflow-accounts-pactflow.json');

/** The part of the verifier proxy's (Express) request this filter uses. */
interface ProxiedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: {} });
});
afterAll(async () => emulator?.close());

it('the emulator honours every interaction of the committed pact', async () => {
  const pact = JSON.parse(readFileSync(PACT, 'utf8')) as {
    interactions: { providerStates?: { name: string }[] }[];
  };
  expect(pact.interactions.length).toBeGreaterThan(0);
  const states = new ProviderStates(emulator);
  const handlers = states.handlers();
  const used = new Set(pact.interactions.flatMap((i) => (i.providerStates ?? []).map((s) => s.name)));
  // A state without a handler would be verified against whatever state came before it.
  expect([...used].filter((name) => !(name in handlers))).toEqual([]);

  const output = await new Verifier({
    provider: 'pactflow',
    providerBaseUrl: emulator.url,
    pactUrls: [PACT],
    stateHandlers: handlers,
    requestFilter: (req: ProxiedRequest, _res: unknown, next: (error?: unknown) => void) => {
      // The verifier's own state-change calls pass through this filter too; only replayed requests get a token.
      if (req.path === STATE_SETUP_PATH) return next();
      void states.beforeRequest().then(() => {
        req.headers.authorization = states.authorization();
        next();
      }, next);
    },
    logLevel: 'warn',
  }).verifyProvider();
  expect(output).toBeDefined();
}, 120_000);
