import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { finalPath, statOrUndefined } from '../util/file-paths.js';
import type { StoreState } from './model.js';

/** What each list's items must carry for the store to be built from them. */
const ITEM_FIELDS = {
  users: { uuid: 'string', name: 'string', active: 'boolean', type: 'number', roles: 'array' },
  teams: { uuid: 'string', name: 'string', members: 'array', administrators: 'array' },
  roles: { uuid: 'string', name: 'string', permissions: 'array' },
  tokens: { uuid: 'string', value: 'string', userUuid: 'string', readOnly: 'boolean' },
} as const;

/** The state saved by `--state`, or undefined when the file does not exist yet. */
export function readStateFile(file: string): StoreState | undefined {
  if (!existsSync(file)) return undefined;
  // A FIFO or a device would block the read, or never hold a state: only a file will do.
  if (!statOrUndefined(file)?.isFile())
    throw new UsageError(
      `cannot keep emulator state in ${file}: it is not a regular file`,
      'Give --state a file, or a path where one can be made.',
    );
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read emulator state from ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      'Give --state a file you may read and write.',
    );
  }
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch (error) {
    throw notAState(file, (error as Error).message);
  }
  const problem = shapeProblem(state);
  if (problem) throw notAState(file, `not an emulator state file (${problem})`);
  return state as StoreState;
}

const notAState = (file: string, problem: string) =>
  new UsageError(
    `cannot load emulator state from ${file}: ${problem}`,
    'Delete the file to start again from the seed.',
  );

function shapeProblem(state: unknown): string | undefined {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return 'not an object';
  const lists = state as Record<string, unknown>;
  const missing = ['users', 'deleted', 'teams', 'roles', 'tokens'].filter(
    (key) => !Array.isArray(lists[key]),
  );
  if (missing.length) return `no ${missing.join(', ')}`;
  for (const [list, fields] of Object.entries(ITEM_FIELDS))
    for (const [i, item] of (lists[list] as unknown[]).entries())
      for (const [field, type] of Object.entries(fields)) {
        const value = (item as Record<string, unknown> | null)?.[field];
        if (type === 'array' ? !Array.isArray(value) : typeof value !== type)
          return `${list}[${i}].${field} is not ${type === 'array' ? 'a list' : `a ${type}`}`;
      }
  return undefined;
}

/**
 * Written to a temporary file and renamed, so a killed emulator never leaves a torn file; through
 * a symbolic link to the file it names, which is never replaced by a copy.
 */
export function writeStateFile(file: string, state: StoreState): void {
  try {
    const target = finalPath(file);
    // The rename would replace a file its owner made read-only: that is refused instead.
    if (existsSync(target)) accessSync(target, constants.W_OK);
    writeFileAtomic(target, JSON.stringify(state, null, 2));
  } catch (error) {
    throw new UsageError(
      `cannot save emulator state to ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      'Give --state a file in a folder that exists and that you may write to.',
    );
  }
}
