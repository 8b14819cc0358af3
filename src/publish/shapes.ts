import { ResponseShapeError } from '../http/errors.js';
import type { Note } from './host.js';

/** Response bodies are checked at the edge: a list must be a list. */
export function asArray(body: unknown, what: string): unknown[] {
  if (!Array.isArray(body)) throw new ResponseShapeError('GET', what, `expected a list of ${what}`);
  return body;
}

/** Comments or issues as `{id, body}`, from the fields each host names them by. */
export function asNotes(body: unknown, idField: string, bodyField: string): Note[] {
  return asArray(body, 'comments or issues').flatMap((item) => {
    const record = item as Record<string, unknown>;
    const id = record[idField];
    const text = record[bodyField];
    return typeof id === 'number' ? [{ id, body: typeof text === 'string' ? text : '' }] : [];
  });
}

/** The value at `keys` in a response body: a string or number, or a ResponseShapeError naming it. */
function valueAt(body: unknown, keys: readonly string[], what: string, type: 'string' | 'number') {
  let value: unknown = body;
  for (const key of keys) value = (value as Record<string, unknown> | null | undefined)?.[key];
  if (typeof value !== type)
    throw new ResponseShapeError('GET', what, `expected ${type} ${keys.join('.')} in the ${what}`);
  return value;
}

export const stringAt = (body: unknown, keys: readonly string[], what: string): string =>
  valueAt(body, keys, what, 'string') as string;

export const numberAt = (body: unknown, keys: readonly string[], what: string): number =>
  valueAt(body, keys, what, 'number') as number;
