import type { SeedFile } from './emulator/seed.js';

/** What a program's tests give the emulator: where it listens, and the organization it starts as. */
export interface EmulatorOptions {
  /** Default: a free port. */
  port?: number;
  /** Default: 127.0.0.1. */
  host?: string;
  seed?: SeedFile;
  /** A seed file (YAML), e.g. examples/seed.yaml; `seed` wins when both are given. */
  seedFile?: string;
  /** The first administrator's read/write token, when the seed gives it none (default: random). */
  adminToken?: string;
}

/** A running emulator: a PactFlow-compatible admin API on loopback, its state in memory. */
export interface Emulator {
  /** e.g. `http://127.0.0.1:41234`: the base URL to connect to. */
  readonly url: string;
  /** The first administrator's read/write token. */
  readonly adminToken: string;
  /** Every seeded user's tokens, by user name. */
  readonly tokens: Record<string, { readWrite: string; readOnly: string }>;
  close(): Promise<void>;
}

/**
 * Starts the bundled PactFlow emulator, for a program's tests. It is loaded here, not when the
 * library is imported: a program that never starts one does not pay for its server and YAML parser.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = await import('./emulator/server.js');
  return emulator.startEmulator(options);
}
