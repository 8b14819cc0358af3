import { existsSync, readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { StoreState } from './model.js';

/** The state saved by `--state`, or undefined when the file does not exist yet. */
export function readStateFile(file: string): StoreState | undefined {
  if (!existsSync(file)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read emulator state from ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      'Give --state a file you may read and write.',
    );
  }
  try {
    const state = JSON.parse(text) as StoreState;
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
  try {
    writeFileAtomic(file, JSON.stringify(state, null, 2));
  } catch (error) {
    throw new UsageError(
      `cannot save emulator state to ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      'Give --state a file in a folder that exists and that you may write to.',
    );
  }
}
