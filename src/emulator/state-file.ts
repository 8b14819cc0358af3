import { existsSync, readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { StoreState } from './model.js';

/** The state saved by `--state`, or undefined when the file does not exist yet. */
export function readStateFile(file: string): StoreState | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as StoreState;
    const lists = ['users', 'deleted', 'teams', 'roles', 'tokens'] as const;
    const missing = lists.filter((key) => !Array.isArray((state as unknown as Record<string, unknown>)[key]));
    if (missing.length) throw new Error(`not an emulator state file (no ${missing.join(', ')})`);
    return state;
  } catch (error) {
    throw new UsageError(
      `cannot load emulator state from ${file}: ${(error as Error).message}`,
      'Delete the file to start again from the seed.',
    );
  }
}

/** Written to a temporary file and renamed, so a killed emulator never leaves a torn file. */
export function writeStateFile(file: string, state: StoreState): void {
  writeFileAtomic(file, JSON.stringify(state, null, 2));
}
